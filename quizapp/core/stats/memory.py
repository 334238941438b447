"""Memory at review time: the retention FSRS predicted, and young against mature cards.

The log stores what the learner did, not what FSRS believed just before each answer. That is
recovered by replaying each card's scheduled answers: `replay` restates the `fsrs` package's
update of stability and difficulty (the same arithmetic, in the same order, so the results are
equal to the last bit; a test checks it against `schedule.fold_rows`), without building the
package's objects for every answer, which makes it about ten times faster.

For each answer given to a card in review, it gives the card's interval before that answer
(young: under 21 days; mature: 21 or more, as Anki counts them) and its retrievability at that
moment: the probability of recall FSRS predicted. Replaying means reading each card's whole
history, so when more than SAMPLE_KEYS cards were studied in the period only a sample of them
is replayed (chosen by a hash of the card key, so the same cards every time). The week's total
of reviews and passes is always counted in full (activity.py); the sample only estimates the
young/mature split and the predicted retention.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.core.schedule.engine import (
    DAY_MS,
    DEFAULT_RETENTION,
    MAXIMUM_INTERVAL_DAYS,
    fsrs_scheduler,
    fuzz_unit,
    fuzzed_days,
)
from quizapp.core.stats.scope import Scope
from quizapp.core.store import Store

MATURE_DAYS = 21
SAMPLE_KEYS = 2_000
"""At most this many cards are replayed; beyond it, a fixed sample of them."""

W: tuple[float, ...] = tuple(float(w) for w in fsrs_scheduler(DEFAULT_RETENTION).parameters)
DECAY = -W[20]
FACTOR = 0.9 ** (1 / DECAY) - 1
_STABILITY_MIN = 0.001
_EASY_DIFFICULTY = W[4] - (math.e ** (W[5] * (4 - 1))) + 1
_LEARNING_STEPS = 2  # schedule.LEARNING_STEPS: 1 and 10 minutes
_RELEARNING_STEPS = 1  # schedule.RELEARNING_STEPS: 10 minutes

Row = tuple[str, int, int, "float | None", "int | None"]
"""(review id, at, rating, desired retention, prior stage) of one scheduled answer."""


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


def retrievability(elapsed_days: int, stability: float) -> float:
    return float((1 + FACTOR * max(0, elapsed_days) / stability) ** DECAY)


def _clamp_difficulty(value: float) -> float:
    return min(max(value, 1.0), 10.0)


def _next_difficulty(difficulty: float, rating: int) -> float:
    delta = -(W[6] * (rating - 3))
    damped = difficulty + (10.0 - difficulty) * delta / 9.0
    return _clamp_difficulty(W[7] * _EASY_DIFFICULTY + (1 - W[7]) * damped)


def _short_term(stability: float, rating: int) -> float:
    increase = (math.e ** (W[17] * (rating - 3 + W[18]))) * (stability ** -W[19])
    if rating > 1:
        increase = max(increase, 1.0)
    return float(max(stability * increase, _STABILITY_MIN))


def _next_stability(difficulty: float, stability: float, recall: float, rating: int) -> float:
    if rating == 1:
        long_term = (
            W[11]
            * (difficulty ** -W[12])
            * (((stability + 1) ** (W[13])) - 1)
            * (math.e ** ((1 - recall) * W[14]))
        )
        value = min(long_term, stability / (math.e ** (W[17] * W[18])))
    else:
        hard = W[15] if rating == 2 else 1
        easy = W[16] if rating == 4 else 1
        value = stability * (
            1
            + (math.e ** (W[8]))
            * (11 - difficulty)
            * (stability ** -W[9])
            * ((math.e ** ((1 - recall) * W[10])) - 1)
            * hard
            * easy
        )
    return float(max(value, _STABILITY_MIN))


def _interval_days(stability: float, retention: float, review_id: str) -> int:
    days = round((stability / FACTOR) * ((retention ** (1 / DECAY)) - 1))
    days = min(max(days, 1), MAXIMUM_INTERVAL_DAYS)
    return fuzzed_days(days, fuzz_unit(review_id))


@dataclass(frozen=True)
class Replayed:
    """A card's state after its answers (to compare with the scheduler's own fold)."""

    stage: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: int | None
    last_review: int | None


def replay(
    rows: Iterable[Row], start: int, end: int, found: list[Recalled] | None = None
) -> Replayed:
    """Replay one card's scheduled answers (in log order); append to `found` each answer in
    [start, end) given to the card in review. Learning-step due times are not worked out (the
    statistics never need them): `due` is exact once the card is in review."""
    stage = 0
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    last: int | None = None
    scheduled: tuple[float, float, str] | None = None
    """(stability, desired retention, review id) when the card last went to review: its
    interval (with its fuzz) is worked out only if an answer needs it."""
    interval: int | None = None
    for review_id, at, rating, retention, prior in rows:
        elapsed = (at - last) // DAY_MS if last is not None else 0
        if (
            found is not None
            and prior == 2
            and start <= at < end
            and stability is not None
            and last is not None
        ):
            if stage == 2 and scheduled is not None:
                interval = interval or _interval_days(*scheduled)
                days = float(interval)
            else:
                days = float(elapsed)
            found.append(Recalled(at, days, rating > 1, retrievability(elapsed, stability)))
        to_review = False
        if stability is None or difficulty is None:
            stability = max(W[rating - 1], _STABILITY_MIN)
            difficulty = _clamp_difficulty(W[4] - (math.e ** (W[5] * (rating - 1))) + 1)
        else:
            if elapsed < 1:
                stability = _short_term(stability, rating)
            else:
                recall = retrievability(elapsed, stability)
                stability = _next_stability(difficulty, stability, recall, rating)
            difficulty = _next_difficulty(difficulty, rating)
        if stage == 2:
            if rating == 1:
                stage, step = 3, 0
            else:
                to_review = True
        else:
            steps = _RELEARNING_STEPS if stage == 3 else _LEARNING_STEPS
            stage = 3 if stage == 3 else 1
            current = step or 0
            if (current >= steps and rating > 1) or rating == 4:
                to_review = True
            elif rating == 1:
                step = 0
            elif rating == 3:
                if current + 1 == steps:
                    to_review = True
                else:
                    step = current + 1
        if to_review:
            stage, step = 2, None
            chosen = DEFAULT_RETENTION if retention is None else retention
            scheduled, interval = (stability, chosen, review_id), None
        last = at
    due: int | None = None
    if stage == 2 and scheduled is not None and last is not None:
        due = last + (interval or _interval_days(*scheduled)) * DAY_MS
    return Replayed(stage, step, stability, difficulty, due, last)


def recalled(store: Store, chosen: Scope, start: int, end: int) -> tuple[list[Recalled], int, int]:
    """Review answers in [start, end) as FSRS saw them; with the number of cards studied in
    the period (a card with a scheduled answer since `start`) and the number replayed."""
    studied = store.studied_since(chosen.deck_id, start)
    step = max(1, -(-studied // SAMPLE_KEYS))
    keys = store.studied_sample(chosen.deck_id, start, step, SAMPLE_KEYS)
    found: list[Recalled] = []
    for key in keys:
        replay(store.study_history(key, end), start, end, found)
    return found, studied, len(keys)
