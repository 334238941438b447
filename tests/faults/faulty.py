"""Injecting storage faults into a live Store: its SQLite connection, wrapped.

    with inject(store, "database or disk is full", on="COMMIT"):
        ...   # every COMMIT fails as SQLite fails when the disk is full

The error is raised where SQLite raises it, as the same exception type, so the store's own
handling (roll back, say why) is what runs.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from quizapp.core.store.database import Store

WRITES = r"^\s*(BEGIN IMMEDIATE|INSERT|UPDATE|DELETE|COMMIT)"
"""Statements that write: what fails when the data folder becomes read-only."""


class FaultyConnection:
    """A connection that raises `error` for statements matching `on` (a regex)."""

    def __init__(
        self,
        real: sqlite3.Connection,
        message: str,
        on: str,
        error: type[sqlite3.DatabaseError] = sqlite3.OperationalError,
    ) -> None:
        self.real = real
        self.message = message
        self.pattern = re.compile(on, re.IGNORECASE)
        self.error = error
        self.failures = 0

    def _check(self, sql: str) -> None:
        if self.pattern.search(sql):
            self.failures += 1
            raise self.error(self.message)

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._check(sql)
        return self.real.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._check(sql)
        return self.real.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@contextmanager
def inject(
    store: Store,
    message: str,
    on: str = WRITES,
    error: type[sqlite3.DatabaseError] = sqlite3.OperationalError,
) -> Iterator[FaultyConnection]:
    """Make the store's statements matching `on` fail with `message` until the block ends
    (OperationalError for a disk or permission problem, DatabaseError for a damaged file)."""
    real = store._con
    faulty = FaultyConnection(real, message, on, error)
    store._con = faulty  # type: ignore[assignment]
    try:
        yield faulty
    finally:
        store._con = real
