"""Looking after the database: rebuilding all card state from the log, and checking the file's
integrity and that the stored state equals a fold of the log (`quizapp doctor`)."""

from __future__ import annotations

import sqlite3

from quizapp.core.store import rebuild
from quizapp.core.store.connection import Connection
from quizapp.core.store.records import STATE_COLUMNS, CheckReport
from quizapp.core.store.state import rebuild_all


class MaintenanceStore(Connection):
    def rebuild(self) -> int:
        """Recompute every card's state from the log. Returns the number of card keys."""
        return self._write(
            lambda con: rebuild_all(con, self.path, params=self._parameters, tz=self.tz)
        )

    def _integrity(self) -> list[str]:
        """SQLite's integrity check, as lines: ["ok"] when all is well. The full check can
        itself fail on a damaged page (an index's, say): then the quick check, which does
        not read indexes against their tables, says where; failing that, the error does."""
        reason = "the integrity check failed"
        for pragma in ("integrity_check(20)", "quick_check(20)"):
            try:
                rows = self._con.execute(f"PRAGMA {pragma}").fetchall()
            except sqlite3.DatabaseError as error:
                reason = str(error)
                continue
            return [
                line.strip()
                for row in rows
                for line in str(row[0]).splitlines()
                if line.strip() and not line.startswith("***")
            ]
        return [reason]

    def check(self, *, integrity: bool = True) -> CheckReport:
        """Check the file's integrity and that card state equals a fold of the log."""
        report = CheckReport()
        with self._lock:
            if integrity:
                problems = self._integrity()
                if problems != ["ok"]:
                    report.integrity = problems
                    return report
            stored = {
                tuple(row[:3]): tuple(row)
                for row in self._read(
                    f"SELECT deck_id, card_id, direction, {STATE_COLUMNS} FROM card_state"
                )
            }
            report.reviews = int(self._read("SELECT count(*) FROM reviews")[0][0])
            report.cards = len(stored)
            try:
                folded = rebuild.folded_rows(
                    self._con, self.path, params=self._parameters, tz=self.tz
                )
                for row in folded:
                    key = (row[0], row[1], row[2])
                    have = stored.pop(key, None)
                    if have is None:
                        report.missing.append(key)
                    elif have != row:
                        report.mismatched.append(key)
            except sqlite3.DatabaseError as error:
                raise self._error(error) from None
            report.extra = sorted((k[0], k[1], k[2]) for k in stored)
        return report
