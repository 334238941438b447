"""Typed figures against an answer's figures: compared by value and unit, never by spelling
(see `amounts` for how a figure is read)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from quizapp.core.judge.amounts import Amount, parse_amounts_cached
from quizapp.core.judge.match import ALMOST, CORRECT, NO_FIELDS, WRONG, Match
from quizapp.core.judge.normalise import Form


def amounts_of(form: Form) -> tuple[Amount, ...] | None:
    """The figures of an accepted form (None when it is not a figure)."""
    return parse_amounts_cached(form.norm)


Units = Mapping[Any, frozenset[str]]
"""A card's figures: value -> the units its answers give that value ("6 milioni (di dollari)":
6 000 000 -> {"USD"}), so that a bare form of the card does not make any currency right."""


@lru_cache(maxsize=4096)
def card_units(forms: tuple[Form, ...]) -> Units:
    units: dict[Any, set[str]] = {}
    for form in forms:
        for amount in amounts_of(form) or ():
            if amount.unit is not None:
                units.setdefault(amount.value, set()).add(amount.unit)
    return {value: frozenset(found) for value, found in units.items()}


def compare_amounts(
    typed: tuple[Amount, ...],
    expected: tuple[Amount, ...],
    form: Form,
    lang: str,
    extra_cost: float = 0.0,
    units: Units = NO_FIELDS,
) -> Match:
    """Typed figures against an answer's figures (alternatives: "1 trilione di yuan (138
    miliardi di dollari)" accepts either). Every typed figure must be one of them. A form
    without a unit accepts a bare figure, or the unit the card's other forms give it; another
    unit is wrong ("6 milioni di euro" when the card says "6 milioni (di dollari)")."""
    worst = 3
    worst_pair = (typed[0], expected[0])
    for got in typed:
        best, best_want = 0, _nearest(got, expected)
        for want in expected:
            if got.value != want.value:
                continue
            card = units.get(want.value, frozenset()) if want.unit is None else frozenset()
            if got.unit == want.unit or got.unit in card or (want.unit is None and not card):
                status = 3
            elif len(card) == 1:
                want = want._replace(unit=next(iter(card)))  # show the unit the card means
                status = 1
            elif got.unit is None:
                status = 2  # the currency or % is missing
            else:
                status = 1  # same value, another unit
            if status > best:
                best, best_want = status, want
        if best < worst or (best == worst == 3 and got is typed[0]):
            worst, worst_pair = best, (got, best_want)
    got, want = worst_pair
    fields: dict[str, Any] = {"expected": form.text}
    notes: tuple[str, ...] = ()
    if want.trilione and (got.bilione or got.value == want.value * 10**6):
        notes = ("trilione",)
    pair = (got, want)
    if worst == 3:
        return Match(CORRECT, "amount", 0.05 + extra_cost, form, fields, notes, pair)
    if worst == 2:
        code = "percent_missing" if want.unit == "%" else "currency_missing"
        return Match(ALMOST, code, 0.5 + extra_cost, form, fields, notes, pair)
    if got.value == want.value:  # more telling than another figure: rank it first
        return Match(WRONG, "unit_wrong", 0.4 + extra_cost, form, fields, notes, pair)
    unit_cost = 0.0 if got.unit == want.unit else 0.02  # show "USD" beside "USD" when we can
    return Match(WRONG, "amount_wrong", 0.5 + unit_cost + extra_cost, form, fields, notes, pair)


def _nearest(got: Amount, expected: tuple[Amount, ...]) -> Amount:
    """The expected figure to show beside a wrong one: same unit first."""
    for want in expected:
        if want.unit == got.unit:
            return want
    return expected[0]
