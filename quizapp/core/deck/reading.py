"""Reading a deck file: its bytes (never more than MAX_DECK_BYTES), its UTF-8 text, its TOML."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import tomli

from quizapp.core import tomlpos
from quizapp.core.deck.problems import DeckError, Problem
from quizapp.core.files import open_regular

MAX_DECK_BYTES = 64 * 1024 * 1024
"""Larger files are refused before parsing: no deck a person writes comes near it."""


def line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _too_large(path: Path, size: str) -> DeckError:
    limit = MAX_DECK_BYTES // (1024 * 1024)
    message = f"file is {size} bytes; decks are capped at {limit} MiB"
    return DeckError(path, [Problem(str(path), None, None, message)])


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, never more than MAX_DECK_BYTES: the size is checked before reading,
    and the read stops there too. A pipe or a device is refused before reading."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_DECK_BYTES:
            raise _too_large(path, f"{size:,}")
        raw = handle.read(MAX_DECK_BYTES + 1)
    if len(raw) > MAX_DECK_BYTES:
        raise _too_large(path, f"more than {MAX_DECK_BYTES:,}")
    return raw


def read_text(path: Path) -> str:
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
        line, column = line_col(good, len(good))
        message = "is not valid UTF-8 text (save the deck as UTF-8)"
        raise DeckError(path, [Problem(name, line, column, message)]) from None


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        # tomli may point one past the end of the text; the last character is as close
        at = line_col(text, max(0, min(error.pos, len(text))))
        message = f"TOML syntax: {error.msg}"
        raise DeckError(path, [Problem(str(path), *at, message)]) from None
    except RecursionError:
        where = tomlpos.nesting_position(text)
        message = (
            f"TOML syntax: arrays or inline tables nested more than {tomlpos.MAX_NESTING} "
            "levels deep"
        )
        line, column = where if where else (None, None)
        raise DeckError(path, [Problem(str(path), line, column, message)]) from None
