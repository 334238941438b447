"""Checking a large deck in bounded memory: slice by slice, as the deck cache builds it.

Parsing a whole deck at the size cap (64 MiB, a million small cards) into one document, then
into a million card models, took over 5 GB. Here each slice of about a megabyte is parsed
and validated on its own and kept packed (`cache.build_located`), the deck-wide warnings read
the packed cards one at a time, and a warning is located by scanning only the slice that
holds its card. A deck with any error goes the long way (`loading.check_text`), which
reports every problem.
"""

from __future__ import annotations

import bisect
import itertools
from pathlib import Path

from quizapp.core import tomlpos
from quizapp.core.deck import cache
from quizapp.core.deck.checks import deck_checks
from quizapp.core.deck.index import packed_deck
from quizapp.core.deck.model import DeckInfo
from quizapp.core.deck.problems import CheckResult, capped


class SlicedPositions(tomlpos.LazyPositions):
    """Positions of a deck's cards, found by scanning only the slice that holds the card."""

    def __init__(self, text: str, slices: list[tuple[int, int]]) -> None:
        super().__init__(text)
        self._starts = [start for start, _count in slices]
        self._firsts = list(itertools.accumulate((c for _s, c in slices), initial=0))[:-1]
        self._scanned: tuple[int, tomlpos.Positions, int] | None = None

    def find(self, path: tomlpos.Path, *, value: bool = False) -> tomlpos.Position | None:
        if len(path) < 2 or path[0] != "cards" or not isinstance(path[1], int):
            return super().find(path, value=value)  # not a card: never asked for here
        number = bisect.bisect_right(self._firsts, path[1]) - 1
        if number < 0:
            return None
        if self._scanned is None or self._scanned[0] != number:
            start = self._starts[number]
            end = self._starts[number + 1] if number + 1 < len(self._starts) else len(self._text)
            lines_before = self._text.count("\n", 0, start)
            self._scanned = (number, tomlpos.scan(self._text[start:end]), lines_before)
        _number, positions, lines_before = self._scanned
        local = ("cards", path[1] - self._firsts[number], *path[2:])
        found = positions.find(local, value=value)
        return None if found is None else (found[0] + lines_before, found[1])


def check_in_slices(path: Path, text: str) -> CheckResult | None:
    """The deck in `text` checked slice by slice; None when it has an error (or a slice that
    does not stand alone): then the whole text must be checked at once."""
    built = cache.build_located(text)
    if built is None:
        return None
    info, packed, slices = built
    deck = packed_deck(DeckInfo.model_validate(info), packed)
    problems = capped(deck_checks(path, deck, SlicedPositions(text, slices)))
    has_errors = any(p.severity == "error" for p in problems)
    return CheckResult(path, None if has_errors else deck, problems)
