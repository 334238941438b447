"""FSRS scheduling (the `fsrs` package) and the fold of a card's history.

Card state is a pure function of a card's events (study answers, suspend, bury), applied in
order of time. `apply` is that function for one event; the store calls it for each answer and,
in `fold`, for a whole history when it rebuilds. Both paths run the same code on the same
inputs, so the incremental state and a rebuild are equal to the last bit.

Two things make that possible:

* times are whole milliseconds since the epoch (UTC) everywhere, never local datetimes;
* fuzzing (the small random spread FSRS adds to review intervals so that cards learnt together
  do not stay together) draws its random number from the review's own id, not from a global
  random generator, so replaying the log gives the same intervals.

The desired retention in force is stored with each answer, so changing the setting changes
future intervals only, and a rebuild still reproduces what the learner saw.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import IntEnum
from functools import lru_cache

from fsrs import Card as FsrsCard
from fsrs import Rating as FsrsRating
from fsrs import Scheduler
from fsrs import State as FsrsState

from quizapp.core.rating import Rating
from quizapp.core.schedule.modes import STATE_MODES

DAY_MS = 86_400_000
MINUTE_MS = 60_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

DEFAULT_RETENTION = 0.90
MIN_RETENTION = 0.70
MAX_RETENTION = 0.97
LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
"""Anki's default learning steps."""
RELEARNING_STEPS = (timedelta(minutes=10),)
"""Anki's default relearning step."""
MAXIMUM_INTERVAL_DAYS = 36500
LEARN_AHEAD_MS = 20 * MINUTE_MS
"""When nothing else is due, a learning card due within this much time is shown early."""


class Stage(IntEnum):
    """Where a card is in its life; 1-3 are the FSRS states."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3

    @property
    def label(self) -> str:
        return self.name.lower()


def to_ms(moment: datetime) -> int:
    """An aware datetime -> whole milliseconds since the epoch (sub-millisecond part dropped)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: quizapp times are always timezone-aware")
    return (moment - EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    """Milliseconds since the epoch -> a `timezone.utc` datetime (exact)."""
    return EPOCH + timedelta(milliseconds=ms)


@dataclass(frozen=True)
class CardState:
    """The derived state of one card key. Times are milliseconds since the epoch (UTC)."""

    stage: Stage = Stage.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: int | None = None
    last_review: int | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: int = 0
    last_event: int = 0
    """Time of the latest event applied: an older event arriving later means a refold."""
    content_hash: str | None = None
    """The card's content hash at its latest study answer."""

    @property
    def interval_days(self) -> float | None:
        """Days between the last review and the due time (None before the first answer)."""
        if self.due is None or self.last_review is None:
            return None
        return (self.due - self.last_review) / DAY_MS

    def is_buried(self, now: int) -> bool:
        return self.buried_until > now


NEW_CARD = CardState()


@dataclass(frozen=True)
class Event:
    """What `apply` needs from one logged row."""

    id: str
    at: int
    mode: str
    rating: int | None = None
    retention: float | None = None
    until: int | None = None
    content_hash: str | None = None


@lru_cache(maxsize=64)
def fsrs_scheduler(retention: float) -> Scheduler:
    """An FSRS scheduler with default parameters and Anki's steps; fuzzing is done here."""
    return Scheduler(
        desired_retention=retention,
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        maximum_interval=MAXIMUM_INTERVAL_DAYS,
        enable_fuzzing=False,
    )


def fuzz_unit(review_id: str) -> float:
    """A number in [0, 1) that depends only on the review id (the fuzz's random draw)."""
    digest = hashlib.blake2b(review_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, math.inf, 0.05))


def fuzzed_days(days: int, unit: float) -> int:
    """FSRS's fuzz of a review interval: the same ranges as the fsrs package, a given draw."""
    if days < 2.5:
        return days
    delta = 1.0
    for start, end, factor in _FUZZ_RANGES:
        delta += factor * max(min(float(days), end) - start, 0.0)
    low = max(2, round(days - delta))
    high = min(round(days + delta), MAXIMUM_INTERVAL_DAYS)
    low = min(low, high)
    return min(round(unit * (high - low + 1) + low), MAXIMUM_INTERVAL_DAYS)


_STAGES = (Stage.NEW, Stage.LEARNING, Stage.REVIEW, Stage.RELEARNING)
_FSRS_STATES = (FsrsState.Learning, FsrsState.Learning, FsrsState.Review, FsrsState.Relearning)
_FSRS_RATINGS = (
    FsrsRating.Again,
    FsrsRating.Again,
    FsrsRating.Hard,
    FsrsRating.Good,
    FsrsRating.Easy,
)
_ONE_MS = timedelta(milliseconds=1)

Row = tuple[str, int, str, "int | None", "float | None", "int | None", "str | None"]
"""An event as the store reads it: (id, at, mode, rating, retention, until, content_hash)."""


def fold_rows(rows: Iterable[Row], state: CardState = NEW_CARD) -> CardState:
    """The state after `state` and these events, in log order (time, then id).

    This is the one place where card state is computed: `apply` (each answer) and the store's
    rebuild both come here. It keeps one fsrs Card across a card's answers instead of
    converting at each step, which is exact (times are whole milliseconds; fsrs does not read
    `Card.due`) and keeps a rebuild of a million reviews fast.
    """
    stage = int(state.stage)
    step, stability, difficulty = state.step, state.stability, state.difficulty
    due, last_review = state.due, state.last_review
    reps, lapses, suspended = state.reps, state.lapses, state.suspended
    buried_until, last_event, content = state.buried_until, state.last_event, state.content_hash
    card: FsrsCard | None = None
    for review_id, at, mode, rating, retention, until, row_hash in rows:
        if at > last_event:
            last_event = at
        if mode == "study":
            if rating is None or not 1 <= rating <= 4:
                raise ValueError(f"study review {review_id} has no valid rating ({rating!r})")
            moment = EPOCH + timedelta(milliseconds=at)
            if card is None:
                card = FsrsCard(
                    card_id=1,
                    state=_FSRS_STATES[stage],
                    step=0 if stage == Stage.NEW else step,
                    stability=stability,
                    difficulty=difficulty,
                    due=moment,
                    last_review=None if last_review is None else from_ms(last_review),
                )
            scheduler = fsrs_scheduler(DEFAULT_RETENTION if retention is None else retention)
            card, _log = scheduler.review_card(card, _FSRS_RATINGS[rating], moment)
            new_stage = int(card.state)
            interval = card.due - moment
            if new_stage == Stage.REVIEW:
                due = at + fuzzed_days(interval.days, fuzz_unit(review_id)) * DAY_MS
            else:
                due = at + interval // _ONE_MS
            if stage == Stage.REVIEW and rating == Rating.AGAIN:
                lapses += 1
            stage = new_stage
            step, stability, difficulty = card.step, card.stability, card.difficulty
            last_review = at
            reps += 1
            if row_hash:
                content = row_hash
        elif mode == "suspend":
            suspended = True
        elif mode == "unsuspend":
            suspended = False
        elif mode == "bury":
            buried_until = until if until is not None else at + DAY_MS
        elif mode == "unbury":
            buried_until = 0
    return CardState(
        _STAGES[stage],
        step,
        stability,
        difficulty,
        due,
        last_review,
        reps,
        lapses,
        suspended,
        buried_until,
        last_event,
        content,
    )


def apply(state: CardState, event: Event) -> CardState:
    """The state after one event. Practice and quiz answers leave it unchanged."""
    if event.mode not in STATE_MODES:
        return state
    row = (
        event.id,
        event.at,
        event.mode,
        event.rating,
        event.retention,
        event.until,
        event.content_hash,
    )
    return fold_rows((row,), state)


def fold(events: Iterable[Event], state: CardState = NEW_CARD) -> CardState:
    """The state after a card's events, given in log order (time, then id)."""
    for event in events:
        state = apply(state, event)
    return state


def preview(state: CardState, at: int, review_id: str, retention: float) -> dict[Rating, int]:
    """The due time each rating would give (for showing intervals beside the rating keys)."""
    return {
        rating: apply(state, Event(review_id, at, "study", int(rating), retention)).due or at
        for rating in Rating
    }


def retrievability(state: CardState, at: int) -> float | None:
    """FSRS's probability of recall at `at`, or None for a card never answered."""
    if state.stage == Stage.NEW or state.stability is None or state.last_review is None:
        return None
    card = FsrsCard(card_id=1, stability=state.stability, last_review=from_ms(state.last_review))
    value: float = fsrs_scheduler(DEFAULT_RETENTION).get_card_retrievability(card, from_ms(at))
    return value
