"""A cache of validated decks, so that a large deck that has not changed opens at once.

One file per deck path in `<cache dir>/decks/`. It starts with a header line (JSON) that holds
what the cached data depends on — the deck file's resolved path, size, modification time and
inode, the deck format version, quizapp's version, a fingerprint of the code that validates
decks, the Python and marshal versions — and the length and SHA-256 of the payload that
follows. The cache is used only when every part of that header matches and the payload's hash
is right; anything else (an old, foreign, truncated or damaged file) is ignored and rebuilt.
The payload is `marshal` data (plain str/bytes/list/dict, never code or pickled objects), and
its shape is checked again after reading. Writes go to a temporary file that replaces the old
one (`os.replace`), so a reader never sees half a file; a folder that cannot be written only
means no cache.

Only decks without errors are cached. Warnings are not kept: `quizapp validate` (which never
uses the cache) is where they are reported.

A deck is built for the cache in slices of cards: the text is cut at top-level `[[cards]]`
lines (about a megabyte apart) and every slice is parsed and validated on its own, so memory
holds a slice's data at a time instead of the whole deck's, and a large deck is built by several
processes at once. That gives the same result as parsing the whole file only when every slice
parses cleanly and holds nothing but cards: a cut inside a multi-line string leaves a slice with
an unterminated string, which does not parse. Otherwise (or when the deck has any error) the
whole file goes through `loading.check_deck`, which reports every problem.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import marshal
import os
import re
import sys
import tempfile
import threading
import time
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

import tomli
from pydantic import TypeAdapter, ValidationError

from quizapp import __version__
from quizapp.core import locations
from quizapp.core.deck import reading
from quizapp.core.deck.cards import Card
from quizapp.core.deck.gcpause import collector_paused
from quizapp.core.deck.index import Packed, merge, packed_deck
from quizapp.core.deck.model import FORMAT_VERSION, Deck, DeckInfo
from quizapp.core.deck.problems import DeckError
from quizapp.core.files import open_regular

CACHE_VERSION = 1
MAGIC = b"quizapp deck cache\n"
MAX_HEADER_BYTES = 4096
UNUSED_DAYS = 90
"""The cache of a deck not opened for this long is removed (when another is written)."""
SLICE_CHARS = 1_000_000
"""About this much text (a few thousand cards) is parsed and validated at a time."""
PARALLEL_SLICES = 4
"""A deck of at least this many slices is built by several processes (see `_start_method`)."""
MAX_WORKERS = 4

_LINE_REST = re.compile(r"[ \t]*(?:#[^\n]*)?\r?")


class Unusable(Exception):
    """A cache file that must not be used (the reason is for tests and debugging)."""


# -- the key ---------------------------------------------------------------------------------


@cache
def code_fingerprint() -> str:
    """A hash of the code that decides what a valid deck is (the answer syntax and every module
    of this package): a change to it empties the cache even when quizapp's version number stays
    the same (as it does in a source checkout)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for module in (here.parent / "answers.py", *sorted(here.glob("*.py"))):
        try:
            digest.update(module.read_bytes())
        except OSError:
            digest.update(module.name.encode())
    return digest.hexdigest()[:32]


def cache_file(path: Path) -> Path:
    """Where the cache of the deck at `path` is kept (one file per resolved path)."""
    name = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return locations.cache_dir() / "decks" / f"{name[:32]}.cache"


def deck_key(path: Path) -> dict[str, Any]:
    """What a cached deck depends on; OSError when the deck file cannot be looked at."""
    resolved = path.resolve()
    stat = resolved.stat()
    return {
        "cache": CACHE_VERSION,
        "path": str(resolved),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "inode": stat.st_ino,
        "format": FORMAT_VERSION,
        "quizapp": __version__,
        "code": code_fingerprint(),
        "python": list(sys.version_info[:2]),
        "marshal": marshal.version,
    }


# -- reading and writing ---------------------------------------------------------------------


def read(file: Path, key: dict[str, Any]) -> Deck:
    """The deck cached in `file` for `key`; Unusable (or OSError) when it cannot be trusted."""
    with open_regular(file) as handle:
        data = handle.read()
    if not data.startswith(MAGIC):
        raise Unusable("not a quizapp deck cache")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES)
    if end < 0:
        raise Unusable("no header")
    try:
        header = json.loads(data[len(MAGIC) : end])
    except ValueError:
        raise Unusable("unreadable header") from None
    if not isinstance(header, dict) or header.get("key") != key:
        raise Unusable("written for another file, version or quizapp")
    body = memoryview(data)[end + 1 :]
    index_length = header.get("index")
    if not isinstance(index_length, int) or header.get("length") != len(body):
        raise Unusable("truncated or too long")
    if not 0 <= index_length <= len(body):
        raise Unusable("index length out of range")
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise Unusable("checksum does not match")
    try:
        content = marshal.loads(body[:index_length])
        if not isinstance(content, dict) or set(content) != {"deck", "cards"}:
            raise ValueError("unexpected payload")
        packed = Packed.from_dict({**content["cards"], "blob": body[index_length:]})
        info = DeckInfo.model_validate(content["deck"])
    except (ValueError, EOFError, TypeError, ValidationError) as error:
        raise Unusable(f"payload: {error}") from None
    return packed_deck(info, packed)


def write(file: Path, key: dict[str, Any], info: dict[str, Any], packed: Packed) -> bool:
    """Save a built deck (atomically); False when the cache folder cannot be written."""
    index = marshal.dumps({"deck": info, "cards": packed.as_dict(blob=False)})
    digest = hashlib.sha256(index)
    digest.update(packed.blob)
    header = json.dumps(
        {
            "key": key,
            "index": len(index),
            "length": len(index) + len(packed.blob),
            "sha256": digest.hexdigest(),
        },
        ensure_ascii=True,
    ).encode()
    temporary: str | None = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(file.parent)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".deck-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(MAGIC + header + b"\n")
            stream.write(index)
            stream.write(packed.blob)
        os.replace(temporary, file)
        return True
    except OSError:
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)
        return False


def _remove_stale(folder: Path) -> None:
    """Temporary files left by a quizapp that was killed while writing (an hour old or more),
    and caches of decks not opened for UNUSED_DAYS (moved, deleted or forgotten decks)."""
    now = time.time()
    for pattern, age in ((".deck-*.tmp", 3600), ("*.cache", UNUSED_DAYS * 86_400)):
        for leftover in folder.glob(pattern):
            with suppress(OSError):
                if leftover.stat().st_mtime < now - age:
                    leftover.unlink()


# -- building ----------------------------------------------------------------------------------


@cache
def _cards_adapter() -> TypeAdapter[list[Card]]:
    return TypeAdapter(list[Card])


def _cuts(text: str) -> list[int]:
    """0, where the header ends and each slice starts, then the end of the text.

    A slice starts at a `[[cards]]` line (in the first column, nothing after it but spaces or
    a comment): the first card, then the first card after each SLICE_CHARS characters.
    """
    cuts = [0]
    start = _cards_line(text, 0)
    while start is not None:
        cuts.append(start)
        start = _cards_line(text, start + SLICE_CHARS)
    cuts.append(len(text))
    return cuts


slice_starts = _cuts
"""The same cuts, for checking a deck with errors slice by slice (`sliced_errors`)."""


def _cards_line(text: str, position: int) -> int | None:
    """Where the first `[[cards]]` line after `position` starts."""
    while True:
        found = text.find("\n[[cards]]", position)
        if found < 0:
            return None
        start = found + 1
        line_end = text.find("\n", start)
        rest = text[start + len("[[cards]]") : line_end if line_end >= 0 else len(text)]
        if _LINE_REST.fullmatch(rest):
            return start
        position = start


def build(text: str) -> tuple[dict[str, Any], Packed] | None:
    """The deck in `text`, parsed and validated slice by slice (in parallel when it is large);
    None when it must go the long way (a slice that does not stand alone, or any error:
    `loading.check_text` will report it)."""
    return _build(*_split(text))


def _split(text: str) -> tuple[str, list[bytes]]:
    """The header's text and each slice as UTF-8 (half the memory of a str with any character
    beyond Latin-1, and quick to hand to another process)."""
    cuts = _cuts(text)
    return text[: cuts[1]], [text[a:b].encode() for a, b in itertools.pairwise(cuts[1:])]


def build_located(text: str) -> tuple[dict[str, Any], Packed, list[tuple[int, int]]] | None:
    """Like `build`, with where each slice starts in `text` and how many cards it holds (for
    locating a warning without scanning the whole text)."""
    cuts = _cuts(text)
    pieces = [text[a:b].encode() for a, b in itertools.pairwise(cuts[1:])]
    counts: list[int] = []
    built = _build(text[: cuts[1]], pieces, counts)
    if built is None:
        return None
    return built[0], built[1], list(zip(cuts[1:-1], counts, strict=True))


def _build(
    header_text: str, pieces: list[bytes], counts: list[int] | None = None
) -> tuple[dict[str, Any], Packed] | None:
    try:
        header = tomli.loads(header_text)
    except (tomli.TOMLDecodeError, RecursionError):
        return None
    if "cards" in header or set(header) - {"deck"}:
        return None
    try:
        Deck.model_validate({**header, "cards": []})
    except ValidationError:
        return None
    parts = _pack_all(pieces)
    del pieces[:]
    if parts is None:
        return None
    if counts is not None:
        counts.extend(len(part.ids) for part in parts)
    packed = merge(parts)
    del parts
    if len(set(packed.ids)) != len(packed.ids):
        return None  # a duplicate id across slices: check_deck says where
    return header["deck"], packed


def _pack_slice(piece: bytes) -> Packed | None:
    """One slice of cards, parsed, validated and packed; None when it does not stand alone
    or has an error."""
    try:
        data = tomli.loads(piece.decode())
        raw = data.get("cards")
        if set(data) != {"cards"} or not isinstance(raw, list):
            return None
        cards = _cards_adapter().validate_python(raw)
        if len({card.id for card in cards}) != len(cards):
            return None
        return Packed.build(zip(raw, cards, strict=True))
    except (tomli.TOMLDecodeError, RecursionError, ValidationError, ValueError):
        return None


def _pack_all(pieces: list[bytes]) -> list[Packed] | None:
    """Every slice packed, in order; None as soon as one cannot be."""
    method = _start_method(len(pieces))
    if method is None:
        parts = []
        for piece in pieces:
            part = _pack_slice(piece)
            if part is None:
                return None
            parts.append(part)
        return parts
    # Imported here: only a large deck needs them, and they are slow to import.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 1, MAX_WORKERS, len(pieces))
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        done = list(pool.map(_pack_slice, pieces, chunksize=2))
    if any(part is None for part in done):
        return None
    return [part for part in done if part is not None]


def _start_method(slices: int) -> str | None:
    """How to start the processes that build a large deck, or None to build it here.

    Forked workers start at once with quizapp already imported. A process with threads (the
    TUI has some) must not fork, and spawned workers would import the program's main module
    again (a hazard for any script that uses quizapp): there, and off Linux, the deck is
    built in this process.
    """
    if (os.cpu_count() or 1) < 2 or slices < PARALLEL_SLICES:
        return None
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return None


def load(path: Path) -> Deck | None:
    """The deck at `path` from the cache, or built and cached; None when it has errors (or
    cannot be read): then `loading.check_deck` says why."""
    try:
        key = deck_key(path)
    except OSError:
        return None
    file = cache_file(path)
    with collector_paused():
        try:
            deck = read(file, key)
        except (Unusable, OSError):
            pass
        else:
            with suppress(OSError):
                os.utime(file)  # in use: not one to clean up
            return deck
        try:
            split = _split(reading.read_text(path))  # the whole text is not kept: its slices are
        except DeckError:
            return None
        built = _build(*split)
        del split
        if built is None:
            return None
        info, packed = built
        try:
            unchanged = deck_key(path) == key
        except OSError:
            unchanged = False
        if unchanged:  # a deck saved while it was being read is not cached
            write(file, key, info, packed)
        return packed_deck(DeckInfo.model_validate(info), packed)


def is_fresh(path: Path) -> bool:
    """True when the cache holds this deck as it is now (the header alone is read: for
    saying "this will take a moment" before a large deck is built)."""
    try:
        key = deck_key(path)
        with open_regular(cache_file(path)) as handle:
            start = handle.read(len(MAGIC) + MAX_HEADER_BYTES)
    except OSError:
        return False
    end = start.find(b"\n", len(MAGIC))
    if not start.startswith(MAGIC) or end < 0:
        return False
    try:
        header = json.loads(start[len(MAGIC) : end])
    except ValueError:
        return False
    return isinstance(header, dict) and header.get("key") == key
