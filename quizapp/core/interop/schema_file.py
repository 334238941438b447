"""`deck.schema.json` beside a deck, so that an editor checks it as it is typed.

A deck written by quizapp (`quizapp new`, `quizapp import`) starts with `#:schema
./deck.schema.json`, the line Taplo (Even Better TOML) reads; the schema is written beside the
deck when it is not there, and replaced when it is an older quizapp's. A file of that name that
is not quizapp's is left alone. A teacher shares the two files together; anyone else can write
the schema with `quizapp schema > deck.schema.json`.
"""

from __future__ import annotations

import json
from pathlib import Path

from quizapp.core.files import open_regular
from quizapp.core.interop.errors import InteropError
from quizapp.core.interop.files import write_file

SCHEMA_NAME = "deck.schema.json"
SCHEMA_LINE = f"#:schema ./{SCHEMA_NAME}"
_TITLE = "quizapp deck"
_MAX_BYTES = 4 * 1024 * 1024


def schema_text() -> str:
    """The schema exactly as `quizapp schema` prints it."""
    from quizapp.core.deck.model import json_schema

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _is_quizapps(path: Path) -> bool:
    try:
        if path.stat().st_size > _MAX_BYTES:
            return False
        with open_regular(path) as handle:
            data = json.loads(handle.read(_MAX_BYTES + 1).decode("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("title") == _TITLE


def place_schema(folder: Path) -> str | None:
    """Write the schema into `folder` if needed; what to tell the person, or None."""
    target = folder / SCHEMA_NAME
    text = schema_text()
    try:
        if target.is_symlink() or (target.exists() and not target.is_file()):
            return f"note: {target} is not a plain file; editors may not find the deck's schema"
        if target.exists():
            if target.read_text(encoding="utf-8", errors="replace") == text:
                return None
            if not _is_quizapps(target):
                return f"note: {target} is not quizapp's deck schema; it was left as it is"
            write_file(target, text.encode("utf-8"), force=True)
            return f"Updated {target} (for editors that check decks as you type)."
        write_file(target, text.encode("utf-8"))
    except (InteropError, OSError) as error:
        return f"note: the schema for editors was not written ({error})"
    return f"Wrote {target} (for editors that check decks as you type)."


def missing_schema(deck: Path) -> Path | None:
    """The local schema file that the deck's `#:schema` line names, when it is not there."""
    try:
        with open_regular(deck) as handle:
            first = handle.readline(1024).decode("utf-8", "replace").strip()
    except OSError:
        return None
    if not first.startswith("#:schema "):
        return None
    target = first.removeprefix("#:schema ").strip()
    if "://" in target or not target:
        return None  # a URL: the editor fetches it
    schema = deck.parent / target
    return None if schema.exists() else schema
