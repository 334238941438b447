"""Words of card text as the lint checks compare them.

A word is a run of letters or digits, compared without case or accents ("Città" = "citta");
punctuation and apostrophes split words ("l'IA" -> "l", "ia"), as the judge splits them.
Context words are compared by a crude stem (their first five letters), so that "elettrici"
meets "elettriche" and "cinese" meets "cinesi".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple

_WORD = re.compile(r"[^\W_]+")


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


ARTICLES: dict[str, frozenset[str]] = {
    "it": _set("il lo la i gli le l un uno una"),
    "en": _set("the a an"),
}
ANY_ARTICLE = ARTICLES["it"] | ARTICLES["en"]

_PREPOSITIONS = _set(
    """di d a ad da in con su per tra fra del dello della dei degli delle al allo alla ai agli
    alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui
    sugli sulle of to at by for with from in on into"""
)

STOPWORDS = _set(
    """il lo la i gli le l un uno una di d a ad da in con su per tra fra e ed o od che chi cui
    come dove quando quanto quanta quanti quante quale quali cosa cos non si ne ci c è e era
    erano sono è ha hanno ho essere avere stato stata fa fatto più meno già anche ancora solo
    soltanto molto molti molte poco tutto tutti tutte altro altri altre suo sua suoi sue loro
    questo questa questi queste quello quella quelli quelle del dello della dei degli delle al
    allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul
    sullo sulla sui sugli sulle dell nell all sull dall quell quest secondo articolo testo
    mazzo ia ai poi ora qui lì oggi sempre mai perché poiché però invece così ma se
    uno due tre quattro cinque sei sette otto nove dieci
    the a an of to in on at by for with from and or but is are was were be been being has
    have had do does did it its this that these those which what who whom whose how many much
    according article text deck their his her he she they them as into than not no also
    then too just even more most all any some can could may might would will shall should
    now about above among where when why there here very so such other own one two three
    four five six seven eight nine ten"""
)
"""Words that carry no subject of their own: ignored when two texts are compared for context."""


def fold(word: str) -> str:
    """A word without case or accents."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Word(NamedTuple):
    key: str
    """Folded (no case, no accents)."""
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of a text, with where each stands in it."""
    return [Word(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def keys(text: str) -> tuple[str, ...]:
    return tuple(word.key for word in words(text))


def stem(key: str) -> str:
    return key if key.isdigit() else key[:5]


def content_stems(text: str) -> set[str]:
    """The stems of the words of a text that say what it is about (no function words)."""
    return {stem(key) for key in keys(text) if key not in STOPWORDS and len(key) > 1}


def answer_keys(form: str) -> tuple[str, ...]:
    """The words of an answer form without its leading articles and prepositions ("di WeChat",
    "the batteries"): what must appear in another text for the answer to be there."""
    found = list(keys(form))
    while len(found) > 1 and (found[0] in ANY_ARTICLE or found[0] in _PREPOSITIONS):
        found.pop(0)
    return tuple(found)


def leading_article(form: str, lang: str) -> str | None:
    """The article an answer starts with ("la", "the", "l'"), if any."""
    found = words(form)
    if len(found) > 1 and found[0].key in ARTICLES.get(lang, ANY_ARTICLE):
        return found[0].key
    return None


def find_run(haystack: Sequence[Word], needle: Sequence[str]) -> int | None:
    """Index of the first word of `haystack` where the keys `needle` occur in a row."""
    size = len(needle)
    if not size:
        return None
    for index in range(len(haystack) - size + 1):
        if haystack[index].key == needle[0] and all(
            haystack[index + k].key == needle[k] for k in range(1, size)
        ):
            return index
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?;:…])[\"'”»)\]]*\s+")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of a text with their offsets (a point inside a figure, "54.9", is not an
    end)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start : match.start()]
        if piece.strip():
            yield start, piece
        start = match.end()
    if text[start:].strip():
        yield start, text[start:]
