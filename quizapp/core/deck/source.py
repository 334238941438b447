"""Where a deck's cards come from, behind one Protocol: the list a deck file was validated
into (`CardList`), or the packed cards of the validated-deck cache (`index.PackedCards`).

Both answer what a study session or the home screen asks before the first card is shown —
how many cards of each kind and tag, the card keys in deck order, a card by its id — and
both are sequences of cards. The rule for which directions (prompts) a card has lives here,
once: `card_keys`; `prompts.prompts_for` builds those prompts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, overload, runtime_checkable

from quizapp.core.deck.cards import Card, ClozeCard

IT_SIDE, EN_SIDE = 1, 2
"""Bits of a card's sides: which language tables it has."""

Pair = tuple[str, str]
"""(card id, direction): a card key within its deck."""


@dataclass(frozen=True)
class DeckSummary:
    """What the home screen says about a deck: its size, kinds and tags."""

    cards: int
    kinds: Counter[str]
    tags: Counter[str]


@runtime_checkable
class CardSource(Protocol):
    """A deck's cards, however they are kept."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Card]: ...

    @overload
    def __getitem__(self, index: int) -> Card: ...

    @overload
    def __getitem__(self, index: slice) -> list[Card]: ...

    def find(self, card_id: str) -> Card:
        """The card with this id; KeyError when there is none."""
        ...

    def summary(self) -> DeckSummary: ...

    def prompt_keys(self, study_lang: str, vocab: str) -> list[Pair]:
        """(card id, direction) of every prompt, in deck order (see `card_keys`)."""
        ...

    def prompt_key_set(self, study_lang: str, vocab: str) -> frozenset[Pair]:
        """The same keys as a set."""
        ...


def sides_of(card: Card) -> int:
    """IT_SIDE and/or EN_SIDE: the language tables a card has."""
    return (IT_SIDE if card.it is not None else 0) | (EN_SIDE if card.en is not None else 0)


def gaps_of(card: ClozeCard) -> tuple[int, int]:
    """The gaps of a cloze card's Italian and English sentences (a valid sentence has a "{{"
    for each gap and nowhere else)."""
    return (
        card.it.text.count("{{") if card.it else 0,
        card.en.text.count("{{") if card.en else 0,
    )


def card_keys(
    kind: str, sides: int, gaps: tuple[int, int], study_lang: str, vocab: str
) -> list[str]:
    """The directions of one card, from its kind, its sides and (cloze) its gaps.

    Vocabulary: `it>en` and/or `en>it` (as `vocab` says; none without both sides). Any other
    kind: the study language when the card has it, else its one language; a cloze card one
    direction per gap (`it.1`, `it.2`...).
    """
    if kind == "vocab":
        if sides != IT_SIDE | EN_SIDE:
            return []
        return ["it>en", "en>it"] if vocab == "both" else [vocab]
    wanted = IT_SIDE if study_lang == "it" else EN_SIDE if study_lang == "en" else 0
    lang = study_lang if sides & wanted else ("it" if sides & IT_SIDE else "en")
    if kind == "cloze":
        count = gaps[0] if lang == "it" else gaps[1]
        return [f"{lang}.{number}" for number in range(1, count + 1)]
    return [lang]


class CardList(list[Card], CardSource):
    """The cards of a deck file as validated: a list, with the answers of `CardSource`."""

    def __init__(self, cards: list[Card] | tuple[Card, ...] = ()) -> None:
        super().__init__(cards)
        self._positions: dict[str, int] | None = None
        self._keys: dict[tuple[str, str], list[Pair]] = {}
        self._key_sets: dict[tuple[str, str], frozenset[Pair]] = {}

    def find(self, card_id: str) -> Card:
        for fresh in (False, True):  # the table is made again if the list has changed since
            if fresh or self._positions is None:
                self._positions = {}
                for index, card in enumerate(self):
                    self._positions.setdefault(card.id, index)
            position = self._positions.get(card_id)
            if position is not None and position < len(self) and self[position].id == card_id:
                return self[position]
        raise KeyError(card_id)

    def summary(self) -> DeckSummary:
        return DeckSummary(
            len(self),
            Counter(card.kind for card in self),
            Counter(tag for card in self for tag in card.tags),
        )

    def prompt_keys(self, study_lang: str, vocab: str) -> list[Pair]:
        cached = self._keys.get((study_lang, vocab))
        if cached is None:
            cached = [
                (card.id, direction)
                for card in self
                for direction in card_keys(
                    card.kind,
                    sides_of(card),
                    gaps_of(card) if isinstance(card, ClozeCard) else (0, 0),
                    study_lang,
                    vocab,
                )
            ]
            self._keys[(study_lang, vocab)] = cached
        return cached

    def prompt_key_set(self, study_lang: str, vocab: str) -> frozenset[Pair]:
        cached = self._key_sets.get((study_lang, vocab))
        if cached is None:
            cached = frozenset(self.prompt_keys(study_lang, vocab))
            self._key_sets[(study_lang, vocab)] = cached
        return cached
