"""Storage that fails under a study session: the data folder turning read-only, a full disk,
a damaged database. In every case an answer the session acknowledged (grade returned) is
kept, the answer that could not be saved is reported (StoreError, with the reason), nothing
of the user's is deleted, and the next start works.

Faults are real where the machine allows (immutable files, SQLite's own page limit, bytes
overwritten on disk) and injected into the store's connection otherwise.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.rating import Rating
from quizapp.core.settings import Settings
from quizapp.core.store import Review, Store, StoreError
from quizapp.core.study.session import Session
from tests.faults.faulty import inject
from tests.faults.test_kill_and_concurrency import saved_ids, start_worker
from tests.progress_helpers import FakeClock, counter_ids, fake_judge, make_deck

T0 = 1_740_992_400_000
READ_ONLY = "attempt to write a readonly database"
DISK_FULL = "database or disk is full"
SETTINGS = Settings(new_per_day=500, reviews_per_day=5000)


def new_session(store: Store, deck_cards: int = 40) -> Session:
    return Session(
        make_deck(qa=deck_cards),
        store,
        SETTINGS,
        clock=FakeClock(),
        judge=fake_judge,
        ids=counter_ids(),
    )


def answer_one(session: Session) -> str:
    """Answer the next card right and grade it; the id once the grade is acknowledged."""
    turn = session.next()
    assert turn is not None
    session.answer(turn.prompt.expected[0])
    return session.grade(Rating.GOOD).review.id


def assert_next_start_works(acknowledged: list[str], moved_aside: int = 0) -> None:
    """A new process's view: every acknowledged answer is there, the state matches the log,
    nothing (else) was moved aside, and a new session can save an answer."""
    data = locations.data_dir()
    assert len(list(data.glob("*.corrupt-*"))) == moved_aside
    with Store() as store:
        assert store.notice is None
        missing = [review_id for review_id in acknowledged if not store.has_review(review_id)]
        assert missing == []
        assert store.review_count() == len(acknowledged)
        assert store.check().ok
        later = Session(make_deck(qa=40), store, SETTINGS, judge=fake_judge, ids=counter_ids("n"))
        assert store.has_review(answer_one(later))


# -- read-only -------------------------------------------------------------------------------


def test_read_only_mid_session_reports_the_answer_and_keeps_the_others() -> None:
    with Store() as store:
        session = new_session(store)
        acknowledged = [answer_one(session) for _ in range(5)]
        turn = session.next()
        assert turn is not None
        session.answer(turn.prompt.expected[0])
        with inject(store, READ_ONLY) as fault:
            for attempt in range(2):  # retrying while it is still read-only fails the same way
                with pytest.raises(StoreError) as raised:
                    session.grade(Rating.GOOD)
                assert "the data folder is read-only" in str(raised.value), attempt
            with pytest.raises(StoreError):
                session.undo()  # the previous answer cannot be taken back either...
            assert session.can_undo  # ...and stays there to undo later
            with pytest.raises(StoreError):
                session.suspend()
            assert fault.failures == 4
        assert store.review_count() == 5  # the failed answer left no trace
        # Writable again: the same answer is saved under the same id, then undo works.
        graded = session.grade(Rating.GOOD)
        assert graded.review.id == turn.review_id
        acknowledged.append(graded.review.id)
        acknowledged.append(answer_one(session))
    assert_next_start_works(acknowledged)


@contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """Files and folders nobody can change, root included (the immutable attribute)."""
    if shutil.which("chattr") is None:
        pytest.skip("needs chattr")
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot make files immutable here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


def _database_files() -> tuple[Path, Path, Path]:
    path = locations.database_path()
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def test_data_files_that_become_unwritable_on_disk(tmp_path: Path) -> None:
    """The folder, the database and its log become immutable under a running session."""
    with Store() as store:
        session = new_session(store)
        acknowledged = [answer_one(session) for _ in range(5)]
        database, wal, _shm = _database_files()
        turn = session.next()
        assert turn is not None
        session.answer(turn.prompt.expected[0])
        with immutable(locations.data_dir(), database, wal):
            with pytest.raises(StoreError) as raised:
                session.grade(Rating.GOOD)
            assert "disk I/O error" in str(raised.value) and str(database) in str(raised.value)
            # The next start, while it is still so, says what is wrong and changes nothing.
            with pytest.raises(StoreError, match="read-only"):
                Store()
        acknowledged.append(session.grade(Rating.GOOD).review.id)
    assert_next_start_works(acknowledged)


def test_immutable_shared_memory_may_kill_the_process_but_loses_no_saved_answer() -> None:
    """With the WAL index (-shm, a shared memory map) immutable too, a write faults in the
    kernel (SIGBUS) and the process dies: what it reported saved is still there."""
    Store().close()
    worker = start_worker("--start-ms", str(T0), "--seed", "7")
    assert worker.stdout is not None
    assert worker.stdout.readline() == "ready\n"
    before = [worker.stdout.readline() for _ in range(30)]
    assert all(before), worker.stderr.read() if worker.stderr else ""
    data = locations.data_dir()
    with immutable(data, *_database_files()):
        try:
            out, _err = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # it neither died nor failed: stop it
            worker.kill()
            out, _err = worker.communicate(timeout=30)
    assert worker.returncode != 0, out
    saved, _undoing = saved_ids("".join(before) + out)
    assert len(saved) >= 10
    with Store() as store:
        assert [r for r in saved if not store.has_review(r)] == []
        assert store.check().ok
        assert store.review_count() >= len(saved)
    assert [p.name for p in data.glob("*.corrupt-*")] == []


# -- a full disk -----------------------------------------------------------------------------


def test_disk_full_on_commit_keeps_the_database_as_it_was() -> None:
    with Store() as store:
        session = new_session(store)
        acknowledged = [answer_one(session) for _ in range(3)]
        turn = session.next()
        assert turn is not None
        before = store.state(turn.key)
        session.answer(turn.prompt.expected[0])
        with inject(store, DISK_FULL, on=r"^COMMIT"), pytest.raises(StoreError, match="disk is"):
            session.grade(Rating.GOOD)
        assert not store.has_review(turn.review_id)
        assert store.state(turn.key) == before
        assert store.check().ok
        acknowledged.append(session.grade(Rating.GOOD).review.id)
    assert_next_start_works(acknowledged)


def test_a_database_that_cannot_grow_fails_cleanly_then_recovers() -> None:
    """SQLite's own limit on the file's size gives the real SQLITE_FULL error."""
    with Store() as store:
        session = new_session(store, deck_cards=400)
        acknowledged = [answer_one(session) for _ in range(3)]
        pages = store._con.execute("PRAGMA page_count").fetchone()[0]
        store._con.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="the disk is full"):
            for _ in range(2_000):
                acknowledged.append(answer_one(session))
        assert store.review_count() == len(acknowledged)
        # A whole import that does not fit is refused as a whole.
        many = [
            Review(f"import-{n:06d}", "other", f"c{n}", "it", T0 + n, rating=3)
            for n in range(3_000)
        ]
        with pytest.raises(StoreError, match="the disk is full"):
            store.merge(many)
        assert store.review_count() == len(acknowledged)
        assert store.check().ok
    assert_next_start_works(acknowledged)  # a new connection has room again


# -- a damaged database ---------------------------------------------------------------------


def _fill(count: int) -> list[str]:
    with Store() as store:
        session = new_session(store, deck_cards=count)
        return [answer_one(session) for _ in range(count)]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(how)
    if how == "header":
        data[:100] = bytes(rng.randrange(256) for _ in range(100))
    elif how == "first-page-zeroed":
        data[:4096] = bytes(4096)
    elif how == "truncated":
        del data[len(data) // 3 :]
    elif how == "all-random":
        data[:] = bytes(rng.randrange(256) for _ in range(len(data)))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["header", "first-page-zeroed", "truncated", "all-random"])
def test_a_damaged_database_is_moved_aside_never_deleted(how: str) -> None:
    _fill(30)
    database = locations.database_path()
    _damage(database, how)
    damaged = _sha(database)
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "export-progress"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr  # the export of a fresh database: empty
    [moved] = database.parent.glob("progress.sqlite3.corrupt-*")
    assert f"it was moved to {moved}" in result.stderr and str(database) in result.stderr
    assert _sha(moved) == damaged  # kept byte for byte
    assert_next_start_works([], moved_aside=1)


def test_garbage_after_the_last_commit_in_the_log_loses_nothing() -> None:
    """A torn write after the last commit (a crash while appending to the WAL)."""
    worker = start_worker("--start-ms", str(T0), "--seed", "3")
    assert worker.stdout is not None
    assert worker.stdout.readline() == "ready\n"
    before = [worker.stdout.readline() for _ in range(40)]
    worker.send_signal(signal.SIGKILL)
    out, _err = worker.communicate(timeout=30)
    out = "".join(before) + out
    saved, _undoing = saved_ids(out)
    _database, wal, _shm = _database_files()
    assert wal.exists() and wal.stat().st_size > 0  # killed: nothing was checkpointed
    with open(wal, "ab") as handle:
        handle.write(random.Random(1).randbytes(50_000))
    with Store() as store:
        assert store.notice is None
        assert [r for r in saved if not store.has_review(r)] == []
        assert store.check().ok
    assert [p.name for p in locations.data_dir().glob("*.corrupt-*")] == []


def test_damaged_pages_found_during_a_session_are_reported() -> None:
    """Pages that cannot be read (SQLite's "malformed" error) while studying: a StoreError
    that says to run doctor, not a crash; saved answers stay; doctor names the damage."""
    with Store() as store:
        session = new_session(store)
        acknowledged = [answer_one(session) for _ in range(3)]
        with inject(
            store, "database disk image is malformed", r"^\s*SELECT", sqlite3.DatabaseError
        ):
            with pytest.raises(StoreError, match=r"is damaged .*run `quizapp doctor`"):
                session.next()
            with pytest.raises(StoreError, match="is damaged"):
                store.state(("test-deck", "q0", "it"))
            with pytest.raises(StoreError, match="is damaged"):
                list(store.iter_reviews())
    assert_next_start_works(acknowledged)


def test_every_fault_leaves_the_folder_with_only_quizapp_files() -> None:
    """After faults of every kind above in one data folder, nothing stray is left behind."""
    with Store() as store:
        session = new_session(store)
        acknowledged = [answer_one(session)]
        for message in (READ_ONLY, DISK_FULL, "disk I/O error"):
            turn = session.next()
            assert turn is not None
            session.answer(turn.prompt.expected[0])
            with inject(store, message), pytest.raises(StoreError):
                session.grade(Rating.GOOD)
            acknowledged.append(session.grade(Rating.GOOD).review.id)
    assert os.listdir(locations.data_dir()) == ["progress.sqlite3"]
    assert_next_start_works(acknowledged)
