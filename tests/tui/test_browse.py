"""The Browse screen (Pilot): reached from home, filters, search, sort, choosing rows, each
action and undo, both languages, card text as data, and `e` left for editing cards."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from quizapp.core import locations
from quizapp.core.deck import load_deck
from quizapp.core.schedule import DAY_MS, Mode, from_ms, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.browse_due import SetDueScreen
from quizapp.tui.widgets.footer import KeyFooter
from tests.browse_helpers import SMALL_DECK, make_leech, write_small_deck
from tests.stats_helpers import ROME

NOW = to_ms(datetime(2026, 3, 20, 17, 30, tzinfo=timezone.utc))
LEECH = (SMALL_DECK, "users", "it")


@pytest.fixture
def store() -> Iterator[Store]:
    write_small_deck(locations.user_decks_dir() / "small.toml")
    with Store(locations.database_path(), tz=ROME) as opened:
        make_leech(opened, LEECH, NOW - 200 * DAY_MS)
        yield opened


def _app(store: Store, lang: str = "en") -> tuple[QuizApp, BrowseScreen]:
    deck = load_deck(locations.user_decks_dir() / "small.toml")
    settings = Settings(ui_language=lang)  # type: ignore[arg-type]
    screen = BrowseScreen(deck, store, settings, clock=lambda: from_ms(NOW), tz=ROME)
    return QuizApp(settings=settings, store=store, start=lambda _app: screen), screen


def _rows(screen: BrowseScreen) -> list[list[str]]:
    table = screen.query_one("#prompts", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def _text(screen: BrowseScreen, name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).content)


def _consistent(store: Store) -> None:
    before = store.states(SMALL_DECK)
    assert store.check().ok
    store.rebuild()
    assert store.states(SMALL_DECK) == before


async def test_home_shows_the_browse_key_and_opens_the_highlighted_deck(store: Store) -> None:
    app = QuizApp(settings=Settings(ui_language="en"), store=store)
    async with app.run_test(size=(100, 24)) as pilot:  # at 80 columns the footer drops it
        await pilot.pause()
        footer = {key.description for key in app.screen.query_one(KeyFooter).keys}
        assert "Browse" in footer
        await pilot.press("question_mark")
        await pilot.pause()
        help_table = app.screen.query_one("#keys", DataTable)
        lines = [[str(c) for c in help_table.get_row_at(i)] for i in range(help_table.row_count)]
        assert any("Browse" in line for line in lines), lines
        await pilot.press("escape", "down", "b")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.deck.id == SMALL_DECK
        assert len(_rows(app.screen)) == 6
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


@pytest.mark.parametrize(
    ("lang", "filters", "suspended", "undone"),
    [
        (
            "en",
            "f state: all · t tag: all · l leeches: on · o sort: deck ↑",
            "1 card of 6 · one selected",
            "Undone: the last action on one card.",
        ),
        (
            "it",
            "f stato: tutte · t etichetta: tutte · l sanguisughe: sì · o ordine: mazzo ↑",
            "1 carta di 6 · una selezionata",
            "Annullato: l'ultima azione su una carta.",
        ),
    ],
)
async def test_a_learner_finds_a_leech_suspends_it_and_undoes_that(
    store: Store, lang: str, filters: str, suspended: str, undone: str
) -> None:
    app, screen = _app(store, lang)
    said: list[str] = []
    screen.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    logged = store.review_count()
    before = store.state(LEECH)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        assert _text(screen, "filters") == filters
        rows = _rows(screen)
        assert [row[1] for row in rows] == ["users"]
        assert rows[0][8] == "!" and rows[0][7] == "8"
        await pilot.press("space", "s")
        await pilot.pause()
        state = store.state(LEECH)
        assert state is not None and state.suspended
        assert store.reviews(LEECH)[-1].mode == Mode.SUSPEND
        assert _rows(screen)[0][0] == "✓" and _rows(screen)[0][8] == "S!"
        assert _text(screen, "status").startswith(suspended)
        _consistent(store)
        await pilot.press("u")
        await pilot.pause()
        assert store.state(LEECH) == before and store.review_count() == logged
        assert _rows(screen)[0][8] == "!"
        assert undone in said
        _consistent(store)


async def test_suspend_on_rows_all_suspended_unsuspends_them(store: Store) -> None:
    app, screen = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "space", "s")  # liang and city
        await pilot.pause()
        assert [row[8] for row in _rows(screen)][:3] == ["S", "S", ""]
        await pilot.press("s")
        await pilot.pause()
        assert [row[8] for row in _rows(screen)][:3] == ["", "", ""]
        modes = [r.mode for r in store.reviews(deck_id=SMALL_DECK) if r.mode != Mode.STUDY]
        assert modes == [Mode.SUSPEND, Mode.SUSPEND, Mode.UNSUSPEND, Mode.UNSUSPEND]
        await pilot.press("u")  # suspended again
        await pilot.press("f", "f", "f", "f", "f")  # the suspended ones
        assert [row[1] for row in _rows(screen)] == ["liang", "city"]
        await pilot.press("s")  # unsuspended: they leave the table
        await pilot.pause()
        assert _rows(screen) == []


async def test_bury_reset_and_set_due_on_the_highlighted_row(store: Store) -> None:
    app, screen = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down")  # users, the leech
        assert screen.highlighted() is not None and screen.highlighted().key == LEECH  # type: ignore[union-attr]
        await pilot.press("b")
        await pilot.pause()
        assert _rows(screen)[3][8] == "B!"
        await pilot.press("n")
        await pilot.pause()
        state = store.state(LEECH)
        assert state is not None and state.stability is None and _rows(screen)[3][4] == "new"
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SetDueScreen)
        dialog.query_one("#due-days", Input).value = "99999"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetDueScreen)
        assert str(dialog.query_one("#due-problem", Static).content) == (
            "A whole number from 0 to 36500."
        )
        dialog.query_one("#due-days", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert _rows(screen)[3][4:6] == ["review", "5d"]
        for _ in range(3):
            await pilot.press("u")
            await pilot.pause()
        assert _rows(screen)[3][4:6] == ["review", "-175d"]
        assert _rows(screen)[3][8] == "!"
        _consistent(store)


async def test_search_state_tag_and_sort(store: Store) -> None:
    app, screen = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.has_focus
        search.value = "KIMI"
        await pilot.pause(0.4)  # searched once the typing pauses
        assert [row[1] for row in _rows(screen)] == ["users"]
        await pilot.press("escape")
        assert screen.query_one("#prompts", DataTable).has_focus
        await pilot.press("slash")
        search.value = "fondato"
        await pilot.press("enter")  # at once
        assert [row[1] for row in _rows(screen)] == ["liang"]
        assert screen.query_one("#prompts", DataTable).has_focus
        search.value = ""
        await pilot.pause(0.4)
        assert len(_rows(screen)) == 6
        await pilot.press("f")  # new
        assert len(_rows(screen)) == 5
        await pilot.press("f", "f")  # learning, review
        assert [row[1] for row in _rows(screen)] == ["users"]
        await pilot.press("f", "f", "f")  # relearning, suspended, buried
        assert _rows(screen) == []
        assert _text(screen, "detail") == "No card matches the filters."
        await pilot.press("f")  # due today
        assert [row[1] for row in _rows(screen)] == ["users"]
        assert "f state: due today" in _text(screen, "filters")
        await pilot.press("f")
        assert len(_rows(screen)) == 6
        await pilot.press("t")  # the commonest tag first: figures
        assert [row[1] for row in _rows(screen)] == ["cost", "users"]
        await pilot.press("t", "t", "t", "t")  # people, places, vocab, all
        assert len(_rows(screen)) == 6
        await pilot.press("o")  # due: the only one with a due date first
        assert _rows(screen)[0][1] == "users"
        assert "o sort: due ↑" in _text(screen, "filters")
        await pilot.press("O")
        assert "o sort: due ↓" in _text(screen, "filters")


async def test_switching_language_redraws_the_table(store: Store) -> None:
    app, screen = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = screen.query_one("#prompts", DataTable)
        assert [str(c.label) for c in table.ordered_columns][1:4] == ["Card", "Dir", "Question"]
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert [str(c.label) for c in table.ordered_columns][1:4] == ["Carta", "Dir.", "Domanda"]
        assert _rows(screen)[3][4:6] == ["ripasso", "-175g"]
        assert "ripetizioni" not in _text(screen, "detail")


async def test_card_text_is_shown_as_data(store: Store) -> None:
    app, screen = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cell = _rows(screen)[1][3]
        assert cell.startswith("[bold]Quale[/] \\x1b[2J")
        await pilot.press("down")
        detail = _text(screen, "detail")
        assert "[bold]Quale[/] \\x1b[2Jcittà? [@click=app.quit]q[/]" in detail
        assert "\x1b" not in detail
        assert app.is_running


def test_the_key_e_edits_cards() -> None:
    ids = {binding.id for binding in BrowseScreen.BINDINGS if not isinstance(binding, tuple)}
    on_e = [
        binding.id
        for binding in BrowseScreen.BINDINGS
        if not isinstance(binding, tuple)
        for key in binding.key.split(",")
        if key.strip() == "e"
    ]
    assert on_e == ["browse.edit"]
    assert {"browse.suspend", "browse.bury", "browse.reset", "browse.undo"} <= ids


def test_the_deck_folder_is_a_tmp_one() -> None:
    assert Path(locations.user_decks_dir()).is_relative_to(Path(locations.data_dir()))
