"""A card and a direction -> what a learner is asked and what counts as the answer.

Directions (the third part of a card key, beside the deck id and the card id):

* qa, choice, list: the study language, `"it"` or `"en"`;
* vocab: `"it>en"` (shown the Italian term, answer in English) or `"en>it"`;
* cloze: the language and the gap number, `"it.1"`, `"it.2"`, ... (each gap is its own prompt).

Prompts of one card are siblings: once one is studied, the others wait for another day.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from quizapp.core.answers import display
from quizapp.core.deck.cards import Card, ChoiceCard, ClozeCard, ListCard, QACard, VocabCard
from quizapp.core.deck.model import Deck

VocabDirections = Literal["it>en", "en>it", "both"]


def other(lang: str) -> str:
    return "en" if lang == "it" else "it"


def content_hash(card: Card) -> str:
    """A short hash of everything a card says; stored with each review to notice edits."""
    data = json.dumps(card.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Prompt:
    """One question as a learner meets it.

    `expected` holds the accepted answers in the deck's answer syntax (optional parts in
    parentheses, not yet expanded); the judge expands them. For list cards, `items` holds each
    item's accepted forms and `expected` is empty.
    """

    deck_id: str
    card: Card
    direction: str
    question_lang: str
    answer_lang: str
    question: str
    expected: tuple[str, ...] = ()
    items: tuple[tuple[str, ...], ...] = ()
    ordered: bool = False
    options: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    note: str | None = None
    example: str | None = None
    hint: str | None = None
    strict_accents: bool = False
    article_required: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.card.kind

    @property
    def key(self) -> tuple[str, str, str]:
        """(deck id, card id, direction): progress is stored under this key."""
        return (self.deck_id, self.card.id, self.direction)

    @property
    def answer_display(self) -> str:
        """The full expected answer as shown after answering."""
        if self.items:
            return ", ".join(display(forms[0]) for forms in self.items)
        return display(self.expected[0]) if self.expected else ""


def prompts_for(
    deck_id: str, card: Card, study_lang: str = "it", vocab: VocabDirections = "both"
) -> list[Prompt]:
    """Every prompt of one card for a learner studying in `study_lang`.

    A card without a side in the study language falls back to the language it has.
    """
    if isinstance(card, VocabCard):
        return _vocab(deck_id, card, vocab)
    lang = study_lang if card.side(study_lang) is not None else card.languages()[0]

    def make(question: str, note: str | None, direction: str = lang, **fields: Any) -> Prompt:
        """A prompt asked and answered in `lang`, with the card's judging flags."""
        return Prompt(
            deck_id,
            card,
            direction,
            lang,
            lang,
            question,
            note=note,
            strict_accents=card.strict_accents,
            article_required=card.article_required,
            **fields,
        )

    if isinstance(card, QACard):
        qa = _present(card.side(lang))
        return [make(qa.question, qa.note, expected=tuple(qa.answers), reject=tuple(qa.reject))]
    if isinstance(card, ClozeCard):
        side = _present(card.side(lang))
        cloze = side.cloze()
        return [
            make(
                cloze.render(hide=number - 1),
                side.note,
                f"{lang}.{number}",
                expected=gap.answers,
                reject=tuple(side.reject),
                hint=gap.hint,
                extra={"full": cloze.render()},
            )
            for number, gap in enumerate(cloze.gaps, start=1)
        ]
    if isinstance(card, ChoiceCard):
        choice = _present(card.side(lang))
        return [
            make(
                choice.question,
                choice.note,
                expected=(choice.answer,),
                options=(choice.answer, *choice.distractors),
            )
        ]
    if isinstance(card, ListCard):
        listed = _present(card.side(lang))
        items = tuple(tuple(forms) for forms in listed.item_forms())
        return [make(listed.question, listed.note, items=items, ordered=card.ordered)]
    raise TypeError(f"unknown card kind {card.kind!r}")  # pragma: no cover


S = TypeVar("S")


def _present(side: S | None) -> S:
    """The side in a language the card has (`languages()` said so)."""
    if side is None:  # pragma: no cover - the language was chosen among the card's
        raise ValueError("the card has no side in this language")
    return side


def _vocab(deck_id: str, card: VocabCard, vocab: VocabDirections) -> list[Prompt]:
    if card.it is None or card.en is None:
        return []
    wanted = ["it>en", "en>it"] if vocab == "both" else [vocab]
    prompts = []
    for direction in wanted:
        source, target = (card.it, card.en) if direction == "it>en" else (card.en, card.it)
        question_lang, answer_lang = direction.split(">")
        prompts.append(
            Prompt(
                deck_id,
                card,
                direction,
                question_lang,
                answer_lang,
                display(source.terms[0]),
                expected=tuple(target.terms),
                reject=tuple(target.reject),
                note=target.note,
                example=source.example,
                extra={"answer_example": target.example or ""},
                strict_accents=card.strict_accents,
                article_required=card.article_required,
            )
        )
    return prompts


def all_prompts(
    deck: Deck, study_lang: str = "it", vocab: VocabDirections = "both"
) -> list[Prompt]:
    """Every prompt of a deck, in deck order."""
    return [p for card in deck.cards for p in prompts_for(deck.id, card, study_lang, vocab)]


def prompt_keys(
    deck: Deck, study_lang: str = "it", vocab: VocabDirections = "both"
) -> list[tuple[str, str]]:
    """(card id, direction) of every prompt of a deck, in deck order, as `all_prompts` gives
    them, without building them (a deck from the cache answers from its index, without
    reading its cards)."""
    return deck.cards.prompt_keys(study_lang, vocab)


def peek(prompt: Prompt) -> str | None:
    """The same question in the other language (for language learners), when the card has it."""
    card = prompt.card
    if isinstance(card, VocabCard):
        return None
    lang = other(prompt.question_lang)
    side = card.side(lang)
    if side is None:
        return None
    if isinstance(card, ClozeCard):
        cloze = _present(card.side(lang)).cloze()
        number = int(prompt.direction.split(".")[1])
        return cloze.render(hide=min(number, len(cloze.gaps)) - 1)
    return side.asked()
