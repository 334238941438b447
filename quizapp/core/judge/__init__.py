"""Judging a typed answer: correct, almost, partial k/n or wrong, with a reason and a diff.

    >>> judge("liang wenfneg", ["Liang Wenfeng"], "it").outcome
    <Outcome.ALMOST: 'almost'>

`judge` takes a card's accepted answers in the deck's answer syntax ("(il) modello" accepts
"il modello" and "modello"); `judge_list` takes a list card's items; `judge_prompt` picks the
right one for a Prompt. Modules: normalise (step 1 and the looser keys), typos, amounts
(figures), lists, diff, reasons, verdict.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from quizapp.core.judge.compare import judge_text
from quizapp.core.judge.diff import Diff, Segment
from quizapp.core.judge.lists import judge_list
from quizapp.core.judge.normalise import normalise, word_key
from quizapp.core.judge.verdict import OUTCOME_NAMES, ItemResult, Outcome, Verdict

if TYPE_CHECKING:
    from quizapp.core.deck.prompts import Prompt

__all__ = [
    "OUTCOME_NAMES",
    "Diff",
    "ItemResult",
    "Outcome",
    "Segment",
    "Verdict",
    "deck_words",
    "judge",
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
    )


def judge_prompt(prompt: Prompt, typed: str, known_words: Collection[str] = ()) -> Verdict:
    """Judge a typed answer to a Prompt: its list items, or its accepted answers."""
    if prompt.items:
        return judge_list(
            typed,
            prompt.items,
            prompt.answer_lang,
            ordered=prompt.ordered,
            reject=prompt.reject,
            strict_accents=prompt.strict_accents,
            article_required=prompt.article_required,
            known_words=known_words,
        )
    return judge(
        typed,
        prompt.expected,
        prompt.answer_lang,
        reject=prompt.reject,
        strict_accents=prompt.strict_accents,
        article_required=prompt.article_required,
        known_words=known_words,
    )


def _answers_of_side(side: Any) -> Iterable[str]:
    for name in ("answers", "terms", "reject", "distractors"):
        yield from getattr(side, name, None) or ()
    answer = getattr(side, "answer", None)
    if answer:
        yield answer
    item_forms = getattr(side, "item_forms", None)
    if item_forms is not None:
        for forms in item_forms():
            yield from forms
    cloze = getattr(side, "cloze", None)
    if cloze is not None:
        for gap in cloze().gaps:
            yield from gap.answers


_DECK_WORDS: dict[int, tuple[weakref.ref[Any], frozenset[str]]] = {}


def deck_words(deck: Any) -> frozenset[str]:
    """Every accepted answer, term and rejected answer of a deck, and each of their words,
    normalised: what `known_words` expects. Remembered per deck object."""
    cached = _DECK_WORDS.get(id(deck))
    if cached is not None and cached[0]() is deck:
        return cached[1]
    from quizapp.core.answers import AnswerSyntaxError, expand

    words: set[str] = set()
    for card in deck.cards:
        for lang in card.languages():
            for answer in _answers_of_side(card.side(lang)):
                try:
                    forms = expand(answer)
                except AnswerSyntaxError:
                    forms = [answer]
                for form in forms:
                    key = word_key(form)
                    words.add(key)
                    words.update(key.split())
    result = frozenset(words)
    deck_key = id(deck)

    def forget(_: weakref.ref[Any]) -> None:
        _DECK_WORDS.pop(deck_key, None)

    try:
        ref = weakref.ref(deck, forget)
    except TypeError:  # an object that cannot be weakly referenced is simply not remembered
        return result
    _DECK_WORDS[deck_key] = (ref, result)
    return result
