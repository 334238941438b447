"""The review log and the derived card state, without any UI."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.rating import Rating
from quizapp.core.schedule import (
    DAY_MS,
    MINUTE_MS,
    CardState,
    Counts,
    Limits,
    Stage,
    counts_today,
    study_day,
)
from quizapp.core.store import (
    QuizAnswer,
    QuizRun,
    QuizSummary,
    Review,
    Store,
    StoreError,
    connection,
    rebuild,
    schema_version,
)
from quizapp.core.store import log as store_log
from quizapp.core.store import schema as store_schema

T0 = 1_740_992_400_000  # 2025-03-03 09:00 UTC
DECK = "test-deck"


def review(n: int, card: str = "a", at: int = T0, rating: int = 3, **extra: object) -> Review:
    return Review(f"{at:012x}{n:08d}", DECK, card, "it", at, rating=rating, **extra)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def test_default_location_is_the_data_dir() -> None:
    with Store() as opened:
        assert opened.path == locations.database_path()
        assert opened.path.exists()


def test_new_database_is_wal_full_sync_versioned(store: Store) -> None:
    con = sqlite3.connect(store.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == schema_version() >= 1
    assert con.execute("PRAGMA application_id").fetchone()[0] == store_schema.APPLICATION_ID
    assert store._con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._con.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_a_study_answer_is_logged_and_changes_state(store: Store) -> None:
    state = store.record(review(1, verdict="correct", typed="x", duration_ms=1200))
    assert state is not None and state.stage == Stage.LEARNING
    assert store.state((DECK, "a", "it")) == state
    [row] = store.reviews()
    assert (row.verdict, row.typed, row.duration_ms, row.prior) == ("correct", "x", 1200, 0)
    second = store.record(review(2, at=T0 + 10 * MINUTE_MS))
    assert second is not None and second.reps == 2
    assert store.reviews()[-1].prior == int(Stage.LEARNING)


def test_a_study_answer_needs_a_rating(store: Store) -> None:
    with pytest.raises(ValueError):
        store.record(review(1, rating=None))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.record(review(1, mode="cram"))
    assert store.review_count() == 0


def test_practice_and_quiz_answers_are_logged_without_touching_state(store: Store) -> None:
    before = store.record(review(1))
    assert store.record(review(2, at=T0 + 5, mode="practice", rating=1)) is None
    assert store.record(review(3, at=T0 + 6, mode="quiz", rating=None)) is None
    assert store.state((DECK, "a", "it")) == before
    assert [r.mode for r in store.reviews()] == ["study", "practice", "quiz"]
    assert store.check().ok


def random_log(seed: int, count: int) -> list[Review]:
    rng = random.Random(seed)
    rows = []
    at = T0
    for _ in range(count):
        at += rng.choice([0, 1, MINUTE_MS, 10 * MINUTE_MS, DAY_MS, 5 * DAY_MS])
        moment = at - rng.choice([0, 0, 0, 0, 3 * DAY_MS])  # some arrive out of order
        mode = rng.choice(["study"] * 12 + ["practice", "suspend", "unsuspend", "bury", "unbury"])
        rows.append(
            Review(
                f"{moment:012x}{rng.getrandbits(32):08x}",
                rng.choice([DECK, "other"]),
                f"card{rng.randrange(40)}",
                rng.choice(["it", "en"]),
                moment,
                mode=mode,
                rating=rng.randint(1, 4) if mode in ("study", "practice") else None,
                retention=rng.choice([0.8, 0.9, 0.95]) if mode == "study" else None,
                until=moment + DAY_MS if mode == "bury" else None,
            )
        )
    return rows


def all_states(store: Store) -> dict[tuple[str, str, str], CardState]:
    return {**store.states(DECK), **store.states("other")}


def test_rebuild_after_1000_random_reviews_equals_the_incremental_state(store: Store) -> None:
    for row in random_log(5, 1000):
        store.record(row)
    incremental = all_states(store)
    assert len(incremental) > 50
    assert store.check().ok
    assert store.rebuild() == len(incremental)
    assert all_states(store) == incremental


def test_check_finds_state_that_differs_from_the_log(store: Store) -> None:
    for row in random_log(6, 50):
        store.record(row)
    store._con.execute(
        "UPDATE card_state SET lapses = 99 WHERE card_id = (SELECT min(card_id) FROM card_state)"
    )
    store._con.execute(
        "INSERT INTO card_state VALUES ('ghost', 'x', 'it', 0, NULL, NULL, NULL, NULL, NULL, "
        "0, 0, 0, 0, 0, NULL, 0)"
    )
    report = store.check()
    assert not report.ok and report.mismatched and report.extra == [("ghost", "x", "it")]
    store.rebuild()
    assert store.check().ok


def test_an_answer_older_than_the_state_is_replayed_in_order(store: Store) -> None:
    store.record(review(1, at=T0 + DAY_MS))
    store.record(review(2, at=T0, rating=1))  # a clock that went back
    state = store.state((DECK, "a", "it"))
    store.rebuild()
    assert store.state((DECK, "a", "it")) == state


def test_undo_restores_the_previous_state_exactly(store: Store) -> None:
    key = (DECK, "a", "it")
    store.record(review(1))
    before = store.state(key)
    store.record(review(2, at=T0 + 10 * MINUTE_MS, rating=4))
    assert store.state(key) != before
    store.undo([review(2, at=T0 + 10 * MINUTE_MS).id])
    assert store.state(key) == before
    assert store.review_count() == 1
    store.undo([review(1).id])
    assert store.state(key) is None and store.review_count() == 0


def test_merge_is_idempotent_and_two_devices_converge(tmp_path: Path) -> None:
    log = random_log(9, 300)
    phone_rows, laptop_rows = log[::2], log[1::2]
    with Store(tmp_path / "phone.sqlite3") as phone, Store(tmp_path / "laptop.sqlite3") as laptop:
        for row in phone_rows:
            phone.record(row)
        for row in laptop_rows:
            laptop.record(row)
        assert phone.merge(laptop.reviews()) == len(laptop_rows)
        assert phone.merge(laptop.reviews()) == 0
        assert laptop.merge(phone.reviews()) == len(phone_rows)
        assert {r.id for r in phone.reviews()} == {r.id for r in laptop.reviews()}
        assert all_states(phone) == all_states(laptop)
        assert phone.check().ok and laptop.check().ok


def test_big_merge_rebuilds(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_log, "REFOLD_LIMIT", 3)
    assert store.merge(random_log(11, 200)) == 200
    assert store.check().ok


def test_parallel_fold_gives_the_same_state(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for row in random_log(12, 400):
        store.record(row)
    expected = all_states(store)
    monkeypatch.setattr(rebuild, "PARALLEL_FOLD_ROWS", 10)
    monkeypatch.setattr(rebuild.os, "cpu_count", lambda: 3)
    if hasattr(rebuild.os, "sched_getaffinity"):
        monkeypatch.setattr(rebuild.os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    assert len(rebuild._key_ranges(store._con, 3)) == 3
    folded_here = []
    real_fold_log = rebuild.fold_log

    def counting_fold_log(*args: object) -> object:
        folded_here.append(args[1:])
        return real_fold_log(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(rebuild, "fold_log", counting_fold_log)
    store.rebuild()
    assert len(folded_here) == 1, "two of the three ranges should be folded by helpers"
    assert all_states(store) == expected
    assert store.check(integrity=False).ok


def test_catalog_counts_and_new_cards(store: Store) -> None:
    keys = [(f"q{i}", "it") for i in range(30)]
    assert store.sync_catalog(DECK, keys) is True
    assert store.sync_catalog(DECK, keys) is False
    now = T0
    day = study_day(now, 4)
    assert counts_today(store, DECK, now, day, Limits(new_per_day=20)) == Counts(20, 0, 0)
    assert store.next_new(DECK, now, frozenset(), 2) == [(DECK, "q0", "it"), (DECK, "q1", "it")]
    store.record(Review("r1", DECK, "q0", "it", now, rating=1))
    counts = counts_today(store, DECK, now, day, Limits(new_per_day=20))
    assert (counts.new, counts.learning, counts.review) == (19, 1, 0)
    assert store.done_today(DECK, day) == (1, 0)
    assert store.next_new(DECK, now, frozenset(), 1) == [(DECK, "q1", "it")]
    store.record(Review("s1", DECK, "q1", "it", now, mode="suspend"))
    assert store.next_new(DECK, now, frozenset(), 1) == [(DECK, "q2", "it")]


def test_removed_cards_keep_their_history_and_come_back(store: Store) -> None:
    store.sync_catalog(DECK, [("q0", "it"), ("q1", "it")])
    store.record(Review("r1", DECK, "q0", "it", T0, rating=1))
    day = study_day(T0, 4)
    assert counts_today(store, DECK, T0, day, Limits()).learning == 1
    store.sync_catalog(DECK, [("q1", "it")])  # q0 removed from the deck
    assert counts_today(store, DECK, T0, day, Limits()).learning == 0
    assert store.next_learning(DECK, T0, T0 + DAY_MS) is None
    assert store.state((DECK, "q0", "it")) is not None
    store.sync_catalog(DECK, [("q0", "it"), ("q1", "it")])  # and back
    assert store.next_learning(DECK, T0, T0 + DAY_MS) is not None


def test_quiz_results_best_and_last(store: Store) -> None:
    answer = QuizAnswer("q0", "it", "Domanda?", "boh", "risposta", "wrong", 0.0)
    store.save_quiz(QuizRun("quiz1", DECK, T0, T0 + 60_000, 8.5, 10, "mixed", (answer,)))
    store.save_quiz(QuizRun("quiz2", DECK, T0 + DAY_MS, T0 + DAY_MS + 60_000, 6, 10))
    store.save_quiz(QuizRun("quiz2", DECK, T0, T0, 0, 10))  # same id again: kept as it was
    summary = store.quiz_summary(DECK)
    assert summary.runs == 2
    assert summary.best is not None and summary.best.id == "quiz1" and summary.best.ratio == 0.85
    assert summary.last is not None and summary.last.id == "quiz2"
    full = store.quiz_run("quiz1")
    assert full is not None and full.answers == (answer,)
    assert store.quiz_summary("nothing") == QuizSummary(0, None, None)
    assert [run.id for run in store.quiz_runs(DECK)] == ["quiz2", "quiz1"]


# -- damaged, foreign, newer and unwritable files -------------------------------------------


def test_a_corrupt_file_is_moved_aside_and_a_fresh_database_started(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    (tmp_path / "progress.sqlite3-wal").write_bytes(b"old wal")
    with Store(path) as opened:
        assert opened.moved_to is not None and opened.notice is not None
        assert opened.moved_to.read_bytes() == garbage
        assert opened.moved_to.name.startswith("progress.sqlite3.corrupt-")
        assert (tmp_path / (opened.moved_to.name + "-wal")).read_bytes() == b"old wal"
        assert str(opened.moved_to) in opened.notice and "\n" not in opened.notice
        opened.record(review(1))
        assert opened.review_count() == 1


def test_a_truncated_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with Store(path) as opened:
        for n in range(300):
            opened.record(review(n, card=f"c{n}", at=T0 + n, typed="x" * 200))
        opened._con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 2000 + data[2100:])
    with Store(path) as reopened:
        assert reopened.moved_to is not None
        assert reopened.moved_to.read_bytes()[:100] == data[:100]


def test_another_programs_database_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (text TEXT)")
    con.execute("INSERT INTO notes VALUES ('mine')")
    con.commit()
    con.close()
    with Store(path) as opened:
        assert opened.moved_to is not None and "not a quizapp database" in (opened.notice or "")
    kept = sqlite3.connect(opened.moved_to)
    assert kept.execute("SELECT text FROM notes").fetchall() == [("mine",)]


def test_a_database_from_a_newer_quizapp_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {schema_version() + 1}")
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer quizapp"):
        Store(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.corrupt-*")) == []


def test_migrations_run_from_the_stored_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.sqlite3"
    with Store(path) as opened:
        opened.record(review(1))

    def add_column(con: sqlite3.Connection) -> None:
        con.execute("ALTER TABLE reviews ADD COLUMN device TEXT")

    monkeypatch.setattr(store_schema, "MIGRATIONS", [*store_schema.MIGRATIONS, add_column])
    with Store(path) as upgraded:
        version = upgraded._con.execute("PRAGMA user_version").fetchone()[0]
        assert version == len(store_schema.MIGRATIONS)
        assert upgraded.review_count() == 1
        columns = [row[1] for row in upgraded._con.execute("PRAGMA table_info(reviews)")]
        assert "device" in columns


def test_data_folder_that_is_a_file_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        Store(blocker / "progress.sqlite3")


def test_read_only_folder_gives_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Real permissions are exercised by the CLI test (as an unprivileged user when root).
    monkeypatch.setattr(connection.os, "access", lambda *_args, **_kw: False)
    with pytest.raises(StoreError, match="read-only"):
        Store(tmp_path / "progress.sqlite3")


def test_two_connections_see_each_others_commits(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with Store(path) as one, Store(path) as two:
        one.record(review(1))
        two.record(review(2, at=T0 + 10 * MINUTE_MS, rating=Rating.EASY))
        assert one.state((DECK, "a", "it")) == two.state((DECK, "a", "it"))
        assert one.state((DECK, "a", "it")).reps == 2  # type: ignore[union-attr]
        assert one.check().ok


def test_a_big_merge_sees_its_own_rows_when_it_rebuilds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_log, "REFOLD_LIMIT", 3)
    monkeypatch.setattr(rebuild, "PARALLEL_FOLD_ROWS", 10)
    monkeypatch.setattr(rebuild.os, "cpu_count", lambda: 2)
    if hasattr(rebuild.os, "sched_getaffinity"):
        monkeypatch.setattr(rebuild.os, "sched_getaffinity", lambda _pid: {0, 1})
    for row in random_log(13, 100):
        store.record(row)
    assert store.merge(random_log(14, 300)) == 300
    assert store.check(integrity=False).ok


def test_an_older_database_gets_the_covering_indexes_and_keeps_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr(store_schema, "MIGRATIONS", store_schema.MIGRATIONS[:1])
        with Store(path) as old:
            for row in (review(1), review(2, at=T0 + 10 * MINUTE_MS)):
                old._con.execute(
                    "INSERT INTO reviews (id, deck_id, card_id, direction, at, mode, rating, "
                    "retention) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (row.id, *row.key, row.at, row.mode, row.rating, row.retention),
                )
    with Store(path) as upgraded:
        indexes = {
            row[0]
            for row in upgraded._con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert {"reviews_by_card", "reviews_by_day"} <= indexes
        assert not {"reviews_by_key", "reviews_by_time"} & indexes
        assert upgraded.review_count() == 2
        assert upgraded.check().ok
        plan = " ".join(
            str(row[3])
            for row in upgraded._con.execute(
                "EXPLAIN QUERY PLAN SELECT count(*), total(duration_ms) FROM reviews "
                "WHERE deck_id = ? AND at >= ? AND at < ? AND mode = 'study'",
                (DECK, 0, T0),
            )
        )
        assert "COVERING INDEX reviews_by_day" in plan
