"""Figures: reading "6 milioni di dollari", "$6M" or "sei milioni" as a value and a unit.

An answer is an amount when, once normalised, it holds nothing but numbers (digits in Italian
or English notation, or spelled out), scale words (mila, milioni, miliardi, trilione, thousand,
million, billion, k, M, bn...), currencies ($, USD, dollari, yuan, renminbi, €, euro...),
percent signs or words, and a few filler words ("di", "of", "circa", "oltre"). Amounts are
compared by value, never by spelling. The words of a figure are in `figure_words`.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal
from functools import lru_cache
from typing import NamedTuple

from quizapp.core.judge.figure_words import (
    AND_WORDS,
    BILIONE_WORDS,
    CURRENCIES,
    FILLERS,
    HALF_WORDS,
    HUNDRED_WORDS,
    ONE_BEFORE_SCALE,
    PER_FOLLOWERS,
    PER_WORDS,
    PERCENT_WORDS,
    SCALES,
    SEPARATORS,
    TRILIONE_WORDS,
    number_word,
)

MAX_DIGITS = 40
MAX_EXPONENT = 40
MAX_TOKENS = 60
"""A figure is a few words; anything longer is read as text."""
MAX_VALUE = Decimal(10) ** 60
EXACT = Context(prec=200)
"""Arithmetic on figures: exact for anything a person types (at most 40 digits a number)."""


class Amount(NamedTuple):
    """A value with its unit: a currency code ("USD"), "%" or None for a bare number."""

    value: Decimal
    unit: str | None = None
    trilione: bool = False
    """The text used "trilione"/"trillion" (10^12 here)."""
    bilione: bool = False
    """The text used "bilione" (10^12 in the long scale)."""

    def reading(self, lang: str = "en") -> str:
        return _reading(self, lang)


@lru_cache(maxsize=4096)
def _reading(amount: Amount, lang: str) -> str:
    """How an amount is shown ("6 000 000 USD"); expected amounts come back, so remembered."""
    number = format_value(amount.value, lang)
    if amount.unit is None:
        return number
    if amount.unit == "%":
        return f"{number}%"
    return f"{number} {amount.unit}"


def format_value(value: Decimal, lang: str = "en") -> str:
    """6000000 -> "6 000 000"; 54.9 -> "54.9" (Italian: "54,9"); years stay "2021"."""
    text = format(value.normalize(EXACT), "f")
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, decimals = text.partition(".")
    if len(whole) > 4:
        groups = []
        while whole:
            groups.append(whole[-3:])
            whole = whole[:-3]
        whole = " ".join(reversed(groups))
    if not decimals.strip("0"):
        return sign + whole
    mark = "," if lang == "it" else "."
    return f"{sign}{whole}{mark}{decimals.rstrip('0')}"


# -- reading digits --------------------------------------------------------------------------

_TOKEN = re.compile(
    r"\s*(?:([0-9]{1,3}(?: [0-9]{3})+(?![0-9.,]*[0-9])|[0-9]+(?:[.,][0-9]+)*)"
    r"|(us\$|[^\W\d_]+)"
    r"|(\S))",
    re.DOTALL,
)
"""A number (digits, maybe grouped with spaces, dots or commas), a word, or one symbol."""


def parse_digits(text: str) -> Decimal | None:
    """ "1.000" and "1,000" -> 1000; "54,9" and "54.9" -> 54.9; "1.234,5" -> 1234.5."""
    text = text.replace(" ", "")
    if len(text) > MAX_DIGITS:
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        group = "," if decimal == "." else "."
        whole, _, fraction = text.rpartition(decimal)
        if group not in whole or decimal in whole or not _grouped(whole.split(group)):
            return None
        return Decimal(f"{whole.replace(group, '')}.{fraction}")
    if not dots and not commas:
        return Decimal(text)
    mark = "." if dots else ","
    parts = text.split(mark)
    if len(parts) > 2:
        return Decimal("".join(parts)) if _grouped(parts) else None
    head, tail = parts
    if len(tail) == 3 and head != "0" and _grouped(parts):
        return Decimal(head + tail)  # a thousands separator in either notation
    return Decimal(f"{head}.{tail}")


def _grouped(parts: list[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(part) == 3 for part in parts[1:])


# -- reading a whole answer ------------------------------------------------------------------


class _Builder:
    """Accumulates one amount: numbers, scales, then a unit."""

    __slots__ = (
        "bilione",
        "closed",
        "current",
        "last_scale",
        "last_was_word",
        "started",
        "total",
        "trilione",
        "unit",
    )

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.current: Decimal | None = None
        self.last_scale = 0
        self.started = False
        self.unit: str | None = None
        self.trilione = False
        self.bilione = False
        self.closed = False
        self.last_was_word = False

    def value(self) -> Decimal:
        return EXACT.add(self.total, self.current or Decimal(0))


def _tokens(text: str) -> list[tuple[str, str]]:
    return [
        ("num", num) if num else ("word", word) if word else ("sym", sym)
        for num, word, sym in _TOKEN.findall(text)
    ]


def parse_amounts(text: str) -> tuple[Amount, ...] | None:
    """Every amount in a normalised answer, or None when the answer is not only amounts."""
    tokens = _tokens(text)
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    amounts: list[Amount] = []
    builder = _Builder()
    pending_unit: str | None = None

    def close() -> None:
        nonlocal builder
        if builder.started:
            amounts.append(Amount(builder.value(), builder.unit, builder.trilione, builder.bilione))
        builder = _Builder()

    def add_number(number: Decimal, is_word: bool) -> None:
        nonlocal pending_unit
        if builder.closed or (
            builder.current is not None and not (is_word and builder.last_was_word)
        ):
            close()
        if not builder.started:
            builder.started = True
            builder.unit, pending_unit = pending_unit, None
        builder.current = number if builder.current is None else EXACT.add(builder.current, number)
        builder.last_was_word = is_word

    index = 0
    while index < len(tokens):
        kind, token = tokens[index]
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        index += 1
        if kind == "num":
            if following == "^" and index + 1 < len(tokens) and tokens[index + 1][0] == "num":
                base, exponent = parse_digits(token), parse_digits(tokens[index + 1][1])
                index += 2
                if base is None or exponent is None or exponent != exponent.to_integral_value():
                    return None
                if not 0 <= exponent <= MAX_EXPONENT:
                    return None
                add_number(EXACT.power(base, int(exponent)), False)
                continue
            number = parse_digits(token)
            if number is None:
                return None
            add_number(number, False)
            continue
        if token in CURRENCIES:
            unit = CURRENCIES[token]
            if builder.started and not builder.closed:
                if builder.unit not in (None, unit):
                    return None
                builder.unit = unit
                builder.closed = True
            elif builder.closed and builder.unit == unit and pending_unit is None:
                continue  # "$6 million dollars"
            else:
                if pending_unit is not None:
                    return None
                pending_unit = unit
            continue
        if (
            token == "%"
            or token in PERCENT_WORDS
            or (token in PER_WORDS and following in PER_FOLLOWERS)
        ):
            if token in PER_WORDS:
                index += 1
            if not builder.started or builder.closed or builder.unit is not None:
                return None
            builder.unit = "%"
            builder.closed = True
            continue
        if token in SCALES:
            scale = SCALES[token]
            if not builder.started:
                return None
            if builder.closed:
                return None
            builder.trilione |= token in TRILIONE_WORDS
            builder.bilione |= token in BILIONE_WORDS
            if builder.current is None:
                builder.total = EXACT.multiply(builder.total, scale)
            elif builder.total and scale > builder.last_scale:
                builder.total = EXACT.multiply(EXACT.add(builder.total, builder.current), scale)
            else:
                builder.total = EXACT.add(builder.total, EXACT.multiply(builder.current, scale))
            builder.current = None
            builder.last_scale = scale
            builder.last_was_word = False
            continue
        if token in HUNDRED_WORDS:
            if not builder.started or builder.closed:
                return None
            builder.current = EXACT.multiply(builder.current or Decimal(1), 100)
            builder.last_was_word = True
            continue
        if token in ONE_BEFORE_SCALE and (following in SCALES or following in HUNDRED_WORDS):
            add_number(Decimal(1), True)
            continue
        half = _half_after(tokens, index) if token in AND_WORDS and builder.started else 0
        if half and not builder.closed:
            index += half
            if builder.current is not None:  # "one and a half billion"
                builder.current = EXACT.add(builder.current, Decimal("0.5"))
            elif builder.last_scale:  # "un miliardo e mezzo"
                builder.total = EXACT.add(builder.total, Decimal(builder.last_scale) / 2)
            else:
                return None
            continue
        if token in ("and", "-") and builder.last_was_word and _is_number_word(following):
            continue  # "one hundred and five", "thirty-five"
        if token in FILLERS:
            continue
        word_value = number_word(token) if kind == "word" else None
        if word_value is not None:
            add_number(Decimal(word_value), True)
            continue
        if token in SEPARATORS:
            close()
            if pending_unit is not None:
                return None
            continue
        return None
    close()
    if pending_unit is not None or not amounts:
        return None
    if any(abs(amount.value) > MAX_VALUE for amount in amounts):
        return None  # no answer a person writes; and far too long to print
    return tuple(amounts)


def _half_after(tokens: list[tuple[str, str]], index: int) -> int:
    """How many tokens after "e"/"and" say "a half" ("mezzo", "half", "a half"): 0 if none."""
    following = [token for _, token in tokens[index : index + 2]]
    if following[:1] and following[0] in HALF_WORDS:
        return 1
    if len(following) == 2 and following[0] in ONE_BEFORE_SCALE and following[1] == "half":
        return 2
    return 0


def _is_number_word(token: str) -> bool:
    return number_word(token) is not None


parse_amounts_cached = lru_cache(maxsize=4096)(parse_amounts)
