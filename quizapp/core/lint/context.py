"""What every lint check works on: the deck's prompts, each with where its parts are written.

A learner meets prompts, not cards: a vocab card asks both ways, a cloze card once per gap.
`Place` ties one prompt to the paths of its question, answers, wrong answers, options and note
in the deck file, so that a check can say which line to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from quizapp.core.deck.model import ChoiceCard, ClozeCard, Deck, ListCard, QACard, VocabCard
from quizapp.core.deck.prompts import Prompt, prompts_for
from quizapp.core.lint.findings import DataPath

if TYPE_CHECKING:
    from quizapp.core.lint.source_text import SourceText

S = TypeVar("S")


@dataclass(frozen=True)
class Entry:
    """One answer, option or item form as the deck writes it, and where."""

    path: DataPath
    written: str


@dataclass(frozen=True)
class Place:
    prompt: Prompt
    index: int
    """The card's position in the deck (its `[[cards]]` table)."""
    question: DataPath
    answers: tuple[Entry, ...]
    """Accepted answers (not for list cards)."""
    items: tuple[tuple[Entry, ...], ...]
    """List cards: each item's accepted forms."""
    reject: tuple[Entry, ...]
    options: tuple[Entry, ...]
    """Choice cards: the right option first, then the wrong ones."""
    note: DataPath | None

    @property
    def card_id(self) -> str:
        return self.prompt.card.id

    def answer_entries(self) -> tuple[Entry, ...]:
        return self.answers or tuple(entry for item in self.items for entry in item)


@dataclass
class Context:
    deck: Deck
    places: list[Place]
    known_words: frozenset[str]
    source: SourceText | None = None
    source_lang: str = "it"


def _entries(prefix: DataPath, values: list[str]) -> tuple[Entry, ...]:
    return tuple(Entry((*prefix, k), value) for k, value in enumerate(values))


def _present(side: S | None) -> S:
    assert side is not None  # a prompt is made only from a side the card has
    return side


def _place(prompt: Prompt, index: int) -> Place:
    card = prompt.card
    base: DataPath = ("cards", index)
    if isinstance(card, VocabCard):
        asked, answered = prompt.question_lang, prompt.answer_lang
        target = _present(card.side(answered))
        return Place(
            prompt,
            index,
            (*base, asked, "terms", 0),
            _entries((*base, answered, "terms"), list(target.terms)),
            (),
            _entries((*base, answered, "reject"), list(target.reject)),
            (),
            (*base, answered, "note") if target.note else None,
        )
    lang = prompt.question_lang
    where: DataPath = (*base, lang)
    side = card.side(lang)
    note = (*where, "note") if side is not None and side.note else None
    if isinstance(card, QACard):
        qa = _present(card.side(lang))
        return Place(
            prompt,
            index,
            (*where, "question"),
            _entries((*where, "answers"), list(qa.answers)),
            (),
            _entries((*where, "reject"), list(qa.reject)),
            (),
            note,
        )
    if isinstance(card, ClozeCard):
        text: DataPath = (*where, "text")
        return Place(
            prompt,
            index,
            text,
            tuple(Entry(text, answer) for answer in prompt.expected),
            (),
            _entries((*where, "reject"), list(_present(card.side(lang)).reject)),
            (),
            note,
        )
    if isinstance(card, ChoiceCard):
        choice = _present(card.side(lang))
        right = Entry((*where, "answer"), choice.answer)
        return Place(
            prompt,
            index,
            (*where, "question"),
            (right,),
            (),
            (),
            (right, *_entries((*where, "distractors"), list(choice.distractors))),
            note,
        )
    assert isinstance(card, ListCard)
    items: list[tuple[Entry, ...]] = []
    for k, item in enumerate(_present(card.side(lang)).items):
        path: DataPath = (*where, "items", k)
        if isinstance(item, str):
            items.append((Entry(path, item),))
        else:
            items.append(_entries(path, list(item)))
    return Place(prompt, index, (*where, "question"), (), tuple(items), (), (), note)


def places(deck: Deck) -> list[Place]:
    """Every prompt of the deck in each of its languages, each once (vocab prompts are the
    same in both)."""
    found: list[Place] = []
    seen: set[tuple[str, str]] = set()
    for lang in deck.deck.languages:
        for index, card in enumerate(deck.cards):
            for prompt in prompts_for(deck.id, card, study_lang=lang, vocab="both"):
                key = (str(index), prompt.direction)
                if key in seen:
                    continue
                seen.add(key)
                found.append(_place(prompt, index))
    return found
