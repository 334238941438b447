"""Typos: how many edits a word may have and still count as the expected word.

The distance is optimal string alignment (Damerau-Levenshtein without repeated edits of one
substring): a swap of two neighbouring letters is one edit, as a person would count it.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from quizapp.core.judge.normalise import has_digit


@lru_cache(maxsize=16384)
def budget(word: str) -> int:
    """Edits allowed in an expected word: 0 up to 3 letters, 1 for 4 to 9, 2 for 10 or more;
    none in a token with a digit (V3 is not V2, 2012 is not 2021)."""
    if has_digit(word):
        return 0
    letters = sum(1 for char in word if char.isalpha())
    if letters <= 3:
        return 0
    return 1 if letters <= 9 else 2


def edits(typed: str, expected: str, limit: int) -> int | None:
    """The OSA distance when it is within `limit`, else None."""
    if limit <= 0:
        return 0 if typed == expected else None
    distance: int = OSA.distance(typed, expected, score_cutoff=limit)
    return distance if distance <= limit else None


def word_typos(typed: tuple[str, ...], expected: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """Word by word: [(index, edits)] of the words that differ, or None if one is too far."""
    changed: list[tuple[int, int]] = []
    for index, (got, want) in enumerate(zip(typed, expected, strict=False)):
        if got == want:
            continue
        if has_digit(got):
            return None
        distance = edits(got, want, budget(want))
        if distance is None:
            return None
        changed.append((index, distance))
    return changed


def joined_typos(typed: tuple[str, ...], expected: tuple[str, ...]) -> int | None:
    """For answers typed with a different number of words: edits on the letters alone."""
    got, want = "".join(typed), "".join(expected)
    if has_digit(got) or has_digit(want):
        return None
    limit = min(2, sum(budget(word) for word in expected))
    return edits(got, want, limit)
