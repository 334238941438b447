"""Statistics: where a learner stands, in tabs readable at 80x24.

Overview (today, the period, streak, card states, quiz scores), Calendar (a heatmap of the
past year), Forecast (cards due in the next 30 days), Retention (true against predicted, by
week), Cards (tags, directions, intervals, difficulty) and Hardest (lapses, leeches, lowest
recall, what learners type instead). Everything comes from `quizapp.core.stats.compute`,
run in a worker thread so that a large log never freezes the screen; the charts are the
widgets of `quizapp.tui.widgets.charts` (see there why no plotting library).

Deck titles, tags, card text and the answers learners typed are data: each is shown through
`visible` (or `data` / `data_text`), never as markup, with any control, bidi or zero-width
character shown as its escape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone, tzinfo
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from quizapp.core import stats
from quizapp.core.deck.model import Deck
from quizapp.core.schedule.engine import to_ms
from quizapp.core.settings import Settings
from quizapp.core.stats.model import Group, HardCard, Recall
from quizapp.core.stats.units import duration, percent
from quizapp.core.store.database import Store, StoreError
from quizapp.core.text import printable, visible
from quizapp.tui.base import Localised, LocalisedScreen
from quizapp.tui.format import data, data_text
from quizapp.tui.i18n import phrase_n, t, tn
from quizapp.tui.widgets.charts import BarChart, Heatmap
from quizapp.tui.widgets.footer import KeyFooter

Clock = Callable[[], datetime]
TABS = ("overview", "calendar", "forecast", "retention", "cards", "hardest")
PERIODS = (7, 30, 90, 365)
CHART_WIDTH = 66
"""Columns a chart may use at 80x24 (the screen less padding, scrollbar and value axis)."""
RETENTION_LAYOUTS = ((2, 3), (2, 1), (1, 1))
"""(bar width, gap) from the widest: the first that fits the weeks; else the last weeks."""


class StatsScreen(LocalisedScreen[None]):
    """Statistics of one deck (`deck_id`) or of all decks."""

    DEFAULT_CSS = """
    StatsScreen { overflow: hidden; }
    StatsScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    StatsScreen TabbedContent { height: 1fr; }
    StatsScreen ContentSwitcher { height: 1fr; }
    StatsScreen TabPane { padding: 0 1; height: 1fr; }
    StatsScreen VerticalScroll { height: 1fr; }
    StatsScreen .section { margin-top: 1; text-style: bold; }
    StatsScreen .note { color: $text-muted; }
    StatsScreen DataTable { height: auto; max-height: 14; }
    StatsScreen .legend-true { color: $primary; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="stats.back"),
        Binding("p", "period", "Period", id="stats.period"),
        Binding("a", "scope", "All decks", id="stats.scope"),
        Binding("r", "refresh", "Refresh", id="stats.refresh"),
        *(
            Binding(str(n), f"show_tab('{name}')", name.title(), id=f"stats.tab{n}", show=False)
            for n, name in enumerate(TABS, start=1)
        ),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        store: Store,
        settings: Settings,
        *,
        deck_id: str | None = None,
        clock: Clock | None = None,
        tz: tzinfo | None = None,
        days: int = stats.DEFAULT_DAYS,
    ) -> None:
        """`clock` returns the current time (tests fix it); `tz` is the time zone of the day
        start (default: the system's)."""
        super().__init__(settings.ui_language)
        self.decks = list(decks)
        self.store = store
        self.settings = settings
        self.deck_id = deck_id
        self.home_deck_id = deck_id
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.tz = tz
        self.days = days
        self.result: stats.Stats | None = None

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        with TabbedContent(id="tabs"):
            with TabPane(t(self.lang, "stats.tab.overview"), id="overview"), VerticalScroll():
                yield Static(id="overview-text")
                yield Static(classes="section", id="quiz-title")
                yield Static(id="quiz-text")
            with TabPane(t(self.lang, "stats.tab.calendar"), id="calendar"), VerticalScroll():
                yield Heatmap(id="heatmap")
                yield Static(id="calendar-text")
            with TabPane(t(self.lang, "stats.tab.forecast"), id="forecast"), VerticalScroll():
                yield BarChart(rows=9, id="forecast-chart")
                yield Static(id="forecast-text")
            with TabPane(t(self.lang, "stats.tab.retention"), id="retention"), VerticalScroll():
                yield BarChart(rows=7, id="retention-chart")
                yield Static(id="retention-legend")
                yield DataTable(id="retention-table", cursor_type="none", zebra_stripes=True)
                yield Static(classes="note", id="retention-note")
            with TabPane(t(self.lang, "stats.tab.cards"), id="cards"), VerticalScroll():
                yield Static(id="states-text")
                yield Static(classes="section", id="tags-title")
                yield DataTable(id="tags", cursor_type="none", zebra_stripes=True)
                yield Static(classes="section", id="directions-title")
                yield DataTable(id="directions", cursor_type="none", zebra_stripes=True)
                yield Static(classes="section", id="intervals-title")
                yield BarChart(rows=5, id="intervals-chart")
                yield Static(classes="section", id="difficulty-title")
                yield BarChart(rows=5, id="difficulty-chart")
            with TabPane(t(self.lang, "stats.tab.hardest"), id="hardest"), VerticalScroll():
                yield Static(id="hardest-text")
        yield KeyFooter().data_bind(Localised.lang)

    def on_mount(self) -> None:
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def settings_changed(self, settings: Settings) -> None:
        self.settings = settings  # the next figures are computed with them

    def watch_lang(self) -> None:
        """Speak the new UI language at once (the figures stay as computed)."""
        tabs = self.query_one(TabbedContent)
        for name in TABS:
            tabs.get_tab(name).label = Content(t(self.lang, f"stats.tab.{name}"))
        if self.result is not None:
            self._show(self.result)

    # -- computing -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="stats")
    def _compute(self) -> None:
        try:
            # Cheap when the decks did not change (the home screen records them too).
            stats.sync_catalogs(self.store, self.decks, self.settings)
            result = stats.compute(
                self.store,
                self.decks,
                deck_id=self.deck_id,
                days=self.days,
                now=to_ms(self.clock()),
                day_start_hour=self.settings.day_start_hour,
                tz=self.tz,
            )
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show, result)

    def _failed(self, message: str) -> None:
        if not self.is_attached:  # closed while computing
            return
        self._show_status(t(self.lang, "stats.failed"))
        self.notify(visible(message), severity="error", markup=False, timeout=10)

    # -- showing ---------------------------------------------------------------------------

    def _static(self, name: str) -> Static:
        return self.query_one(f"#{name}", Static)

    def _show_status(self, text: str) -> None:
        self._static("status").update(Content(text))

    def _deck_name(self) -> str:
        if self.deck_id is None:
            return t(self.lang, "stats.all_decks")
        for deck in self.decks:
            if deck.id == self.deck_id:
                return deck.deck.title.get(self.lang)
        return self.deck_id

    def _show(self, result: stats.Stats) -> None:
        if not self.is_attached:  # closed while computing
            return
        self.result = result
        lang = self.lang
        self.sub_title = t(lang, "stats.title")
        self._show_status(
            t(
                lang,
                "stats.status",
                deck=printable(self._deck_name()),
                period=phrase_n("stats.last_days", result.days),
                start=result.period_from.isoformat(),
                end=result.period_to.isoformat(),
            )
        )
        self._show_overview(result)
        self._show_calendar(result)
        self._show_forecast(result)
        self._show_retention(result)
        self._show_cards(result)
        self._show_hardest(result)

    def _show_overview(self, result: stats.Stats) -> None:
        lang = self.lang
        today, period, cards = result.today.activity, result.period, result.cards
        lines = [
            t(lang, "stats.today", date=result.today.date.isoformat()),
            t(
                lang,
                "stats.activity",
                answers=phrase_n("stats.answers", today.answers),
                cards=phrase_n("stats.cards", today.cards),
                new=phrase_n("stats.new", today.new_cards),
                time=duration(today.time_ms),
                again=percent(today.again_rate),
            ),
            t(lang, "stats.streak", days=result.today.streak),
            "",
            tn(lang, "stats.period", result.days),
            t(
                lang,
                "stats.activity",
                answers=phrase_n("stats.answers", period.answers),
                cards=phrase_n("stats.cards", period.cards),
                new=phrase_n("stats.new", period.new_cards),
                time=duration(period.time_ms),
                again=percent(period.again_rate),
            ),
            tn(lang, "stats.days_studied", result.days, studied=period.days_studied),
            "",
            t(
                lang,
                "stats.states",
                new=phrase_n("stats.new", cards.new),
                learning=cards.learning + cards.relearning,
                review=cards.review,
                suspended=phrase_n("stats.suspended", cards.suspended),
            ),
            t(
                lang,
                "stats.due_line",
                today=result.forecast[0].count,
                overdue=result.overdue,
                week=sum(day.count for day in result.forecast[:7]),
            ),
        ]
        self._static("overview-text").update(Content("\n".join(lines)))
        self._static("quiz-title").update(Content(t(lang, "stats.quizzes")))
        titles = {deck.id: deck.deck.title.get(lang) for deck in self.decks}
        quiz_lines = []
        for history in result.quizzes:
            scores = "  ".join(
                f"{self._short_date(run.date)} {percent(run.ratio)}" for run in history.runs[-6:]
            )
            title = printable(titles.get(history.deck_id, history.deck_id))
            quiz_lines.append(f"{title}: {scores}")
        text = "\n".join(quiz_lines) or t(lang, "stats.no_quizzes")
        self._static("quiz-text").update(data(text))

    def _short_date(self, day: date) -> str:
        return f"{day.day} {t(self.lang, 'stats.months').split()[day.month - 1]}"

    def _show_calendar(self, result: stats.Stats) -> None:
        lang = self.lang
        self.query_one(Heatmap).show(
            [(day.date, day.count) for day in result.heatmap],
            t(lang, "stats.weekdays").split(),
            t(lang, "stats.months").split(),
        )
        counts = [day.count for day in result.heatmap]
        busiest = max(range(len(counts)), key=lambda i: (counts[i], i)) if counts else 0
        text = t(
            lang,
            "stats.calendar_note",
            total=sum(counts),
            active=sum(1 for count in counts if count),
            busiest=result.heatmap[busiest].date.isoformat() if counts else "-",
            most=counts[busiest] if counts else 0,
        )
        self._static("calendar-text").update(Content(text))

    def _show_forecast(self, result: stats.Stats) -> None:
        counts = [day.count for day in result.forecast]
        labels = [
            f"{day.date.day}" if index % 5 == 0 else "" for index, day in enumerate(result.forecast)
        ]
        top = max([1, *counts])
        self.query_one("#forecast-chart", BarChart).show(
            labels, [counts], high=top, axis=(str(top), "0"), bar_width=1, gap=1
        )
        text = t(
            self.lang,
            "stats.forecast_note",
            today=counts[0],
            overdue=result.overdue,
            tomorrow=counts[1],
            week=sum(counts[:7]),
            month=sum(counts),
        )
        self._static("forecast-text").update(Content(text))

    def _show_retention(self, result: stats.Stats) -> None:
        lang = self.lang
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
        self.query_one("#retention-chart", BarChart).show(
            [self._short_date(week.week) for week in shown],
            [rates, predicted],
            low=low,
            high=1.0,
            axis=("100%", f"{round(low * 100)}%"),
            bar_width=bar_width,
            gap=gap,
        )
        legend = Text()
        legend.append("██", style=self._series_style(0))
        legend.append(f" {t(lang, 'stats.true')}   ")
        legend.append("██", style=self._series_style(1))
        legend.append(f" {t(lang, 'stats.predicted')}")
        if len(shown) < len(weeks):
            legend.append("   " + tn(lang, "stats.last_weeks", len(shown)))
        self._static("retention-legend").update(legend)
        table = self.query_one("#retention-table", DataTable)
        table.clear(columns=True)
        for key in ("week", "reviews", "true", "predicted", "young", "mature"):
            table.add_column(Text(t(lang, f"stats.col.{key}")), key=key)
        for week in weeks:
            table.add_row(
                *_retention_row(Text(week.week.isoformat()), week.total, week.young, week.mature)
            )
        table.add_row(
            *_retention_row(
                Text(t(lang, "stats.all"), style="bold"),
                retention.total,
                retention.young,
                retention.mature,
            )
        )
        note = t(lang, "stats.retention_note")
        if retention.sample_cards < retention.cards:
            note += " " + t(
                lang, "stats.sample", sample=retention.sample_cards, cards=retention.cards
            )
        self._static("retention-note").update(Content(note))

    def _series_style(self, number: int) -> str:
        chart = self.query_one("#retention-chart", BarChart)
        return str(chart.get_component_rich_style(f"bar-chart--series-{number}"))

    def _show_cards(self, result: stats.Stats) -> None:
        lang = self.lang
        cards = result.cards
        self._static("states-text").update(
            Content(
                t(
                    lang,
                    "stats.states_full",
                    new=phrase_n("stats.new", cards.new),
                    learning=cards.learning,
                    relearning=cards.relearning,
                    review=cards.review,
                    suspended=phrase_n("stats.suspended", cards.suspended),
                )
            )
        )
        self._static("tags-title").update(Content(t(lang, "stats.by_tag")))
        self._fill_groups("tags", "tag", result.by_tag)
        self._static("directions-title").update(Content(t(lang, "stats.by_direction")))
        self._fill_groups("directions", "direction", result.by_direction)
        self._static("intervals-title").update(Content(t(lang, "stats.intervals")))
        self.query_one("#intervals-chart", BarChart).show(
            [bucket.label for bucket in cards.intervals],
            [[bucket.count for bucket in cards.intervals]],
            high=max([1, *(bucket.count for bucket in cards.intervals)]),
            axis=(str(max([1, *(b.count for b in cards.intervals)])), "0"),
            bar_width=6,
            gap=1,
        )
        self._static("difficulty-title").update(Content(t(lang, "stats.difficulty")))
        self.query_one("#difficulty-chart", BarChart).show(
            [bucket.label for bucket in cards.difficulty],
            [[bucket.count for bucket in cards.difficulty]],
            high=max([1, *(bucket.count for bucket in cards.difficulty)]),
            axis=(str(max([1, *(b.count for b in cards.difficulty)])), "0"),
            bar_width=5,
            gap=1,
        )

    def _fill_groups(self, table_id: str, kind: str, groups: Sequence[Group]) -> None:
        lang = self.lang
        table = self.query_one(f"#{table_id}", DataTable)
        table.clear(columns=True)
        for key in (kind, "cards", "studied", "answers", "accuracy", "stability"):
            table.add_column(Text(t(lang, f"stats.col.{key}")), key=key)
        for group in groups:
            name = group.name or t(lang, "stats.no_tag")
            if kind == "direction":
                name = (
                    t(lang, f"stats.direction.{group.name}")
                    if group.name
                    in (
                        "it",
                        "en",
                        "it>en",
                        "en>it",
                    )
                    else group.name
                )
            stability = "-" if group.stability is None else f"{group.stability:.1f}d"
            table.add_row(
                data_text(name),
                Text(str(group.cards), justify="right"),
                Text(str(group.studied), justify="right"),
                Text(str(group.answers), justify="right"),
                Text(percent(group.accuracy), justify="right"),
                Text(stability, justify="right"),
            )

    def _show_hardest(self, result: stats.Stats) -> None:
        lang = self.lang
        hardest = result.hardest
        text = Text()
        text.append(t(lang, "stats.leeches", count=hardest.leech_count) + "\n\n", style="bold")
        sections = (
            ("stats.most_lapses", hardest.lapses),
            ("stats.lowest_recall", hardest.lowest_retrievability),
        )
        for key, cards in sections:
            text.append(t(lang, key) + "\n", style="bold")
            if not cards:
                text.append(t(lang, "stats.none") + "\n")
            for card in cards[:6]:
                self._card_lines(text, card)
            text.append("\n")
        self._static("hardest-text").update(text)

    def _card_lines(self, text: Text, card: HardCard) -> None:
        lang = self.lang
        text.append(f"• {visible(card.question or card.card_id)}", style="bold")
        text.append(f"  ({visible(card.direction)})\n")
        facts = t(
            lang,
            "stats.card_facts",
            lapses=phrase_n("stats.lapses", card.lapses),
            recall=percent(card.retrievability),
        )
        if card.leech:
            facts += " · " + t(lang, "stats.leech")
        text.append(f"  {facts}\n", style="dim")
        if card.confusions:
            typed = ", ".join(f"«{printable(c.answer)}» ×{c.count}" for c in card.confusions)
            text.append(f"  {t(lang, 'stats.typed_instead')}: {typed}\n")

    # -- actions ---------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_period(self) -> None:
        """Cycle the period: 7, 30, 90 and 365 study days."""
        following = [days for days in PERIODS if days > self.days]
        self.days = following[0] if following else PERIODS[0]
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def action_scope(self) -> None:
        """Switch between the deck the screen opened on and all decks."""
        self.deck_id = None if self.deck_id is not None else self.home_deck_id
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scope":
            return self.home_deck_id is not None
        return True

    def action_refresh(self) -> None:
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def action_show_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = name


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
