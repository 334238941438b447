"""What the judge knows about a card beyond its answers, when it judges for a deck.

A `CardContext` is made by `DeckJudge` (deck_judge.py) for each prompt: the words of the
question and note (a teacher does not mind them around a right answer), the card's answers in
the other language (the right fact in the wrong language is almost), and the deck's people
(a name the other way round, or a well-known surname alone, is almost).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import NamedTuple

_NOTHING: frozenset[str] = frozenset()


class CardContext(NamedTuple):
    extra_ok: frozenset[str] = _NOTHING
    """Words (normalised, no digits) that may stand around a right answer: the question's and
    the note's, less any word of a rejected answer."""
    other_lang: str | None = None
    other: tuple[str, ...] = ()
    """The accepted answers on the card's other side (answer syntax)."""
    other_items: tuple[tuple[str, ...], ...] = ()
    """A list card: each item's accepted forms on the other side (same order, same count)."""
    people: AbstractSet[str] = _NOTHING
    """The deck's people: full names, normalised and without accents ("liang wenfeng")."""
    surnames: AbstractSet[str] = _NOTHING
    """Surnames the deck uses alone ("liang", "altman", "xi"): typed alone, almost."""
    gender: str | None = None
    """An Italian noun's gender as its vocab card gives it ("m", "f pl"...), for its article."""

    def for_item(self, index: int) -> CardContext:
        """The context of one item of a list: its other-language forms."""
        other = self.other_items[index] if index < len(self.other_items) else ()
        return self._replace(other=other, other_items=())


NO_CONTEXT = CardContext()


def looks_like_name(text: str) -> bool:
    """Two words, each with a capital and no digit ("Liang Wenfeng"): what may be a person."""
    words = text.split()
    return len(words) == 2 and all(
        w[:1].isupper() and not any(c.isdigit() for c in w) for w in words
    )
