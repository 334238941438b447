"""Progress survives kill -9 at any moment, and two processes writing at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from quizapp.core.store import Store

REPO = Path(__file__).resolve().parents[2]
T0 = 1_740_992_400_000
DAY_MS = 86_400_000


def start_worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.study_worker", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
    )


def saved_ids(output: str) -> tuple[set[str], set[str]]:
    """(ids reported saved and not being undone, ids whose undo had started)."""
    saved: set[str] = set()
    undoing: set[str] = set()
    for line in output.splitlines():
        word, _, review_id = line.partition(" ")
        if word == "saved":
            saved.add(review_id)
        elif word == "undoing":
            undoing.add(review_id)
    return saved - undoing, undoing


def test_sigkill_at_random_moments_loses_no_saved_answer() -> None:
    rng = random.Random(2024)
    kept: set[str] = set()
    undone_or_uncertain: set[str] = set()
    kills = 0
    for run in range(22):
        worker = start_worker("--start-ms", str(T0 + run * DAY_MS), "--seed", str(run))
        assert worker.stdout is not None
        if run % 4 == 3:
            time.sleep(rng.uniform(0.0, 0.6))  # anywhere, opening the database included
        else:
            ready = worker.stdout.readline()
            assert ready == "ready\n", worker.stderr.read() if worker.stderr else ""
            time.sleep(rng.uniform(0.0, 0.25))
        worker.send_signal(signal.SIGKILL)
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == -signal.SIGKILL, err
        kills += 1
        saved, undoing = saved_ids(out)
        kept |= saved
        undone_or_uncertain |= undoing
        kept -= undoing
    assert kills >= 20
    assert len(kept) > 100, "the workers should have answered a good number of cards"
    with Store() as store:
        missing = [review_id for review_id in kept if not store.has_review(review_id)]
        assert missing == []
        report = store.check()
        assert report.ok, (report.mismatched[:3], report.missing[:3], report.extra[:3])


def test_two_processes_studying_at_once_lose_nothing() -> None:
    answers = 120
    workers = [
        start_worker("--start-ms", str(T0), "--seed", str(seed), "--answers", str(answers))
        for seed in (1, 2)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    kept: set[str] = set()
    undone: set[str] = set()
    for out, _err in outputs:
        saved, undoing = saved_ids(out)
        kept |= saved
        undone |= undoing
        assert len(saved) + len(undoing) == answers
    with Store() as store:
        ids = {review.id for review in store.reviews()}
        assert kept <= ids
        assert not (undone & ids)
        assert len(ids) == len(kept)
        assert store.check().ok


OPEN_AND_RECORD = """
import sys
from quizapp.core.store import Review, Store
with Store() as store:
    store.record(Review(sys.argv[1], "deck", "card", "it", 1740992400000, rating=3))
    assert store.notice is None, store.notice
print("ok")
"""


def test_processes_creating_the_database_at_once(tmp_path: Path) -> None:
    for round_number in range(10):
        env = dict(os.environ, QUIZAPP_DATA_DIR=str(tmp_path / f"round{round_number}"))
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AND_RECORD, f"id-{n}"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for n in range(6)
        ]
        for worker in workers:
            out, err = worker.communicate(timeout=60)
            assert worker.returncode == 0 and out == "ok\n", err
        with Store(tmp_path / f"round{round_number}" / "progress.sqlite3") as store:
            assert store.review_count() == 6
            assert store.check().ok
        assert list((tmp_path / f"round{round_number}").glob("*.corrupt-*")) == []
