"""A database written by the previous quizapp (24-hour days, the `fsrs` package) migrates:
the log is kept row for row and card state is folded again, in study days, as Anki counts."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from quizapp.core.schedule import Stage
from quizapp.core.store import schema as store_schema
from quizapp.core.store.database import Store

MADE_BY_MAIN = Path(__file__).parent.parent / "data" / "main-progress.sqlite3"
"""Written by the previous release's own code (schema 3): cards a and b answered Good, Good
10 minutes later and Good 23.9 (a) or 24.1 (b) hours later; c lapsed and was suspended; d
was buried and practised."""

_LOG = "SELECT id, deck_id, card_id, direction, at, mode, rating, retention, until FROM reviews"


@pytest.fixture
def old_database(tmp_path: Path) -> Path:
    path = tmp_path / "progress.sqlite3"
    shutil.copyfile(MADE_BY_MAIN, path)
    return path


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as con:
        return con.execute(sql).fetchall()


def test_the_old_database_is_schema_3_with_the_24_hour_stability(old_database: Path) -> None:
    assert _raw(old_database, "PRAGMA user_version") == [(3,)]
    old = dict(_raw(old_database, "SELECT card_id, stability FROM card_state"))
    assert old["a"] == pytest.approx(2.3065)  # 23.9 hours: no growth, the defect
    assert old["b"] == pytest.approx(7.32, abs=0.01)


def test_migration_keeps_the_log_and_refolds_every_card_in_study_days(
    old_database: Path,
) -> None:
    log_before = sorted(_raw(old_database, _LOG))
    with Store(old_database) as store:
        assert _raw(old_database, "PRAGMA user_version") == [(store_schema.schema_version(),)]
        assert sorted(_raw(old_database, _LOG)) == log_before
        assert store.check().ok
        a = store.state(("deck", "a", "it"))
        b = store.state(("deck", "b", "it"))
        assert a is not None and b is not None
        assert a.stability == b.stability == pytest.approx(7.3193, abs=1e-4)
        assert a.interval >= 3 and b.interval >= 3
        c = store.state(("deck", "c", "it"))
        assert c is not None and c.suspended and c.lapses == 1 and c.stage == Stage.REVIEW
        d = store.state(("deck", "d", "it"))
        assert d is not None and d.buried_until > 0 and d.reps == 1  # practice not folded
        rows = _raw(old_database, "SELECT mode, day_start FROM reviews")
        assert {hour for mode, hour in rows if mode != "practice"} == {4}
        assert {hour for mode, hour in rows if mode == "practice"} == {None}
        store.rebuild()
        assert store.state(("deck", "a", "it")) == a


def test_the_new_modes_are_allowed_after_migration(old_database: Path) -> None:
    from quizapp.core.store.records import Review

    with Store(old_database) as store:
        state = store.record(Review("zz-forget", "deck", "a", "it", 1_800_000_000_000, "forget"))
        assert state is not None and state.stage == Stage.NEW and state.stability is None
        moved = store.record(
            Review("zz-due", "deck", "a", "it", 1_800_000_100_000, "due-date", until=3)
        )
        assert moved is not None and moved.stage == Stage.REVIEW
        assert store.check().ok
