"""Multiple-choice options for learn mode (`study.learn_phase`): a new card's right answer among
three wrong answers of the same type, found as the quiz finds them (`distractors`)."""

from __future__ import annotations

import random

from quizapp.core.deck import Deck, Prompt, prompts_for
from quizapp.core.quiz.distractors import Pool, right_answer
from quizapp.core.quiz.questions import (
    CHOICE_DISTRACTORS,
    MIN_CHOICE_DISTRACTORS,
    QuizJudge,
    judge_for,
)
from quizapp.core.settings import Settings

POOL_CARDS = 3000
"""The most cards whose answers stand as wrong answers (a larger deck lends every n-th card's):
the pool is made before the first choice, and each choice looks through all of it."""


def pool_prompts(deck: Deck, settings: Settings, limit: int = POOL_CARDS) -> list[Prompt]:
    """The prompts whose answers learn mode picks its wrong answers from: the whole deck's, or
    those of `limit` cards spread evenly over a larger deck (each read only then)."""
    cards = deck.cards
    step = -(-len(cards) // limit) if len(cards) > limit else 1
    lang, vocab = settings.study_language, settings.vocab_direction
    return [p for card in cards[::step] for p in prompts_for(deck.id, card, lang, vocab)]


class LearnChoices:
    """A `study.learn_phase.ChoiceMaker` for one deck: the distractor pool is made when first
    needed (`pool_prompts`), the judge (the deck's) keeps out any wrong answer it
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
            self._pool = Pool(pool_prompts(self.deck, self.settings))
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
