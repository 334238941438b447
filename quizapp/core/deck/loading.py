"""TOML file -> Deck, with every problem located as file:line:column.

`check_deck` reports all problems of one file (syntax, then schema, then the deck-wide checks
and warnings); `load_deck` returns the Deck or raises DeckError. Neither lets any other
exception escape for bad input: a deck that fails to load never shows a traceback. The
`_cached` variants go through the validated-deck cache (`cache`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizapp.core import tomlpos
from quizapp.core.deck import cache, reading, sliced, sliced_errors
from quizapp.core.deck.checks import deck_checks, duplicate_ids
from quizapp.core.deck.gcpause import collector_paused
from quizapp.core.deck.model import Deck
from quizapp.core.deck.problems import MAX_PROBLEMS, CheckResult, DeckError, Problem, capped
from quizapp.core.deck.schema_problems import schema_problems


def check_piece(path: Path, text: str) -> tuple[CheckResult, dict[str, Any] | None, bool]:
    """A deck given as text checked, its problems not yet capped, with the parsed data (None
    when it does not parse) and whether the schema failed (then no deck-wide warnings)."""
    try:
        data = reading.parse_toml(path, text)
    except DeckError as error:
        return CheckResult(path, None, error.problems), None, False
    positions = tomlpos.LazyPositions(text)
    duplicates = duplicate_ids(path, data, positions)
    try:
        deck = Deck.model_validate(data)
    except ValidationError as error:
        problems = schema_problems(path, data, error, positions) + duplicates
        return CheckResult(path, None, problems), data, True
    problems = duplicates + deck_checks(path, deck, positions)
    has_errors = any(p.severity == "error" for p in problems)
    return CheckResult(path, None if has_errors else deck, problems), data, False


def check_text(path: Path, text: str) -> CheckResult:
    """Check a deck given as text (`path` names it in messages)."""
    result, _data, _failed = check_piece(path, text)
    result.problems = capped(result.problems)
    return result


LARGE_DECK_CHARS = 4_000_000
"""A deck this large is checked slice by slice first, in bounded memory (see `sliced`)."""


def check_deck(path: Path | str) -> CheckResult:
    """Every problem of one deck file; `deck` is set when there are no errors."""
    path = Path(path)
    try:
        text = reading.read_text(path)
    except DeckError as error:
        return CheckResult(path, None, error.problems)
    with collector_paused():
        large = len(text) >= LARGE_DECK_CHARS
        result = sliced.check_in_slices(path, text) if large else None
        if result is None and large:
            result = sliced_errors.check_broken_in_slices(path, text, check_piece)
        if result is None:
            result = check_text(path, text)
    if result.deck is not None:
        result.deck.read_from(path)
    return result


def load_deck(path: Path | str) -> Deck:
    """The deck in `path`; DeckError (with every problem) when it has errors."""
    result = check_deck(path)
    if result.deck is None:
        raise DeckError(result.path, result.problems)
    return result.deck


def check_deck_cached(path: Path | str) -> CheckResult:
    """Like `check_deck`, through the validated-deck cache (see `cache`): a deck that has
    not changed since it was last checked is not parsed again, and its cards are read when
    used. Errors are reported as by `check_deck`; warnings only when the deck was not cached
    (they are `quizapp validate`'s to report)."""
    path = Path(path)
    deck = cache.load(path)
    if deck is not None:
        return CheckResult(path, deck.read_from(path), [])
    return check_deck(path)


def load_deck_cached(path: Path | str) -> Deck:
    """Like `load_deck`, through the validated-deck cache (for studying, not for validating)."""
    result = check_deck_cached(path)
    if result.deck is None:
        raise DeckError(result.path, result.problems)
    return result.deck


__all__ = [
    "MAX_PROBLEMS",
    "CheckResult",
    "DeckError",
    "Problem",
    "check_deck",
    "check_deck_cached",
    "check_text",
    "load_deck",
    "load_deck_cached",
]
