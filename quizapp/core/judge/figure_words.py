"""The words of a figure: currencies, scales (mila, milioni, million, k, M, bn...), percent
words, the filler words around a figure ("di", "of", "circa", "oltre") and numbers spelled out
in one word, Italian or English (read by text2num).

"trilione" here follows the press usage of the bundled article: 10^12 (the article's
"1 trilione di yuan" is about 138 miliardi di dollari), the same as the long-scale "bilione".
"""

from __future__ import annotations

from functools import lru_cache

CURRENCIES: dict[str, str] = {
    "$": "USD",
    "usd": "USD",
    "us$": "USD",
    "dollaro": "USD",
    "dollari": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "¥": "CNY",
    "£": "GBP",
    "gbp": "GBP",
    "sterlina": "GBP",
    "sterline": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
}

SCALES: dict[str, int] = {
    "mila": 10**3,
    "thousand": 10**3,
    "thousands": 10**3,
    "k": 10**3,
    "milione": 10**6,
    "milioni": 10**6,
    "million": 10**6,
    "millions": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "miliardo": 10**9,
    "miliardi": 10**9,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
    "mld": 10**9,
    "mrd": 10**9,
    "bilione": 10**12,
    "bilioni": 10**12,
    "trilione": 10**12,
    "trilioni": 10**12,
    "trillion": 10**12,
    "trillions": 10**12,
    "tn": 10**12,
    "biliardo": 10**15,
    "biliardi": 10**15,
}


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


TRILIONE_WORDS = frozenset({"trilione", "trilioni", "trillion", "trillions", "tn"})
BILIONE_WORDS = frozenset({"bilione", "bilioni"})

PERCENT_WORDS = frozenset({"percento", "percent", "pct"})
PER_WORDS = frozenset({"per"})
PER_FOLLOWERS = frozenset({"cento", "cent"})

FILLERS = _set(
    """di d of circa ca about around approximately approx roughly some nearly almost over
    oltre più than more quasi appena just only solo soltanto us u s american americani
    americano statunitensi chinese cinesi cinese in nel the anno year ~ . ' \""""
)
SEPARATORS = _set("( ) = ≈ , ; : / +")

HUNDRED_WORDS = frozenset({"hundred", "hundreds"})
ONE_BEFORE_SCALE = frozenset({"a", "an"})
AND_WORDS = frozenset({"e", "and"})
HALF_WORDS = frozenset({"mezzo", "mezza", "half"})
MAX_NUMBER_WORD = 40
"""Letters in the longest spelled-out number read ("settecentosettantasettemila...")."""


@lru_cache(maxsize=8192)
def number_word(word: str) -> int | None:
    """A number spelled out in one word, Italian or English ("trentacinque" -> 35, "ten" ->
    10, "duemilaventuno" -> 2021), read by text2num; None for any other word."""
    if not word.isalpha() or len(word) > MAX_NUMBER_WORD:
        return None
    from text_to_num import text2num  # type: ignore[import-untyped]  # about 15 ms, when needed

    for lang in ("it", "en"):
        try:
            value = text2num(word, lang)
        except ValueError:
            continue
        return int(value)
    return None


def italian_number(word: str) -> int | None:
    """A spelled-out number in one word: "trentacinque" -> 35, "duemila" -> 2000."""
    return number_word(word)


FIGURE_WORDS = (
    frozenset(CURRENCIES) | frozenset(SCALES) | PERCENT_WORDS | PER_FOLLOWERS | HUNDRED_WORDS
)
"""Words that are part of a figure: never ignored as words around an answer."""
