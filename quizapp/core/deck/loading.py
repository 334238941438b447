"""TOML file -> Deck, with every problem located as file:line:column.

`check_deck` reports all problems of one file (syntax, then schema, then the deck-wide checks
and warnings); `load_deck` returns the Deck or raises DeckError. Neither lets any other
exception escape for bad input: a deck that fails to load never shows a traceback.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import tomli
from pydantic import ValidationError

from quizapp.core import tomlpos
from quizapp.core.deck.answers import expand
from quizapp.core.deck.gcpause import collector_paused
from quizapp.core.deck.model import FIELD_NAMES, KINDS, LANGUAGES, Deck, ListCard
from quizapp.core.text import printable, shorten

MAX_DECK_BYTES = 64 * 1024 * 1024
"""Larger files are refused before parsing: no deck a person writes comes near it."""
MAX_PROBLEMS = 1_000
"""Problems reported per file; past this, one last problem says how many more there are."""

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


# -- reading -------------------------------------------------------------------------------


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _too_large(path: Path, size: str) -> DeckError:
    limit = MAX_DECK_BYTES // (1024 * 1024)
    message = f"file is {size} bytes; decks are capped at {limit} MiB"
    return DeckError(path, [Problem(str(path), None, None, message)])


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, never more than MAX_DECK_BYTES: the size is checked before reading,
    and the read stops there too (a device or a pipe has no size to check)."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_DECK_BYTES:
            raise _too_large(path, f"{size:,}")
        raw = handle.read(MAX_DECK_BYTES + 1)
    if len(raw) > MAX_DECK_BYTES:
        raise _too_large(path, f"more than {MAX_DECK_BYTES:,}")
    return raw


def _read_text(path: Path) -> str:
    name = str(path)
    try:
        raw = _read_bytes(path)
    except DeckError:
        raise
    except IsADirectoryError:
        raise DeckError(path, [Problem(name, None, None, "is a folder, not a deck file")]) from None
    except FileNotFoundError:
        raise DeckError(path, [Problem(name, None, None, "no such file")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DeckError(path, [Problem(name, None, None, f"cannot read: {reason}")]) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8")
        line, column = _line_col(good, len(good))
        message = "is not valid UTF-8 text (save the deck as UTF-8)"
        raise DeckError(path, [Problem(name, line, column, message)]) from None


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        position = getattr(error, "pos", None)
        line: int | None
        column: int | None
        if isinstance(position, int):
            # tomli may point one past the end of the text; the last character is as close
            line, column = _line_col(text, max(0, min(position, len(text))))
        else:
            line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
        message = f"TOML syntax: {getattr(error, 'msg', str(error))}"
        raise DeckError(path, [Problem(str(path), line, column, message)]) from None
    except RecursionError:
        where = tomlpos.nesting_position(text)
        line, column = where if where else (None, None)
        message = (
            f"TOML syntax: arrays or inline tables nested more than {tomlpos.MAX_NESTING} "
            "levels deep"
        )
        raise DeckError(path, [Problem(str(path), line, column, message)]) from None


# -- schema errors -------------------------------------------------------------------------


def _real_path(data: Any, loc: Iterable[str | int]) -> tuple[str | int, ...]:
    """Keep only the parts of pydantic's `loc` that exist in the data (drop union tags).

    A key that is missing from the data but belongs to the format is kept, so that a
    "missing required key" error names it.
    """
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and part in _KNOWN_KEYS:
            path.append(part)
            node = None
        # anything else is the name of a union member or a card kind: skip it
    return tuple(path)


_KNOWN_KEYS = frozenset(FIELD_NAMES)


def _describe(value: Any) -> str:
    for python_type, name in (
        (bool, "true/false"),
        (int, "an integer"),
        (float, "a number"),
        (str, "text"),
        (list, "a list"),
        (dict, "a table"),
    ):
        if isinstance(value, python_type):
            return name
    return type(value).__name__


def _field_name(path: tuple[str | int, ...]) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "value"


_SHOWN_CHARS = 40


def _shown(value: Any) -> str:
    """A value quoted in a message, cut short when long (a message is read by a person)."""
    if isinstance(value, str) and len(value) > _SHOWN_CHARS:
        return f"{value[:_SHOWN_CHARS]!r}… ({len(value):,} characters)"
    return shorten(repr(value), _SHOWN_CHARS * 2)


def _message(error: dict[str, Any], path: tuple[str | int, ...]) -> str:
    kind = error["type"]
    name = shorten(_field_name(path), _SHOWN_CHARS)
    value = error.get("input")
    ctx = error.get("ctx", {})
    if kind == "missing":
        missing = error["loc"][-1]
        return f"missing required key '{missing}'"
    if kind == "extra_forbidden":
        extra = str(error["loc"][-1])
        guess = (
            difflib.get_close_matches(extra, sorted(_KNOWN_KEYS - {extra}), n=1)
            if len(extra) <= _SHOWN_CHARS
            else []
        )
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        return f"unknown key '{shorten(extra, _SHOWN_CHARS)}'{hint}"
    if kind == "union_tag_invalid":
        tag = shorten(str(ctx.get("tag", value)), _SHOWN_CHARS)
        return f"unknown card kind '{tag}' (expected one of: {', '.join(KINDS)})"
    if kind == "union_tag_not_found":
        return f"card has no 'kind' (expected one of: {', '.join(KINDS)})"
    if kind == "string_pattern_mismatch":
        return (
            f"'{name}' must be a slug (lower-case letters, digits, '-', '_' or '.'), "
            f"not {_shown(value)}"
        )
    if kind == "too_short" and isinstance(value, list):
        return f"'{name}' must not be empty"
    if kind == "too_long":
        actual = ctx.get("actual_length")
        count = f"{actual:,} items" if isinstance(actual, int) else "too many items"
        return f"'{name}' has {count}; at most {ctx.get('max_length', 0):,} are allowed"
    if kind == "string_too_short":
        return f"'{name}' must not be empty"
    if kind == "string_too_long":
        length = f"{len(value):,} characters" if isinstance(value, str) else "too long"
        which = (
            f"item {path[-1] + 1} of '{name}'"
            if path and isinstance(path[-1], int)
            else (f"'{name}'")
        )
        return f"{which} is too long ({length}; at most {ctx.get('max_length', 0):,})"
    if kind in ("string_type", "int_type", "bool_type", "list_type", "model_type", "dict_type"):
        expected = {
            "string_type": "text",
            "int_type": "an integer",
            "bool_type": "true or false",
            "list_type": "a list",
            "model_type": "a table",
            "dict_type": "a table",
        }[kind]
        return f"'{name}' should be {expected}, not {_describe(value)}"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return f"'{name}' must be one of {expected}, not {_shown(value)}"
    if kind in ("value_error", "assertion_error"):
        message = str(ctx.get("error", error["msg"]))
        # a check on a whole card or side speaks for itself; a check on one value names it
        return message if isinstance(error.get("input"), dict) else f"'{name}': {message}"
    return f"'{name}': {error['msg']}"


_VALUE_ERRORS = {
    "string_type",
    "string_too_long",
    "too_long",
    "int_type",
    "bool_type",
    "list_type",
    "too_short",
    "string_too_short",
    "string_pattern_mismatch",
    "literal_error",
    "value_error",
    "union_tag_invalid",
    "greater_than_equal",
}


def _node(data: Any, path: tuple[str | int, ...]) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _card_id(data: Any, path: tuple[str | int, ...]) -> str | None:
    if len(path) >= 2 and path[0] == "cards" and isinstance(path[1], int):
        card = _node(data, path[:2])
        if isinstance(card, dict) and isinstance(card.get("id"), str):
            return shorten(str(card["id"]), _SHOWN_CHARS)
    return None


def _schema_problems(
    path: Path, data: dict[str, Any], error: ValidationError, positions: tomlpos.LazyPositions
) -> list[Problem]:
    problems: list[Problem] = []
    found: list[tuple[tuple[str | int, ...], str, Problem]] = []
    seen: set[tuple[int | None, int | None, str]] = set()
    for item in error.errors(include_url=False):
        real = _real_path(data, item["loc"])
        if item["type"] == "union_tag_invalid":
            real = (*real, "kind")
        if item["type"] == "extra_forbidden":
            where = positions.find(real)
        else:
            where = positions.find(real, value=item["type"] in _VALUE_ERRORS)
        # A key missing from the top of the file (no [deck] at all) is reported at its start.
        line, column = where if where else (1, 1)
        card = _card_id(data, real)
        message = _message(dict(item), real)
        if card is not None:
            message = f"card '{card}': {message}"
        elif len(real) >= 2 and real[0] == "cards" and isinstance(real[1], int):
            message = f"card #{real[1] + 1}: {message}"
        key = (line, column, message)
        if key in seen:
            continue
        seen.add(key)
        found.append((real, item["type"], Problem(str(path), line, column, message, card=card)))
    # A value that may be text or a list reports one error per union member; when a deeper
    # error explains the problem, the shallow "should be text, not a list" is noise.
    explained = {other[:end] for other, _, _ in found for end in range(len(other))}
    for real, kind, problem in found:
        if not (real in explained and kind.endswith("_type")):
            problems.append(problem)
    return problems


# -- deck-wide checks ----------------------------------------------------------------------


def _deck_checks(path: Path, deck: Deck, positions: tomlpos.LazyPositions) -> list[Problem]:
    name = str(path)
    problems: list[Problem] = []

    def at(index: int, *rest: str | int) -> tuple[int | None, int | None]:
        where = positions.find(("cards", index, *rest))
        return where if where else (None, None)

    questions: dict[tuple[str, str], str] = {}
    for index, card in enumerate(deck.cards):
        for lang in LANGUAGES:
            if lang in deck.deck.languages and card.side(lang) is None:
                line, column = at(index)
                label = {"it": "Italian", "en": "English"}[lang]
                problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"card '{card.id}': no {label} side ([cards.{lang}])",
                        "warning",
                        card.id,
                    )
                )
        for lang in card.languages():
            side = card.side(lang)
            question = getattr(side, "question", None)
            if question is None:
                continue
            folded = " ".join(question.casefold().split())
            key = (lang, folded)
            if key in questions:
                line, column = at(index, lang, "question")
                problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"card '{card.id}': same {lang} question as card '{questions[key]}'",
                        "warning",
                        card.id,
                    )
                )
            else:
                questions[key] = card.id
            answers = _answers_of(side)
            if folded in {" ".join(a.casefold().split()) for a in answers}:
                line, column = at(index, lang, "question")
                problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"card '{card.id}': an answer is identical to its {lang} question",
                        "warning",
                        card.id,
                    )
                )
        if (
            isinstance(card, ListCard)
            and card.it
            and card.en
            and len(card.it.items) != len(card.en.items)
        ):
            line, column = at(index, "en", "items")
            problems.append(
                Problem(
                    name,
                    line,
                    column,
                    f"card '{card.id}': {len(card.it.items)} Italian items but "
                    f"{len(card.en.items)} English items",
                    "warning",
                    card.id,
                )
            )
    return problems


def _duplicate_ids(
    path: Path, data: dict[str, Any], positions: tomlpos.LazyPositions
) -> list[Problem]:
    """Duplicate card ids, found in the raw data so they show even beside schema errors."""
    cards = data.get("cards")
    if not isinstance(cards, list):
        return []
    problems: list[Problem] = []
    first_index: dict[str, int] = {}
    for index, card in enumerate(cards):
        card_id = card.get("id") if isinstance(card, dict) else None
        if not isinstance(card_id, str):
            continue
        if card_id not in first_index:
            first_index[card_id] = index
            continue
        where = positions.find(("cards", index, "id"))
        line, column = where if where else (None, None)
        first = positions.find(("cards", first_index[card_id], "id"))
        shown = shorten(card_id, _SHOWN_CHARS)
        message = f"card '{shown}': duplicate id (first used on line {first[0] if first else '?'})"
        problems.append(Problem(str(path), line, column, message, card=shown))
    return problems


def _answers_of(side: Any) -> list[str]:
    forms: list[str] = []
    for attribute in ("answers", "terms"):
        for answer in getattr(side, attribute, None) or []:
            forms.extend(expand(answer))
    answer = getattr(side, "answer", None)
    if answer:
        forms.extend(expand(answer))
    return forms


# -- entry points --------------------------------------------------------------------------


def check_text(path: Path, text: str) -> CheckResult:
    """Check a deck given as text (`path` names it in messages)."""
    try:
        data = _parse_toml(path, text)
    except DeckError as error:
        return CheckResult(path, None, error.problems)
    positions = tomlpos.LazyPositions(text)
    duplicates = _duplicate_ids(path, data, positions)
    try:
        deck = Deck.model_validate(data)
    except ValidationError as error:
        problems = _schema_problems(path, data, error, positions) + duplicates
        return CheckResult(path, None, _capped(problems))
    problems = _capped(duplicates + _deck_checks(path, deck, positions))
    has_errors = any(p.severity == "error" for p in problems)
    return CheckResult(path, None if has_errors else deck, problems)


def _capped(problems: list[Problem]) -> list[Problem]:
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


def check_deck(path: Path | str) -> CheckResult:
    """Every problem of one deck file; `deck` is set when there are no errors."""
    path = Path(path)
    try:
        text = _read_text(path)
    except DeckError as error:
        return CheckResult(path, None, error.problems)
    with collector_paused():
        return check_text(path, text)


def load_deck(path: Path | str) -> Deck:
    """The deck in `path`; DeckError (with every problem) when it has errors."""
    result = check_deck(path)
    if result.deck is None:
        raise DeckError(result.path, result.problems)
    return result.deck


def check_deck_cached(path: Path | str) -> CheckResult:
    """Like `check_deck`, through the validated-deck cache (see `deck_cache`): a deck that has
    not changed since it was last checked is not parsed again, and its cards are read when
    used. Errors are reported as by `check_deck`; warnings only when the deck was not cached
    (they are `quizapp validate`'s to report)."""
    from quizapp.core.deck import cache as deck_cache

    path = Path(path)
    deck = deck_cache.load(path)
    if deck is not None:
        return CheckResult(path, deck, [])
    return check_deck(path)


def load_deck_cached(path: Path | str) -> Deck:
    """Like `load_deck`, through the validated-deck cache (for studying, not for validating)."""
    result = check_deck_cached(path)
    if result.deck is None:
        raise DeckError(result.path, result.problems)
    return result.deck
