"""Which gap of a cloze card's Italian sentence blanks the same fact as which English gap.

Anki makes one card per cloze number, and quizapp's note shows both sentences on it: a card
should blank the same fact in both. The sentences order their gaps as each language does
(`o {{LLM}}, «di {{ragionamento}}»` / `“{{reasoning}}” …, or {{LLM}}`), so gaps are paired by
what they hold: the same text (LLM, 35%, a name), the same figures, or a close spelling
(inferenza / inference). Gaps left over are paired in order, as the author most likely wrote
them. Italian gaps keep their order (c1, c2, ... as quizapp counts them, `it.1`, `it.2`);
an English gap takes the number of its Italian partner, and one without a partner the next
free number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz

from quizapp.core.answers import Gap, expand
from quizapp.core.deck.model import ClozeCard

SIMILAR = 75.0
"""The similarity (0-100) at which two gaps are taken to hold the same fact by spelling."""
_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


def _forms(gap: Gap) -> list[str]:
    forms: list[str] = []
    for answer in gap.answers:
        try:
            forms.extend(expand(answer))
        except ValueError:
            forms.append(answer)
    return [_plain(form) for form in forms if _plain(form)]


def _likeness(left: Gap, right: Gap) -> float:
    best = 0.0
    for a in _forms(left):
        for b in _forms(right):
            if a == b:
                return 100.0
            digits_a, digits_b = _DIGITS.findall(a), _DIGITS.findall(b)
            if digits_a or digits_b:
                score = 99.0 if digits_a == digits_b else 0.0  # figures: equal, or not at all
            else:
                score = fuzz.ratio(a, b)
            best = max(best, score)
    return best


def pair_gaps(italian: Sequence[Gap], english: Sequence[Gap]) -> dict[int, int]:
    """Italian gap index -> English gap index, for the gaps that blank the same fact."""
    scored = sorted(
        (
            (-_likeness(it_gap, en_gap), i, j)
            for i, it_gap in enumerate(italian)
            for j, en_gap in enumerate(english)
        ),
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for negative, i, j in scored:
        if -negative < SIMILAR:
            break
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    rest_it = [i for i in range(len(italian)) if i not in pairs]
    rest_en = [j for j in range(len(english)) if j not in taken]
    for i, j in zip(rest_it, rest_en, strict=False):
        pairs[i] = j
    return pairs


def cloze_numbers(card: ClozeCard) -> dict[str, list[int]]:
    """Each language's gaps, in sentence order, as Anki cloze numbers (from 1)."""
    italian = card.it.cloze().gaps if card.it else ()
    english = card.en.cloze().gaps if card.en else ()
    numbers: dict[str, list[int]] = {}
    if card.it:
        numbers["it"] = list(range(1, len(italian) + 1))
    if card.en:
        partner = {j: i for i, j in pair_gaps(italian, english).items()}
        free = len(italian)
        english_numbers: list[int] = []
        for j in range(len(english)):
            if j in partner:
                english_numbers.append(partner[j] + 1)
            else:
                free += 1
                english_numbers.append(free)
        numbers["en"] = english_numbers
    return numbers


def direction_of_card(card: ClozeCard, ord_: int) -> str | None:
    """The quizapp direction (`it.2`, `en.1`) that Anki's card `ord_` (cloze number - 1)
    asks: the Italian gap when it has one, else the English gap; None for neither."""
    for lang, numbers in cloze_numbers(card).items():
        if ord_ + 1 in numbers:
            return f"{lang}.{numbers.index(ord_ + 1) + 1}"
    return None
