"""Answering the turn shown: typed text judged (the verdict and the rating it suggests), a
choice among a choice card's options, or a flip card revealed for the learner to rate.

The judge is called here, and only here; it is imported when first needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from quizapp.core.deck import Prompt
from quizapp.core.rating import Rating
from quizapp.core.study.turns import SessionError, Turn


class VerdictLike(Protocol):
    """What the session needs from the judge's Verdict."""

    @property
    def rating(self) -> Rating: ...

    @property
    def outcome(self) -> Any: ...


Judge = Callable[[Prompt, str], VerdictLike]


def _default_judge(prompt: Prompt, typed: str) -> VerdictLike:
    # Imported when first needed: the judge loads rapidfuzz and its tables.
    from quizapp.core.judge import judge_prompt

    verdict: VerdictLike = judge_prompt(prompt, typed)
    return verdict


@dataclass(frozen=True)
class Answered:
    """The result of answering, before it is graded."""

    turn: Turn
    typed: str | None
    outcome: str | None
    """correct, almost, partial, wrong; None for a flip answer (the learner rates)."""
    suggested: Rating | None
    verdict: VerdictLike | None = None
    chosen: int | None = None
    answered_at: int = 0

    @property
    def expected(self) -> str:
        return self.turn.prompt.answer_display


def judged(turn: Turn, typed: str, judge: Judge, at: int) -> Answered:
    """Typed text -> the judge's verdict and its suggested rating."""
    verdict = judge(turn.prompt, typed)
    outcome = getattr(verdict.outcome, "value", verdict.outcome)
    return Answered(turn, typed, str(outcome), Rating(verdict.rating), verdict, answered_at=at)


def rated(turn: Turn, rating: Rating, at: int) -> Answered:
    """A self-rated (flip) answer, with that rating suggested."""
    return Answered(turn, None, None, rating, answered_at=at)


def revealed(turn: Turn, at: int) -> Answered:
    """A flip card's answer shown: nothing is judged; the learner rates next."""
    return Answered(turn, None, None, None, answered_at=at)


def chosen(turn: Turn, index: int, at: int) -> Answered:
    """Option `index` of a choice card (as shown in `turn.options`)."""
    if not turn.options:
        raise SessionError("this card has no options to choose from")
    if not 0 <= index < len(turn.options):
        raise SessionError(f"no option {index + 1}: there are {len(turn.options)}")
    option = turn.options[index]
    correct = option == turn.prompt.expected[0]
    return Answered(
        turn,
        option,
        "correct" if correct else "wrong",
        Rating.GOOD if correct else Rating.AGAIN,
        chosen=index,
        answered_at=at,
    )
