"""One study session per deck at a time: a lock file holding the pid of the process studying.

Two windows grading the same cards would both log every answer and their counts would drift
apart, so the second is refused and told why. The lock is `<data dir>/locks/<deck>.lock`,
created exclusively, holding the pid and that process's start time. A lock whose process has
ended (a crash, kill -9) or whose pid now belongs to another process (the start time differs:
the pid was reused) is stale and taken over. The session releases it when it ends, and
`open_locked` when the session cannot be opened at all.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from quizapp.core import locations

T = TypeVar("T")


class DeckLocked(Exception):
    """Another live process is studying this deck."""

    def __init__(self, deck_id: str, pid: int) -> None:
        self.deck_id = deck_id
        self.pid = pid
        super().__init__(f"another quizapp (pid {pid}) is studying the deck '{deck_id}'")


def lock_path(deck_id: str) -> Path:
    digest = hashlib.sha256(deck_id.encode("utf-8")).hexdigest()[:16]
    return locations.data_dir() / "locks" / f"{digest}.lock"


def _start_time(pid: int) -> str:
    """When the process started (clock ticks since boot, Linux); "" where it cannot be told."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return False
    return True


def holder(deck_id: str) -> int | None:
    """The pid of another live process studying this deck, None when there is none."""
    try:
        text = lock_path(deck_id).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    parts = text.split()
    if not parts or not parts[0].isdigit():
        return None
    pid = int(parts[0])
    started = parts[1] if len(parts) > 1 else ""
    if pid == os.getpid() or not _alive(pid):
        return None
    if started and _start_time(pid) and _start_time(pid) != started:
        return None  # the pid was reused by another process
    return pid


class DeckLock:
    """The lock of one deck, held by this process until `release`."""

    def __init__(self, deck_id: str) -> None:
        self.deck_id = deck_id
        self.path = lock_path(deck_id)
        self.held = False

    @classmethod
    def acquire(cls, deck_id: str) -> DeckLock:
        """Take the deck's lock (a stale one is taken over); DeckLocked if it is held."""
        lock = cls(deck_id)
        content = f"{os.getpid()} {_start_time(os.getpid())}\n"
        for _attempt in range(3):
            try:
                lock.path.parent.mkdir(parents=True, exist_ok=True)
                descriptor = os.open(lock.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                pid = holder(deck_id)
                if pid is not None:
                    raise DeckLocked(deck_id, pid) from None
                lock.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            except OSError:
                return lock  # no lock can be kept here (read-only folder): study anyway
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(content)
            lock.held = True
            return lock
        return lock

    def release(self) -> None:
        """Remove the lock file if it is still this process's."""
        if not self.held:
            return
        self.held = False
        try:
            if self.path.read_text(encoding="utf-8").split()[:1] == [str(os.getpid())]:
                self.path.unlink()
        except (OSError, IndexError):
            pass


def open_locked(deck_id: str, opening: Callable[[], T]) -> tuple[DeckLock, T]:
    """The deck's lock (DeckLocked if another process holds it) and what `opening` returns,
    run while it is held. When `opening` raises (the store cannot be written, say), the lock
    is released before the error goes on: no window is left refused by a session that never
    opened."""
    lock = DeckLock.acquire(deck_id)
    try:
        return lock, opening()
    except BaseException:
        lock.release()
        raise
