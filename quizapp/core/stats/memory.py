"""Memory at review time: the retention FSRS predicted, and young against mature cards.

The log stores what the learner did, not what FSRS believed just before each answer. That is
recovered by replaying each card's history through `schedule.fold_rows`, the scheduler's own
fold, so the state before each answer is exactly the one the schedule had.

For each answer given to a card in review, it gives the card's interval before that answer
(young: under 21 days; mature: 21 or more, as Anki counts them) and its retrievability at that
moment: the probability of recall FSRS predicted. Replaying means reading each card's whole
history, so when more than SAMPLE_KEYS cards were studied in the period only a sample of them
is replayed (chosen by a hash of the card key, so the same cards every time). The week's total
of reviews and passes is always counted in full (activity.py); the sample only estimates the
young/mature split and the predicted retention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.core.schedule.engine import (
    DEFAULT_PARAMETERS,
    STATE_MODES,
    CardState,
    Parameters,
    Row,
    Stage,
    fold_rows,
    retrievability,
)
from quizapp.core.stats.scope import Scope
from quizapp.core.store.database import Store

MATURE_DAYS = 21
SAMPLE_KEYS = 2_000
"""At most this many cards are replayed; beyond it, a fixed sample of them."""


@dataclass(frozen=True)
class Recalled:
    """One scheduled answer of a card in review, as FSRS saw it."""

    at: int
    interval_days: float
    passed: bool
    retrievability: float

    @property
    def mature(self) -> bool:
        return self.interval_days >= MATURE_DAYS


def replay(
    rows: Iterable[Row],
    start: int,
    end: int,
    found: list[Recalled] | None = None,
    params: Parameters = DEFAULT_PARAMETERS,
) -> CardState:
    """Fold one card's state-changing rows (in log order); append to `found` each answer in
    [start, end) given to the card in review. Returns the state after them all."""
    state = CardState()
    for row in rows:
        at, mode, rating = row[1], row[2], row[3]
        if (
            found is not None
            and mode == "study"
            and start <= at < end
            and state.stage == Stage.REVIEW
            and rating is not None
        ):
            recall = retrievability(state, at, params)
            if recall is not None:
                days = float(state.interval_days or 0.0)
                found.append(Recalled(at, days, rating > 1, recall))
        state = fold_rows((row,), state, params)
    return state


_STUDIED = "SELECT count(*) FROM card_state WHERE {where} AND last_review >= ?"
_CANDIDATES = (
    "SELECT deck_id, card_id, direction FROM (SELECT deck_id, card_id, direction, "
    "row_number() OVER (ORDER BY deck_id, card_id, direction) AS n FROM card_state "
    "WHERE {where} AND last_review >= ?) WHERE n % ? = 0 LIMIT ?"
)
"""Every n-th card studied in the period, in key order: a systematic sample, the same each time."""
_HISTORY = (
    "SELECT id, at, mode, rating, retention, until, content_hash, day_start FROM reviews "
    "INDEXED BY reviews_by_card WHERE deck_id = ? AND card_id = ? AND direction = ? "
    f"AND mode IN ({', '.join(repr(mode) for mode in STATE_MODES)}) AND at < ? "
    "ORDER BY at, id"
)


def recalled(store: Store, chosen: Scope, start: int, end: int) -> tuple[list[Recalled], int, int]:
    """Review answers in [start, end) as FSRS saw them; with the number of cards studied in
    the period (a card with a scheduled answer since `start`) and the number replayed."""
    where, params = chosen.where()
    studied = int(store.query(_STUDIED.format(where=where), (*params, start))[0][0])
    step = max(1, -(-studied // SAMPLE_KEYS))
    keys = store.query(_CANDIDATES.format(where=where), (*params, start, step, SAMPLE_KEYS))
    found: list[Recalled] = []
    for key in keys:
        rows = store.query(_HISTORY, (*key, end))
        replay(rows, start, end, found, store.parameters(key[0]))
    return found, studied, len(keys)
