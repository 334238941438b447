"""Two windows on one deck: the second is told and refused; leaving releases the lock."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.store.database import StoreError
from quizapp.core.study.lock import lock_path
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.study import StudyScreen
from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK
from tests.faults.faulty import inject

HOLD = (
    "import sys, time\n"
    "from quizapp.core.study.lock import DeckLock\n"
    "DeckLock.acquire(sys.argv[1]); print('held', flush=True); time.sleep(60)\n"
)


@pytest.fixture
def other_window() -> Iterator[int]:
    """Another process studying the bundled deck; its pid."""
    deck_id = load_deck(BUNDLED_DECK).deck.id
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, deck_id],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    yield other.pid
    other.kill()
    other.wait()


@pytest.mark.parametrize(("lang", "said"), [("en", "Another quizapp window"), ("it", "Un'altra")])
async def test_the_second_window_is_told_and_refused(
    other_window: int, lang: str, said: str
) -> None:
    app = QuizApp(settings=Settings(ui_language=lang))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, StudyScreen)
        messages = [n.message for n in app._notifications]
        assert any(said in m and f"pid {other_window}" in m for m in messages)


async def test_studying_takes_the_lock_and_leaving_releases_it() -> None:
    path = lock_path(load_deck(BUNDLED_DECK).deck.id)
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert path.read_text().split()[0] == str(os.getpid())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StudyScreen)
        assert not path.exists()


def test_quizapp_study_refuses_a_deck_studied_elsewhere(other_window: int) -> None:
    result = run_quizapp("study", "deepseek_it")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"another quizapp (pid {other_window}) is studying the deck" in result.stderr


def test_a_study_screen_that_cannot_open_its_session_leaves_the_deck_unlocked(
    tmp_path: Path,
) -> None:
    """The store refuses to record the deck's card keys (a full disk): the screen is never
    shown, and the lock it took for the session is given back, not kept until quizapp quits."""
    deck = load_deck(BUNDLED_DECK)
    with Store(tmp_path / "progress.sqlite3") as store:
        with inject(store, "database or disk is full"), pytest.raises(StoreError):
            StudyScreen(deck, store, Settings(ui_language="en"))
        assert not lock_path(deck.deck.id).exists()
        screen = StudyScreen(deck, store, Settings(ui_language="en"))
        assert screen.deck_lock.held, "once the store writes again, the deck is locked"
        screen.deck_lock.release()
