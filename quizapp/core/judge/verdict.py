"""What the judge says about one typed answer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from quizapp.core.judge.diff import Diff
from quizapp.core.rating import Rating


class Outcome(str, Enum):
    CORRECT = "correct"
    ALMOST = "almost"
    """Counts as recalled, but flagged (accents, a typo, a missing currency...)."""
    PARTIAL = "partial"
    """Lists: some of the items."""
    WRONG = "wrong"

    @property
    def recalled(self) -> bool:
        return self in (Outcome.CORRECT, Outcome.ALMOST)

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


RANK: dict[Outcome, int] = {
    Outcome.CORRECT: 0,
    Outcome.ALMOST: 1,
    Outcome.PARTIAL: 2,
    Outcome.WRONG: 3,
}

OUTCOME_NAMES: dict[Outcome, dict[str, str]] = {
    Outcome.CORRECT: {"it": "giusto", "en": "correct"},
    Outcome.ALMOST: {"it": "quasi", "en": "almost"},
    Outcome.PARTIAL: {"it": "in parte", "en": "partial"},
    Outcome.WRONG: {"it": "sbagliato", "en": "wrong"},
}


def suggest_rating(outcome: Outcome, score: tuple[int, int]) -> Rating:
    """correct -> Good, almost -> Hard, partial -> Hard if at least half is right, else Again."""
    if outcome is Outcome.CORRECT:
        return Rating.GOOD
    if outcome is Outcome.ALMOST:
        return Rating.HARD
    if outcome is Outcome.PARTIAL:
        right, total = score
        return Rating.HARD if 2 * right >= total else Rating.AGAIN
    return Rating.AGAIN


@dataclass(frozen=True)
class ItemResult:
    """One item of a list answer: what was typed, which item it was paired with, how it went.

    `typed` is None for an item that was missed; `expected` is None for one that was not asked.
    """

    typed: str | None
    expected: str | None
    outcome: Outcome
    code: str

    def to_json(self) -> dict[str, Any]:
        return {
            "typed": self.typed,
            "expected": self.expected,
            "verdict": self.outcome.value,
            "code": self.code,
        }


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    score: tuple[int, int]
    """(k, n): a list has k of its n items right; a text answer (1, 1) or (0, 1)."""
    reason: dict[str, str]
    """A short reason in both languages: {"it": ..., "en": ...}."""
    closest: str
    """The expected answer (as displayed) closest to what was typed."""
    diff: Diff
    rating: Rating
    """The suggested FSRS rating; the learner may override it."""
    code: str = "wrong"
    """The rule that decided (exact, typo, accents, amount_wrong, list_partial...)."""
    typed: str = ""
    readings: tuple[str, str] | None = None
    """For figures: how the typed and the expected answer were read ("6 000 000 USD")."""
    items: tuple[ItemResult, ...] = ()
    """For lists: each item's pairing and outcome."""

    @property
    def recalled(self) -> bool:
        return self.outcome.recalled

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "verdict": self.outcome.value,
            "score": list(self.score),
            "reason": dict(self.reason),
            "closest": self.closest,
            "rating": self.rating.label,
            "code": self.code,
            "typed": self.typed,
            "diff": self.diff.to_json(),
        }
        if self.readings is not None:
            data["readings"] = {"typed": self.readings[0], "expected": self.readings[1]}
        if self.items:
            data["items"] = [item.to_json() for item in self.items]
        return data
