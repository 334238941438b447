"""Real words of Italian and English: is a typed word another word rather than a typo?

The lists (data/words_it.txt.gz, data/words_en.txt.gz) are the words wordfreq gives at least
one use per million words, made by scripts/build_lexicon.py; see data/README.md for where they
come from and their licence. Each list is read once, when the judge first asks about its
language (about 36,000 Italian and 29,000 English words; a few milliseconds).
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("it", "en")
MIN_ZIPF = 3.0
"""Zipf frequency (log10 of uses per billion words) a word needs to be in the list."""
WORDFREQ_VERSION = "3.1.1"


@cache
def words(lang: str) -> frozenset[str]:
    """Every word of the language's list (lower case, accents kept); empty for another one."""
    if lang not in LANGS:
        return words("it") | words("en")
    data = gzip.decompress((DATA / f"words_{lang}.txt.gz").read_bytes())
    return frozenset(data.decode("utf-8").split("\n")) - {""}


def is_word(word: str, lang: str) -> bool:
    return word in words(lang)
