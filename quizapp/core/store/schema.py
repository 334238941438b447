"""The progress database's tables, and the migrations that bring an older file up to date."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from quizapp.core.schedule import MODES

APPLICATION_ID = 0x51554941  # "QUIA": marks a SQLite file as a quizapp database

_V1 = """
CREATE TABLE reviews (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    deck_id TEXT NOT NULL,
    card_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    at INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ({modes})),
    rating INTEGER CHECK (rating BETWEEN 1 AND 4),
    verdict TEXT,
    typed TEXT,
    duration_ms INTEGER,
    content_hash TEXT,
    retention REAL,
    prior INTEGER,
    until INTEGER
);
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
""".replace("{modes}", ", ".join(f"'{mode}'" for mode in MODES))


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


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = [_migrate_to_1, _migrate_to_2, _covering_indexes]
"""MIGRATIONS[n] brings a database from schema version n to n + 1 (0 is an empty file)."""


def schema_version() -> int:
    return len(MIGRATIONS)
