"""The rows the study queue reads (`schedule.queue` decides what comes when, and how many): due
learning cards, due reviews, new keys in deck order, what was studied today, and counts.

Only keys of the deck as last opened (its catalog) are read: removed cards keep their history
but are not shown. Cards in a `held` set (siblings of cards studied today, see
`schedule.siblings`) are left out.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from quizapp.core.schedule import CardState, Day
from quizapp.core.store.connection import Connection
from quizapp.core.store.records import STATE_COLUMNS, Key, state_from

_IN_CATALOG = (
    "EXISTS (SELECT 1 FROM catalog c WHERE c.deck_id = s.deck_id "
    "AND c.card_id = s.card_id AND c.direction = s.direction)"
)
_NOT_HELD = "s.card_id NOT IN (SELECT value FROM json_each(:held))"
_LEARNING = (
    "s.deck_id = :deck AND s.stage IN (1, 3) AND s.suspended = 0 AND s.buried_until <= :now "
    f"AND {_IN_CATALOG}"
)
"""Learning and relearning keys that are neither suspended nor buried."""
_DUE_REVIEW = (
    "s.deck_id = :deck AND s.stage = 2 AND s.due < :end AND s.suspended = 0 "
    f"AND s.buried_until <= :now AND {_IN_CATALOG} AND {_NOT_HELD}"
)
"""Reviews due before :end, neither suspended nor buried, of cards not held back."""
_FRESH = (
    "c.deck_id = :deck AND c.fresh = 1 AND c.card_id NOT IN (SELECT value FROM json_each(:held)) "
    "AND NOT EXISTS (SELECT 1 FROM card_state o WHERE o.deck_id = c.deck_id "
    "AND o.card_id = c.card_id AND o.direction = c.direction AND o.buried_until > :now)"
)
"""Catalog keys never studied, not buried, of cards not held back."""


def _held(cards: Collection[str]) -> str:
    return json.dumps(sorted(cards))


class QueueStore(Connection):
    def next_learning(self, deck_id: str, now: int, before: int) -> tuple[Key, CardState] | None:
        """The learning or relearning card due first, if it is due before `before`."""
        rows = self._read(
            f"SELECT s.card_id, s.direction, {STATE_COLUMNS} FROM card_state s "
            f"WHERE {_LEARNING} AND s.due < :before ORDER BY s.due LIMIT 1",
            {"deck": deck_id, "now": now, "before": before},
        )
        if not rows:
            return None
        row = rows[0]
        return (deck_id, row[0], row[1]), state_from(row[2:])

    def next_learning_due(self, deck_id: str, now: int) -> int | None:
        """When the next learning card comes due (for "come back in 5 minutes")."""
        rows = self._read(
            f"SELECT min(s.due) FROM card_state s WHERE {_LEARNING}", {"deck": deck_id, "now": now}
        )
        value = rows[0][0]
        return int(value) if value is not None else None

    def next_scheduled(self, deck_id: str) -> int | None:
        """When the next scheduled card (learning or review, not suspended) comes due, or
        comes back from being buried: whichever is later for each card, the earliest of all."""
        rows = self._read(
            "SELECT min(max(s.due, s.buried_until)) FROM card_state s WHERE s.deck_id = ? "
            f"AND s.stage IN (1, 2, 3) AND s.suspended = 0 AND s.due IS NOT NULL AND {_IN_CATALOG}",
            (deck_id,),
        )
        value = rows[0][0]
        return int(value) if value is not None else None

    def has_new(self, deck_id: str) -> bool:
        """Whether the deck has keys never studied (they come, new_per_day a day)."""
        rows = self._read(
            "SELECT EXISTS (SELECT 1 FROM catalog WHERE deck_id = ? AND fresh = 1)", (deck_id,)
        )
        return bool(rows[0][0])

    def review_queue(
        self, deck_id: str, now: int, end: int, held: Collection[str], limit: int
    ) -> list[Key]:
        """Reviews due before `end` (not suspended, not buried, not of `held` cards), the most
        overdue relative to their interval first, then the earliest due; at most `limit`.
        (Ordered here, in SQL: only the first `limit` rows of thousands leave the database.)"""
        rows = self._read(
            f"SELECT s.card_id, s.direction FROM card_state s WHERE {_DUE_REVIEW} "
            "ORDER BY CAST(:now - s.due AS REAL) / max(s.due - s.last_review, 1) DESC, s.due "
            "LIMIT :limit",
            {"deck": deck_id, "end": end, "now": now, "held": _held(held), "limit": limit},
        )
        return [(deck_id, row[0], row[1]) for row in rows]

    def count_due_reviews(
        self, deck_id: str, now: int, end: int, held: Collection[str], limit: int
    ) -> int:
        """How many reviews `review_queue` would give, counting up to `limit` (-1: all)."""
        rows = self._read(
            f"SELECT count(*) FROM (SELECT 1 FROM card_state s WHERE {_DUE_REVIEW} LIMIT :limit)",
            {"deck": deck_id, "end": end, "now": now, "held": _held(held), "limit": limit},
        )
        return int(rows[0][0])

    def count_learning(self, deck_id: str, now: int, end: int) -> int:
        """Learning and relearning cards due before `end`."""
        rows = self._read(
            f"SELECT count(*) FROM card_state s WHERE {_LEARNING} AND s.due < :end",
            {"deck": deck_id, "now": now, "end": end},
        )
        return int(rows[0][0])

    def next_new(self, deck_id: str, now: int, held: Collection[str], limit: int) -> list[Key]:
        """The next keys never studied, in deck order, skipping buried ones and those of
        `held` cards."""
        rows = self._read(
            f"SELECT c.card_id, c.direction FROM catalog c WHERE {_FRESH} "
            "ORDER BY c.position LIMIT :limit",
            {"deck": deck_id, "now": now, "held": _held(held), "limit": limit},
        )
        return [(deck_id, row[0], row[1]) for row in rows]

    def count_new(self, deck_id: str, now: int, held: Collection[str]) -> int:
        """How many keys `next_new` would give without a limit."""
        rows = self._read(
            f"SELECT count(*) FROM catalog c WHERE {_FRESH}",
            {"deck": deck_id, "now": now, "held": _held(held)},
        )
        return int(rows[0][0])

    def done_today(self, deck_id: str, day: Day) -> tuple[int, int]:
        """(new cards introduced, reviews answered) in this deck's study answers of `day`."""
        rows = self._read(
            "SELECT prior, count(*) FROM reviews WHERE deck_id = ? AND at >= ? AND at < ? "
            "AND mode = 'study' AND prior IN (0, 2) GROUP BY prior",
            (deck_id, day.start, day.end),
        )
        done = {row[0]: row[1] for row in rows}
        return int(done.get(0, 0)), int(done.get(2, 0))

    def studied_cards(self, deck_id: str, since: int) -> frozenset[str]:
        """Ids of this deck's cards with a study answer at or after `since` (the rows of the
        day, found by time: not a pass over the deck's whole history)."""
        rows = self._read(
            "SELECT DISTINCT card_id FROM reviews INDEXED BY reviews_by_day "
            "WHERE deck_id = ? AND at >= ? AND mode = 'study'",
            (deck_id, since),
        )
        return frozenset(row[0] for row in rows)
