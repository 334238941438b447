"""Near misses made from an answer itself, for decks with too few of the same type: figures a
learner might confuse with it ("6 milioni" -> "60 milioni", 2021 -> 2020) and the neighbours of
a month or a season ("marzo" -> "aprile")."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from quizapp.core.judge.amounts import parse_digits
from quizapp.core.judge.figure_words import SCALES
from quizapp.core.quiz.candidates import Candidate, figure_class, option_key, words_of

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PLURAL = {
    "milione": "milioni",
    "miliardo": "miliardi",
    "trilione": "trilioni",
    "bilione": "bilioni",
}
_SINGULAR = {plural: singular for singular, plural in _PLURAL.items()}
_SCALE_SWAP = {
    "milioni": "miliardi",
    "miliardi": "milioni",
    "million": "billion",
    "billion": "million",
    "millions": "billions",
    "billions": "millions",
}
_MONTHS = {
    "it": words_of(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre"
    ),
    "en": words_of(
        "January February March April May June July August September October November December"
    ),
}
_SEASONS = {
    "it": words_of("primavera estate autunno inverno"),
    "en": words_of("spring summer autumn winter"),
}


def _format_like(token: str, value: Decimal, lang: str) -> str:
    """`value` written the way `token` writes numbers (thousands dots, a decimal comma)."""
    grouped = re.fullmatch(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*", token)
    group = grouped.group(1) if grouped else ""
    if grouped:
        mark = "," if group == "." else "."
    elif "," in token or "." in token:
        mark = "," if "," in token else "."
    else:
        mark = "," if lang == "it" else "."
    value = value.normalize()
    if value == value.to_integral_value():
        digits = str(int(value))
        if group and len(digits) > 3:
            parts = []
            while digits:
                parts.append(digits[-3:])
                digits = digits[:-3]
            digits = group.join(reversed(parts))
        return digits
    whole, _, fraction = f"{value:f}".partition(".")
    return f"{whole}{mark}{fraction[:2]}"


def _near_values(figure: str, value: Decimal, scaled: bool) -> list[Decimal]:
    """Values a learner might confuse with `value`: a few years off, a percentage doubled or
    halved, a small count one off, a sum or a large count ten times more or less."""
    if figure == "year":
        return [value + step for step in (-1, 1, -2, 2, 3, -3)]
    if figure == "percent":
        if value == 0:
            return [Decimal(n) for n in (5, 10, 20, 50)]
        steps = [value * 2, value / 2, value + 10, value - 10, value + 5, value - 5]
        return [v for v in steps if 0 < v <= 100 or (value > 100 and v > 0)]
    if figure == "count" and not scaled and value == value.to_integral_value() and value <= 12:
        return [v for v in (value + 1, value - 1, value + 2, value * 2, value + 3) if v > 0]
    return [value * 10, value / 10, value * 2, value / 2]


def near_figures(text: str, figure: str, lang: str) -> list[str]:
    """Figures near a figure answer, written alike: "6 milioni di dollari" -> "60 milioni di
    dollari", "6 miliardi di dollari"...; years a few years off."""
    match = _NUMBER.search(text)
    if match is None:
        return []
    token = match.group()
    value = parse_digits(token)
    if value is None:
        return []
    before, after = text[: match.start()], text[match.end() :]
    scale = re.match(r"(\s+)(\w+)", after)
    scaled = scale is not None and scale.group(2).lower() in SCALES
    out = []
    for near in _near_values(figure, value, scaled):
        try:
            written = _format_like(token, near, lang)
        except (InvalidOperation, ValueError):  # pragma: no cover - values are small decimals
            continue
        out.append(before + written + _agree(after, near == 1))
    if scale and scale.group(2).lower() in _SCALE_SWAP:
        swapped = _SCALE_SWAP[scale.group(2).lower()]
        out.insert(1, before + token + scale.group(1) + swapped + after[scale.end() :])
    return out


def _agree(after: str, one: bool) -> str:
    """ "1 miliardo" but "10 miliardi": the scale word after a changed number."""
    match = re.match(r"(\s+)(\w+)", after)
    if match is None:
        return after
    word = match.group(2)
    table = _SINGULAR if one else _PLURAL
    if word.lower() not in table:
        return after
    return match.group(1) + table[word.lower()] + after[match.end() :]


def near_words(text: str, lang: str) -> list[str]:
    """Other months (or seasons) for a month (or season) answer, written alike: "marzo" ->
    "aprile", "in March" -> "in April"."""
    head, _, last = text.strip().rpartition(" ")
    prefix = f"{head} " if head else ""
    if len(head.split()) > 2:
        return []
    for table in (_MONTHS, _SEASONS):
        names: tuple[str, ...] = table.get(lang, ())
        lowered = [name.lower() for name in names]
        if last.lower() in lowered:
            index = lowered.index(last.lower())
            size = len(names)
            steps = (1, -1, 2, -2, 3) if size > 4 else (1, -1, 2)
            return [prefix + names[(index + step) % size] for step in steps]
    return []


def generated(goal: Candidate) -> list[Candidate]:
    """Near misses made from the answer itself, for decks with too few of the same type."""
    if goal.figure is not None:
        texts = near_figures(goal.text, goal.figure, goal.lang)
    else:
        texts = near_words(goal.text, goal.lang)
    made = []
    for text in texts:
        figure, value = figure_class(text)
        if figure != goal.figure:
            continue
        made.append(
            replace(
                goal,
                text=text,
                value=value,
                source="generated",
                key=option_key(text),
                forms=(),
            )
        )
    return made
