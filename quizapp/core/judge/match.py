"""What comparing a typed answer with one accepted form gives (`Match`), and how strictly a
card is judged (`Rules`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from quizapp.core.judge.amounts import Amount
from quizapp.core.judge.normalise import Form, as_written
from quizapp.core.judge.verdict import RANK, Outcome
from quizapp.core.judge.words import is_real_word

CORRECT, ALMOST, WRONG = Outcome.CORRECT, Outcome.ALMOST, Outcome.WRONG
_NOTHING: frozenset[str] = frozenset()
NO_FIELDS: Mapping[str, Any] = MappingProxyType({})


class Rules(NamedTuple):
    """How strictly one card is judged (tuples: made once per judgment, so kept cheap)."""

    lang: str
    strict_accents: bool = False
    article_required: bool = False
    known: Collection[str] = _NOTHING
    """Other known words (normalised, see `word_key`): never read as typos."""
    reject_words: frozenset[str] = _NOTHING

    def is_known(self, word: str) -> bool:
        return word in self.known or word in self.reject_words or is_real_word(word, self.lang)

    def is_other_word(self, typed: str, expected: str, text: str) -> bool:
        """`typed` is another word, not a typo of `expected` (a word of the answer `text`).
        A name the answer writes with a capital is another word only when the deck or the
        reject list has the typed one: "Ling" for "Liang" is a slip, not a fish."""
        if typed in self.known or typed in self.reject_words:
            return True
        return is_real_word(typed, self.lang) and not as_written(expected, text)[:1].isupper()


class Match(NamedTuple):
    """The result of comparing the typed answer with one accepted form."""

    outcome: Outcome
    code: str
    cost: float
    """Tie-break between matches of the same outcome: lower is better."""
    form: Form
    fields: Mapping[str, Any] = NO_FIELDS
    notes: tuple[str, ...] = ()
    amounts: tuple[Amount, Amount] | None = None
    """For figures: the typed and the expected amount shown side by side."""

    @property
    def key(self) -> tuple[int, float]:
        return (RANK[self.outcome], self.cost)

    def costing(self, extra: float) -> Match:
        """The same match ranked a little lower."""
        return self._replace(cost=self.cost + extra)
