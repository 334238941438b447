"""The study screen when the store fails under it (Pilot): an answer that cannot be saved is
reported and stays on screen to save again, undo that fails can be retried, a database that
cannot be read is said in place of the card, and a session that cannot start ends the app
with the reason."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from textual.app import App
from textual.widgets import Input, Static

from quizapp.core import locations
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.study import StudyScreen
from tests.faults.faulty import inject
from tests.progress_helpers import make_deck

DISK_FULL = "database or disk is full"
READ_ONLY = "attempt to write a readonly database"


class _Host(App[None]):
    def __init__(self, screen: StudyScreen) -> None:
        super().__init__()
        self._study = screen

    def on_mount(self) -> None:
        self.push_screen(self._study)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


def _screen(store: Store) -> StudyScreen:
    return StudyScreen(make_deck(qa=10), store, Settings(ui_language="en"))


def _messages(app: App[None]) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def _answer(pilot: object, screen: StudyScreen) -> None:
    assert screen.turn is not None
    screen.query_one("#answer", Input).value = screen.turn.prompt.expected[0]
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_an_answer_that_cannot_be_saved_is_reported_and_saved_later(store: Store) -> None:
    screen = _screen(store)
    app = _Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _answer(pilot, screen)
        card = screen.turn.prompt.card.id if screen.turn else None
        with inject(store, DISK_FULL, on=r"^COMMIT"):
            await pilot.press("3")
            await pilot.pause()
        assert any(
            m.startswith("Answer NOT saved: cannot write to") and "the disk is full" in m
            for m in _messages(app)
        )
        assert store.review_count() == 0
        assert screen.answered is not None and screen.turn and screen.turn.prompt.card.id == card
        await pilot.press("3")  # the disk has room again: the same answer is saved
        await pilot.pause()
        assert store.review_count() == 1
        assert screen.turn is not None and screen.turn.prompt.card.id != card


async def test_undo_that_fails_can_be_retried(store: Store) -> None:
    screen = _screen(store)
    app = _Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _answer(pilot, screen)
        await pilot.press("3")
        await pilot.pause()
        assert store.review_count() == 1
        with inject(store, READ_ONLY):
            await pilot.press("ctrl+u")
            await pilot.pause()
        assert any(m.startswith("Undo failed: cannot write to") for m in _messages(app))
        assert store.review_count() == 1 and screen.session.can_undo
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert store.review_count() == 0


async def test_a_database_that_cannot_be_read_is_said_in_place_of_the_card(store: Store) -> None:
    screen = _screen(store)
    app = _Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _answer(pilot, screen)
        # The pages of the queue of new cards are damaged; the answer itself is saved.
        with inject(
            store, "database disk image is malformed", "FROM catalog", sqlite3.DatabaseError
        ):
            await pilot.press("3")
            await pilot.pause()
        assert store.review_count() == 1
        question = str(screen.query_one("#question", Static).content)
        assert question == "Your progress cannot be read. Esc to go back."
        assert "run `quizapp doctor`" in str(screen.query_one("#extra", Static).content)
        assert not screen.query_one("#answer", Input).display
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_a_session_that_cannot_start_ends_the_app_with_the_reason(store: Store) -> None:
    app = QuizApp(
        settings=Settings(ui_language="en"),
        store=store,
        start=lambda app: StudyScreen(make_deck(qa=5), store, app.settings),
    )
    with inject(store, READ_ONLY):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
    assert app.return_code == 1
    assert store.review_count() == 0
