"""Finding decks: the bundled ones, the user's own (`<data dir>/decks`), and paths given."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quizapp.core import locations

Origin = Literal["bundled", "user", "path"]


@dataclass(frozen=True)
class DeckEntry:
    """A deck file and where it was found."""

    path: Path
    origin: Origin
    replaces: Path | None = None
    """For a user's deck with the id of a bundled one: the bundled file it stands in for."""

    @property
    def name(self) -> str:
        return self.path.stem


def _deck_files(folder: Path) -> list[Path]:
    """The `*.toml` files directly in `folder`; links that lead outside it, links that lead
    nowhere and anything that is not a regular file (a pipe, a device) are ignored."""
    if not folder.is_dir():
        return []
    root = folder.resolve()
    found: list[Path] = []
    for candidate in sorted(folder.glob("*.toml")):
        try:
            target = candidate.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
            continue
        if target.parent != root and root not in target.parents:
            continue
        if target.is_file():
            found.append(candidate)
    return found


def discover(extra: Iterable[Path | str] = ()) -> list[DeckEntry]:
    """Bundled decks, then the user's decks, then any paths given (without repeats).

    A deck in the user's folder with the id of a bundled deck (a copy made to edit it, or the
    bundled deck brought back from Anki) takes the bundled deck's place: one deck per id, so
    the home screen and a deck id name the copy the user can change. Progress hangs on the id,
    so it is the same for both.
    """
    entries: list[DeckEntry] = []
    seen: set[Path] = set()

    def add(path: Path, origin: Origin) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: listed, and reported when read
            key = Path(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            entries.append(DeckEntry(path, origin))

    for path in _deck_files(locations.bundled_decks_dir()):
        add(path, "bundled")
    for path in _deck_files(locations.user_decks_dir()):
        add(path, "user")
    for given in extra:
        add(Path(given), "path")
    return _user_copies_first(entries)


def _user_copies_first(entries: list[DeckEntry]) -> list[DeckEntry]:
    bundled = [entry for entry in entries if entry.origin == "bundled"]
    users = [entry for entry in entries if entry.origin == "user"]
    if not bundled or not users:
        return entries
    bundled_by_id = {_deck_id(entry.path): entry for entry in bundled}
    bundled_by_id.pop(None, None)
    replaced: dict[Path, Path] = {}
    for entry in users:
        twin = bundled_by_id.get(_deck_id(entry.path))
        if twin is not None and twin.path not in replaced.values():
            replaced[entry.path] = twin.path
    if not replaced:
        return entries
    gone = set(replaced.values())
    return [
        DeckEntry(entry.path, entry.origin, replaced.get(entry.path))
        for entry in entries
        if not (entry.origin == "bundled" and entry.path in gone)
    ]


class UnknownDeck(LookupError):
    """A deck reference that is neither a file nor a known deck name."""


def resolve(reference: str | None) -> Path:
    """A deck path from what a user typed: a file path, a file name (with or without
    `.toml`) or a deck id. Every command that takes a deck reads it through here.

    With no reference, the first bundled deck. A path that exists or contains a `/` is taken
    as it is, and so is a `.toml` name that matches no deck (whoever reads it reports the
    missing file).
    """
    if reference is None:
        entries = discover()
        if not entries:
            raise UnknownDeck("no decks found")
        return entries[0].path
    as_path = Path(reference).expanduser()
    if as_path.exists() or "/" in reference or os.sep in reference:
        return as_path
    entries = discover()
    stem = reference[:-5] if reference.lower().endswith(".toml") else reference
    for entry in entries:
        if entry.name == stem or entry.name.replace("_", "-") == stem.replace("_", "-"):
            return entry.path
    ids = {entry.path: _deck_id(entry.path) for entry in entries}
    for entry in entries:
        if ids[entry.path] == reference:
            return entry.path
    if as_path.suffix.lower() == ".toml":
        return as_path  # a file name that is not here: "no such file" from the loader
    known = ", ".join(sorted({ids[entry.path] or entry.name for entry in entries})) or "none"
    raise UnknownDeck(f"no deck named '{reference}' (known decks: {known})")


def _deck_id(path: Path) -> str | None:
    from quizapp.core.deck.loading import check_deck_cached

    deck = check_deck_cached(path).deck
    return deck.id if deck else None
