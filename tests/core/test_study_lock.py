"""The study lock: one process per deck; a dead or reused pid is taken over."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from quizapp.core.study.lock import DeckLock, DeckLocked, holder, lock_path

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
