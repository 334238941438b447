"""The review log, the truth of the progress database: one row per answer and per suspend or
bury, written once and never updated. Undo deletes the rows of the action it undoes (an undone
answer was never given). Each row that changes a card's state updates it in the same durable
transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from quizapp.core.schedule import STATE_MODES, CardState, Mode, apply
from quizapp.core.store import rebuild
from quizapp.core.store.connection import Connection, is_storage_error
from quizapp.core.store.records import (
    REVIEW_COLUMNS,
    STATE_COLUMNS,
    Key,
    Review,
    review_row,
    state_from,
)
from quizapp.core.store.state import load_state, rebuild_all, refold_keys, save_state

REFOLD_LIMIT = 2_000
"""A merge touching more cards than this rebuilds all state instead of refolding each card."""
_INSERT_REVIEW = (
    f"INSERT INTO reviews ({REVIEW_COLUMNS}) "
    f"VALUES ({', '.join('?' for _ in REVIEW_COLUMNS.split(', '))})"
)


class LogStore(Connection):
    """Writing to the log and reading it back, with the card state it folds into."""

    def record(self, review: Review) -> CardState | None:
        """Append one row and update the card's state, in one durable transaction.

        Returns the card's new state for state-changing modes (study, suspend, bury...), None
        for practice and quiz answers, which are only logged. A study answer gets its `prior`
        stage filled in here, from the state read under the write lock.
        """
        if review.mode == Mode.STUDY and review.rating is None:
            raise ValueError("a study answer needs a rating")

        def work(con: sqlite3.Connection) -> CardState | None:
            if review.mode not in STATE_MODES:
                con.execute(_INSERT_REVIEW, review_row(review))
                return None
            old = load_state(con, review.key)
            current = old or CardState()
            row = review
            if review.mode == Mode.STUDY:
                row = replace(review, prior=int(current.stage))
            con.execute(_INSERT_REVIEW, review_row(row))
            if old is not None and review.at <= old.last_event:
                # Arrived out of order: replay the history.
                state = rebuild.refold(con, review.key, self._parameters, self.tz)
            else:
                state = apply(current, row.event(), self.parameters(review.deck_id), self.tz)
            save_state(con, review.key, old, state)
            return state

        return self._write(work)

    def undo(self, review_ids: Sequence[str]) -> None:
        """Remove these rows from the log and recompute the state of their cards."""

        def work(con: sqlite3.Connection) -> None:
            keys: set[Key] = set()
            for review_id in review_ids:
                row = con.execute(
                    "SELECT deck_id, card_id, direction FROM reviews WHERE id = ?", (review_id,)
                ).fetchone()
                if row is not None:
                    keys.add((row[0], row[1], row[2]))
                    con.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            refold_keys(con, keys, self._parameters, self.tz)

        self._write(work)

    def merge(self, reviews: Iterable[Review]) -> int:
        """Add the rows whose ids are not in the log yet (idempotent); refold their cards.

        Returns how many rows were added.
        """

        def work(con: sqlite3.Connection) -> int:
            keys: set[Key] = set()

            def rows() -> Iterator[tuple[Any, ...]]:
                for review in reviews:
                    if review.mode in STATE_MODES:
                        keys.add(review.key)
                    yield review_row(review)

            before = con.total_changes
            con.executemany(_INSERT_REVIEW.replace("INSERT", "INSERT OR IGNORE", 1), rows())
            added = con.total_changes - before
            if not added:
                return 0
            if len(keys) > REFOLD_LIMIT:
                # In this process only: helper processes would not see the uncommitted rows.
                rebuild_all(con, self.path, parallel=False, params=self._parameters, tz=self.tz)
            else:
                refold_keys(con, keys, self._parameters, self.tz)
            return added

        return self._write(work)

    def state(self, key: Key) -> CardState | None:
        with self._lock:
            try:
                return load_state(self._con, key)
            except sqlite3.DatabaseError as error:
                if not is_storage_error(error):
                    raise
                raise self._error(error) from None

    def states(self, deck_id: str) -> dict[Key, CardState]:
        rows = self._read(
            f"SELECT card_id, direction, {STATE_COLUMNS} FROM card_state WHERE deck_id = ?",
            (deck_id,),
        )
        return {(deck_id, row[0], row[1]): state_from(row[2:]) for row in rows}

    def reviews(self, key: Key | None = None, *, deck_id: str | None = None) -> list[Review]:
        """Rows of the log in log order (time, then id): all, one deck's, or one key's."""
        if key is not None:
            rows = self._read(
                f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE deck_id = ? AND card_id = ? "
                "AND direction = ? ORDER BY at, id",
                key,
            )
        elif deck_id is not None:
            rows = self._read(
                f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE deck_id = ? ORDER BY at, id",
                (deck_id,),
            )
        else:
            rows = self._read(f"SELECT {REVIEW_COLUMNS} FROM reviews ORDER BY at, id")
        return [Review(*row) for row in rows]

    def iter_reviews(self, batch: int = 10_000) -> Iterator[Review]:
        """Every row of the log in log order, without holding them all in memory."""
        for row in self._rows(f"SELECT {REVIEW_COLUMNS} FROM reviews ORDER BY at, id", (), batch):
            yield Review(*row)

    def review_count(self) -> int:
        return int(self._read("SELECT count(*) FROM reviews")[0][0])

    def has_review(self, review_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM reviews WHERE id = ?", (review_id,)))

    def latest_action(self, deck_id: str, modes: Sequence[Mode]) -> list[Review]:
        """The rows of the newest action of one of `modes` on a deck's cards: the newest such
        row and every row of the same mode at the same time (one action on several prompts)."""
        marks = ", ".join("?" for _ in modes)
        values = [mode.value for mode in modes]
        newest = self._read(
            f"SELECT at, mode FROM reviews WHERE deck_id = ? AND mode IN ({marks}) "
            "ORDER BY at DESC, id DESC LIMIT 1",
            (deck_id, *values),
        )
        if not newest:
            return []
        at, mode = newest[0]
        rows = self._read(
            f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE deck_id = ? AND at = ? AND mode = ? "
            "ORDER BY id",
            (deck_id, at, mode),
        )
        return [Review(*row) for row in rows]

    def changed_after(self, keys: Iterable[Key], at: int) -> list[Key]:
        """The keys among `keys` with a state-changing row later than `at`."""
        marks = ", ".join("?" for _ in STATE_MODES)
        query = (
            "SELECT 1 FROM reviews WHERE deck_id = ? AND card_id = ? AND direction = ? "
            f"AND at > ? AND mode IN ({marks}) LIMIT 1"
        )
        modes = [mode.value for mode in STATE_MODES]
        return [key for key in keys if self._read(query, (*key, at, *modes))]
