"""Decades and ranges of years, however a learner writes them.

* Decades: "primi anni '20", "anni 20", "anni venti" and "anni 2020" are one decade; so are
  "early '20s", "early 20s", "early twenties" and "early 2020s". A decade typed without its
  century ("'20") takes the century of the answer.
* Ranges: "2010-2024", "2010–2024", "dal 2010 al 2024", "da 2010 a 2024", "tra il 2010 e il
  2024", "from 2010 to 2024", "between 2010 and 2024", "2010 to 2024": the two ends in order.

Texts here are normalised (`normalise`): lower case, dashes as "-".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_IT_TENS = {
    "dieci": "10",
    "venti": "20",
    "trenta": "30",
    "quaranta": "40",
    "cinquanta": "50",
    "sessanta": "60",
    "settanta": "70",
    "ottanta": "80",
    "novanta": "90",
}
_EN_TENS = {
    "twenties": "20",
    "thirties": "30",
    "forties": "40",
    "fifties": "50",
    "sixties": "60",
    "seventies": "70",
    "eighties": "80",
    "nineties": "90",
}
_DECADE = re.compile(
    r"\banni\s+(?:'\s*)?(?P<it>\d0|\d\d\d0|" + "|".join(_IT_TENS) + r")\b"
    r"|(?:(?<=\s)|^)'?(?P<en>\d0|\d\d\d0)s\b"
    r"|\b(?P<word>" + "|".join(_EN_TENS) + r")\b"
)
DECADE_MARK = "\ue001"
"""Stands for a decade in a text once its decades are set aside."""


class Decades(NamedTuple):
    text: str
    """The text with each decade replaced by DECADE_MARK (and "anni" kept)."""
    decades: tuple[tuple[str, str | None], ...]
    """Each decade: its two digits ("20") and its century ("20", or None when not written)."""


@lru_cache(maxsize=4096)
def decades(text: str) -> Decades | None:
    """The decades of a normalised text, or None when it has none."""
    found: list[tuple[str, str | None]] = []

    def mark(match: re.Match[str]) -> str:
        value = match.group("it") or match.group("en")
        if value is None:
            found.append((_EN_TENS[match.group("word")], None))
            return DECADE_MARK
        if value in _IT_TENS:
            found.append((_IT_TENS[value], None))
        elif len(value) == 4:
            found.append((value[2:], value[:2]))
        else:
            found.append((value, None))
        return "anni " + DECADE_MARK if match.group("it") else DECADE_MARK

    marked = _DECADE.sub(mark, text)
    if not found:
        return None
    return Decades(" ".join(marked.split()), tuple(found))


def same_decades(typed: str, expected: str) -> bool:
    """The two texts say the same, decades read as decades ("anni '20" = "anni 2020")."""
    want = decades(expected)
    if want is None:
        return False
    got = decades(typed)
    if got is None or _bare(got.text) != _bare(want.text):
        return False
    if len(got.decades) != len(want.decades):
        return False
    return all(
        digits == want_digits and century in (None, want_century)
        for (digits, century), (want_digits, want_century) in zip(
            got.decades, want.decades, strict=True
        )
    )


_LINKS = frozenset({"degli", "dei", "negli", "nei", "all", "agli", "ai", "al", "the", "of", "in"})
"""Words a decade's phrase may have or not: "inizio anni '20" is "inizio degli anni 2020"."""


def _bare(text: str) -> str:
    return " ".join(word for word in text.split() if word not in _LINKS)


_YEAR = r"(\d{1,4}(?:[.,]\d+)?)"
_RANGE = re.compile(
    r"^(?:(?:dal|dall|da|from|tra|fra|between)\s+(?:il\s+|l'\s*)?)?"
    + _YEAR
    + r"\s*(?:-|/|\s(?:al|all|a|to|until|till|through|thru|e|and|fino al|fino a)"
    + r"\s+(?:il\s+|l'\s*)?)\s*"
    + _YEAR
    + r"$"
)


@lru_cache(maxsize=4096)
def year_range(text: str) -> tuple[str, str] | None:
    """The two ends of a range typed as one answer ("dal 2010 al 2024" -> ("2010", "2024")),
    or None. Texts are normalised; "e"/"and" joins only numbers after "tra"/"between"."""
    match = _RANGE.match(text.strip())
    if match is None:
        return None
    joined_by_and = re.search(r"\s(?:e|and)\s", text) is not None
    if joined_by_and and not re.match(r"^(?:tra|fra|between)\b", text):
        return None  # "2010 e 2024" is a list of two, read as such elsewhere
    return match.group(1), match.group(2)


_ONE_YEAR = re.compile(r"^(?:[^\W\d_]+\s+)?(\d{4})$")


def range_holds_year(typed: str, expected: str) -> bool:
    """A range typed for one year that is one of its ends ("2010-2024" for "dal 2010")."""
    year = _ONE_YEAR.match(expected)
    if year is None:
        return False
    ends = year_range(typed)
    return ends is not None and year.group(1) in ends
