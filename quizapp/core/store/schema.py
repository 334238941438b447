"""The progress database's tables, and the migrations that bring an older file up to date."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from quizapp.core.schedule import DEFAULT_DAY_START_HOUR, MODES, STATE_MODES, Parameters

APPLICATION_ID = 0x51554941  # "QUIA": marks a SQLite file as a quizapp database

_MODES_SQL = ", ".join(f"'{mode}'" for mode in MODES)


def _reviews_table(name: str, *added: str) -> str:
    """The log's table as schema 1 made it, with the columns that later schemas add."""
    columns = [
        "seq INTEGER PRIMARY KEY",
        "id TEXT NOT NULL UNIQUE",
        "deck_id TEXT NOT NULL",
        "card_id TEXT NOT NULL",
        "direction TEXT NOT NULL",
        "at INTEGER NOT NULL",
        f"mode TEXT NOT NULL CHECK (mode IN ({_MODES_SQL}))",
        "rating INTEGER CHECK (rating BETWEEN 1 AND 4)",
        "verdict TEXT",
        "typed TEXT",
        "duration_ms INTEGER",
        "content_hash TEXT",
        "retention REAL",
        "prior INTEGER",
        "until INTEGER",
        *added,
    ]
    return f"CREATE TABLE {name} (\n    " + ",\n    ".join(columns) + "\n)"


_V1 = (
    _reviews_table("reviews")
    + """;
CREATE INDEX reviews_by_key ON reviews (deck_id, card_id, direction, at);
CREATE INDEX reviews_by_time ON reviews (deck_id, at);
CREATE TABLE card_state (
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    stage INTEGER NOT NULL,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due INTEGER,
    last_review INTEGER,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    suspended INTEGER NOT NULL,
    buried_until INTEGER NOT NULL,
    last_event INTEGER NOT NULL,
    content_hash TEXT,
    PRIMARY KEY (deck_id, card_id, direction)
) WITHOUT ROWID;
CREATE INDEX card_state_learning ON card_state (deck_id, due) WHERE stage IN (1, 3);
CREATE INDEX card_state_review ON card_state (deck_id, due) WHERE stage = 2;
CREATE TABLE decks (
    deck_id TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    cards INTEGER NOT NULL,
    synced_at INTEGER NOT NULL
);
CREATE TABLE catalog (
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    position INTEGER NOT NULL,
    fresh INTEGER NOT NULL,
    PRIMARY KEY (deck_id, card_id, direction)
) WITHOUT ROWID;
CREATE INDEX catalog_fresh ON catalog (deck_id, position) WHERE fresh = 1;
CREATE TABLE quiz_runs (
    id TEXT PRIMARY KEY,
    deck_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    score REAL NOT NULL,
    total INTEGER NOT NULL
);
CREATE INDEX quiz_runs_by_deck ON quiz_runs (deck_id, finished_at);
CREATE TABLE quiz_answers (
    quiz_id TEXT NOT NULL REFERENCES quiz_runs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    card_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    question TEXT NOT NULL,
    given TEXT NOT NULL,
    expected TEXT NOT NULL,
    verdict TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (quiz_id, position)
) WITHOUT ROWID
"""
)


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _migrate_to_1(con: sqlite3.Connection) -> None:
    for statement in _statements(_V1):
        con.execute(statement)


def _migrate_to_2(con: sqlite3.Connection) -> None:
    """Quiz answers record their format and a true/false statement's claim. Answers kept
    before this have "" in both (unknown), and read back as they were."""
    con.execute("ALTER TABLE quiz_answers ADD COLUMN format TEXT NOT NULL DEFAULT ''")
    con.execute("ALTER TABLE quiz_answers ADD COLUMN claim TEXT NOT NULL DEFAULT ''")


def _covering_indexes(con: sqlite3.Connection) -> None:
    """Indexes that hold what the statistics read, so that they never touch the table.

    `reviews_by_day` answers "what happened between these two times" (per day, per week) and
    `reviews_by_card` "what happened to each card" in one pass over the index, in its order:
    a million reviews are summed in a fraction of a second, whatever order the rows were
    written in (an import writes card by card, a learner day by day). They replace the two
    narrower indexes, whose columns they start with, so every query that used those still can.
    """
    con.execute("DROP INDEX IF EXISTS reviews_by_key")
    con.execute("DROP INDEX IF EXISTS reviews_by_time")
    con.execute(
        "CREATE INDEX reviews_by_card ON reviews (deck_id, card_id, direction, at, mode, rating)"
    )
    con.execute(
        "CREATE INDEX reviews_by_day ON reviews (deck_id, at, mode, rating, prior, duration_ms)"
    )


_REVIEWS_V4 = _reviews_table("reviews_v4", "day_start INTEGER CHECK (day_start BETWEEN 0 AND 23)")
_STATE_MODES_SQL = ", ".join(f"'{mode}'" for mode in STATE_MODES)
_OLD_REVIEW_COLUMNS = (
    "seq, id, deck_id, card_id, direction, at, mode, rating, verdict, typed, duration_ms, "
    "content_hash, retention, prior, until"
)


def migration_day_start_hour() -> int:
    """The day-start hour in the user's settings (the default if they cannot be read)."""
    try:
        from quizapp.core import settings_lenient

        chosen, _problem = settings_lenient.load_or_defaults()
        return int(chosen.day_start_hour)
    except Exception:
        return DEFAULT_DAY_START_HOUR


def _study_days(con: sqlite3.Connection) -> None:
    """FSRS counted in study days, as Anki does, and Anki's Forget and Set due date.

    The log gains `day_start` (the day-start hour in force at each state-changing row: the
    rows kept so far get the hour set now) and the modes `forget` and `due-date`; card state
    gains `interval` and is folded again from the untouched log by the new engine. SQLite
    cannot change a CHECK constraint, so the log is copied into a new table, row for row.
    """
    con.execute(_REVIEWS_V4)
    con.execute(
        f"INSERT INTO reviews_v4 ({_OLD_REVIEW_COLUMNS}, day_start) "
        f"SELECT {_OLD_REVIEW_COLUMNS}, CASE WHEN mode IN "
        f"({_STATE_MODES_SQL}) THEN ? END FROM reviews",
        (migration_day_start_hour(),),
    )
    con.execute("DROP TABLE reviews")
    con.execute("ALTER TABLE reviews_v4 RENAME TO reviews")
    con.execute(
        "CREATE INDEX reviews_by_card ON reviews (deck_id, card_id, direction, at, mode, rating)"
    )
    con.execute(
        "CREATE INDEX reviews_by_day ON reviews (deck_id, at, mode, rating, prior, duration_ms)"
    )
    con.execute("ALTER TABLE card_state ADD COLUMN interval INTEGER NOT NULL DEFAULT 0")
    con.execute(
        "CREATE TABLE schedule_parameters (deck_id TEXT PRIMARY KEY, parameters TEXT NOT NULL)"
    )
    refold_all(con)


def refold_all(con: sqlite3.Connection) -> int:
    """Inside a transaction: card state replaced by a fold of the log (one process)."""
    from quizapp.core.store import rebuild
    from quizapp.core.store.records import STATE_COLUMNS, state_row

    params = load_parameters(con)
    con.execute("DELETE FROM card_state")
    marks = ", ".join("?" for _ in STATE_COLUMNS.split(", "))
    insert = (
        f"INSERT INTO card_state (deck_id, card_id, direction, {STATE_COLUMNS}) "
        f"VALUES (?, ?, ?, {marks})"
    )
    count = 0
    batch: list[tuple[object, ...]] = []
    for key, state in rebuild.fold_log(con, params=params):
        batch.append((*key, *state_row(state)))
        if len(batch) >= 5_000:
            con.executemany(insert, batch)
            count += len(batch)
            batch.clear()
    con.executemany(insert, batch)
    count += len(batch)
    con.execute(
        "UPDATE catalog SET fresh = NOT EXISTS (SELECT 1 FROM card_state s "
        "WHERE s.deck_id = catalog.deck_id AND s.card_id = catalog.card_id "
        "AND s.direction = catalog.direction AND (s.stage <> 0 OR s.suspended <> 0))"
    )
    return count


def load_parameters(con: sqlite3.Connection) -> dict[str, Parameters]:
    """The FSRS parameters each deck's state is folded with (decks not listed: defaults)."""
    try:
        rows = con.execute("SELECT deck_id, parameters FROM schedule_parameters").fetchall()
    except sqlite3.OperationalError:  # a database not migrated yet (read-only, newer...)
        return {}
    found: dict[str, Parameters] = {}
    for deck_id, text in rows:
        data = json.loads(text)
        found[deck_id] = Parameters(
            weights=tuple(float(w) for w in data["weights"]),
            learning_steps=tuple(int(s) for s in data["learning_steps"]),
            relearning_steps=tuple(int(s) for s in data["relearning_steps"]),
            maximum_interval=int(data["maximum_interval"]),
        )
    return found


def save_parameters(con: sqlite3.Connection, deck_id: str, params: Parameters) -> None:
    if params == Parameters():
        con.execute("DELETE FROM schedule_parameters WHERE deck_id = ?", (deck_id,))
        return
    text = json.dumps(
        {
            "weights": list(params.weights),
            "learning_steps": list(params.learning_steps),
            "relearning_steps": list(params.relearning_steps),
            "maximum_interval": params.maximum_interval,
        }
    )
    con.execute(
        "INSERT INTO schedule_parameters (deck_id, parameters) VALUES (?, ?) "
        "ON CONFLICT (deck_id) DO UPDATE SET parameters = excluded.parameters",
        (deck_id, text),
    )


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = [_migrate_to_1, _migrate_to_2, _covering_indexes, _study_days]
"""MIGRATIONS[n] brings a database from schema version n to n + 1 (0 is an empty file)."""


def schema_version() -> int:
    return len(MIGRATIONS)
