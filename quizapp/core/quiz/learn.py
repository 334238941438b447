"""Multiple-choice options for learn mode (`study.learn_phase`): a new card's right answer among
three wrong answers of the same type, found as the quiz finds them (`distractors`)."""

from __future__ import annotations

import random

from quizapp.core.deck import Deck, Prompt, all_prompts
from quizapp.core.quiz.distractors import Pool, right_answer
from quizapp.core.quiz.questions import (
    CHOICE_DISTRACTORS,
    MIN_CHOICE_DISTRACTORS,
    QuizJudge,
    judge_for,
)
from quizapp.core.settings import Settings


class LearnChoices:
    """A `study.learn_phase.ChoiceMaker` for one deck: the distractor pool is made when first
    needed (from every prompt of the deck), the judge (the deck's) keeps out any wrong answer it
    would accept."""

    def __init__(self, deck: Deck, settings: Settings, judge: QuizJudge | None = None) -> None:
        self.deck = deck
        self.settings = settings
        self._judge = judge
        self._pool: Pool | None = None

    def __call__(self, prompt: Prompt, seed: str) -> tuple[tuple[str, ...], str] | None:
        if prompt.items or prompt.options:
            return None
        if self._pool is None:
            settings = self.settings
            self._pool = Pool(
                all_prompts(self.deck, settings.study_language, settings.vocab_direction)
            )
        judge = self._judge or judge_for(self.deck)
        self._judge = judge

        def is_right(text: str) -> bool:
            return judge(prompt, text).outcome.value != "wrong"

        rng = random.Random(seed)
        wrong = self._pool.distractors(prompt, CHOICE_DISTRACTORS, rng, is_right)
        if len(wrong) < MIN_CHOICE_DISTRACTORS:
            return None
        right = right_answer(prompt)
        shown = [right, *wrong]
        rng.shuffle(shown)
        return tuple(shown), right
