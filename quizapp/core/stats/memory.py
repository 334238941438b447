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

from quizapp.core.schedule import (
    DEFAULT_PARAMETERS,
    CardState,
    Parameters,
    Row,
    Stage,
    fold_rows,
    retrievability,
)
from quizapp.core.stats.scope import Scope
from quizapp.core.store import Store

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


def recalled(store: Store, chosen: Scope, start: int, end: int) -> tuple[list[Recalled], int, int]:
    """Review answers in [start, end) as FSRS saw them; with the number of cards studied in
    the period (a card with a scheduled answer since `start`) and the number replayed."""
    studied = store.studied_since(chosen.deck_id, start)
    step = max(1, -(-studied // SAMPLE_KEYS))
    keys = store.studied_sample(chosen.deck_id, start, step, SAMPLE_KEYS)
    found: list[Recalled] = []
    for key in keys:
        replay(store.study_history(key, end), start, end, found, store.parameters(key[0]))
    return found, studied, len(keys)
