"""The rows of the progress database as Python values: reviews, card state, quiz results."""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from quizapp.core.rating import Rating
from quizapp.core.schedule import CardState, Event, Mode, Stage, to_ms

Key = tuple[str, str, str]
"""(deck id, card id, direction)."""

MAX_DURATION_MS = 10 * 60_000
"""The longest time an answer is logged as taking: a longer think means the learner walked
away."""


_MODES = {mode.value: mode for mode in Mode}
_RATINGS = {rating.value: rating for rating in Rating}


@dataclass(frozen=True, init=False)
class Review:
    """One row of the log. `at` and `until` are milliseconds since the epoch (UTC).

    `mode` and `rating` may be given as they are stored ("study", 3): they are kept as a Mode
    and a Rating (ValueError for a mode or a rating that does not exist).
    """

    id: str
    deck_id: str
    card_id: str
    direction: str
    at: int
    mode: Mode
    rating: Rating | None
    verdict: str | None
    typed: str | None
    duration_ms: int | None
    content_hash: str | None
    retention: float | None
    prior: int | None
    """The card's stage before a study answer (filled in by the store)."""
    until: int | None
    """For bury: buried until this time; for due-date: due in this many study days; for an
    imported answer: the interval its scheduler gave (days, or minus seconds)."""
    day_start: int | None
    """For state-changing rows: the day-start hour in force (how study days were counted)."""

    def __init__(
        self,
        id: str,
        deck_id: str,
        card_id: str,
        direction: str,
        at: int,
        mode: Mode | str = Mode.STUDY,
        rating: Rating | int | None = None,
        verdict: str | None = None,
        typed: str | None = None,
        duration_ms: int | None = None,
        content_hash: str | None = None,
        retention: float | None = None,
        prior: int | None = None,
        until: int | None = None,
        day_start: int | None = None,
    ) -> None:
        known_mode = _MODES.get(mode)
        if known_mode is None:
            raise ValueError(f"unknown review mode {mode!r}")
        known_rating = None if rating is None else _RATINGS.get(rating)
        if rating is not None and known_rating is None:
            raise ValueError(f"not a rating: {rating!r} (1-4)")
        put = object.__setattr__  # frozen: set once, here
        put(self, "id", id)
        put(self, "deck_id", deck_id)
        put(self, "card_id", card_id)
        put(self, "direction", direction)
        put(self, "at", at)
        put(self, "mode", known_mode)
        put(self, "rating", known_rating)
        put(self, "verdict", verdict)
        put(self, "typed", typed)
        put(self, "duration_ms", duration_ms)
        put(self, "content_hash", content_hash)
        put(self, "retention", retention)
        put(self, "prior", prior)
        put(self, "until", until)
        put(self, "day_start", day_start)

    @property
    def key(self) -> Key:
        return (self.deck_id, self.card_id, self.direction)

    def event(self) -> Event:
        return Event(
            self.id,
            self.at,
            self.mode,
            self.rating,
            self.retention,
            self.until,
            self.content_hash,
            self.day_start,
        )


REVIEW_COLUMNS = (
    "id, deck_id, card_id, direction, at, mode, rating, verdict, typed, duration_ms, "
    "content_hash, retention, prior, until, day_start"
)
STATE_COLUMNS = (
    "stage, step, stability, difficulty, due, last_review, reps, lapses, suspended, "
    "buried_until, last_event, content_hash, interval"
)


def review_row(review: Review) -> tuple[Any, ...]:
    return (
        review.id,
        review.deck_id,
        review.card_id,
        review.direction,
        review.at,
        review.mode.value,
        None if review.rating is None else int(review.rating),
        review.verdict,
        review.typed,
        review.duration_ms,
        review.content_hash,
        review.retention,
        review.prior,
        review.until,
        review.day_start,
    )


def state_row(state: CardState) -> tuple[Any, ...]:
    return (
        int(state.stage),
        state.step,
        state.stability,
        state.difficulty,
        state.due,
        state.last_review,
        state.reps,
        state.lapses,
        int(state.suspended),
        state.buried_until,
        state.last_event,
        state.content_hash,
        state.interval,
    )


def state_from(row: Sequence[Any]) -> CardState:
    return CardState(
        Stage(row[0]),
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        bool(row[8]),
        row[9],
        row[10],
        row[11],
        row[12],
    )


def new_id(at: int | None = None) -> str:
    """A unique review id: the time in hex (so ids sort by time) and 64 random bits."""
    if at is None:
        at = time.time_ns() // 1_000_000
    return f"{at:012x}{secrets.token_hex(8)}"


@dataclass(frozen=True)
class QuizAnswer:
    """One question of a finished quiz, as it was asked and answered.

    `verdict` is correct, almost, partial, wrong or unanswered (time ran out). `format` is
    typed, choice or truefalse ("" in quizzes kept before formats were recorded); a true/false
    question's `claim` is the answer its statement offered, and `given` is "true" or "false".
    """

    card_id: str
    direction: str
    question: str
    given: str
    expected: str
    verdict: str
    score: float
    format: str = ""
    claim: str = ""


RETRY_KIND = "retry"
"""The kind of a quiz over the questions missed in another; left out of best and last scores."""


@dataclass(frozen=True)
class QuizRun:
    """A finished quiz. `score` out of `total` (partial answers may score a fraction).

    `kind` is "quiz" for a quiz, RETRY_KIND for a retry of the missed questions of another.
    """

    id: str
    deck_id: str
    started_at: int
    finished_at: int
    score: float
    total: int
    kind: str = ""
    answers: tuple[QuizAnswer, ...] = ()

    @property
    def ratio(self) -> float:
        return self.score / self.total if self.total else 0.0


@dataclass(frozen=True)
class QuizSummary:
    runs: int
    best: QuizRun | None
    last: QuizRun | None


@dataclass
class CheckReport:
    """What `Store.check()` found."""

    integrity: list[str] = field(default_factory=list)
    mismatched: list[Key] = field(default_factory=list)
    missing: list[Key] = field(default_factory=list)
    extra: list[Key] = field(default_factory=list)
    reviews: int = 0
    cards: int = 0

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.mismatched or self.missing or self.extra)


def now_ms() -> int:
    """The current time in milliseconds since the epoch (UTC)."""
    return to_ms(datetime.now(timezone.utc))
