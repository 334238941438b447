"""Card state and the catalog as the statistics read them: named queries over `card_state`
(the fold of the log) and `catalog`, each summed in SQL; Python only sees the sums.

The figures cover the keys each deck has now: keys of removed cards are "stray" and left out
(a key of a direction not asked now is the deck's still: `stats.scope.Scope.keys` keeps it).
They are found once (`stray_keys`); as there are usually none, every other query reads
`card_state` alone (through a `StateScope`, which passes the stray keys as one JSON list,
however many) instead of joining it to the catalog row by row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.store.connection import Connection
from quizapp.core.store.records import Key

_CATALOG_MATCH = (
    "EXISTS (SELECT 1 FROM catalog c WHERE c.deck_id = s.deck_id AND c.card_id = s.card_id "
    "AND c.direction = s.direction)"
)
_STRAY = (
    "SELECT s.deck_id, s.card_id, s.direction FROM card_state s WHERE {where} "
    f"AND s.deck_id IN (SELECT deck_id FROM decks) AND NOT {_CATALOG_MATCH}"
)
_SCHEDULED_COUNT = (
    "SELECT count(*) FROM card_state s WHERE {where} AND s.deck_id IN (SELECT deck_id FROM "
    "decks) AND (s.stage <> 0 OR s.suspended <> 0)"
)
_NOT_FRESH_COUNT = "SELECT count(*) FROM catalog c WHERE {where} AND fresh = 0"
_SCHEDULED_DECKS = (
    "WITH RECURSIVE d(id) AS (SELECT (SELECT min(deck_id) FROM card_state) UNION ALL "
    "SELECT (SELECT min(deck_id) FROM card_state WHERE deck_id > d.id) FROM d "
    "WHERE d.id IS NOT NULL) SELECT id FROM d WHERE id IS NOT NULL"
)
_SCHEDULE = (
    "SELECT s.stage + 4 * s.suspended + 8 * (s.lapses >= ?) "
    "+ 16 * coalesce(CASE WHEN s.suspended = 0 THEN CAST(s.difficulty AS INTEGER) END, 0) "
    "+ 256 * coalesce(CASE WHEN s.stage = 2 AND s.suspended = 0 "
    "THEN 1 + (s.due - s.last_review) / 86400000 END, 0), count(*) "
    "FROM card_state s WHERE {where} GROUP BY 1"
)
"""Stage, suspension, leech, whole difficulty and whole days of interval, packed in one
integer per key so that SQLite groups on a single number (several times faster than grouping
on five columns); `_unpack` takes it apart."""
_STABILITY_BY_DIRECTION = (
    "SELECT s.direction, count(s.stability), total(s.stability) FROM card_state s "
    "WHERE {where} GROUP BY 1"
)
_DUE = (
    "SELECT CASE WHEN s.due < ? THEN -1 ELSE (s.due - ?) / ? END, count(*) "
    "FROM card_state s WHERE {where} AND s.stage IN (1, 2, 3) AND s.suspended = 0 "
    "AND s.due < ? GROUP BY 1"
)
_STABILITY_BY_CARD = (
    "SELECT s.deck_id, s.card_id, count(*), total(s.stability) FROM card_state s "
    "WHERE {where} AND s.stability IS NOT NULL GROUP BY 1, 2"
)
_KEYS_BY_DIRECTION = "SELECT direction, count(*) FROM catalog c WHERE {where} GROUP BY 1"
_FRESH = "SELECT count(*) FROM catalog c WHERE {where} AND fresh = 1"
_MOST_LAPSES = (
    "SELECT s.deck_id, s.card_id, s.direction, s.lapses FROM card_state s WHERE {where} "
    "AND s.lapses > 0 ORDER BY s.lapses DESC, s.last_review DESC, s.card_id, s.direction "
    "LIMIT ?"
)
_LEAST_RECALL = (
    "SELECT s.deck_id, s.card_id, s.direction FROM card_state s WHERE {where} "
    "AND s.stage <> 0 AND s.stability IS NOT NULL AND s.suspended = 0 "
    "ORDER BY (? - s.last_review) / s.stability DESC, s.card_id, s.direction "
    "LIMIT ?"
)
"""Lowest retrievability first: it falls as the time since the last review / stability grows
(in milliseconds, so that cards studied the same day are still told apart)."""
_MOST_AGAIN = (
    "SELECT card_id, direction, count(*), max(at) FROM reviews {index} "
    "WHERE deck_id = ? AND at >= ? AND at < ? AND mode = 'study' AND rating = 1 "
    "GROUP BY 1, 2 ORDER BY 3 DESC, 4 DESC, 1, 2 LIMIT ?"
)
"""One deck's keys answered Again most often in study in a period (learning steps included),
most first. Over a short period it reads a range of the log's by-day index (named: left to
itself, SQLite prefers the by-card index for the grouping and reads the deck's whole history);
over a long one the by-card index, grouped as it is read, is faster."""
BY_DAY_UP_TO_MS = 92 * 86_400_000
"""Periods up to about three months read the by-day index."""
_AGAIN_OF_KEY = (
    "SELECT count(*) FROM reviews WHERE deck_id = ? AND card_id = ? AND direction = ? "
    "AND at >= ? AND at < ? AND mode = 'study' AND rating = 1"
)
_STUDIED_SINCE = "SELECT count(*) FROM card_state s WHERE {where} AND s.last_review >= ?"
_STUDIED_SAMPLE = (
    "SELECT deck_id, card_id, direction FROM (SELECT s.deck_id, s.card_id, s.direction, "
    "row_number() OVER (ORDER BY s.deck_id, s.card_id, s.direction) AS n FROM card_state s "
    "WHERE {where} AND s.last_review >= ?) WHERE n % ? = 0 LIMIT ?"
)
"""Every n-th card studied since a time, in key order: a systematic sample, the same each time."""


def literal(text: str) -> str:
    """A SQL string literal (quotes doubled: the one escape SQLite's strings have)."""
    return "'" + text.replace("'", "''") + "'"


def _deck(deck_id: str | None, alias: str) -> tuple[str, tuple[Any, ...]]:
    if deck_id is None:
        return "1", ()
    return f"{alias}.deck_id = ?", (deck_id,)


@dataclass(frozen=True)
class StateScope:
    """The card keys a figure covers: one deck's or all (`deck_id` None), less the stray ones;
    `uncatalogued` decks (a schedule, no catalog: their file was never opened here) count
    whole."""

    deck_id: str | None
    stray: tuple[Key, ...] = ()
    uncatalogued: tuple[str, ...] = ()

    def where(self) -> tuple[str, tuple[Any, ...]]:
        """The condition on `card_state s` for these keys, and its parameters."""
        where, params = _deck(self.deck_id, "s")
        if not self.stray:
            return where, params
        # One parameter however many keys: SQLite reads the list once into a lookup table.
        joined = "s.deck_id || char(31) || s.card_id || char(31) || s.direction"
        listed = json.dumps(["\x1f".join(key) for key in self.stray])
        return f"{where} AND {joined} NOT IN (SELECT value FROM json_each(?))", (*params, listed)


@dataclass(frozen=True)
class ScheduleGroup:
    """Keys that share a stage, a suspension, being a leech, a whole difficulty and a whole
    number of days of interval."""

    stage: int
    suspended: bool
    leech: bool
    difficulty: int | None
    interval_days: int | None
    count: int


def _unpack(packed: int, count: int) -> ScheduleGroup:
    hardness, days = (packed >> 4) & 15, packed >> 8
    return ScheduleGroup(
        packed & 3,
        bool(packed & 4),
        bool(packed & 8),
        hardness or None,
        days - 1 if days else None,
        count,
    )


class StatsStateStore(Connection):
    def scheduled_decks(self) -> set[str]:
        """Decks with any card state."""
        return {row[0] for row in self._read(_SCHEDULED_DECKS)}

    def catalogued_decks(self) -> set[str]:
        """Decks whose card keys were recorded (their file was opened here)."""
        return {row[0] for row in self._read("SELECT deck_id FROM decks")}

    def quizzed_decks(self) -> set[str]:
        return {row[0] for row in self._read("SELECT DISTINCT deck_id FROM quiz_runs")}

    def stray_keys(self, deck_id: str | None) -> list[Key]:
        """Keys with a schedule that their deck no longer has. Those that matter (not new, or
        suspended) exist only when there are more such keys than catalog keys marked as not
        fresh (`catalog.fresh` says exactly "no schedule yet"); only then is the catalog
        joined."""
        where, params = _deck(deck_id, "s")
        scheduled = self._read(_SCHEDULED_COUNT.format(where=where), params)[0][0]
        not_fresh = self._read(_NOT_FRESH_COUNT.format(where=_deck(deck_id, "c")[0]), params)
        if scheduled == not_fresh[0][0]:
            return []
        return [(r[0], r[1], r[2]) for r in self._read(_STRAY.format(where=where), params)]

    def schedule_groups(self, scope: StateScope, leech_lapses: int) -> list[ScheduleGroup]:
        where, params = scope.where()
        rows = self._read(_SCHEDULE.format(where=where), (leech_lapses, *params))
        return [_unpack(int(packed), int(count)) for packed, count in rows]

    def stability_by_direction(self, scope: StateScope) -> list[tuple[str, int, float]]:
        """(direction, keys with a stability, their stability summed)."""
        where, params = scope.where()
        rows = self._read(_STABILITY_BY_DIRECTION.format(where=where), params)
        return [(row[0], int(row[1]), float(row[2])) for row in rows]

    def stability_by_card(self, scope: StateScope) -> list[tuple[str, str, int, float]]:
        """(deck, card, keys with a stability, their stability summed) per card."""
        where, params = scope.where()
        rows = self._read(_STABILITY_BY_CARD.format(where=where), params)
        return [(row[0], row[1], int(row[2]), float(row[3])) for row in rows]

    def fresh_keys(self, deck_id: str | None) -> int:
        """Catalog keys not yet introduced as new cards."""
        where, params = _deck(deck_id, "c")
        return int(self._read(_FRESH.format(where=where), params)[0][0])

    def keys_by_direction(self, deck_id: str | None) -> list[tuple[str, int]]:
        """Catalog keys per direction."""
        where, params = _deck(deck_id, "c")
        return [
            (r[0], int(r[1])) for r in self._read(_KEYS_BY_DIRECTION.format(where=where), params)
        ]

    def due_by_quarter(
        self, scope: StateScope, start: int, quarter_ms: int, end: int
    ) -> list[tuple[int, int]]:
        """(quarter hours after `start`, or -1 when due before it; keys) of the keys due
        before `end` (learning and review, not suspended)."""
        where, params = scope.where()
        values = (start, start, quarter_ms, *params, end)
        return [(int(r[0]), int(r[1])) for r in self._read(_DUE.format(where=where), values)]

    def most_lapses(self, scope: StateScope, limit: int) -> list[tuple[Key, int]]:
        """The keys forgotten most often after being learnt (and how often), most first."""
        where, params = scope.where()
        rows = self._read(_MOST_LAPSES.format(where=where), (*params, limit))
        return [((r[0], r[1], r[2]), int(r[3])) for r in rows]

    def most_again(
        self, decks: Sequence[str], start: int, end: int, limit: int, stray: Sequence[Key] = ()
    ) -> list[tuple[Key, int]]:
        """The keys of `decks` answered Again most often in study in [start, end) (and how
        often), most first; `stray` keys (of cards a deck no longer has) are left out."""
        left_out = set(stray)
        found: list[tuple[int, int, Key]] = []
        for deck in decks:
            index = "INDEXED BY reviews_by_day" if end - start <= BY_DAY_UP_TO_MS else ""
            query = _MOST_AGAIN.format(index=index)
            rows = self._read(query, (deck, start, end, limit + len(left_out)))
            found += [(int(r[2]), int(r[3]), (deck, r[0], r[1])) for r in rows]
        found.sort(key=lambda row: (-row[0], -row[1], row[2]))
        return [(key, count) for count, _at, key in found if key not in left_out][:limit]

    def again_count(self, key: Key, start: int, end: int) -> int:
        """How often `key` was answered Again in study in [start, end)."""
        return int(self._read(_AGAIN_OF_KEY, (*key, start, end))[0][0])

    def least_recall(self, scope: StateScope, now: int, limit: int) -> list[Key]:
        """The studied keys least likely to be recalled at `now`, least first."""
        where, params = scope.where()
        rows = self._read(_LEAST_RECALL.format(where=where), (*params, now, limit))
        return [(r[0], r[1], r[2]) for r in rows]

    def studied_since(self, deck_id: str | None, since: int) -> int:
        """Keys with a study answer at or after `since`."""
        where, params = _deck(deck_id, "s")
        return int(self._read(_STUDIED_SINCE.format(where=where), (*params, since))[0][0])

    def studied_sample(self, deck_id: str | None, since: int, step: int, limit: int) -> list[Key]:
        """Every `step`-th key studied since `since`, in key order, at most `limit`."""
        where, params = _deck(deck_id, "s")
        rows = self._read(_STUDIED_SAMPLE.format(where=where), (*params, since, step, limit))
        return [(r[0], r[1], r[2]) for r in rows]
