"""A card's schedule state, which the fold computes, and the events that change it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from quizapp.core.schedule.day import DAY_MS, MINUTE_MS

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


@dataclass(frozen=True)
class CardState:
    """The derived state of one card key. Times are milliseconds since the epoch (UTC)."""

    stage: Stage = Stage.NEW
    step: int | None = None
    """The learning or relearning step the card is at (0 = the first)."""
    stability: float | None = None
    difficulty: float | None = None
    due: int | None = None
    """A learning card: when its step is over; a review: the start of the study day it is
    due on."""
    last_review: int | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: int = 0
    last_event: int = 0
    """Time of the latest event applied: an older event arriving later means a refold."""
    content_hash: str | None = None
    """The card's content hash at its latest study answer."""
    interval: int = 0
    """Whole days the last review scheduled (Anki's card interval); 0 before review."""

    @property
    def interval_days(self) -> float | None:
        """Days scheduled by the last review (None before the first answer)."""
        if self.due is None or self.last_review is None:
            return None
        if self.interval:
            return float(self.interval)
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
    day_start: int | None = None
