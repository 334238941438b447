"""Twin prompts: two cards that show a learner the same text and want different answers.

Shown "to rush", a learner may rightly type either of two Italian verbs; if each card rejects
the other's, the learner is marked wrong for a right answer. Two prompts are twins when they
go the same way (same question and answer languages, same kind of card) and show the same
text, or when a vocabulary prompt shows a term that the other card also lists among its own
(in the same language). Each must then accept the other's answer, or show something else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from quizapp.core.answers import display, expand
from quizapp.core.deck.model import VocabCard
from quizapp.core.judge import judge, normalise
from quizapp.core.lint.context import Context, Place
from quizapp.core.lint.findings import Finding

CHECK = "twin-prompts"


def _way(place: Place) -> tuple[str, str, bool]:
    prompt = place.prompt
    return prompt.question_lang, prompt.answer_lang, isinstance(prompt.card, VocabCard)


def _shown_forms(place: Place) -> set[str]:
    """Texts this prompt could be shown as: its question, and for a vocabulary card every
    accepted form of the term it shows."""
    prompt = place.prompt
    shown = {normalise(prompt.question)}
    card = prompt.card
    if isinstance(card, VocabCard):
        side = card.side(prompt.question_lang)
        for term in side.terms if side is not None else ():
            shown.update(normalise(form) for form in expand(term))
    return shown


def _main_answer(place: Place) -> str | None:
    prompt = place.prompt
    if prompt.items or not prompt.expected:
        return None
    return display(prompt.expected[0])


def check(context: Context) -> Iterable[Finding]:
    by_text: dict[tuple[tuple[str, str, bool], str], list[Place]] = defaultdict(list)
    for place in context.places:
        if place.prompt.items:
            continue  # a list's answer is many items: not something to type for another card
        for text in _shown_forms(place):
            by_text[(_way(place), text)].append(place)
    reported: set[tuple[int, str, int]] = set()
    for place in context.places:
        answer_of = _main_answer(place)
        if answer_of is None:
            continue
        shown = normalise(place.prompt.question)
        for other in by_text.get((_way(place), shown), ()):
            if other.index == place.index:
                continue
            answer = _main_answer(other)
            key = (place.index, place.prompt.direction, other.index)
            if answer is None or key in reported:
                continue
            prompt = place.prompt
            verdict = judge(
                answer,
                prompt.expected,
                prompt.answer_lang,
                reject=prompt.reject,
                strict_accents=prompt.strict_accents,
                article_required=prompt.article_required,
                known_words=context.known_words,
            )
            if verdict.recalled:
                continue
            reported.add(key)
            yield _finding(place, other, answer)


def _finding(place: Place, other: Place, answer: str) -> Finding:
    prompt = place.prompt
    vocab = isinstance(prompt.card, VocabCard)
    shown = prompt.question if vocab else "the same question"
    target = f"[cards.{prompt.answer_lang}] {'terms' if vocab else 'answers'}"
    fix = (
        f"accept «{answer}» in {target} of card '{place.card_id}', or put first in "
        f"[cards.{prompt.question_lang}] a term that only this card translates"
        if vocab
        else f"accept «{answer}» in {target} of card '{place.card_id}', or ask it another way"
    )
    return Finding(
        CHECK,
        place.card_id,
        place.answers[0].path if place.answers else place.question,
        f"shown «{shown}» ({prompt.direction}), as card '{other.card_id}' can be, but «{answer}», "
        f"the answer of '{other.card_id}', is judged wrong here",
        fix,
    )
