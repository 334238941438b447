"""Build the judge's word lists (quizapp/core/judge/data/words_<lang>.txt.gz) from wordfreq.

    python scripts/build_lexicon.py            # writes the lists
    python scripts/build_lexicon.py --check    # exit 1 if the shipped lists differ

The judge asks one question of a lexicon: is this typed word a real word of the language? (A
typo that lands on a real word is another word, not a typo.) wordfreq answers it well but is
heavy to load (about 160 ms to import and 150 ms per language for its full lists, 58 MB on
disk), so the words it gives at least one use per million words (Zipf 3.0 or more) are kept
here as a compact list that quizapp reads in a few milliseconds, only when it first judges.

Kept: words of letters only, lower case, NFC. Dropped: a spelling that differs from a much
more common word of the same letters only by its accents ("perche", "citta"), or that has a
grave accent where a more common spelling has the acute one ("perchè"): wordfreq counts them
because people type them. Real pairs stay (lascio/lasciò, and the short pairs of
`words.ACCENT_PAIRS`: e/è, da/dà, papa/papà, ...).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.core.judge.lexicon import DATA, LANGS, MIN_ZIPF, WORDFREQ_VERSION  # noqa: E402
from quizapp.core.judge.words import ACCENT_PAIRS  # noqa: E402

ACCENT_VARIANT_SHARE = 0.25
"""A spelling that differs from the most common one by accents only is kept when it is used at
least this share as often (e "and" and è "is" are both common; "perche" is a slip)."""


def _strip(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _grave_slip(word: str, spellings: list[str], frequencies: dict[str, float]) -> bool:
    """ "perchè" beside a more common "perché": the same accent, the wrong way round."""
    key = _acute(word)
    return any(
        other != word and _acute(other) == key and frequencies[other] > frequencies[word]
        for other in spellings
    )


def _acute(word: str) -> str:
    return word.translate(str.maketrans("àèìòù", "áéíóú"))


def build(lang: str) -> list[str]:
    from importlib.metadata import version

    import wordfreq

    if version("wordfreq") != WORDFREQ_VERSION:
        raise SystemExit(f"wordfreq {WORDFREQ_VERSION} expected, found {version('wordfreq')}")
    threshold = 10 ** (MIN_ZIPF - 9)
    frequencies: dict[str, float] = {}
    for word, frequency in wordfreq.get_frequency_dict(lang, "large").items():
        word = unicodedata.normalize("NFC", word)
        if frequency >= threshold and word.isalpha() and word == word.lower():
            frequencies[word] = max(frequency, frequencies.get(word, 0.0))
    groups: dict[str, list[str]] = defaultdict(list)
    for word in frequencies:
        groups[_strip(word)].append(word)
    pairs = ACCENT_PAIRS if lang == "it" else frozenset()
    kept: list[str] = []
    for spellings in groups.values():
        top = max(frequencies[word] for word in spellings)
        for word in spellings:
            if word in pairs:
                kept.append(word)
            elif frequencies[word] >= ACCENT_VARIANT_SHARE * top and not _grave_slip(
                word, spellings, frequencies
            ):
                kept.append(word)
    kept.extend(word for word in pairs if word not in frequencies)
    return sorted(set(kept))


def encoded(words: list[str]) -> bytes:
    # mtime=0: the same words give the same bytes
    return gzip.compress(("\n".join(words) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped lists")
    args = parser.parse_args()
    differ = 0
    for lang in LANGS:
        data = encoded(build(lang))
        path = DATA / f"words_{lang}.txt.gz"
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                print(f"{path}: differs from what wordfreq {WORDFREQ_VERSION} gives")
                differ += 1
        else:
            path.write_bytes(data)
            print(f"{path}: {len(data):,} bytes")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
