"""The log as the statistics read it: named queries over `reviews`, each summed in SQL.

Answers are the rows of modes study, practice and quiz (ANSWER_SQL); suspend, bury, their
undoing, forget and due-date are events, never counted as answers. Sums over a span of time
are range queries on the `reviews_by_day` index, which holds every column they read, and sums
per card key a pass over `reviews_by_card` in its order: the table itself is not touched.
`deck_id` None means every deck.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quizapp.core.schedule import STATE_MODES, Row
from quizapp.core.store.connection import Connection
from quizapp.core.store.records import Key

ANSWER_SQL = "mode BETWEEN 'practice' AND 'study'"
"""The answer modes, as one range test (cheaper per row than a list): of the modes a row can
have (`schedule.MODES`, enforced by the table), exactly practice, quiz and study sort between
'practice' and 'study'; bury, due-date and forget sort before, suspend, unbury and unsuspend
after."""
_RANGE = "FROM reviews INDEXED BY reviews_by_day WHERE deck_id = ? AND at >= ? AND at < ?"
_COUNT = f"SELECT count(*) {_RANGE} AND {ANSWER_SQL}"
_SUMS = (
    "SELECT count(*), total(rating = 1), count(rating), total(duration_ms), total(prior = 0), "
    f"total(prior = 2), total((prior = 2) * (rating > 1)) {_RANGE} AND {ANSWER_SQL}"
)
"""`prior` (the stage before the answer) is recorded for scheduled answers only."""
_KEYS = f"SELECT count(*) FROM (SELECT DISTINCT card_id, direction {_RANGE} AND {ANSWER_SQL})"
_DECKS_IN_LOG = (
    "WITH RECURSIVE d(id) AS (SELECT (SELECT min(deck_id) FROM reviews) UNION ALL "
    "SELECT (SELECT min(deck_id) FROM reviews WHERE deck_id > d.id) FROM d "
    "WHERE d.id IS NOT NULL) SELECT id FROM d WHERE id IS NOT NULL"
)
"""Distinct deck ids of the log, one index seek each (not a scan of the whole log)."""
_BY_KEY = (
    "SELECT deck_id, card_id, direction, count(*), count(rating), total(rating > 1) "
    "FROM reviews INDEXED BY reviews_by_card WHERE {where} AND at >= ? AND at < ? "
    f"AND {ANSWER_SQL} GROUP BY deck_id, card_id, direction"
)
_WRONG = (
    "SELECT typed, count(*) FROM reviews WHERE deck_id = ? AND card_id = ? AND direction = ? "
    "AND mode IN ('study', 'practice') AND verdict = 'wrong' AND typed IS NOT NULL "
    "AND typed <> '' GROUP BY typed"
)
_STATE_MODES_SQL = ", ".join(f"'{mode}'" for mode in STATE_MODES)
_STUDY_HISTORY = (
    "SELECT id, at, mode, rating, retention, until, content_hash, day_start FROM reviews "
    "INDEXED BY reviews_by_card WHERE deck_id = ? AND card_id = ? AND direction = ? "
    f"AND mode IN ({_STATE_MODES_SQL}) AND at < ? "
    "ORDER BY at, id"
)
_ANSWERS = (
    "SELECT id, deck_id, card_id, direction, at, mode, rating, verdict, typed, duration_ms "
    "FROM reviews WHERE {where} at >= ? AND at < ? AND mode IN ('study', 'practice', 'quiz') "
    "ORDER BY at, id"
)

Sums = tuple[int, int, int, int, int, int, int]
"""(answers, again, rated, time in ms, new cards, reviews, reviews passed)."""


def _deck(deck_id: str | None, alias: str = "") -> tuple[str, tuple[Any, ...]]:
    """A condition on deck_id (always true for every deck) and its parameters."""
    if deck_id is None:
        return "1", ()
    return f"{alias}deck_id = ?", (deck_id,)


class StatsLogStore(Connection):
    def logged_decks(self) -> tuple[str, ...]:
        """The decks with rows in the log, in order."""
        return tuple(row[0] for row in self._read(_DECKS_IN_LOG))

    def answer_count(self, deck_id: str, start: int, end: int) -> int:
        """Answers of one deck in [start, end)."""
        return int(self._read(_COUNT, (deck_id, start, end))[0][0])

    def answer_sums(self, deck_id: str, start: int, end: int) -> Sums:
        """The sums of one deck's answers in [start, end) (see `Sums`)."""
        row = self._read(_SUMS, (deck_id, start, end))[0]
        a, b, c, d, e, f, g = (int(value or 0) for value in row)
        return (a, b, c, d, e, f, g)

    def answered_keys(self, deck_id: str, start: int, end: int) -> int:
        """Distinct card keys of one deck answered in [start, end)."""
        return int(self._read(_KEYS, (deck_id, start, end))[0][0])

    def answers_by_key(
        self, deck_id: str | None, start: int, end: int
    ) -> list[tuple[str, str, str, int, int, int]]:
        """(deck, card, direction, answers, rated, passed) per key answered in [start, end),
        in key order (a card's directions are consecutive)."""
        where, params = _deck(deck_id)
        rows = self._read(_BY_KEY.format(where=where), (*params, start, end))
        return [(r[0], r[1], r[2], int(r[3]), int(r[4]), int(r[5])) for r in rows]

    def wrong_answers(self, key: Key) -> list[tuple[str, int]]:
        """The wrong answers typed for one card key in study and practice, with how often
        (quiz answers are left out: a true/false question's "answer" is true or false)."""
        return [(row[0], int(row[1])) for row in self._read(_WRONG, key)]

    def study_history(self, key: Key, before: int) -> list[Row]:
        """A key's state-changing rows before `before`, in log order, as the fold reads them
        (to replay its schedule)."""
        rows = self._read(_STUDY_HISTORY, (*key, before))
        return [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows]

    def iter_answers(self, deck_id: str | None, start: int, end: int) -> Iterator[tuple[Any, ...]]:
        """(id, deck, card, direction, at, mode, rating, verdict, typed, duration) of every
        answer in [start, end), oldest first, a batch at a time."""
        where, params = ("deck_id = ? AND", (deck_id,)) if deck_id is not None else ("", ())
        return self._rows(_ANSWERS.format(where=where), (*params, start, end))
