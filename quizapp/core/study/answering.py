"""Answering the turn shown: typed text judged (the verdict and the rating it suggests), a
choice among a choice card's options, or a flip card revealed for the learner to rate.

The judge (the deck's: `judge_for`) is called here, and only here; it is imported when first
needed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizapp.core.deck import Deck, Prompt
from quizapp.core.rating import Rating
from quizapp.core.study.turns import SessionError, Turn

if TYPE_CHECKING:  # the judge itself is imported when first needed (see `deck_judge`)
    from quizapp.core.judge import Outcome, Verdict

Judge = Callable[[Prompt, str], "Verdict"]
"""Judges a typed answer to a prompt."""


def deck_judge(deck: Deck) -> Judge:
    """The deck's judge (`quizapp.core.judge.judge_for`), imported when first needed: it loads
    rapidfuzz and its word lists, which the first card does not need."""

    def judge(prompt: Prompt, typed: str) -> Verdict:
        from quizapp.core.judge import judge_for

        return judge_for(deck)(prompt, typed)

    return judge


@dataclass(frozen=True)
class Answered:
    """The result of answering, before it is graded."""

    turn: Turn
    typed: str | None
    outcome: Outcome | None
    """correct, almost, partial, wrong; None for a flip answer (the learner rates)."""
    suggested: Rating | None
    verdict: Verdict | None = None
    chosen: int | None = None
    answered_at: int = 0

    @property
    def expected(self) -> str:
        return self.turn.prompt.answer_display


def judged(turn: Turn, typed: str, judge: Judge, at: int) -> Answered:
    """Typed text -> the judge's verdict and its suggested rating."""
    verdict = judge(turn.prompt, typed)
    return Answered(turn, typed, verdict.outcome, verdict.rating, verdict, answered_at=at)


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
    from quizapp.core.judge import Outcome

    option = turn.options[index]
    correct = option == (turn.right_option or turn.prompt.expected[0])
    return Answered(
        turn,
        option,
        Outcome.CORRECT if correct else Outcome.WRONG,
        Rating.GOOD if correct else Rating.AGAIN,
        chosen=index,
        answered_at=at,
    )
