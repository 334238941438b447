"""pydantic's validation errors, said as a deck author reads them: which key of which card,
what was expected, and where in the file (line and column of the value, or of its table)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizapp.core import tomlpos
from quizapp.core.deck.cards import KINDS
from quizapp.core.deck.model import FIELD_NAMES
from quizapp.core.deck.problems import SHOWN_CHARS, Problem
from quizapp.core.text import shorten


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


def _shown(value: Any) -> str:
    """A value quoted in a message, cut short when long (a message is read by a person)."""
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return f"{value[:SHOWN_CHARS]!r}… ({len(value):,} characters)"
    return shorten(repr(value), SHOWN_CHARS * 2)


def _message(error: dict[str, Any], path: tuple[str | int, ...]) -> str:
    kind = error["type"]
    name = shorten(_field_name(path), SHOWN_CHARS)
    value = error.get("input")
    ctx = error.get("ctx", {})
    if kind == "missing":
        missing = error["loc"][-1]
        return f"missing required key '{missing}'"
    if kind == "extra_forbidden":
        extra = str(error["loc"][-1])
        guess = (
            difflib.get_close_matches(extra, sorted(_KNOWN_KEYS - {extra}), n=1)
            if len(extra) <= SHOWN_CHARS
            else []
        )
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        return f"unknown key '{shorten(extra, SHOWN_CHARS)}'{hint}"
    if kind == "union_tag_invalid":
        tag = shorten(str(ctx.get("tag", value)), SHOWN_CHARS)
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
            return shorten(str(card["id"]), SHOWN_CHARS)
    return None


def schema_problems(
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
