"""The study lock: one process per deck; a dead or reused pid is taken over."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.store.database import StoreError
from quizapp.core.study import Session
from quizapp.core.study.lock import DeckLock, DeckLocked, holder, lock_path, open_locked
from tests.faults.faulty import inject
from tests.progress_helpers import make_deck

HOLD = (
    "import sys, time\n"
    "from quizapp.core.study.lock import DeckLock\n"
    "DeckLock.acquire('deck-a'); print('held', flush=True); time.sleep(60)\n"
)


def test_a_second_process_is_refused_and_told_the_pid() -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        assert holder("deck-a") == other.pid
        with pytest.raises(DeckLocked) as refused:
            DeckLock.acquire("deck-a")
        assert refused.value.pid == other.pid
        DeckLock.acquire("deck-b").release()  # another deck is free
    finally:
        other.kill()  # a crash: the lock file stays behind
        other.wait()
    assert lock_path("deck-a").exists()
    lock = DeckLock.acquire("deck-a")  # the dead pid's lock is taken over
    assert lock.held
    lock.release()
    assert not lock_path("deck-a").exists()


def test_a_reused_pid_is_taken_over() -> None:
    path = lock_path("deck-a")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("1 12345\n", encoding="utf-8")  # pid 1 alive, but started at another time
    lock = DeckLock.acquire("deck-a")
    assert lock.held and path.read_text().split()[0] == str(os.getpid())
    lock.release()


def test_a_session_that_cannot_open_leaves_the_deck_unlocked(tmp_path: Path) -> None:
    """Opening writes the deck's card keys; when that fails (a full disk), the lock taken
    for the session is given back, so no other window is refused by a session that never
    opened."""
    deck = make_deck(qa=2)
    with Store(tmp_path / "progress.sqlite3") as store:
        with inject(store, "database or disk is full"), pytest.raises(StoreError):
            open_locked(deck.id, lambda: Session.open(deck, store, Settings()))
        assert not lock_path(deck.id).exists()
        lock, session = open_locked(deck.id, lambda: Session.open(deck, store, Settings()))
        assert lock.held and session.deck is deck
        assert lock_path(deck.id).read_text().split()[0] == str(os.getpid())
        lock.release()
    assert not lock_path(deck.id).exists()


def test_open_locked_opens_nothing_when_the_deck_is_locked_elsewhere() -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    opened: list[str] = []
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        with pytest.raises(DeckLocked):
            open_locked("deck-a", lambda: opened.append("session"))
        assert opened == []
        assert holder("deck-a") == other.pid, "the other process's lock is left alone"
    finally:
        other.kill()
        other.wait()
