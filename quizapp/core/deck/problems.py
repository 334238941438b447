"""What is wrong with a deck file: each problem located as file:line:column, and the result of
checking a file (the deck, or the problems that keep it from loading)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from quizapp.core.deck.model import Deck
from quizapp.core.text import printable

MAX_PROBLEMS = 1_000
"""Problems reported per file; past this, one last problem says how many more there are."""
SHOWN_CHARS = 40
"""A value quoted in a message is cut short past this (a message is read by a person)."""

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a deck file."""

    file: str
    line: int | None
    column: int | None
    message: str
    severity: Severity = "error"
    card: str | None = None

    def format(self) -> str:
        """`path:line:column: severity: message`, safe to print in a terminal."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return printable(f"{where}: {self.severity}: {self.message}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "card": self.card,
            "message": self.message,
        }


class DeckError(Exception):
    """A deck that cannot be loaded, with every problem found."""

    def __init__(self, path: Path | str, problems: Sequence[Problem]) -> None:
        self.path = str(path)
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        errors = [p for p in self.problems if p.severity == "error"]
        first = errors[0].format() if errors else self.path
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return first + more


@dataclass
class CheckResult:
    """What `check_deck` found: the deck (None when it has errors) and all problems."""

    path: Path
    deck: Deck | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def capped(problems: list[Problem]) -> list[Problem]:
    """The problems in file order; past MAX_PROBLEMS, the first ones and a count of the rest
    (at the place of the first left out), so that a hostile file gives a bounded report."""
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = problems[MAX_PROBLEMS:]
    errors = sum(1 for p in rest if p.severity == "error")
    first = rest[0]
    message = (
        f"and {len(rest):,} more problems ({errors:,} errors) not shown; "
        f"only the first {MAX_PROBLEMS:,} are listed"
    )
    severity: Severity = "error" if errors else "warning"
    return [
        *problems[:MAX_PROBLEMS],
        Problem(first.file, first.line, first.column, message, severity),
    ]
