"""Deck -> TOML text that looks written by hand, and the validated, atomic write of it.

The layout follows the README's guide: `[deck]` and its title and description tables, then
each card as `[[cards]]` with its `[cards.it]` and `[cards.en]` tables and a blank line between
cards. Strings are TOML basic strings, escaped here: control characters and invisible
formatting characters (bidirectional overrides and the like) are written as `\\uXXXX` escapes,
so what a person sees in an editor is what the deck says.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quizapp.core.deck.loading import check_text
from quizapp.core.deck.model import Deck
from quizapp.core.interop.errors import InteropError
from quizapp.core.interop.files import write_file
from quizapp.core.interop.schema_file import SCHEMA_LINE
from quizapp.core.text import printable

LINE_WIDTH = 100
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _needs_escape(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")


def _escape(char: str, multiline: bool) -> str:
    if multiline and char == "\n":
        return "\n"
    if char in _ESCAPES:
        return _ESCAPES[char]
    if _needs_escape(char):
        code = ord(char)
        return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
    return char


def toml_string(text: str) -> str:
    """A TOML basic string for `text`; multi-line text becomes a `\"\"\"` string."""
    if "\n" in text:
        body = "".join(_escape(char, multiline=True) for char in text)
        return f'"""\n{body}"""'
    return '"' + "".join(_escape(char, multiline=False) for char in text) + '"'


def toml_value(value: Any, indent: int = 0) -> str:
    """A TOML value; arrays on one line when they fit, else one item per line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (list, tuple)):
        items = [toml_value(item) for item in value]
        inline = "[" + ", ".join(items) + "]"
        if len(inline) + indent <= LINE_WIDTH and "\n" not in inline:
            return inline
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")  # pragma: no cover


def _key(name: str) -> str:
    return name  # every key of the deck format is a bare key


def _pairs(data: dict[str, Any]) -> list[str]:
    return [
        f"{_key(name)} = {toml_value(value, len(name) + 3)}"
        for name, value in data.items()
        if value is not None and not isinstance(value, dict)
    ]


def _card_lines(card: dict[str, Any]) -> Iterable[str]:
    yield "[[cards]]"
    head = {"id": card["id"], "kind": card["kind"]}
    rest = {k: v for k, v in card.items() if k not in ("id", "kind", "it", "en")}
    yield from _pairs({**head, **rest})
    for lang in ("it", "en"):
        side = card.get(lang)
        if side:
            yield ""
            yield f"[cards.{lang}]"
            yield from _pairs(side)


def deck_to_toml(deck: Deck, comments: Iterable[str] = (), *, schema: bool = True) -> str:
    """The deck as TOML text; `comments` become `#` lines at the top, after the `#:schema`
    line that points editors at `deck.schema.json` beside the deck (unless `schema` is
    false)."""
    # A comment cannot hold control characters (a file name may): they are written escaped.
    lines = [SCHEMA_LINE] if schema else []
    lines += [
        f"# {printable(line)}".rstrip() for comment in comments for line in comment.splitlines()
    ]
    if lines:
        lines.append("")
    info = deck.deck.model_dump(mode="json", exclude_none=True)
    title, description = info.pop("title"), info.pop("description")
    ordered: dict[str, Any] = {
        name: info.pop(name) for name in ("id", "format", "version") if name in info
    }
    lines += ["[deck]", *_pairs({**ordered, **info})]
    lines += ["", "[deck.title]", *_pairs(title)]
    lines += ["", "[deck.description]", *_pairs(description)]
    for card in deck.cards:
        data = card.model_dump(mode="json", exclude_defaults=True)
        lines.append("")
        lines.extend(_card_lines(data))
    return "\n".join(lines) + "\n"


def write_deck(
    deck: Deck, path: Path, *, force: bool = False, comments: Iterable[str] = ()
) -> list[str]:
    """Write the deck as TOML after checking that the text loads back as the same deck.

    Returns the loader's warnings (formatted); raises InteropError when the text would not
    load, and OutputExists when `path` exists and `force` is not set.
    """
    text = deck_to_toml(deck, comments)
    result = check_text(path, text)
    if result.deck is None:
        first = result.errors[0].format() if result.errors else "unknown problem"
        raise InteropError(path, f"the deck written would not load ({first}); nothing written")
    if result.deck != deck:
        raise InteropError(path, "the deck written would not load back the same; nothing written")
    write_file(path, text.encode("utf-8"), force=force)
    return [problem.format() for problem in result.warnings]
