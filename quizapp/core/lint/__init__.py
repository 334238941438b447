"""Deck lint: faults a valid deck can still have, found before a class meets them.

`quizapp validate --lint` runs these checks on every deck that has no errors; each fault is a
warning located `path:line:column` like any other problem, with the name of its check and a
one-line fix. The checks (module: what it finds):

* giveaways: a card's answer stated by another card's question, options or note;
* twins: two prompts that show the same text and do not accept each other's answer;
* figures: an amount whose other forms drop its currency, or a figure with no unit;
* choices: a right option that alone has an article, or is alone of its type;
* consistency: an accepted form that the judge calls wrong against its own card;
* source (with a source text): wrong answers the source never mentions, and notes that cite
  paragraphs the source does not match.

    >>> result = check_and_lint("decks/deepseek_it.toml")  # doctest: +SKIP
    >>> [p.format() for p in result.warnings]  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from quizapp.core.deck.gcpause import collector_paused
from quizapp.core.deck.loading import (
    MAX_PROBLEMS,
    CheckResult,
    check_deck,
    check_text,
)
from quizapp.core.deck.model import Deck
from quizapp.core.deck.reading import MAX_DECK_BYTES
from quizapp.core.files import open_regular
from quizapp.core.judge import deck_words
from quizapp.core.lint import choices, consistency, figures, giveaways, source, twins
from quizapp.core.lint.context import Context, places
from quizapp.core.lint.findings import Finding, LintProblem, Locator
from quizapp.core.lint.source_text import SourceError, SourceText, parse_source, read_source

__all__ = [
    "CHECKS",
    "LintProblem",
    "SourceError",
    "SourceText",
    "check_and_lint",
    "lint_deck",
    "parse_source",
    "read_source",
]

Check = Callable[[Context], Iterable[Finding]]

CHECKS: dict[str, str] = {
    giveaways.CHECK: "a card's answer stated by another card's question, options or note",
    twins.CHECK: "two prompts show the same text and do not accept each other's answer",
    figures.CHECK_UNIT: "an accepted form of an amount drops its currency or %",
    figures.CHECK_BARE: "every accepted form of a figure is a bare number, without its unit",
    choices.CHECK_ARTICLE: "a choice's right option alone has (or lacks) an article",
    choices.CHECK_TYPE: "a choice's right option is the only one of its type",
    consistency.CHECK: "an accepted form is judged wrong against its own card",
    source.CHECK_REJECT: "a wrong answer that the source text never mentions (with --source)",
    source.CHECK_CITATION: "a note cites a paragraph the source does not match (with --source)",
}
"""Every check, by the name printed after its warnings."""

_RUN: tuple[Check, ...] = (
    giveaways.check,
    twins.check,
    figures.check,
    choices.check,
    consistency.check,
    source.check_rejects,
    source.check_citations,
)


def lint_deck(
    deck: Deck,
    text: str,
    path: Path | str,
    *,
    source_text: SourceText | None = None,
    source_lang: str | None = None,
) -> list[LintProblem]:
    """The lint warnings of a valid deck, given as the text it was read from (for positions).

    `source_lang` is the language of `source_text` (default: the deck's first language).
    """
    context = Context(
        deck,
        places(deck),
        deck_words(deck),
        source_text,
        source_lang or deck.deck.languages[0],
    )
    locator = Locator(text)
    problems: list[LintProblem] = []
    seen: set[tuple[int | None, int | None, str]] = set()
    for run in _RUN:
        for finding in run(context):
            problem = locator.problem(str(path), finding)
            key = (problem.line, problem.column, problem.message)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        first = problems[MAX_PROBLEMS]
        problems = problems[:MAX_PROBLEMS]
        problems.append(
            LintProblem(
                first.file,
                first.line,
                first.column,
                f"and {rest:,} more lint warnings not shown; only the first "
                f"{MAX_PROBLEMS:,} are listed",
                "warning",
                check="lint",
                fix="fix the warnings above and run the lint again",
            )
        )
    return problems


def _read_text(path: Path) -> str | None:
    """The deck's text as validation reads it, or None when validation will say why not."""
    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > MAX_DECK_BYTES:
                return None
            raw = handle.read(MAX_DECK_BYTES + 1)
        if len(raw) > MAX_DECK_BYTES:
            return None
        return raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def check_and_lint(
    path: Path | str,
    *,
    source_text: SourceText | None = None,
    source_lang: str | None = None,
) -> CheckResult:
    """Every problem of one deck file, as `check_deck` finds them, and, when it has no
    errors, its lint warnings too."""
    path = Path(path)
    text = _read_text(path)
    if text is None:
        return check_deck(path)
    with collector_paused():
        result = check_text(path, text)
        if result.deck is None:
            return result
        lint = lint_deck(result.deck, text, path, source_text=source_text, source_lang=source_lang)
    problems = [*result.problems, *lint]
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return CheckResult(path, result.deck, problems)
