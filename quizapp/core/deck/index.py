"""A deck's cards kept packed, each turned into a model only when it is used.

A `Deck` built by the deck cache (`cache`) holds a `PackedCards` as its card source: a
sequence over the validated card data, packed one card after another in a single bytes object,
beside a small index (id, kind, languages and cloze gaps of each card). Everything a study
session or the home screen needs before the first card — the card keys in deck order, how
many cards of each kind and tag, finding a card by id — comes from the index; a card becomes a
pydantic model (validated again, about 0.1 ms) only when it is shown. With 100,000 cards this
keeps the start fast and the memory small; iterating over every card still works (and costs
what loading the deck from TOML would).
"""

from __future__ import annotations

import io
import marshal
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, overload

from pydantic import TypeAdapter

from quizapp.core.deck.cards import KINDS, Card, ClozeCard
from quizapp.core.deck.model import Deck, DeckInfo
from quizapp.core.deck.source import (
    EN_SIDE,
    IT_SIDE,
    CardSource,
    DeckSummary,
    Pair,
    card_keys,
    gaps_of,
    sides_of,
)

KEY_LIMIT = 64
"""Materialised cards kept (most recently used); the rest are rebuilt from their bytes."""

SCAN_LOOKUPS = 16
"""Cards found by scanning the ids before an id -> position table is built."""


def _card_adapter() -> TypeAdapter[Card]:
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(Card)
    return _ADAPTER


_ADAPTER: TypeAdapter[Card] | None = None


@dataclass(frozen=True)
class Packed:
    """The validated cards of a deck, packed: what the deck cache stores."""

    ids: list[str]
    kinds: bytes
    """One byte per card: its kind's position in `deck.KINDS`."""
    sides: bytes
    """One byte per card: 1 = Italian table, 2 = English table, 3 = both."""
    gaps: dict[int, tuple[int, int]]
    """Cloze cards only: card position -> (Italian gaps, English gaps)."""
    tags: dict[str, int]
    blob: bytes | memoryview
    """Each card's data (marshal of the TOML table that validated), one after another."""
    offsets: bytes
    """`array('Q')` of len(ids) + 1 positions in `blob`."""

    def as_dict(self, *, blob: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ids": self.ids,
            "kinds": self.kinds,
            "sides": self.sides,
            "gaps": self.gaps,
            "tags": self.tags,
            "offsets": self.offsets,
        }
        if blob:
            data["blob"] = self.blob
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Packed:
        """From the cache's payload; ValueError when anything is not as written."""
        if not isinstance(data, dict):
            raise ValueError("payload is not a table")
        ids, kinds, sides = data.get("ids"), data.get("kinds"), data.get("sides")
        gaps, tags = data.get("gaps"), data.get("tags")
        blob, offsets = data.get("blob"), data.get("offsets")
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ValueError("card ids are not a list of text")
        count = len(ids)
        if (
            not (isinstance(kinds, bytes) and len(kinds) == count)
            or not (isinstance(sides, bytes) and len(sides) == count)
            or not isinstance(gaps, dict)
            or not all(isinstance(v, tuple) and len(v) == 2 for v in gaps.values())
            or not isinstance(tags, dict)
            or not isinstance(blob, (bytes, memoryview))
            or not (isinstance(offsets, bytes) and len(offsets) == 8 * (count + 1))
            or max(kinds, default=0) >= len(KINDS)
            or max(sides, default=1) > IT_SIDE | EN_SIDE
        ):
            raise ValueError("payload does not have the expected shape")
        positions = array("Q")
        positions.frombytes(offsets)
        if positions[0] != 0 or positions[-1] != len(blob):
            raise ValueError("card offsets do not match the data")
        return cls(ids, kinds, sides, gaps, tags, blob, offsets)

    @classmethod
    def build(cls, rows: Iterator[tuple[dict[str, Any], Card]]) -> Packed:
        """Pack (raw TOML data, validated card) pairs, in deck order."""
        ids: list[str] = []
        kinds = bytearray()
        sides = bytearray()
        gaps: dict[int, tuple[int, int]] = {}
        tags: Counter[str] = Counter()
        blob = io.BytesIO()
        offsets = array("Q", [0])
        kind_index = {kind: i for i, kind in enumerate(KINDS)}
        end = 0
        for raw, card in rows:
            position = len(ids)
            ids.append(card.id)
            kinds.append(kind_index[card.kind])
            sides.append(sides_of(card))
            if isinstance(card, ClozeCard):
                gaps[position] = gaps_of(card)
            tags.update(card.tags)
            end += blob.write(marshal.dumps(raw))
            offsets.append(end)
        return cls(
            ids, bytes(kinds), bytes(sides), gaps, dict(tags), blob.getvalue(), offsets.tobytes()
        )


def merge(parts: Sequence[Packed]) -> Packed:
    """Packed slices of one deck, in order, as one."""
    ids: list[str] = []
    kinds = bytearray()
    sides = bytearray()
    gaps: dict[int, tuple[int, int]] = {}
    tags: Counter[str] = Counter()
    blob = io.BytesIO()
    offsets = array("Q", [0])
    for part in parts:
        base, shift = len(ids), offsets[-1]
        ids.extend(part.ids)
        kinds += part.kinds
        sides += part.sides
        gaps.update({base + position: count for position, count in part.gaps.items()})
        tags.update(part.tags)
        blob.write(part.blob)
        own = array("Q")
        own.frombytes(part.offsets)
        offsets.extend(shift + offset for offset in own[1:])
    return Packed(
        ids, bytes(kinds), bytes(sides), gaps, dict(tags), blob.getvalue(), offsets.tobytes()
    )


class PackedCards(Sequence[Card], CardSource):
    """A deck's cards as a sequence; each card is validated from its bytes when it is read."""

    def __init__(self, packed: Packed) -> None:
        self.packed = packed
        self._offsets = array("Q")
        self._offsets.frombytes(packed.offsets)
        self._view = memoryview(packed.blob)
        self._recent: dict[int, Card] = {}
        self._keys: dict[tuple[str, str], list[Pair]] = {}
        self._key_sets: dict[tuple[str, str], frozenset[Pair]] = {}
        self._lookups = 0

    def __len__(self) -> int:
        return len(self.packed.ids)

    @overload
    def __getitem__(self, index: int) -> Card: ...

    @overload
    def __getitem__(self, index: slice) -> list[Card]: ...

    def __getitem__(self, index: int | slice) -> Card | list[Card]:
        if isinstance(index, slice):
            return [self._card(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("card index out of range")
        return self._card(index)

    def __iter__(self) -> Iterator[Card]:
        for index in range(len(self)):
            yield self._card(index)

    def _card(self, index: int) -> Card:
        card = self._recent.get(index)
        if card is None:
            start, end = self._offsets[index], self._offsets[index + 1]
            card = _card_adapter().validate_python(marshal.loads(self._view[start:end]))
            if len(self._recent) >= KEY_LIMIT:
                self._recent.pop(next(iter(self._recent)))
            self._recent[index] = card
        return card

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {card_id: i for i, card_id in enumerate(self.packed.ids)}

    def find(self, card_id: str) -> Card:
        """The card with this id (KeyError when there is none)."""
        self._lookups += 1
        if self._lookups <= SCAN_LOOKUPS:  # a scan of the ids is quicker than a whole index
            try:
                return self._card(self.packed.ids.index(card_id))
            except ValueError:
                raise KeyError(card_id) from None
        return self._card(self._positions[card_id])

    def summary(self) -> DeckSummary:
        kinds = Counter(KINDS[k] for k in self.packed.kinds)
        return DeckSummary(len(self), kinds, Counter(self.packed.tags))

    def prompt_keys(self, study_lang: str, vocab: str) -> list[Pair]:
        cached = self._keys.get((study_lang, vocab))
        if cached is None:
            packed = self.packed
            cloze = KINDS.index("cloze")
            # every card but a cloze card has the directions of its kind and languages
            table = {
                (kind, sides): card_keys(KINDS[kind], sides, (0, 0), study_lang, vocab)
                for kind in range(len(KINDS))
                for sides in (IT_SIDE, EN_SIDE, IT_SIDE | EN_SIDE)
            }
            gaps = packed.gaps
            directions = [
                table[kind, sides]
                if kind != cloze
                else card_keys("cloze", sides, gaps[i], study_lang, vocab)
                for i, (kind, sides) in enumerate(zip(packed.kinds, packed.sides, strict=True))
            ]
            cached = [
                (card_id, direction)
                for card_id, card_directions in zip(packed.ids, directions, strict=True)
                for direction in card_directions
            ]
            self._keys[(study_lang, vocab)] = cached
        return cached

    def prompt_key_set(self, study_lang: str, vocab: str) -> frozenset[Pair]:
        cached = self._key_sets.get((study_lang, vocab))
        if cached is None:
            cached = frozenset(self.prompt_keys(study_lang, vocab))
            self._key_sets[(study_lang, vocab)] = cached
        return cached


def summary(deck: Deck) -> DeckSummary:
    """How many cards, of which kinds and with which tags (from the index when packed)."""
    return deck.cards.summary()


def packed_deck(info: DeckInfo, packed: Packed) -> Deck:
    """A Deck whose cards are `packed` (already validated: nothing is checked again here)."""
    return Deck(deck=info, cards=PackedCards(packed))


__all__ = [
    "DeckSummary",
    "Packed",
    "PackedCards",
    "merge",
    "packed_deck",
    "summary",
]
