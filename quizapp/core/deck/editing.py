"""Editing a deck file by hand, from where one of its cards is seen.

Where the card is written (`card_line`), a copy of a bundled deck to edit (`copy_bundled`: the
copy keeps the deck id, so it takes the bundled deck's place and its progress), and one edit
(`CardEdit`): the text before it, the check after it (every problem located, as
`quizapp validate` reports them), and putting the text back when the edit is discarded.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.core import locations, tomlpos
from quizapp.core.deck import reading
from quizapp.core.deck.loading import check_deck_cached
from quizapp.core.deck.model import Deck
from quizapp.core.deck.problems import DeckError, Problem

SCHEMA_FILE = "deck.schema.json"
"""The JSON Schema a deck names on its first line (`#:schema ./deck.schema.json`), for editors."""


class EditError(Exception):
    """A deck file that cannot be copied, read or put back (the message names it)."""


def is_bundled(path: Path) -> bool:
    """True for a deck shipped with quizapp (read-only: edit a copy, see `copy_bundled`)."""
    try:
        return path.resolve().parent == locations.bundled_decks_dir().resolve()
    except OSError:
        return False


def card_line(text: str, card_id: str) -> int | None:
    """The line (1-based) of the card's `id = "..."` in a deck's text, None if it has none.

    A card's id written once at the start of a line is found by a search; otherwise (an
    inline table, an id the deck also uses elsewhere) the document is parsed and its
    positions scanned, which takes longer on a large deck.
    """
    found = _id_lines(text, card_id)
    if len(found) == 1 and _CARDS_HEADER.fullmatch(_table_above(text, found[0])):
        return text.count("\n", 0, found[0]) + 1
    try:
        data = reading.parse_toml(Path("deck"), text)
    except DeckError:
        return None
    cards = data.get("cards")
    if not isinstance(cards, list):
        return None
    ids = [card.get("id") if isinstance(card, dict) else None for card in cards]
    if card_id not in ids:
        return None
    where = tomlpos.scan(text).find(("cards", ids.index(card_id), "id"))
    return where[0] if where else None


def _id_lines(text: str, card_id: str) -> list[int]:
    """Where the lines that hold nothing but `id = "card_id"` (and a comment) start; the
    quoted id is looked for first, which is quick even in a deck of 40 MB."""
    starts = []
    for quote in ('"', "'"):
        needle = f"{quote}{card_id}{quote}"
        at = text.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            line = _ID_LINE.fullmatch(text, start, len(text) if end < 0 else end)
            if line is not None and line.group(1) == needle:
                starts.append(start)
            at = text.find(needle, at + 1)
    return starts


_ID_LINE = re.compile(r"[ \t]*id[ \t]*=[ \t]*(\"[^\"\n]*\"|'[^'\n]*')[ \t]*(?:#[^\n]*)?")
_CARDS_HEADER = re.compile(r"\[\[[ \t]*cards[ \t]*\]\][ \t]*(?:#.*)?")


def _table_above(text: str, line_start: int) -> str:
    """The nearest table header above the line that starts at `line_start` ("" if none)."""
    end = line_start
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if line.startswith("["):
            return line
        end = start
    return ""


def copy_bundled(path: Path) -> Path:
    """Copy a bundled deck into the user's decks folder, to edit it; the copy's path.

    The copy keeps the deck id, so it takes the bundled deck's place (see `catalog.discover`)
    and the progress, which hangs on the id, is the same. A file of the same name already
    there is left alone (the copy gets a new name); the deck's schema file comes along, for
    editors that read it. EditError names the folder that cannot be written.
    """
    folder = locations.user_decks_dir()
    try:
        text = path.read_bytes()
        folder.mkdir(parents=True, exist_ok=True)
        target, number = folder / path.name, 2
        while target.exists():
            target, number = folder / f"{path.stem}-{number}{path.suffix}", number + 1
        write_atomically(target, text)
        schema = path.parent / SCHEMA_FILE
        if schema.is_file() and not (folder / SCHEMA_FILE).exists():
            write_atomically(folder / SCHEMA_FILE, schema.read_bytes())
    except OSError as error:
        reason = error.strerror or error
        raise EditError(f"{folder}: cannot copy the deck there ({reason})") from None
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` in one step: a reader sees the old file or the new, never half."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, mode | 0o200)  # a copy of a read-only bundled deck can be edited
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


Stamp = tuple[tuple[str, int, int], ...]


def decks_stamp(paths: Iterable[Path]) -> Stamp:
    """What changes when one of these deck files or the user's decks folder is written (a
    deck edited, a bundled deck copied): a screen that keeps decks can tell it must read
    them again."""
    stamp = []
    for path in (*paths, locations.user_decks_dir()):
        try:
            info = path.stat()
        except OSError:
            stamp.append((str(path), -1, -1))
        else:
            stamp.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamp)


@dataclass(frozen=True)
class Checked:
    """A deck file after an edit: the deck, or the errors that keep it from loading."""

    deck: Deck | None
    problems: list[Problem] = field(default_factory=list)


class CardEdit:
    """One edit of a deck file, by hand, of the card `card_id` of the deck `deck_id`.

    The text is read when the edit begins (EditError if it cannot be), so that `discard` can
    put it back whatever the editor did.
    """

    def __init__(self, path: Path, deck_id: str, card_id: str) -> None:
        self.path = path
        self.deck_id = deck_id
        self.card_id = card_id
        try:
            self.before = path.read_bytes()
        except OSError as error:
            raise EditError(f"{path}: cannot read the deck ({error.strerror or error})") from None

    def _text(self) -> str:
        try:
            return self.path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def line(self) -> int | None:
        """Where the card is written now (None: nowhere, or the file cannot be read)."""
        return card_line(self._text(), self.card_id)

    @property
    def changed(self) -> bool:
        try:
            return self.path.read_bytes() != self.before
        except OSError:
            return True

    def check(self) -> Checked:
        """The deck as the file is now, or every error in it (the deck's id must not change:
        the progress belongs to the id)."""
        result = check_deck_cached(self.path)
        if result.deck is None:
            return Checked(None, result.errors)
        if result.deck.id != self.deck_id:
            where = tomlpos.LazyPositions(self._text()).find(("deck", "id"), value=True)
            line, column = where if where else (None, None)
            message = (
                f"the deck id changed from '{self.deck_id}' to '{result.deck.id}': the "
                f"progress belongs to the id; put '{self.deck_id}' back"
            )
            return Checked(None, [Problem(str(self.path), line, column, message)])
        return Checked(result.deck)

    def discard(self) -> None:
        """Put the text back as it was before the edit (EditError if it cannot be)."""
        try:
            write_atomically(self.path, self.before)
        except OSError as error:
            reason = error.strerror or error
            raise EditError(f"{self.path}: cannot put the deck back ({reason})") from None


__all__ = [
    "CardEdit",
    "Checked",
    "EditError",
    "card_line",
    "copy_bundled",
    "decks_stamp",
    "is_bundled",
    "write_atomically",
]
