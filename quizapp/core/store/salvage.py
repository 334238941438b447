"""Saving what can still be read from a damaged progress database (`quizapp doctor --repair`).

The review log, the quizzes and the per-deck FSRS parameters are read from the damaged file
(opened read-only, each table walked in its own order, never through an index, so a damaged
index costs nothing), written into a fresh database beside it, and card state is rebuilt from
the recovered log. Only then is the damaged file moved aside (`progress.sqlite3.corrupt-<time>`,
with its -wal and -shm) and the fresh one put in its place: the old file is never deleted or
changed. Decks' card lists are not copied: they are filled in again when a deck is opened.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from quizapp.core.store.connection import StoreError, aside_name
from quizapp.core.store.database import Store

COPIED = ("reviews", "quiz_runs", "quiz_answers", "schedule_parameters")
"""The tables that hold what only the user had; the others are derived from them or from decks."""

_SUFFIXES = ("", "-wal", "-shm")
_ROWID_MIN = -(2**63)
_BATCH = 1024


@dataclass
class Salvage:
    """What `salvage` recovered, and where the damaged file went."""

    reviews: int = 0
    quizzes: int = 0
    cards: int = 0
    moved_to: Path | None = None
    unreadable: list[str] = field(default_factory=list)
    """The tables where some rows could not be read (a damaged page of the table itself)."""


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in con.execute(f"PRAGMA table_info({table})")]


def _has_rowid(con: sqlite3.Connection, table: str) -> bool:
    try:
        con.execute(f"SELECT rowid FROM {table} LIMIT 0")
    except sqlite3.OperationalError:
        return False  # a WITHOUT ROWID table
    return True


def _next_readable(con: sqlite3.Connection, table: str, start: int) -> int | None:
    """The first rowid after `start` from which the table can be read again, skipping further
    and further ahead past a damaged page; None when nothing after it can be reached."""
    step = 1
    while start + step < 2**63:
        try:
            row = con.execute(
                f"SELECT rowid FROM {table} NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT 1",
                (start + step,),
            ).fetchone()
        except sqlite3.DatabaseError:
            step *= 2
            continue
        return None if row is None else int(row[0])
    return None


def _readable_rows(
    con: sqlite3.Connection, table: str, columns: list[str], report: Salvage
) -> Iterator[tuple[Any, ...]]:
    """Every row of `table` that can be read, in rowid order, past damaged pages: read in
    batches, smaller and smaller around a page that fails, down to one row at a time."""
    listed = ", ".join(columns)
    if not _has_rowid(con, table):
        try:
            yield from con.execute(f"SELECT {listed} FROM {table} NOT INDEXED").fetchall()
        except sqlite3.DatabaseError:
            report.unreadable.append(table)
        return
    query = (
        f"SELECT rowid, {listed} FROM {table} NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT ?"
    )
    start: int | None = _ROWID_MIN
    batch = _BATCH
    while start is not None:
        try:
            rows = con.execute(query, (start, batch)).fetchall()
        except sqlite3.DatabaseError:
            if table not in report.unreadable:
                report.unreadable.append(table)
            if batch > 1:
                batch //= 2
            else:
                start = _next_readable(con, table, start)
            continue
        for row in rows:
            yield tuple(row[1:])
        if len(rows) < batch:
            return
        start = int(rows[-1][0]) + 1
        batch = min(batch * 2, _BATCH)


def _copy(damaged: sqlite3.Connection, fresh: sqlite3.Connection, report: Salvage) -> None:
    for table in COPIED:
        try:
            wanted = set(_columns(fresh, table))
            columns = [name for name in _columns(damaged, table) if name in wanted]
        except sqlite3.DatabaseError:
            report.unreadable.append(table)
            continue
        if not columns:
            continue  # an older file without this table
        marks = ", ".join("?" for _ in columns)
        insert = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        fresh.executemany(insert, _readable_rows(damaged, table, columns, report))
    # Answers of a quiz whose run was lost cannot be shown: not kept.
    fresh.execute("DELETE FROM quiz_answers WHERE quiz_id NOT IN (SELECT id FROM quiz_runs)")
    report.reviews = int(fresh.execute("SELECT count(*) FROM reviews").fetchone()[0])
    report.quizzes = int(fresh.execute("SELECT count(*) FROM quiz_runs").fetchone()[0])


def _remove(path: Path) -> None:
    for suffix in _SUFFIXES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def salvage(path: Path) -> Salvage:
    """Recover what can be read from the damaged database at `path` into a fresh one in its
    place; the damaged file is kept aside. StoreError when that cannot be done (then nothing
    was moved)."""
    report = Salvage()
    fresh_path = path.with_name(path.name + ".repairing")
    _remove(fresh_path)  # left by a repair that was interrupted: it was never in use
    try:
        Store(fresh_path).close()  # the current schema, empty
        damaged = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        fresh = sqlite3.connect(fresh_path, isolation_level=None)
        try:
            fresh.execute("PRAGMA synchronous = FULL")
            fresh.execute("BEGIN IMMEDIATE")
            _copy(damaged, fresh, report)
            fresh.execute("COMMIT")
        finally:
            damaged.close()
            fresh.close()
        with Store(fresh_path) as store:
            report.cards = store.rebuild()
    except (sqlite3.Error, OSError, StoreError) as error:
        _remove(fresh_path)
        raise StoreError(f"cannot repair {path}: {error}. Nothing was moved or deleted") from None
    target = aside_name(path, datetime.now(timezone.utc))
    try:
        for suffix in _SUFFIXES:
            source = path.with_name(path.name + suffix)
            if source.exists():
                source.rename(target.with_name(target.name + suffix))
        for suffix in _SUFFIXES:
            source = fresh_path.with_name(fresh_path.name + suffix)
            if source.exists():
                os.replace(source, path.with_name(path.name + suffix))
    except OSError as error:
        raise StoreError(
            f"cannot put the repaired database in place of {path}: {error.strerror or error}. "
            f"The recovered copy is {fresh_path}; nothing was deleted"
        ) from None
    report.moved_to = target
    return report
