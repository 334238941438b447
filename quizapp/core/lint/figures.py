"""Figures: an amount whose other accepted forms drop its unit, or a figure with no unit.

The judge compares figures by value. An answer written "6 milioni (di dollari)" also accepts
"6 milioni", and a form without a currency accepts any currency: "6 milioni di euro" is then
correct. Keep the unit in every form; a learner who leaves it out is already told "almost".
A figure written bare ("6", "due") is the other fault: the learner who writes what it counts
("sei startup", "due anni") is marked wrong, so the unit belongs in the answer as an optional
part. Years are figures without a unit by nature and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from quizapp.core.answers import expand
from quizapp.core.judge import normalise
from quizapp.core.judge.amounts import Amount, parse_amounts
from quizapp.core.lint.context import Context, Entry, Place
from quizapp.core.lint.findings import Finding

CHECK_UNIT = "figure-unit-dropped"
CHECK_BARE = "figure-without-unit"


def _amounts(form: str) -> tuple[Amount, ...] | None:
    return parse_amounts(normalise(form))


def _values(amounts: tuple[Amount, ...]) -> tuple[Decimal, ...]:
    return tuple(amount.value for amount in amounts)


def _is_year(amounts: tuple[Amount, ...], form: str) -> bool:
    return all(
        a.unit is None and a.value == a.value.to_integral_value() and 1000 <= a.value <= 2999
        for a in amounts
    ) and not any(char.isalpha() for char in form)


def _groups(place: Place) -> list[tuple[Entry, ...]]:
    """The answers that stand for one another: a prompt's answers, or each list item."""
    if place.items:
        return list(place.items)
    return [place.answers] if place.answers else []


def check(context: Context) -> Iterable[Finding]:
    seen: set[tuple[str | int, ...]] = set()
    for place in context.places:
        if place.options:
            continue  # a choice is picked, not typed
        for group in _groups(place):
            found = list(_check_group(place, group))
            for finding in found:
                if (*finding.path, finding.check) not in seen:
                    seen.add((*finding.path, finding.check))
                    yield finding


def _check_group(place: Place, group: tuple[Entry, ...]) -> Iterable[Finding]:
    forms = [(entry, form, _amounts(form)) for entry in group for form in expand(entry.written)]
    with_unit = [(entry, form, amounts) for entry, form, amounts in forms if amounts]
    if not with_unit:
        return
    units: dict[tuple[Decimal, ...], tuple[str, str]] = {}
    for _, form, amounts in with_unit:
        for unit in (a.unit for a in amounts):
            if unit is not None:
                units.setdefault(_values(amounts), (form, unit))
    for entry, form, amounts in with_unit:
        if any(a.unit is not None for a in amounts):
            continue
        unit_form = units.get(_values(amounts))
        if unit_form is None:
            continue
        full, unit = unit_form
        what = "the %" if unit == "%" else f"the currency ({unit})"
        optional = "(" in entry.written and form != expand(entry.written)[0]
        yield Finding(
            CHECK_UNIT,
            place.card_id,
            entry.path,
            f"the accepted form «{form}» drops {what} of «{full}»: a form without a unit "
            "accepts the figure in any unit",
            (
                f"make the unit part of «{entry.written}» not optional"
                if optional
                else f"write «{form}» with its unit, as «{full}» has it, or drop it"
            )
            + "; a missing unit is already judged 'almost'",
            near=entry.written if entry.path[-1] != "text" else form,
        )
    if len(with_unit) == len(forms) and all(
        all(a.unit is None for a in amounts) and not _is_year(amounts, form)
        for _, form, amounts in with_unit
    ):
        entry, form, _ = with_unit[0]
        yield Finding(
            CHECK_BARE,
            place.card_id,
            entry.path,
            f"every accepted form of «{form}» is a bare figure: a learner who writes what it "
            "counts (a unit after the number) is marked wrong",
            f"add the unit as an optional part of each form, as in «{form} (unit)»",
            near=entry.written if entry.path[-1] != "text" else form,
        )
