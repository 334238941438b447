"""The overview, calendar and forecast panes of the statistics (see the package docstring)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quizapp.core import stats
from quizapp.core.deck.model import Deck
from quizapp.core.stats.model import Activity
from quizapp.core.stats.units import duration, percent
from quizapp.core.store.records import RETRY_KIND
from quizapp.core.text import printable
from quizapp.tui.format import data
from quizapp.tui.i18n import phrase_n, t, tn
from quizapp.tui.widgets.charts import BarChart, Heatmap
from quizapp.tui.widgets.stats import StatsPane, short_date


def activity_line(lang: str, activity: Activity) -> str:
    """ "  2 answers · 1 card · 0 new · 1m · again 50%": each count with its noun."""
    return t(
        lang,
        "stats.activity",
        answers=phrase_n("stats.answers", activity.answers),
        cards=phrase_n("stats.cards", activity.cards),
        new=phrase_n("stats.new", activity.new_cards),
        time=duration(activity.time_ms),
        again=percent(activity.again_rate),
    )


class OverviewPane(StatsPane):
    """Today, the period, the streak, the cards by state and the quiz scores."""

    NAME = "overview"

    def __init__(self, lang: str, decks: Sequence[Deck]) -> None:
        super().__init__(lang)
        self.decks = list(decks)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="overview-text")
            yield Static(classes="section", id="quiz-title")
            yield Static(id="quiz-text")

    def draw(self, result: stats.Stats, lang: str) -> None:
        cards = result.cards
        lines = [
            t(lang, "stats.today", date=result.today.date.isoformat()),
            activity_line(lang, result.today.activity),
            t(lang, "stats.streak", days=result.today.streak),
            "",
            tn(lang, "stats.period", result.days),
            activity_line(lang, result.period),
            tn(lang, "stats.days_studied", result.days, studied=result.period.days_studied),
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
        self.query_one("#overview-text", Static).update(Content("\n".join(lines)))
        self.query_one("#quiz-title", Static).update(Content(t(lang, "stats.quizzes")))
        titles = {deck.id: deck.deck.title.get(lang) for deck in self.decks}
        quiz_lines = []
        retry = t(lang, "stats.retry_mark")
        for history in result.quizzes:
            scores = "  ".join(
                f"{short_date(run.date, lang)} {percent(run.ratio)}"
                + (f" {retry}" if run.kind == RETRY_KIND else "")
                for run in history.runs[-6:]
            )
            title = printable(titles.get(history.deck_id, history.deck_id))
            quiz_lines.append(f"{title}: {scores}")
            quiz_lines.append(
                t(lang, "stats.best_last", best=percent(history.best), last=percent(history.last))
            )
        text = "\n".join(quiz_lines) or t(lang, "stats.no_quizzes")
        self.query_one("#quiz-text", Static).update(data(text))


class CalendarPane(StatsPane):
    """A heatmap of the answers of the past year."""

    NAME = "calendar"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Heatmap(id="heatmap")
            yield Static(id="calendar-text")

    def draw(self, result: stats.Stats, lang: str) -> None:
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
        self.query_one("#calendar-text", Static).update(Content(text))


class ForecastPane(StatsPane):
    """The cards due on each of the next 30 days."""

    NAME = "forecast"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield BarChart(rows=9, id="forecast-chart")
            yield Static(id="forecast-text")

    def draw(self, result: stats.Stats, lang: str) -> None:
        counts = [day.count for day in result.forecast]
        labels = [
            f"{day.date.day}" if index % 5 == 0 else "" for index, day in enumerate(result.forecast)
        ]
        top = max([1, *counts])
        self.query_one("#forecast-chart", BarChart).show(
            labels, [counts], high=top, axis=(str(top), "0"), bar_width=1, gap=1
        )
        text = t(
            lang,
            "stats.forecast_note",
            today=counts[0],
            overdue=result.overdue,
            tomorrow=counts[1],
            week=sum(counts[:7]),
            month=sum(counts),
        )
        self.query_one("#forecast-text", Static).update(Content(text))
