"""What a study session hands out: the prompt shown now (`Turn`) and the graded answer once it
is in the log (`Graded`); the answer before it is graded is `answering.Answered`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quizapp.core.deck import Prompt
from quizapp.core.schedule import CardState, Stage
from quizapp.core.store import Key, Review

AnswerMode = Literal["typed", "choice", "flip"]


class SessionError(Exception):
    """A call out of order (grading with nothing shown, choosing on a typed card...)."""


@dataclass(frozen=True)
class Turn:
    """A prompt as the learner meets it now."""

    prompt: Prompt
    stage: Stage
    answer_mode: AnswerMode
    review_id: str
    """The id the answer will be logged under (and the seed of its interval fuzz)."""
    state: CardState | None = None
    options: tuple[str, ...] = ()
    """Choice cards (and new cards in learn mode): the options in the order shown."""
    right_option: str | None = None
    """Learn mode's multiple choice: the right one of `options` (a choice card's is its own)."""
    edited: bool = False
    """The card's text changed since it was last studied."""
    shown_at: int = 0

    @property
    def key(self) -> Key:
        return self.prompt.key

    @property
    def is_new(self) -> bool:
        return self.stage == Stage.NEW


@dataclass(frozen=True)
class Graded:
    """A graded answer: it is in the log (committed) when the session returns this."""

    review: Review
    state: CardState | None
    """The card's new state (None in practice)."""
