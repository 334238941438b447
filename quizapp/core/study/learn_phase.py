"""Learn mode (as Quizlet's Learn): a new card is first asked as multiple choice, and typed (or
flipped, as the session answers) once it has been answered right.

The options come from outside the study package (`ChoiceMaker`: the quiz's distractors,
`quiz.learn.LearnChoices`), given to the session by its caller. A prompt is in its choice phase
while it is new, or learning with no study answer better than Again in its log (a wrong choice
keeps it there; after a right one it is typed from then on, even after a later Again).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from quizapp.core.deck import Prompt
from quizapp.core.rating import Rating
from quizapp.core.schedule import CardState, Mode, Stage
from quizapp.core.store import Store
from quizapp.core.study.turns import AnswerMode

ChoiceMaker = Callable[[Prompt, str], "tuple[tuple[str, ...], str] | None"]
"""(prompt, seed) -> (the options in the order shown, the right one), or None when the prompt
cannot be asked as multiple choice (a list, too few wrong answers of its type)."""


class Learn:
    """Which turns of a study session are asked as multiple choice in learn mode."""

    def __init__(self, choices: ChoiceMaker, store: Store) -> None:
        self.choices = choices
        self.store = store

    def in_choice_phase(self, prompt: Prompt, state: CardState | None) -> bool:
        if state is None or state.stage == Stage.NEW:
            return True
        if state.stage != Stage.LEARNING:
            return False
        return not any(
            row.mode == Mode.STUDY and row.rating is not None and row.rating != Rating.AGAIN
            for row in self.store.reviews(prompt.key)
        )

    def options(
        self, prompt: Prompt, state: CardState | None, seed: str
    ) -> tuple[tuple[str, ...], str] | None:
        if prompt.options or prompt.items or not self.in_choice_phase(prompt, state):
            return None
        return self.choices(prompt, seed)


def answer_form(
    prompt: Prompt,
    state: CardState | None,
    review_id: str,
    mode: AnswerMode,
    learn: Learn | None,
) -> tuple[AnswerMode, tuple[str, ...], str | None]:
    """How a turn is answered: its mode, its options (a choice card's own, shuffled by the
    review id; learn mode's) and, in learn mode, the right option."""
    if prompt.options:
        shuffled = list(prompt.options)
        random.Random(review_id).shuffle(shuffled)
        return "choice", tuple(shuffled), None
    made = learn.options(prompt, state, review_id) if learn is not None else None
    if made is not None:
        return "choice", made[0], made[1]
    return mode, (), None
