"""Judging a typed answer: correct, almost, partial k/n or wrong, with a reason and a diff.

    >>> judge("liang wenfneg", ["Liang Wenfeng"], "it").outcome
    <Outcome.ALMOST: 'almost'>

`judge_for(deck)` is the judge of a deck: study, practice, quiz and `quizapp judge` call it
with a Prompt and the typed text. `judge` takes a card's accepted answers in the deck's answer
syntax ("(il) modello" accepts "il modello" and "modello"); `judge_list` takes a list card's
items; `judge_prompt` picks the right one for a Prompt. Modules: normalise (step 1 and the
looser keys), typos, amounts and figure_words (reading figures), compare (the plain rules, with
figure_match for figures and match for what a comparison gives), tolerance (what a teacher
lets pass: articles, people with people.py, the other language), around (words around a right
answer), inflection (another form of a verb), answer (all of it together), lists, prompt (a
Prompt's answers or its items), deck_judge, lexicon and words, diff, reasons, verdict.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from quizapp.core.judge.answer import judge_text
from quizapp.core.judge.context import NO_CONTEXT, CardContext
from quizapp.core.judge.deck_judge import DeckJudge, judge_for
from quizapp.core.judge.diff import Diff, Segment
from quizapp.core.judge.lists import judge_list
from quizapp.core.judge.normalise import normalise
from quizapp.core.judge.prompt import judge_prompt
from quizapp.core.judge.verdict import OUTCOME_NAMES, ItemResult, Outcome, Verdict

__all__ = [
    "OUTCOME_NAMES",
    "CardContext",
    "DeckJudge",
    "Diff",
    "ItemResult",
    "Outcome",
    "Segment",
    "Verdict",
    "deck_words",
    "judge",
    "judge_for",
    "judge_list",
    "judge_prompt",
    "normalise",
]


def judge(
    typed: str,
    expected: Sequence[str],
    lang: str,
    *,
    reject: Sequence[str] = (),
    strict_accents: bool = False,
    article_required: bool = False,
    known_words: Collection[str] = (),
    context: CardContext = NO_CONTEXT,
) -> Verdict:
    """Judge a typed answer against a card's accepted answers (alternatives).

    `lang` is the answer's language ("it" or "en"): it picks the articles and the built-in
    common words. `known_words` are other words the learner may know (see `deck_words`): a
    typed word among them is never read as a typo.
    """
    return judge_text(
        typed,
        expected,
        lang,
        reject=reject,
        strict_accents=strict_accents,
        article_required=article_required,
        known_words=known_words,
        context=context,
    )


def deck_words(deck: Any) -> frozenset[str]:
    """Every accepted answer, term and rejected answer of a deck, and each of their words,
    normalised: what `known_words` expects. Remembered per deck object."""
    return judge_for(deck).known_words
