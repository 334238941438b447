"""Imported files are hostile until proven otherwise: each gives one clear InteropError."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest
import zstandard

from quizapp.core.interop import InteropError
from quizapp.core.interop.anki_import import import_apkg
from quizapp.core.interop.apkg_read import read_apkg
from quizapp.core.interop.csv_import import import_csv, read_text
from tests.anki_fixtures import (
    current_apkg,
    current_collection,
    declare_size,
    legacy_apkg,
    sqlite_bytes,
    zip_with,
)


def _legacy_collection(tmp_path: Path) -> bytes:
    with zipfile.ZipFile(legacy_apkg(tmp_path / "ok.apkg")) as archive:
        return archive.read("collection.anki2")


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/evil", "a/../../evil", "C:\\evil", "a\\..\\..\\b"]
)
def test_a_path_escaping_the_archive_is_refused(tmp_path: Path, name: str) -> None:
    path = zip_with(tmp_path / "slip.apkg", {"collection.anki2": b"x", name: b"evil"})
    with pytest.raises(InteropError, match="unsafe path in the archive"):
        read_apkg(path)


def test_a_symlink_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "link.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", b"x")
        info = zipfile.ZipInfo("media")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(InteropError, match="unsafe path"):
        read_apkg(path)


def test_a_zip_member_that_declares_too_many_bytes_is_refused(tmp_path: Path) -> None:
    path = zip_with(tmp_path / "bomb.apkg", {"collection.anki2": b"\0" * 10_000})
    with pytest.raises(InteropError, match="decompression bomb"):
        read_apkg(path, max_bytes=4_096)
    big = declare_size(zip_with(tmp_path / "big.apkg", {"collection.anki2": b"\0" * 1000}), 2**31)
    with pytest.raises(InteropError, match="decompression bomb"):
        read_apkg(big)


def test_a_lying_zip_header_is_caught_as_damage(tmp_path: Path) -> None:
    path = declare_size(zip_with(tmp_path / "lie.apkg", {"collection.anki2": b"\0" * 50_000}), 10)
    with pytest.raises(InteropError, match="damaged"):
        read_apkg(path)


def test_a_zstd_bomb_is_refused_by_its_header_and_while_streaming(tmp_path: Path) -> None:
    data = b"\0" * 100_000
    declared = zstandard.ZstdCompressor(write_content_size=True).compress(data)
    hidden = zstandard.ZstdCompressor(write_content_size=False).compress(data)
    for name, frame in (("declared", declared), ("hidden", hidden)):
        path = zip_with(tmp_path / f"{name}.apkg", {"collection.anki21b": frame})
        with pytest.raises(InteropError, match="decompression bomb"):
            read_apkg(path, max_bytes=10_000)


def test_collection_anki21b_that_is_not_zstd(tmp_path: Path) -> None:
    path = zip_with(tmp_path / "x.apkg", {"collection.anki21b": current_collection()})
    with pytest.raises(InteropError, match="not zstd-compressed"):
        read_apkg(path)


def test_not_a_zip_and_no_collection(tmp_path: Path) -> None:
    text = tmp_path / "notes.apkg"
    text.write_text("just text", encoding="utf-8")
    with pytest.raises(InteropError, match=r"not an Anki package \(\.apkg files are zip"):
        read_apkg(text)
    empty = zip_with(tmp_path / "empty.apkg", {"readme.txt": b"hello"})
    with pytest.raises(InteropError, match="no collection inside"):
        read_apkg(empty)


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("CREATE TABLE photos (id integer, data blob);", "it has no 'col' table"),
        (
            "CREATE TABLE col (id integer); CREATE TABLE cards (id, nid, did, ord, type, due);"
            "CREATE VIEW notes AS SELECT 1 AS id, 'g' AS guid, 1 AS mid, '' AS tags, 'x' AS flds;",
            "it has no 'notes' table",
        ),
        (
            "CREATE TABLE col (id integer); CREATE TABLE notes (id integer, flds text);"
            "CREATE TABLE cards (id, nid, did, ord, type, due);",
            "table 'notes' lacks guid, mid, tags",
        ),
        (
            "CREATE TABLE col (id integer, models text, decks text);"
            "INSERT INTO col VALUES (1, '{not json', '{}');"
            "CREATE TABLE notes (id, guid, mid, tags, flds);"
            "CREATE TABLE cards (id, nid, did, ord, type, due);",
            "note types unreadable",
        ),
    ],
    ids=["other-database", "notes-is-a-view", "missing-columns", "damaged-note-types"],
)
def test_a_sqlite_file_that_is_not_anki(tmp_path: Path, script: str, message: str) -> None:
    path = zip_with(tmp_path / "db.apkg", {"collection.anki2": sqlite_bytes(script)})
    with pytest.raises(InteropError, match=message):
        read_apkg(path)


def test_a_collection_that_is_not_sqlite(tmp_path: Path) -> None:
    path = zip_with(tmp_path / "junk.apkg", {"collection.anki2": b"\x89PNG" + b"\0" * 5000})
    with pytest.raises(InteropError, match="not a readable Anki collection"):
        read_apkg(path)


def test_text_where_numbers_belong_is_refused(tmp_path: Path) -> None:
    script = (
        "CREATE TABLE col (id integer, models text, decks text);"
        "INSERT INTO col VALUES (1, '{}', '{}');"
        "CREATE TABLE notes (id, guid, mid, tags, flds);"
        "INSERT INTO notes VALUES ('abc', 'g', 'x', '', 'a');"
        "CREATE TABLE cards (id, nid, did, ord, type, due);"
    )
    path = zip_with(tmp_path / "odd.apkg", {"collection.anki2": sqlite_bytes(script)})
    with pytest.raises(InteropError, match="unexpected values"):
        read_apkg(path)


def test_scripts_in_fields_leave_no_trace(tmp_path: Path) -> None:
    collection = _legacy_collection(tmp_path)
    path = zip_with(tmp_path / "ok.apkg", {"collection.anki2": collection})
    imported, _ = import_apkg(path)
    cards = str([card.model_dump() for card in imported.deck.cards])
    assert "Roma" in cards
    assert "alert" not in cards and "<" not in cards


def test_current_package_with_damaged_note_type_config(tmp_path: Path) -> None:
    from tests.anki_fixtures import BASIC, NoteTypeSpec

    broken = NoteTypeSpec(BASIC.id, "Basic", 0, BASIC.fields, BASIC.templates)
    collection = current_collection(notetypes=[broken])
    import sqlite3

    database = tmp_path / "c.sqlite"
    database.write_bytes(collection)
    connection = sqlite3.connect(database)
    connection.execute("UPDATE notetypes SET config = x'0aff'")
    connection.commit()
    connection.close()
    path = current_apkg(tmp_path / "broken.apkg", collection=database.read_bytes())
    with pytest.raises(InteropError, match="damaged configuration"):
        read_apkg(path)


# -- CSV -----------------------------------------------------------------------------------


def test_a_csv_with_a_million_columns(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("italian,english\ncane,dog\n" + "," * 1_000_000 + "\n", encoding="utf-8")
    with pytest.raises(InteropError, match=r"line 3 has 1,000,001 columns"):
        import_csv(path)
    quizlet = tmp_path / "quizlet.txt"  # a term and definition: the rest is the definition
    quizlet.write_text("cane,dog\ngatto," + "," * 1_000_000 + "\n", encoding="utf-8")
    imported = import_csv(quizlet)
    assert len(imported.deck.cards) == 1 and imported.skipped == 1
    assert "quizlet.txt:2: skipped: en.terms.0: " in imported.warnings[0]


def test_a_csv_with_a_huge_field(tmp_path: Path) -> None:
    for name, text in (
        ("huge.csv", "cane,dog\ngatto," + "x" * 200_000 + "\n"),
        ("quoted.csv", 'cane,dog\ngatto,"' + "x," * 200_000 + '"\n'),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        imported = import_csv(path)
        assert [card.id for card in imported.deck.cards] == ["cane"]
        assert imported.warnings == [
            f"{path}:2: skipped: en.terms.0: String should have at most 1000 characters"
        ]


def test_a_csv_that_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"cane,dog\n\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(InteropError, match="line 2: not UTF-8 text"):
        import_csv(path)


def test_a_csv_larger_than_the_cap_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("cane,dog\n" * 10, encoding="utf-8")
    with pytest.raises(InteropError, match="CSV files are read up to"):
        read_text(path, max_bytes=20)


def test_empty_and_one_column_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InteropError, match="is empty"):
        import_csv(empty)
    single = tmp_path / "single.csv"
    single.write_text("cane\ngatto\n", encoding="utf-8")
    with pytest.raises(InteropError, match="give --delimiter"):
        import_csv(single)
