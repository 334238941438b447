"""Checking a large deck that has errors in bounded memory: slice by slice, every error listed.

`sliced.check_in_slices` builds a valid deck a slice at a time; a deck with any error used to
be checked whole, which at the size cap (a million cards) took gigabytes. Here each slice of
cards is checked with the deck's header in front of it (`loading.check_piece` on about a
megabyte), its problems moved to the lines they have in the whole file; the header's own
problems are kept once, and a card id used again in a later slice is reported as a duplicate
as the whole check would. As there, schema errors leave out the deck-wide warnings, and the
list is capped (`problems.capped`: the first MAX_PROBLEMS, then one line "and N more").

A cut inside a multi-line string would give a slice a syntax error of its own making: a slice
with a syntax error and a multi-line string, or a deck in which no slice has an error, goes the
long way (None is returned).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizapp.core.deck import cache
from quizapp.core.deck.problems import (
    MAX_PROBLEMS,
    SHOWN_CHARS,
    CheckResult,
    Problem,
    Severity,
    capped,
)
from quizapp.core.text import shorten

SliceCheck = Callable[[Path, str], tuple[CheckResult, "dict[str, Any] | None", bool]]
"""`loading.check_piece`: a text's check, its parsed data and whether its schema failed."""

_ID_LINE = re.compile(r"^id\s*=", re.MULTILINE)


class _Kept:
    """Problems in file order, the first MAX_PROBLEMS of them kept and the rest counted."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.more = 0
        self.more_errors = 0
        self.first_left_out: Problem | None = None

    def add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
            return
        self.more += 1
        self.more_errors += problem.severity == "error"
        if self.first_left_out is None:
            self.first_left_out = problem


def check_broken_in_slices(path: Path, text: str, check: SliceCheck) -> CheckResult | None:
    """Every problem of the deck in `text`, checked a slice at a time; None when it must be
    checked whole (see the module docstring)."""
    cuts = cache.slice_starts(text)
    if len(cuts) < 3:
        return None
    header = text[: cuts[1]]
    header_lines = header.count("\n")
    name = str(path)
    schema_failed = False
    errors, warnings = _Kept(), _Kept()
    seen: dict[str, int | None] = {}
    lines_before = header_lines
    for number, (start, end) in enumerate(itertools.pairwise(cuts[1:])):
        piece = text[start:end]
        result, data, failed = check(path, header + piece)
        schema_failed |= failed
        shift = lines_before - header_lines
        found: list[Problem] = []
        for problem in result.problems:
            in_header = problem.line is None or problem.line <= header_lines
            if in_header and number:
                continue  # the header's problems: once
            if problem.message.startswith("TOML syntax") and ('"""' in piece or "'''" in piece):
                return None  # perhaps a cut inside a multi-line string
            found.append(problem if in_header else _moved(problem, shift))
        found += _duplicates(name, data, seen, piece, lines_before)
        found.sort(key=lambda p: (p.line or 0, p.column or 0))
        for problem in found:
            (warnings if problem.severity == "warning" else errors).add(problem)
        lines_before += piece.count("\n")
    if not errors.problems:
        return None
    return CheckResult(path, None, _listed(errors, None if schema_failed else warnings))


def _listed(errors: _Kept, warnings: _Kept | None) -> list[Problem]:
    """The problems kept, in file order, capped as `capped` caps them."""
    parts = [errors] if warnings is None else [errors, warnings]
    problems = capped([p for part in parts for p in part.problems])
    more = sum(part.more for part in parts)
    if not more:
        return problems
    if len(problems) > MAX_PROBLEMS:  # capped already counted some: count them again here
        problems = problems[:MAX_PROBLEMS]
    shown = {id(p) for p in problems}
    left = [p for part in parts for p in part.problems if id(p) not in shown]
    rest = more + len(left)
    rest_errors = sum(part.more_errors for part in parts)
    rest_errors += sum(p.severity == "error" for p in left)
    firsts = [p for p in (*left, *(part.first_left_out for part in parts)) if p is not None]
    first = min(firsts, key=lambda p: (p.line or 0, p.column or 0))
    message = (
        f"and {rest:,} more problems ({rest_errors:,} errors) not shown; "
        f"only the first {MAX_PROBLEMS:,} are listed"
    )
    severity: Severity = "error" if rest_errors else "warning"
    return [*problems, Problem(first.file, first.line, first.column, message, severity)]


def _moved(problem: Problem, lines: int) -> Problem:
    return Problem(
        problem.file,
        None if problem.line is None else problem.line + lines,
        problem.column,
        problem.message,
        problem.severity,
        problem.card,
    )


def _duplicates(
    name: str, data: dict[str, Any] | None, seen: dict[str, int | None], piece: str, before: int
) -> list[Problem]:
    """Ids of this slice already used in an earlier one (the slice's own duplicates are its
    check's), located in the slice's own lines; each new id is remembered with its line."""
    cards = data.get("cards") if data else None
    if not isinstance(cards, list):
        return []
    ids = [card.get("id") if isinstance(card, dict) else None for card in cards]
    lines = []
    number, counted = 1, 0
    for match in _ID_LINE.finditer(piece):
        number += piece.count("\n", counted, match.start())
        counted = match.start()
        lines.append(number)
    own = len(lines) == len(cards)  # one `id =` line per card: its line is known
    problems = []
    here: set[str] = set()
    for index, card_id in enumerate(ids):
        if not isinstance(card_id, str) or card_id in here:
            continue  # not an id, or used twice in this slice: its check says so
        here.add(card_id)
        line = before + lines[index] if own else None
        if card_id not in seen:
            seen[card_id] = line
            continue
        first = seen[card_id]
        shown = shorten(card_id, SHOWN_CHARS)
        message = f"card '{shown}': duplicate id (first used on line {first or '?'})"
        problems.append(Problem(name, line, 1 if own else None, message, card=shown))
    return problems
