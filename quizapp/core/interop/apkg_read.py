"""Anki package (.apkg) -> plain records, read with sqlite3 (not with Anki's library).

Both kinds of package are read:

* legacy: `collection.anki2` (or `collection.anki21`), a SQLite file whose `col` table holds
  the note types and decks as JSON;
* current (Anki 2.1.50+): `collection.anki21b`, the same SQLite file compressed with zstd, with
  note types, their fields and templates, and decks in tables of their own (a note type's kind,
  normal or cloze, is inside a protobuf blob). Such packages also carry a stub
  `collection.anki2` for old Anki versions, so the newest collection present is read.

The package is untrusted: member names are checked, sizes capped, the database opened
read-only with its schema checked before anything is read, and queries time-limited.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.core.interop import limits, protobuf_wire
from quizapp.core.interop.anki_schedule_read import AnkiSchedule, read_schedule
from quizapp.core.interop.archive import ZSTD_MAGIC, copy_member, open_archive, read_member
from quizapp.core.interop.errors import InteropError

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
"""Newest first: the first one present is read."""


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    is_cloze: bool
    fields: tuple[str, ...]
    templates: tuple[str, ...]


@dataclass(frozen=True)
class AnkiNote:
    id: int
    guid: str
    notetype_id: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    card_ords: tuple[int, ...]
    deck_ids: tuple[int, ...]
    new_position: float = float("inf")
    """Where Anki shows the note's new cards (its deck order); infinity once studied."""
    unread_bytes: int = 0
    """The size of fields too large to be card text, left unread (`fields` is then empty)."""


@dataclass(frozen=True)
class AnkiReview:
    """One row of Anki's review log, as stored."""

    id: int
    """Milliseconds since the epoch (UTC) when the answer was given."""
    note_id: int
    card_ord: int
    ease: int
    """1 again, 2 hard, 3 good, 4 easy; 0 for a manual reschedule."""
    duration_ms: int
    kind: int
    """0 learning, 1 review, 2 relearning, 3 filtered deck, 4 manual, 5 rescheduled."""


@dataclass
class AnkiPackage:
    path: Path
    collection: str
    notetypes: dict[int, NoteType]
    notes: list[AnkiNote]
    decks: dict[int, str]
    deck_descriptions: dict[int, str] = field(default_factory=dict)
    media: list[str] = field(default_factory=list)
    reviews: list[AnkiReview] = field(default_factory=list)
    schedule: AnkiSchedule | None = None
    """With history: the whole review log, card states and deck presets."""

    @property
    def format(self) -> str:
        return {
            "collection.anki21b": "Anki package, current format",
            "collection.anki21": "Anki package, 2.1 format",
        }.get(self.collection, "Anki package, legacy format")


def read_apkg(
    path: Path,
    *,
    with_history: bool = False,
    max_bytes: int = limits.MAX_COLLECTION_BYTES,
) -> AnkiPackage:
    """Everything quizapp imports from an Anki package; InteropError when it cannot."""
    with closing(open_archive(path)) as archive:
        names = set(archive.namelist())
        member = next((name for name in COLLECTIONS if name in names), None)
        if member is None:
            raise InteropError(path, "is not an Anki package (no collection inside)")
        media = _media(path, archive, names)
        with tempfile.TemporaryDirectory(prefix="quizapp-import-") as folder:
            database = Path(folder) / "collection.sqlite3"
            with database.open("wb") as out:
                copy_member(path, archive, member, out, max_bytes, zstd=member.endswith("b"))
            with _connect(path, database) as connection:
                try:
                    package = _read_collection(path, member, connection, with_history)
                except (ValueError, TypeError, OverflowError):
                    raise InteropError(
                        path, "is not a readable Anki collection (unexpected values in it)"
                    ) from None
    package.media = media
    return package


def _media(path: Path, archive: Any, names: set[str]) -> list[str]:
    """Names from the package's media list (JSON in legacy packages, zstd protobuf now)."""
    if "media" not in names:
        return []
    cap = limits.MAX_SMALL_MEMBER_BYTES
    try:
        raw = read_member(path, archive, "media", cap, zstd=False)
        if raw.startswith(ZSTD_MAGIC):
            raw = read_member(path, archive, "media", cap, zstd=True)
            entries = protobuf_wire.all_bytes(raw, 1)
            found = [protobuf_wire.all_bytes(entry, 1) for entry in entries]
            return [name[0].decode("utf-8", "replace") for name in found if name]
        data = json.loads(raw.decode("utf-8") or "{}")
    except (InteropError, ValueError, UnicodeDecodeError):
        return []
    return [str(name) for name in data.values()] if isinstance(data, dict) else []


@contextmanager
def _connect(path: Path, database: Path) -> Iterator[sqlite3.Connection]:
    uri = database.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise InteropError(path, f"the collection cannot be opened ({error})") from None
    # Anki declares its text columns with its own collation; reading needs one by that name.
    connection.create_collation("unicase", _unicase)
    deadline = time.monotonic() + limits.SQLITE_SECONDS
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        yield connection
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            raise InteropError(path, "reading the collection takes too long; given up") from None
        raise InteropError(path, f"is not a readable Anki collection ({error})") from None
    except sqlite3.DatabaseError as error:
        raise InteropError(path, f"is not a readable Anki collection ({error})") from None
    finally:
        connection.close()


def _unicase(left: str, right: str) -> int:
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


_REQUIRED = {
    "col": {"id"},
    "notes": {"id", "guid", "mid", "tags", "flds"},
    "cards": {"id", "nid", "did", "ord", "type", "due"},
}
_REQUIRED_CURRENT = {
    "notetypes": {"id", "name", "config"},
    "fields": {"ntid", "ord", "name"},
    "templates": {"ntid", "ord", "name"},
    "decks": {"id", "name"},
}


def _tables(connection: sqlite3.Connection) -> dict[str, set[str]]:
    names = [
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    return {
        name: {str(row[1]) for row in connection.execute(f"PRAGMA table_info('{_quote(name)}')")}
        for name in names
    }


def _quote(name: str) -> str:
    return name.replace("'", "''")


def _check_schema(path: Path, tables: dict[str, set[str]], required: dict[str, set[str]]) -> None:
    for table, columns in required.items():
        if table not in tables:
            raise InteropError(path, f"is not an Anki collection (it has no '{table}' table)")
        missing = sorted(columns - tables[table])
        if missing:
            raise InteropError(
                path, f"is not an Anki collection (table '{table}' lacks {', '.join(missing)})"
            )


def _read_collection(
    path: Path, member: str, connection: sqlite3.Connection, with_history: bool
) -> AnkiPackage:
    tables = _tables(connection)
    _check_schema(path, tables, _REQUIRED)
    current = "notetypes" in tables
    if current:
        _check_schema(path, tables, _REQUIRED_CURRENT)
        notetypes = _current_notetypes(path, connection)
        decks, descriptions = _current_decks(connection, "kind" in tables["decks"])
    else:
        _check_schema(path, tables, {"col": {"models", "decks"}})
        notetypes, decks, descriptions = _legacy_col(path, connection)
    count = connection.execute("SELECT count(*) FROM notes").fetchone()[0]
    if count > limits.MAX_NOTES:
        raise InteropError(path, f"has {count:,} notes; at most {limits.MAX_NOTES:,} are read")
    cards: dict[int, tuple[list[int], list[int]]] = {}
    positions: dict[int, float] = {}
    for note_id, ord_, deck_id, kind, due in connection.execute(
        "SELECT nid, ord, did, type, due FROM cards ORDER BY nid, ord"
    ):
        ords, deck_ids = cards.setdefault(int(note_id), ([], []))
        ords.append(int(ord_))
        if int(deck_id) not in deck_ids:
            deck_ids.append(int(deck_id))
        if int(kind) == 0:
            positions[int(note_id)] = min(positions.get(int(note_id), float("inf")), int(due))
    notes: list[AnkiNote] = []
    for note_id, guid, notetype_id, tags, fields, size in _note_rows(connection, notetypes):
        ords, deck_ids = cards.get(int(note_id), ([], []))
        notes.append(
            AnkiNote(
                id=int(note_id),
                guid=str(guid),
                notetype_id=int(notetype_id),
                fields=() if fields is None else tuple(str(fields).split("\x1f")),
                tags=tuple(str(tags).split()),
                card_ords=tuple(sorted(set(ords))),
                deck_ids=tuple(deck_ids),
                new_position=positions.get(int(note_id), float("inf")),
                unread_bytes=0 if fields is not None else size,
            )
        )
    reviews = _reviews(path, connection, tables) if with_history else []
    package = AnkiPackage(path, member, notetypes, notes, decks, descriptions, [], reviews)
    if with_history:
        package.schedule = read_schedule(path, connection, tables)
    return package


_NOTE_COLUMNS = "SELECT id, guid, mid, tags{flds} FROM notes ORDER BY id"
_OCTET_LENGTH = sqlite3.sqlite_version_info >= (3, 43, 0)
"""octet_length() reads a value's size from the record header, without reading the value."""


def note_byte_cap(notetype: NoteType | None) -> int:
    """The most bytes a note's fields can take when none is over MAX_FIELD_CHARS (4 bytes a
    character in UTF-8, one separator between fields), at most MAX_NOTE_BYTES."""
    count = max(1, len(notetype.fields)) if notetype is not None else 1
    return min(limits.MAX_NOTE_BYTES, count * (4 * limits.MAX_FIELD_CHARS + 1))


def _note_rows(
    connection: sqlite3.Connection, notetypes: dict[int, NoteType]
) -> Iterator[tuple[Any, Any, Any, Any, str | None, int]]:
    """(id, guid, notetype id, tags, fields or None, size in bytes) per note, in id order.

    The fields of a note larger than its note type can hold (see `note_byte_cap`) are never
    read: a 900 MB field compressed into a small package must not cost 900 MB. SQLite's
    length() and substr() read the whole value first; its size comes from the record header
    instead, through octet_length() (SQLite 3.43+) or an incremental blob handle.
    """
    caps = {notetype_id: note_byte_cap(kind) for notetype_id, kind in notetypes.items()}
    largest = max(caps.values(), default=note_byte_cap(None))
    utf8 = str(connection.execute("PRAGMA encoding").fetchone()[0]).upper() == "UTF-8"
    if sys.version_info < (3, 11) or _OCTET_LENGTH or not utf8:  # blobopen: Python 3.11
        size_sql = "octet_length(flds)" if _OCTET_LENGTH else "length(CAST(flds AS BLOB))"
        query = _NOTE_COLUMNS.format(flds=f", CASE WHEN {size_sql} <= ? THEN flds END, {size_sql}")
        for note_id, guid, mid, tags, fields, size in connection.execute(query, (largest,)):
            if fields is not None and int(size) > caps.get(mid, largest):
                fields = None
            yield note_id, guid, mid, tags, fields, int(size or 0)
        return
    for note_id, guid, mid, tags in connection.execute(_NOTE_COLUMNS.format(flds="")):
        try:
            with connection.blobopen("notes", "flds", int(note_id), readonly=True) as blob:
                size = len(blob)
                fields = blob.read().decode("utf-8") if size <= caps.get(mid, largest) else None
        except (sqlite3.Error, UnicodeDecodeError):  # not text (NULL, a number): small
            row = connection.execute("SELECT flds FROM notes WHERE id = ?", (note_id,)).fetchone()
            fields, size = str(row[0] if row else ""), len(str(row[0] if row else ""))
        yield note_id, guid, mid, tags, fields, size


def _current_notetypes(path: Path, connection: sqlite3.Connection) -> dict[int, NoteType]:
    fields: dict[int, list[str]] = {}
    for notetype_id, _, name in connection.execute(
        "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"
    ):
        fields.setdefault(int(notetype_id), []).append(str(name))
    templates: dict[int, list[str]] = {}
    for notetype_id, _, name in connection.execute(
        "SELECT ntid, ord, name FROM templates ORDER BY ntid, ord"
    ):
        templates.setdefault(int(notetype_id), []).append(str(name))
    notetypes: dict[int, NoteType] = {}
    for notetype_id, name, config in connection.execute("SELECT id, name, config FROM notetypes"):
        try:
            kind = protobuf_wire.first_int(bytes(config or b""), 1)
        except (ValueError, TypeError):
            raise InteropError(path, f"note type {name!r} has a damaged configuration") from None
        notetypes[int(notetype_id)] = NoteType(
            int(notetype_id),
            str(name),
            kind == 1,
            tuple(fields.get(int(notetype_id), [])),
            tuple(templates.get(int(notetype_id), [])),
        )
    return notetypes


def _current_decks(
    connection: sqlite3.Connection, has_kind: bool
) -> tuple[dict[int, str], dict[int, str]]:
    """Deck names and descriptions. A deck's description is in its `kind` blob: a normal
    deck is field 1 of that message, and its description field 4 of the normal deck."""
    names: dict[int, str] = {}
    descriptions: dict[int, str] = {}
    query = "SELECT id, name, kind FROM decks" if has_kind else "SELECT id, name, NULL FROM decks"
    for deck_id, name, kind in connection.execute(query):
        names[int(deck_id)] = str(name).replace("\x1f", "::")
        try:
            normal = protobuf_wire.all_bytes(bytes(kind or b""), 1)
            text = [found for part in normal for found in protobuf_wire.all_bytes(part, 4)]
        except (ValueError, TypeError):
            continue  # a damaged deck blob: the deck keeps its name, without a description
        if text:  # a field given twice: the last one counts
            descriptions[int(deck_id)] = text[-1].decode("utf-8", "replace")
    return names, descriptions


def _legacy_col(
    path: Path, connection: sqlite3.Connection
) -> tuple[dict[int, NoteType], dict[int, str], dict[int, str]]:
    row = connection.execute("SELECT models, decks FROM col LIMIT 1").fetchone()
    if row is None:
        raise InteropError(path, "is not an Anki collection (its 'col' table is empty)")
    try:
        models, decks = json.loads(row[0] or "{}"), json.loads(row[1] or "{}")
        if not isinstance(models, dict) or not isinstance(decks, dict):
            raise ValueError("not an object")
        notetypes = {
            int(key): NoteType(
                int(key),
                str(model.get("name", "")),
                model.get("type") == 1,
                tuple(str(f.get("name", "")) for f in model.get("flds", [])),
                tuple(str(t.get("name", "")) for t in model.get("tmpls", [])),
            )
            for key, model in models.items()
        }
        names = {int(key): str(deck.get("name", "")) for key, deck in decks.items()}
        descriptions = {int(key): str(deck.get("desc", "")) for key, deck in decks.items()}
    except (ValueError, TypeError, AttributeError, RecursionError):
        raise InteropError(path, "is not an Anki collection (note types unreadable)") from None
    return notetypes, names, descriptions


def _reviews(
    path: Path, connection: sqlite3.Connection, tables: dict[str, set[str]]
) -> list[AnkiReview]:
    needed = {"id", "cid", "ease", "time", "type"}
    if "revlog" not in tables or needed - tables["revlog"]:
        return []
    rows = connection.execute(
        "SELECT r.id, c.nid, c.ord, r.ease, r.time, r.type FROM revlog r "
        "JOIN cards c ON c.id = r.cid ORDER BY r.id LIMIT ?",
        (limits.MAX_REVIEWS + 1,),
    ).fetchall()
    if len(rows) > limits.MAX_REVIEWS:
        raise InteropError(path, f"more than {limits.MAX_REVIEWS:,} reviews; history not read")
    return [AnkiReview(*(int(value) for value in row)) for row in rows]
