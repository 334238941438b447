"""FSRS scheduling (the `fsrs` package), the study day, and the fold of a card's history.

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
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone, tzinfo
from enum import IntEnum
from functools import lru_cache
from typing import Literal

from fsrs import Card as FsrsCard
from fsrs import Rating as FsrsRating
from fsrs import Scheduler
from fsrs import State as FsrsState

from quizapp.core.rating import Rating

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

Mode = Literal["study", "practice", "quiz", "suspend", "unsuspend", "bury", "unbury"]
MODES: tuple[str, ...] = ("study", "practice", "quiz", "suspend", "unsuspend", "bury", "unbury")
STATE_MODES: tuple[str, ...] = ("study", "suspend", "unsuspend", "bury", "unbury")
"""Events that change a card's state; practice and quiz answers are only logged."""


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


def _review(
    card: FsrsCard, rating: int, at: int, review_id: str, retention: float
) -> tuple[FsrsCard, int | None]:
    """One FSRS review; returns the new card and, for review-state cards, the fuzzed due time."""
    scheduler = fsrs_scheduler(retention)
    card, _log = scheduler.review_card(card, FsrsRating(rating), from_ms(at))
    if card.state == FsrsState.Review:
        due = to_ms(card.due)
        days = (due - at) // DAY_MS
        return card, at + fuzzed_days(days, fuzz_unit(review_id)) * DAY_MS
    return card, None


def _to_fsrs(state: CardState, at: int) -> FsrsCard:
    if state.stage == Stage.NEW:
        return FsrsCard(card_id=1, state=FsrsState.Learning, step=0, due=from_ms(at))
    return FsrsCard(
        card_id=1,
        state=FsrsState(int(state.stage)),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=from_ms(state.due if state.due is not None else at),
        last_review=from_ms(state.last_review) if state.last_review is not None else None,
    )


def apply(state: CardState, event: Event) -> CardState:
    """The state after one event. Events that do not change state return `state` unchanged."""
    mode = event.mode
    if mode == "study":
        if event.rating is None:
            raise ValueError(f"study review {event.id} has no rating")
        retention = event.retention if event.retention is not None else DEFAULT_RETENTION
        card = _to_fsrs(state, event.at)
        card, fuzzed = _review(card, event.rating, event.at, event.id, retention)
        lapse = state.stage == Stage.REVIEW and event.rating == Rating.AGAIN
        return replace(
            state,
            stage=Stage(int(card.state)),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=fuzzed if fuzzed is not None else to_ms(card.due),
            last_review=event.at,
            reps=state.reps + 1,
            lapses=state.lapses + (1 if lapse else 0),
            last_event=max(state.last_event, event.at),
            content_hash=event.content_hash or state.content_hash,
        )
    if mode == "suspend":
        return replace(state, suspended=True, last_event=max(state.last_event, event.at))
    if mode == "unsuspend":
        return replace(state, suspended=False, last_event=max(state.last_event, event.at))
    if mode == "bury":
        until = event.until if event.until is not None else event.at + DAY_MS
        return replace(state, buried_until=until, last_event=max(state.last_event, event.at))
    if mode == "unbury":
        return replace(state, buried_until=0, last_event=max(state.last_event, event.at))
    return state


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
    if state.stage == Stage.NEW or state.stability is None:
        return None
    card = _to_fsrs(state, at)
    value: float = fsrs_scheduler(DEFAULT_RETENTION).get_card_retrievability(card, from_ms(at))
    return value


# -- the study day ------------------------------------------------------------------------


def _local_to_ms(naive: datetime, tz: tzinfo | None) -> int:
    """A local wall-clock time -> milliseconds; `tz=None` is the system's local time zone."""
    if tz is None:
        return to_ms(naive.astimezone(timezone.utc))
    return to_ms(naive.replace(tzinfo=tz))


@dataclass(frozen=True)
class Day:
    """One study day: from `start` (inclusive) to `end` (exclusive), in milliseconds."""

    start: int
    end: int

    def __contains__(self, moment: int) -> bool:
        return self.start <= moment < self.end


def study_day(now: int, start_hour: int = 4, tz: tzinfo | None = None) -> Day:
    """The study day containing `now`: a day starts at `start_hour` local time, so a session
    after midnight but before that hour still counts as the evening before."""
    if not 0 <= start_hour <= 23:
        raise ValueError(f"day start hour must be 0-23, not {start_hour}")
    local = from_ms(now).astimezone(tz)
    start = local.replace(tzinfo=None, hour=start_hour, minute=0, second=0, microsecond=0)
    if local.replace(tzinfo=None) < start:
        start -= timedelta(days=1)
    return Day(_local_to_ms(start, tz), _local_to_ms(start + timedelta(days=1), tz))
