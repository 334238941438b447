"""The statistics as values: what `compute` returns, and its JSON form (`Stats.to_json`).

The JSON shape is documented in README.md ("Statistics") and checked by a JSON Schema in the
tests; `JSON_VERSION` changes when a field changes meaning or goes away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from quizapp.core.schedule import from_ms

LEECH_LAPSES = 8
"""A card forgotten this many times after being learnt is a leech (Anki's default)."""

JSON_VERSION = 1


def ratio(part: int | float, whole: int | float) -> float | None:
    """part / whole, or None when there is nothing to divide (no answers is not 0%)."""
    return part / whole if whole else None


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _iso(moment: int) -> str:
    return from_ms(moment).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Activity:
    """Answers (study, practice and quiz) over some study days."""

    answers: int = 0
    cards: int = 0
    """Distinct cards (card keys: a card in one direction) answered."""
    again: int = 0
    rated: int = 0
    """Answers with a rating (Again-Easy); the again-rate is again / rated."""
    time_ms: int = 0
    days_studied: int = 0
    new_cards: int = 0
    """Cards seen for the first time (their first scheduled answer)."""

    @property
    def again_rate(self) -> float | None:
        return ratio(self.again, self.rated)

    def to_json(self) -> dict[str, Any]:
        return {
            "answers": self.answers,
            "cards": self.cards,
            "new_cards": self.new_cards,
            "again": self.again,
            "again_rate": _round(self.again_rate),
            "time_ms": self.time_ms,
            "days_studied": self.days_studied,
        }


@dataclass(frozen=True)
class Today:
    date: date
    activity: Activity
    streak: int
    """Consecutive study days with an answer, up to today (or yesterday, before today's first)."""

    def to_json(self) -> dict[str, Any]:
        data = self.activity.to_json()
        del data["days_studied"]
        return {"date": self.date.isoformat(), **data, "streak": self.streak}


@dataclass(frozen=True)
class DayCount:
    date: date
    count: int


@dataclass(frozen=True)
class Recall:
    """Scheduled answers of cards in review, passed (rated Hard or better) or not, with the
    mean retrievability FSRS predicted for them (None when not computed)."""

    reviews: int = 0
    passed: int = 0
    predicted: float | None = None

    @property
    def rate(self) -> float | None:
        return ratio(self.passed, self.reviews)

    def to_json(self) -> dict[str, Any]:
        return {
            "reviews": self.reviews,
            "passed": self.passed,
            "rate": _round(self.rate),
            "predicted": _round(self.predicted),
        }


@dataclass(frozen=True)
class RetentionWeek:
    week: date
    """The Monday of the week (of study days)."""
    total: Recall
    young: Recall
    mature: Recall

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.week.isoformat(),
            "total": self.total.to_json(),
            "young": self.young.to_json(),
            "mature": self.mature.to_json(),
        }


@dataclass(frozen=True)
class Retention:
    """True retention by week, for young (interval < 21 days) and mature cards, beside the
    retention FSRS predicted. `total` counts every review; young, mature and every `predicted`
    come from the cards folded (all of them, or a sample of `sample_cards` of `cards`)."""

    weeks: tuple[RetentionWeek, ...] = ()
    total: Recall = Recall()
    young: Recall = Recall()
    mature: Recall = Recall()
    cards: int = 0
    sample_cards: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total.to_json(),
            "young": self.young.to_json(),
            "mature": self.mature.to_json(),
            "weeks": [week.to_json() for week in self.weeks],
            "cards": self.cards,
            "sample_cards": self.sample_cards,
        }


@dataclass(frozen=True)
class Group:
    """One tag or one direction: its cards and how they were answered in the period."""

    name: str
    cards: int = 0
    """Cards with this tag; card keys (a card in one direction) in this direction."""
    studied: int = 0
    """Of those, the ones with a schedule (answered at least once, ever)."""
    answers: int = 0
    rated: int = 0
    passed: int = 0
    stability: float | None = None
    """Mean FSRS stability (days) of the studied keys."""

    @property
    def accuracy(self) -> float | None:
        return ratio(self.passed, self.rated)

    def to_json(self, name_key: str) -> dict[str, Any]:
        return {
            name_key: self.name,
            "cards": self.cards,
            "studied": self.studied,
            "answers": self.answers,
            "passed": self.passed,
            "accuracy": _round(self.accuracy),
            "stability": _round(self.stability, 2),
        }


@dataclass(frozen=True)
class Confusion:
    answer: str
    """The wrong answer as typed most often in this normalised form."""
    count: int


@dataclass(frozen=True)
class HardCard:
    deck_id: str
    card_id: str
    direction: str
    question: str | None
    """The card's question in this direction, when its deck is loaded."""
    lapses: int
    reps: int
    stability: float | None
    difficulty: float | None
    retrievability: float | None
    """FSRS's probability of recall now."""
    suspended: bool
    confusions: tuple[Confusion, ...] = ()
    again: int = 0
    """Study answers Again, learning steps included (a lapse is only Again once learnt)."""

    @property
    def leech(self) -> bool:
        return self.lapses >= LEECH_LAPSES

    def to_json(self) -> dict[str, Any]:
        return {
            "deck": self.deck_id,
            "card": self.card_id,
            "direction": self.direction,
            "question": self.question,
            "lapses": self.lapses,
            "again": self.again,
            "reps": self.reps,
            "leech": self.leech,
            "suspended": self.suspended,
            "stability": _round(self.stability, 2),
            "difficulty": _round(self.difficulty, 2),
            "retrievability": _round(self.retrievability),
            "confusions": [{"answer": c.answer, "count": c.count} for c in self.confusions],
        }


@dataclass(frozen=True)
class Hardest:
    lapses: tuple[HardCard, ...] = ()
    """The cards forgotten most often: most lapses (Again once learnt), then most Again
    answers in study."""
    leeches: tuple[HardCard, ...] = ()
    """Cards with LEECH_LAPSES lapses or more (at most LEECH_LIST of them)."""
    leech_count: int = 0
    lowest_retrievability: tuple[HardCard, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "lapses": [card.to_json() for card in self.lapses],
            "leeches": [card.to_json() for card in self.leeches],
            "leech_count": self.leech_count,
            "lowest_retrievability": [card.to_json() for card in self.lowest_retrievability],
        }


@dataclass(frozen=True)
class QuizPoint:
    finished_at: int
    date: date
    score: float
    total: int
    kind: str

    @property
    def ratio(self) -> float | None:
        return ratio(self.score, self.total)

    def to_json(self) -> dict[str, Any]:
        return {
            "finished_at": _iso(self.finished_at),
            "date": self.date.isoformat(),
            "score": self.score,
            "total": self.total,
            "ratio": _round(self.ratio),
            "kind": self.kind,
        }


@dataclass(frozen=True)
class QuizHistory:
    deck_id: str
    runs: tuple[QuizPoint, ...]
    """Oldest first, retries of missed questions (kind "retry") among them."""
    best: float | None = None
    """The best score ratio of the deck's whole quizzes, ever (as the home screen shows it:
    a retry of three missed questions is not a score to compare)."""
    last: float | None = None
    """The last whole quiz's score ratio."""

    def to_json(self) -> dict[str, Any]:
        return {
            "deck": self.deck_id,
            "runs": [run.to_json() for run in self.runs],
            "best": _round(self.best),
            "last": _round(self.last),
        }


@dataclass(frozen=True)
class Bucket:
    label: str
    low: float
    high: float | None
    """Exclusive upper bound; None for the last, open bucket."""
    count: int

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "from": self.low, "to": self.high, "count": self.count}


@dataclass(frozen=True)
class CardStates:
    """Card keys of the decks by stage. Suspended keys count as suspended only."""

    new: int = 0
    learning: int = 0
    relearning: int = 0
    review: int = 0
    suspended: int = 0
    intervals: tuple[Bucket, ...] = ()
    """Review cards by current interval (days)."""
    difficulty: tuple[Bucket, ...] = ()
    """Studied cards by FSRS difficulty (1 easiest, 10 hardest)."""

    @property
    def total(self) -> int:
        return self.new + self.learning + self.relearning + self.review + self.suspended

    def to_json(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "learning": self.learning,
            "relearning": self.relearning,
            "review": self.review,
            "suspended": self.suspended,
            "total": self.total,
            "intervals": [bucket.to_json() for bucket in self.intervals],
            "difficulty": [bucket.to_json() for bucket in self.difficulty],
        }


@dataclass(frozen=True)
class Stats:
    """Everything the stats screen and `quizapp stats` show, for one deck or all."""

    generated_at: int
    deck_id: str | None
    days: int
    day_start_hour: int
    timezone: str
    period_from: date
    period_to: date
    period: Activity
    today: Today
    heatmap: tuple[DayCount, ...]
    """Answers per study day over the past year, oldest first, ending today."""
    forecast: tuple[DayCount, ...]
    """Cards due per study day, today first (today includes the overdue ones)."""
    overdue: int
    retention: Retention
    by_tag: tuple[Group, ...]
    by_direction: tuple[Group, ...]
    hardest: Hardest
    quizzes: tuple[QuizHistory, ...]
    cards: CardStates
    decks: tuple[str, ...] = field(default=())
    """The deck ids the figures cover."""

    def to_json(self) -> dict[str, Any]:
        return {
            "version": JSON_VERSION,
            "generated_at": _iso(self.generated_at),
            "deck": self.deck_id,
            "decks": list(self.decks),
            "days": self.days,
            "day_start_hour": self.day_start_hour,
            "timezone": self.timezone,
            "period": {
                "from": self.period_from.isoformat(),
                "to": self.period_to.isoformat(),
                **self.period.to_json(),
            },
            "today": self.today.to_json(),
            "heatmap": [{"date": d.date.isoformat(), "count": d.count} for d in self.heatmap],
            "forecast": [{"date": d.date.isoformat(), "due": d.count} for d in self.forecast],
            "overdue": self.overdue,
            "retention": self.retention.to_json(),
            "by_tag": [group.to_json("tag") for group in self.by_tag],
            "by_direction": [group.to_json("direction") for group in self.by_direction],
            "hardest": self.hardest.to_json(),
            "quizzes": [history.to_json() for history in self.quizzes],
            "cards": self.cards.to_json(),
        }
