"""Anki packages for tests: legacy ones made with genanki, current ones (collection.anki21b)
built here the way Anki 2.1.50+ writes them."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import genanki
import zstandard

from quizapp.core.interop.protobuf_wire import encode

LEGACY_DECK_ID = 2059400110


def legacy_apkg(path: Path) -> Path:
    """A legacy package with a Basic, a reversed and a cloze note, HTML and media."""
    deck = genanki.Deck(LEGACY_DECK_ID, "Lingue::Italiano base")
    basic = genanki.BASIC_MODEL
    reverse = genanki.BASIC_AND_REVERSED_CARD_MODEL
    cloze = genanki.CLOZE_MODEL
    deck.add_note(
        genanki.Note(
            model=basic,
            fields=[
                "<div>Qual è la capitale d'Italia?</div>",
                "<b>Roma</b><script>alert(1)</script>",
            ],
            tags=["Geografia::Capitali"],
            guid="basic-guid-1",
        )
    )
    deck.add_note(
        genanki.Note(
            model=reverse,
            fields=['il gatto&nbsp;<img src="gatto.jpg">', "the cat [sound:gatto.mp3]"],
            tags=["animali"],
            guid="reverse-guid-1",
        )
    )
    deck.add_note(
        genanki.Note(
            model=cloze,
            fields=["Roma è la {{c1::capitale::città}} d'{{c2::Italia}}.", "Extra <i>nota</i>"],
            guid="cloze-guid-1",
        )
    )
    deck.add_note(
        genanki.Note(
            model=basic,
            fields=['<img src="solo.png">', "only a picture on the front"],
            guid="media-only-guid",
        )
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        genanki.Package(deck).write_to_file(str(path), timestamp=1_700_000_000)
    return path


def add_reviews(path: Path, rows: Sequence[tuple[int, str, int, int, int, int]]) -> None:
    """Add review log rows (time ms, note guid, card ord, ease, duration ms, type) to the
    legacy package at `path`."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "c.sqlite"
        database.write_bytes(members["collection.anki2"])
        connection = sqlite3.connect(database)
        for time_ms, guid, ord_, ease, duration, kind in rows:
            card_id = connection.execute(
                "SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid"
                " WHERE n.guid = ? AND c.ord = ?",
                (guid, ord_),
            ).fetchone()[0]
            connection.execute(
                "INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, ?, ?)",
                (time_ms, card_id, ease, duration, kind),
            )
        connection.commit()
        connection.close()
        members["collection.anki2"] = database.read_bytes()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


# -- the current format ------------------------------------------------------------------

CURRENT_SCHEMA = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL,
  factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL,
  PRIMARY KEY (oid, type)) WITHOUT ROWID;
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL,
  mtime_secs integer NOT NULL, val blob NOT NULL) WITHOUT ROWID;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL,
  name text NOT NULL COLLATE unicase, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL,
  name text NOT NULL COLLATE unicase, mtime_secs integer NOT NULL, usn integer NOT NULL,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE INDEX idx_templates_usn ON templates (usn);
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE INDEX idx_notetypes_usn ON notetypes (usn);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL,
  collapsed boolean NOT NULL, config blob NULL) WITHOUT ROWID;
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
"""

KIND_NORMAL, KIND_CLOZE = 0, 1


@dataclass
class NoteTypeSpec:
    id: int
    name: str
    kind: int
    fields: list[str]
    templates: list[tuple[str, str, str]]  # name, question format, answer format


@dataclass
class NoteSpec:
    id: int
    guid: str
    notetype: int
    fields: list[str]
    ords: list[int]
    tags: list[str] = field(default_factory=list)


BASIC = NoteTypeSpec(
    1_650_000_000_001, "Basic", KIND_NORMAL, ["Front", "Back"],
    [("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}")],
)  # fmt: skip
REVERSED = NoteTypeSpec(
    1_650_000_000_002, "Basic (and reversed card)", KIND_NORMAL, ["Front", "Back"],
    [
        ("Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
        ("Card 2", "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"),
    ],
)  # fmt: skip
CLOZE = NoteTypeSpec(
    1_650_000_000_003, "Cloze", KIND_CLOZE, ["Text", "Back Extra"],
    [("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}")],
)  # fmt: skip

CURRENT_NOTES = [
    NoteSpec(
        1_700_000_000_001, "cur-basic", BASIC.id,
        ["Chi ha fondato DeepSeek?", "Liang Wenfeng"], [0], ["persone"],
    ),
    NoteSpec(
        1_700_000_000_002, "cur-reversed", REVERSED.id, ["l'addestramento", "training"], [0, 1]
    ),
    NoteSpec(1_700_000_000_003, "cur-cloze", CLOZE.id, ["Si chiama {{c1::inferenza}}.", ""], [0]),
]  # fmt: skip
CURRENT_DECK_ID = 1_650_000_000_100


def _unicase(a: str, b: str) -> int:
    return (a.casefold() > b.casefold()) - (a.casefold() < b.casefold())


def current_collection(
    notetypes: Sequence[NoteTypeSpec] = (BASIC, REVERSED, CLOZE),
    notes: Sequence[NoteSpec] = CURRENT_NOTES,
) -> bytes:
    """An uncompressed schema-18 collection as Anki 2.1.50+ writes it."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki21b"
        connection = sqlite3.connect(database)
        connection.create_collation("unicase", _unicase)
        connection.executescript(CURRENT_SCHEMA)
        connection.execute(
            "INSERT INTO col VALUES (1, 1700000000, 1700000000000, 1700000000000, 18, 0, 0, 0,"
            " '', '', '', '', '')"
        )
        for spec in notetypes:
            config = encode(
                *([(1, spec.kind)] if spec.kind else []),
                (3, ".card { font-family: arial; }"),
                (5, "\\documentclass{article}"),
                (6, "\\end{document}"),
            )
            connection.execute(
                "INSERT INTO notetypes VALUES (?, ?, 1700000000, 0, ?)",
                (spec.id, spec.name, config),
            )
            for ord_, name in enumerate(spec.fields):
                connection.execute(
                    "INSERT INTO fields VALUES (?, ?, ?, ?)",
                    (spec.id, ord_, name, encode((3, "Arial"), (4, 20))),
                )
            for ord_, (name, qfmt, afmt) in enumerate(spec.templates):
                connection.execute(
                    "INSERT INTO templates VALUES (?, ?, ?, 1700000000, 0, ?)",
                    (spec.id, ord_, name, encode((1, qfmt), (2, afmt))),
                )
        connection.execute(
            "INSERT INTO decks VALUES (1, 'Default', 0, 0, ?, ?)",
            (encode((3, 0)), encode((1, encode((1, 1))))),
        )
        connection.execute(
            "INSERT INTO decks VALUES (?, ?, 1700000000, 0, ?, ?)",
            (
                CURRENT_DECK_ID,
                "Corso\x1fDeepSeek",
                encode((3, 0)),
                encode((1, encode((1, 1), (4, "Un mazzo moderno")))),
            ),
        )
        connection.execute(
            "INSERT INTO deck_config VALUES (1, 'Default', 0, 0, ?)", (encode((1, 20)),)
        )
        card_id = 1_700_000_100_000
        for position, note in enumerate(notes):
            connection.execute(
                "INSERT INTO notes VALUES (?, ?, ?, 1700000000, 0, ?, ?, ?, 0, 0, '')",
                (
                    note.id,
                    note.guid,
                    note.notetype,
                    f" {' '.join(note.tags)} " if note.tags else "",
                    "\x1f".join(note.fields),
                    note.fields[0],
                ),
            )
            for ord_ in note.ords:
                card_id += 1
                connection.execute(
                    "INSERT INTO cards VALUES (?, ?, ?, ?, 1700000000, 0, 0, 0, ?, 0, 0, 0, 0, 0,"
                    " 0, 0, 0, '')",
                    (card_id, note.id, CURRENT_DECK_ID, ord_, position),
                )
        connection.commit()
        connection.close()
        return database.read_bytes()


def _legacy_stub() -> bytes:
    """The collection.anki2 that current packages carry for old Anki versions."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stub.apkg"
        deck = genanki.Deck(1, "Default")
        deck.add_note(
            genanki.Note(
                model=genanki.BASIC_MODEL,
                fields=[
                    "Please update to the latest Anki version, then import the .colpkg/.apkg "
                    "file again.",
                    "",
                ],
            )
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            genanki.Package(deck).write_to_file(str(path))
        with zipfile.ZipFile(path) as archive:
            return archive.read("collection.anki2")


def current_apkg(
    path: Path, collection: bytes | None = None, media: Sequence[str] = ("photo.jpg",)
) -> Path:
    """A current-format package: zstd-compressed collection.anki21b, the legacy stub, a
    protobuf `meta` (version 3) and a zstd-compressed protobuf media list."""
    compressor = zstandard.ZstdCompressor()
    collection = current_collection() if collection is None else collection
    entries = b"".join(encode((1, encode((1, name), (2, 3), (3, b"\x00" * 20)))) for name in media)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("collection.anki2", _legacy_stub())
        archive.writestr("collection.anki21b", compressor.compress(collection))
        archive.writestr("meta", encode((1, 3)))
        archive.writestr("media", compressor.compress(entries))
        for index, _ in enumerate(media):
            archive.writestr(str(index), compressor.compress(b"abc"))
    return path


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def sqlite_bytes(script: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "x.sqlite"
        connection = sqlite3.connect(database)
        connection.executescript(script)
        connection.commit()
        connection.close()
        return database.read_bytes()


def json_bytes(data: object) -> bytes:
    return json.dumps(data).encode()


def declare_size(path: Path, size: int) -> Path:
    """Make the (only) member of the zip at `path` claim to unpack to `size` bytes."""
    data = bytearray(path.read_bytes())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    data[local + 22 : local + 26] = size.to_bytes(4, "little")
    data[central + 24 : central + 28] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path
