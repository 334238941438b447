"""The stats screen in the app (Pilot): figures, tabs, period, language, card text as data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from quizapp.core import locations, stats
from quizapp.core.deck.model import Deck
from quizapp.core.schedule import MINUTE_MS, from_ms
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.widgets.charts import BarChart, Heatmap
from tests.hostile import raw_controls
from tests.stats_helpers import (
    DECK,
    ROME,
    answer,
    learn,
    make_deck,
    qa,
    quiz,
    review_when_due,
    rome,
)
from tests.tui.test_hostile_text import assert_harmless

MARKUP = "[bold]Capitale[/] [link=x]"
NOW = rome(2026, 3, 20, 18, 0)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


def _log(store: Store) -> None:
    start = rome(2026, 3, 2, 9, 0)
    learn(store, "tricky", start)
    learn(store, "easy", start)
    for _ in range(2):
        at = review_when_due(store, "tricky", 1)
        answer(store, "tricky", at + 10 * MINUTE_MS, 3)
    answer(store, "tricky", NOW - MINUTE_MS, 1, mode="practice", typed="[red]Shanghai[/]")
    answer(store, "easy", NOW - 2 * MINUTE_MS, 3, mode="practice", typed="ok")


def _app(
    store: Store, lang: str = "en", deck: Deck | None = None, **chosen: Any
) -> tuple[QuizApp, StatsScreen]:
    """The statistics of `deck` (its catalog synced for these settings, as home does)."""
    deck = deck or make_deck([qa("tricky", ["people"], question=MARKUP), qa("easy", ["dates"])])
    settings = Settings(ui_language=lang, **chosen)  # type: ignore[arg-type]
    stats.sync_catalogs(store, [deck], settings)
    screen = StatsScreen(
        [deck],
        store,
        settings,
        deck_id=DECK,
        clock=lambda: from_ms(NOW).astimezone(timezone.utc),
        tz=ROME,
    )
    app = QuizApp(settings=settings, store=store, start=lambda _app: screen)
    return app, screen


async def _computed(app: QuizApp) -> None:
    await app.workers.wait_for_complete()


def _text(screen: StatsScreen, name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).content)


async def test_figures_tabs_period_and_language(store: Store) -> None:
    _log(store)
    app, screen = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _computed(app)
        await pilot.pause()
        assert screen.result is not None
        overview = _text(screen, "overview-text")
        assert "2 answers · 2 cards" in overview  # today: the two practice answers
        assert "Study days in a row: 1" in overview
        assert _text(screen, "status").startswith("Statistics · last 30 days (2026-02-19")
        heat = screen.query_one(Heatmap)
        assert len(heat.days) == 365 and sum(count for _d, count in heat.days) == 10
        await pilot.press("3")
        assert screen.query_one(TabbedContent).active == "forecast"
        chart = screen.query_one("#forecast-chart", BarChart)
        assert len(chart.series[0]) == 30
        await pilot.press("5")
        tags = screen.query_one("#tags", DataTable)
        assert [str(tags.get_row_at(i)[0]) for i in range(tags.row_count)] == ["dates", "people"]
        await pilot.press("p")  # 30 -> 90 days
        await _computed(app)
        await pilot.pause()
        assert screen.days == 90 and screen.result.days == 90
        assert "last 90 days" in _text(screen, "status")
        await pilot.press("ctrl+l")  # the app switches to Italian
        await pilot.pause()
        assert "ultimi 90 giorni" in _text(screen, "status")
        tabs = screen.query_one(TabbedContent)
        assert str(tabs.get_tab("hardest").label) == "Difficili"
        assert "risposte" in _text(screen, "overview-text")
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


async def test_card_text_and_typed_answers_are_shown_as_data(store: Store) -> None:
    _log(store)
    app, screen = _app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await _computed(app)
        await pilot.pause()
        await pilot.press("6")
        hardest = _text(screen, "hardest-text")
        assert MARKUP in hardest  # markup shown, not applied
        assert "«[red]Shanghai[/]» ×1" in hardest
        assert "2 lapses" in hardest


HOSTILE_TYPED = "\x1b]52;c;SGVsbG8=\x07 a\u202eb"
"""A clipboard write, a bell and a bidi override, as a learner might paste them."""


async def test_hostile_typed_answers_card_text_and_deck_titles_are_escaped(store: Store) -> None:
    _log(store)
    answer(store, "tricky", NOW - 3 * MINUTE_MS, 1, mode="practice", typed=HOSTILE_TYPED)
    quiz(store, 1, NOW - 5 * MINUTE_MS, 7)
    deck = make_deck(
        [qa("tricky", ["people"], question="Capitale\x1b[2J\u202e"), qa("easy", ["dates"])],
        title={"it": "Statistiche \x1b]0;hacked\x07", "en": "Stats \x1b]0;hacked\x07"},
    )
    app, screen = _app(store, deck=deck)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await _computed(app)
        await pilot.pause()
        status, quizzes = _text(screen, "status"), _text(screen, "quiz-text")
        for shown in (status, quizzes):
            assert "Stats \\x1b]0;hacked\\x07" in shown and raw_controls(shown) == []
        await pilot.press("6")
        await pilot.pause()
        hardest = _text(screen, "hardest-text")
        assert raw_controls(hardest) == [], hardest
        assert "«\\x1b]52;c;SGVsbG8=\\x07 a\\u202eb» ×1" in hardest  # the typed answer
        assert "Capitale\\x1b[2J\\u202e (tricky)" in hardest  # the card's question
        assert_harmless(app)


async def test_an_empty_log_shows_zeros_and_no_chart_errors(store: Store) -> None:
    app, screen = _app(store, "it")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _computed(app)
        await pilot.pause()
        for key in "123456":
            await pilot.press(key)
        assert "0 risposte" in _text(screen, "overview-text")
        assert "nessuna, per ora" in _text(screen, "hardest-text")


def test_the_fixed_clock_is_used(store: Store) -> None:
    _unused, screen = _app(store)
    assert screen.clock() == datetime.fromtimestamp(NOW / 1000, tz=timezone.utc)


async def test_a_long_period_keeps_the_retention_chart_within_80_columns(store: Store) -> None:
    from datetime import date, timedelta
    from types import SimpleNamespace

    from quizapp.core.stats.model import Recall, Retention, RetentionWeek
    from quizapp.tui.widgets.stats.cards import CHART_WIDTH, RetentionPane

    weeks = tuple(
        RetentionWeek(
            date(2025, 1, 6) + timedelta(weeks=n),
            Recall(10, 8 + n % 3, 0.9),
            Recall(5, 4, 0.9),
            Recall(5, 4 + n % 2, 0.9),
        )
        for n in range(53)
    )
    app, screen = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _computed(app)
        await pilot.pause()
        pane = screen.query_one(RetentionPane)
        pane.result = SimpleNamespace(retention=Retention(weeks=weeks))  # type: ignore[assignment]
        await pilot.press("4")
        chart = screen.query_one("#retention-chart", BarChart)
        shown = len(chart.labels)
        assert 0 < shown < 53 and chart.labels[-1] == "5 Jan"  # the last weeks
        assert shown * (2 * chart.bar_width + chart.gap) <= CHART_WIDTH
        assert f"(last {shown} weeks)" in str(screen.query_one("#retention-legend", Static).content)
        rows = screen.query_one("#retention-table", DataTable).row_count
        assert rows == 54  # every week in the table, and the total


async def test_figures_arriving_after_the_screen_closed_are_dropped(store: Store) -> None:
    from textual.app import App

    _log(store)
    _unused, screen = _app(store)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    host = Host()
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await host.workers.wait_for_complete()
        await pilot.pause()
        result = screen.result
        assert result is not None
        await pilot.press("escape")
        await pilot.pause()
        assert host.screen is not screen
        screen._show(result)  # what a worker finishing late would do
        screen._failed("late")
        await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "it"])
async def test_card_counts_stay_when_questions_are_asked_in_the_other_language(
    store: Store, lang: str
) -> None:
    _log(store)  # two cards learnt with their questions in Italian
    deck = make_deck([qa("tricky", ["people"]), qa("easy", ["dates"])])
    app, screen = _app(store, lang, deck, study_language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _computed(app)
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        states = " ".join(_text(screen, "states-text").split())
        assert ("2 in review" if lang == "en" else "2 da ripassare") in states, states
        table = screen.query_one("#directions", DataTable)
        rows = {str(table.get_row_at(i)[0]): table.get_row_at(i) for i in range(table.row_count)}
        italian = rows["in Italian" if lang == "en" else "in italiano"]
        assert str(italian[1]) == "2", "the cards studied in Italian are still counted"


@pytest.mark.parametrize(
    ("lang", "retry", "summary"),
    [
        ("en", "100% (retry)", "whole quizzes: best 67% · last 67%"),
        ("it", "100% (ripasso errori)", "quiz interi: massimo 67% · ultimo 67%"),
    ],
)
async def test_the_quiz_list_marks_retries_and_agrees_with_home(
    store: Store, lang: str, retry: str, summary: str
) -> None:
    from quizapp.core.store.records import RETRY_KIND, QuizRun

    store.save_quiz(QuizRun("q1", DECK, NOW - 9 * MINUTE_MS, NOW - 5 * MINUTE_MS, 2, 3, "quiz"))
    store.save_quiz(QuizRun("q2", DECK, NOW - 4 * MINUTE_MS, NOW - 3 * MINUTE_MS, 1, 1, RETRY_KIND))
    best = store.quiz_summary(DECK).best  # what home shows as Best
    assert best is not None and (best.score, best.total) == (2, 3)
    app, screen = _app(store, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _computed(app)
        await pilot.pause()
        quizzes = " ".join(_text(screen, "quiz-text").split())
        assert retry in quizzes and summary in quizzes, quizzes
