"""What a lint check reports, and where in the deck file it points.

A check yields `Finding`s that name a place in the deck's data by the same path that
validation uses (`("cards", 3, "it", "note")`); `Locator` turns that path into a line and a
column with the machinery of `quizapp.core.tomlpos`, moving the column onto the words the
finding is about when they stand literally on that line of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from quizapp.core import tomlpos
from quizapp.core.deck.loading import Problem
from quizapp.core.text import printable

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class LintProblem(Problem):
    """A lint warning: a `Problem` with the name of its check and a one-line fix."""

    check: str = ""
    fix: str = ""

    def format(self) -> str:
        """`path:line:column: warning: message [check]`, safe to print in a terminal."""
        return f"{super().format()} [{printable(self.check)}]"

    def fix_line(self) -> str:
        """The fix, as the line printed under the warning."""
        return printable(f"    fix: {self.fix}")

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "check": self.check, "fix": self.fix}


@dataclass(frozen=True)
class Finding:
    """One fault a check found: where it is, what it is, how to fix it."""

    check: str
    card: str
    path: DataPath
    message: str
    fix: str
    near: str | None = None
    """Text at that place that the column should point at, when it can be found there."""


class Locator:
    """Data paths -> (line, column) in one deck file."""

    def __init__(self, text: str) -> None:
        self._positions = tomlpos.LazyPositions(text)
        self._lines = text.split("\n")

    def locate(self, path: DataPath, near: str | None = None) -> tuple[int | None, int | None]:
        where = self._positions.find(path, value=True)
        if where is None:
            return None, None
        line, column = where
        if near and 1 <= line <= len(self._lines):
            found = re.compile(re.escape(near), re.IGNORECASE).search(
                self._lines[line - 1], column - 1
            )
            if found is not None:
                column = found.start() + 1
        return line, column

    def problem(self, file: str, finding: Finding) -> LintProblem:
        line, column = self.locate(finding.path, finding.near)
        return LintProblem(
            file,
            line,
            column,
            f"card '{finding.card}': {finding.message}",
            "warning",
            finding.card,
            check=finding.check,
            fix=finding.fix,
        )
