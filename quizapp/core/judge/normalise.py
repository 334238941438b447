"""Normalising typed and expected answers before they are compared.

Three views of one text, from strict to loose:

* `normalise` (step 1): Unicode NFC, format characters dropped, every kind of space a plain
  space, typographic quotes, apostrophes and dashes in their plain forms, casefolded, spaces
  collapsed, surrounding punctuation stripped.
* `Form.words`: the words once punctuation is ignored (an elided article splits off:
  "l'IA" -> "l", "ia"). Accents are kept, and a final vowel followed by an apostrophe
  ("perche'") keeps a marker so it can stand for the accented vowel.
* `Form.loose`: the same words with accents removed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

APOSTROPHE_ACCENT = "\ue000"
"""Private-use marker kept in a word for a final vowel + apostrophe ("perche'" -> "perche" + it)."""

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9\u0060\u00b4\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_EXTRA_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"

KEPT_PUNCTUATION = frozenset("%‰#&@§'")
"""Punctuation that carries meaning in an answer and is never stripped or ignored."""


class _CharTable(dict[int, "str | None"]):
    """A `str.translate` table that works out (and remembers) each character on first sight."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        value: str | None
        if char in _EXTRA_SPACES or category in ("Zs", "Zl", "Zp"):
            value = " "
        elif category in ("Cc", "Cf", "Cs"):
            value = None
        elif char in _SINGLE_QUOTES:
            value = "'"
        elif char in _DOUBLE_QUOTES:
            value = '"'
        elif char in _DASHES:
            value = "-"
        else:
            value = char
        self[code] = value
        return value


CHAR_TABLE = _CharTable()


def _is_strippable(char: str) -> bool:
    return char == " " or (
        unicodedata.category(char).startswith("P") and char not in KEPT_PUNCTUATION
    )


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_strippable(text[start]):
        start += 1
    while end > start and _is_strippable(text[end - 1]):
        end -= 1
    return text[start:end]


def _normalise_once(text: str) -> str:
    text = text.translate(CHAR_TABLE)
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFC", text)
        text = unicodedata.normalize("NFC", text.casefold()).translate(CHAR_TABLE)
    return _strip_punctuation(" ".join(text.split()))


def normalise(text: str) -> str:
    """Step 1 of the judge: the form two answers must share to be plainly equal."""
    result = _normalise_once(text)
    if not result.isascii():
        # Casefolding and NFC can each undo the other on rare characters; settle them.
        for _ in range(3):
            again = _normalise_once(result)
            if again == result:
                break
            result = again
    return result


def display_text(text: str) -> str:
    """Typed text as it is shown back: NFC, invisible characters dropped, spaces tidied."""
    text = unicodedata.normalize("NFC", text.translate(CHAR_TABLE))
    return " ".join(text.split())


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


_ACCENT_APOSTROPHE = re.compile(r"(?<=[aeiouAEIOU])'(?!\w)")


class _PunctuationTable(dict[int, str]):
    """Punctuation (except KEPT_PUNCTUATION, but including the apostrophe) becomes a space."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        ignored = char in "'_" or (
            unicodedata.category(char).startswith("P") and char not in KEPT_PUNCTUATION
        )
        value = " " if ignored else char
        self[code] = value
        return value


_PUNCTUATION_TABLE = _PunctuationTable()


def _word_list(normalised: str) -> tuple[str, ...]:
    text = _ACCENT_APOSTROPHE.sub(APOSTROPHE_ACCENT, normalised)
    return tuple(text.translate(_PUNCTUATION_TABLE).split())


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


class Form(NamedTuple):
    """One answer text, prepared for every comparison the judge makes."""

    text: str
    """As shown to a learner: spaces tidied, nothing else changed."""
    norm: str
    words: tuple[str, ...]
    loose: tuple[str, ...]

    @property
    def joined(self) -> str:
        return "".join(self.words)

    @property
    def loose_joined(self) -> str:
        return "".join(self.loose)


def prepare(text: str) -> Form:
    """The Form of any text (typed answers: once per judgment)."""
    norm = normalise(text)
    words = _word_list(norm)
    joined = " ".join(words)
    if joined.isascii():
        loose = words
    else:
        loose = tuple(strip_accents(joined.replace(APOSTROPHE_ACCENT, "")).split(" "))
        if len(loose) != len(words):  # a word that was only a combining mark
            loose = tuple(strip_accents(w.replace(APOSTROPHE_ACCENT, "")) for w in words)
    return Form(display_text(text), norm, words, loose)


@lru_cache(maxsize=8192)
def prepare_cached(text: str) -> Form:
    """The Form of an expected answer: decks repeat them, so they are prepared once."""
    return prepare(text)


@lru_cache(maxsize=8192)
def shown_words(text: str) -> dict[str, str]:
    """Each word of `prepare(text).words` as the text writes it ("alibabà" -> "Alibabà"), for
    reasons that show an answer as written; a word whose case cannot be matched is left out."""
    form = prepare(text)
    display = _strip_punctuation(" ".join(display_text(text).translate(CHAR_TABLE).split()))
    cased = _word_list(display)
    if len(cased) != len(form.words):
        return {}
    return {word: shown for word, shown in zip(form.words, cased, strict=True) if word != shown}


def as_written(word: str, text: str) -> str:
    """A normalised word of `text` as `text` writes it."""
    shown = shown_words(text).get(word, word)
    return shown.replace(APOSTROPHE_ACCENT, "'")


def word_key(word: str) -> str:
    """How a single known word is stored: normalised, punctuation ignored, accents kept."""
    return " ".join(_word_list(normalise(word)))
