"""The retention, cards and hardest panes of the statistics (see the package docstring)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from quizapp.core import stats
from quizapp.core.stats.model import Bucket, Group, HardCard, Recall
from quizapp.core.stats.units import percent
from quizapp.core.text import printable, visible
from quizapp.tui.format import data_text, decimal
from quizapp.tui.i18n import phrase_n, t, tn
from quizapp.tui.widgets.charts import BarChart
from quizapp.tui.widgets.stats import StatsPane, short_date

CHART_WIDTH = 66
"""Columns a chart may use at 80x24 (the screen less padding, scrollbar and value axis)."""
RETENTION_LAYOUTS = ((2, 3), (2, 1), (1, 1))
"""(bar width, gap) from the widest: the first that fits the weeks; else the last weeks."""


class RetentionPane(StatsPane):
    """True retention against FSRS's prediction, week by week: a chart and a table."""

    NAME = "retention"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield BarChart(rows=7, id="retention-chart")
            yield Static(id="retention-legend")
            yield DataTable(id="retention-table", cursor_type="none", zebra_stripes=True)
            yield Static(classes="note", id="retention-note")

    def draw(self, result: stats.Stats, lang: str) -> None:
        retention = result.retention
        weeks = [week for week in retention.weeks if week.total.reviews]
        bar_width, gap = 1, 1
        for bar_width, gap in RETENTION_LAYOUTS:
            if len(weeks) * (2 * bar_width + gap) <= CHART_WIDTH:
                break
        shown = weeks[-(CHART_WIDTH // (2 * bar_width + gap)) :]
        rates = [week.total.rate for week in shown]
        predicted = [week.total.predicted for week in shown]
        values = [v for v in (*rates, *predicted) if v is not None]
        low = max(0.0, (int(min(values, default=0.5) * 10) - 1) / 10)
        chart = self.query_one("#retention-chart", BarChart)
        chart.show(
            [short_date(week.week, lang) for week in shown],
            [rates, predicted],
            low=low,
            high=1.0,
            axis=("100%", f"{round(low * 100)}%"),
            bar_width=bar_width,
            gap=gap,
        )
        legend = Text()
        legend.append("██", style=chart.get_component_rich_style("bar-chart--series-0"))
        legend.append(f" {t(lang, 'stats.true')}   ")
        legend.append("██", style=chart.get_component_rich_style("bar-chart--series-1"))
        legend.append(f" {t(lang, 'stats.predicted')}")
        if len(shown) < len(weeks):
            legend.append("   " + tn(lang, "stats.last_weeks", len(shown)))
        self.query_one("#retention-legend", Static).update(legend)
        table = self.query_one("#retention-table", DataTable)
        table.clear(columns=True)
        for key in ("week", "reviews", "true", "predicted", "young", "mature"):
            table.add_column(Text(t(lang, f"stats.col.{key}")), key=key)
        for week in weeks:
            table.add_row(
                *_retention_row(Text(week.week.isoformat()), week.total, week.young, week.mature)
            )
        everything = Text(t(lang, "stats.all"), style="bold")
        table.add_row(
            *_retention_row(everything, retention.total, retention.young, retention.mature)
        )
        note = t(lang, "stats.retention_note")
        if retention.sample_cards < retention.cards:
            note += " " + t(
                lang, "stats.sample", sample=retention.sample_cards, cards=retention.cards
            )
        self.query_one("#retention-note", Static).update(Content(note))


def _retention_row(label: Text, total: Recall, young: Recall, mature: Recall) -> list[Text]:
    return [
        label,
        Text(str(total.reviews), justify="right"),
        Text(percent(total.rate), justify="right"),
        Text(percent(total.predicted), justify="right"),
        Text(_recall(young), justify="right"),
        Text(_recall(mature), justify="right"),
    ]


def _recall(cell: Recall) -> str:
    return f"{percent(cell.rate)} ({cell.reviews})" if cell.reviews else "-"


class CardsPane(StatsPane):
    """The cards by state, tag and direction; their intervals and difficulty."""

    NAME = "cards"
    DIRECTIONS: ClassVar[tuple[str, ...]] = ("it", "en", "it>en", "en>it")
    """The directions with a name of their own (any other is shown as it is)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="states-text")
            yield Static(classes="section", id="tags-title")
            yield DataTable(id="tags", cursor_type="none", zebra_stripes=True)
            yield Static(classes="section", id="directions-title")
            yield DataTable(id="directions", cursor_type="none", zebra_stripes=True)
            yield Static(classes="section", id="intervals-title")
            yield BarChart(rows=5, id="intervals-chart")
            yield Static(classes="section", id="difficulty-title")
            yield BarChart(rows=5, id="difficulty-chart")

    def draw(self, result: stats.Stats, lang: str) -> None:
        cards = result.cards
        states = t(
            lang,
            "stats.states_full",
            new=phrase_n("stats.new", cards.new),
            learning=cards.learning,
            relearning=cards.relearning,
            review=cards.review,
            suspended=phrase_n("stats.suspended", cards.suspended),
        )
        self.query_one("#states-text", Static).update(Content(states))
        for name, key in (
            ("tags", "stats.by_tag"),
            ("directions", "stats.by_direction"),
            ("intervals", "stats.intervals"),
            ("difficulty", "stats.difficulty"),
        ):
            self.query_one(f"#{name}-title", Static).update(Content(t(lang, key)))
        self._fill_groups(lang, "tags", "tag", result.by_tag)
        self._fill_groups(lang, "directions", "direction", result.by_direction)
        self._buckets("#intervals-chart", cards.intervals, bar_width=6)
        self._buckets("#difficulty-chart", cards.difficulty, bar_width=5)

    def _buckets(self, chart_id: str, buckets: Sequence[Bucket], *, bar_width: int) -> None:
        top = max([1, *(bucket.count for bucket in buckets)])
        self.query_one(chart_id, BarChart).show(
            [bucket.label for bucket in buckets],
            [[bucket.count for bucket in buckets]],
            high=top,
            axis=(str(top), "0"),
            bar_width=bar_width,
            gap=1,
        )

    def _fill_groups(self, lang: str, table_id: str, kind: str, groups: Sequence[Group]) -> None:
        table = self.query_one(f"#{table_id}", DataTable)
        table.clear(columns=True)
        for key in (kind, "cards", "studied", "answers", "accuracy", "stability"):
            table.add_column(Text(t(lang, f"stats.col.{key}")), key=key)
        for group in groups:
            name = group.name or t(lang, "stats.no_tag")
            if kind == "direction" and group.name in self.DIRECTIONS:
                name = t(lang, f"stats.direction.{group.name}")
            elif kind == "direction":
                name = group.name
            stability = "-"
            if group.stability is not None:  # days, as Anki abbreviates them: 12.3d, 12,3g
                stability = decimal(group.stability, 1, lang) + ("g" if lang == "it" else "d")
            table.add_row(
                data_text(name),
                Text(str(group.cards), justify="right"),
                Text(str(group.studied), justify="right"),
                Text(str(group.answers), justify="right"),
                Text(percent(group.accuracy), justify="right"),
                Text(stability, justify="right"),
            )


class HardestPane(StatsPane):
    """Leeches, the cards forgotten most, the least likely recalled, and what learners type
    instead of their answers."""

    NAME = "hardest"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="hardest-text")

    def draw(self, result: stats.Stats, lang: str) -> None:
        hardest = result.hardest
        text = Text()
        text.append(t(lang, "stats.leeches", count=hardest.leech_count) + "\n\n", style="bold")
        sections = (
            ("stats.most_lapses", hardest.lapses, "stats.none"),
            ("stats.lowest_recall", hardest.lowest_retrievability, "stats.none_at_risk"),
        )
        for key, cards, none in sections:
            text.append(t(lang, key) + "\n", style="bold")
            if not cards:
                text.append(t(lang, none) + "\n")
            for card in cards[:6]:
                _card_lines(text, card, lang)
            text.append("\n")
        self.query_one("#hardest-text", Static).update(text)


def _card_lines(text: Text, card: HardCard, lang: str) -> None:
    text.append(f"• {visible(card.question or card.card_id)}", style="bold")
    text.append(f"  ({visible(card.direction)})\n")
    facts = t(
        lang,
        "stats.card_facts",
        lapses=phrase_n("stats.lapses", card.lapses),
        again=phrase_n("stats.again", card.again),
        recall=percent(card.retrievability),
    )
    if card.leech:
        facts += " · " + t(lang, "stats.leech")
    text.append(f"  {facts}\n", style="dim")
    if card.confusions:
        typed = ", ".join(f"«{printable(c.answer)}» ×{c.count}" for c in card.confusions)
        text.append(f"  {t(lang, 'stats.typed_instead')}: {typed}\n")
