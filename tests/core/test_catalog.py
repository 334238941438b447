"""Finding decks: bundled, the user's folder, paths; and resolving what a user typed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.deck import catalog
from tests.conftest import BUNDLED_DECK


def test_bundled_deck_is_found() -> None:
    entries = catalog.discover()
    assert entries[0].origin == "bundled"
    assert entries[0].path.resolve() == BUNDLED_DECK.resolve()


def test_user_decks_and_paths(tmp_path: Path) -> None:
    folder = locations.user_decks_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text("[deck]\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a deck", encoding="utf-8")
    extra = tmp_path / "other.toml"
    extra.write_text("", encoding="utf-8")
    entries = catalog.discover([extra, BUNDLED_DECK])
    assert [(e.name, e.origin) for e in entries] == [
        ("deepseek_it", "bundled"),
        ("mine", "user"),
        ("other", "path"),
    ]


def test_links_leading_out_of_the_decks_folder_are_ignored(tmp_path: Path) -> None:
    folder = locations.user_decks_dir()
    folder.mkdir(parents=True)
    outside = tmp_path / "secret.toml"
    outside.write_text("[deck]\n", encoding="utf-8")
    os.symlink(outside, folder / "link.toml")
    assert [e.name for e in catalog.discover() if e.origin == "user"] == []


def test_resolve_by_stem_id_and_path() -> None:
    assert catalog.resolve("deepseek_it").resolve() == BUNDLED_DECK.resolve()
    assert catalog.resolve("deepseek-it").resolve() == BUNDLED_DECK.resolve()
    assert catalog.resolve(str(BUNDLED_DECK)) == BUNDLED_DECK
    assert catalog.resolve(None).resolve() == BUNDLED_DECK.resolve()
    with pytest.raises(catalog.UnknownDeck, match="no deck named 'nope'"):
        catalog.resolve("nope")


def _copy_of_bundled(name: str = "deepseek-it.toml") -> Path:
    folder = locations.user_decks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / name
    copy.write_bytes(BUNDLED_DECK.read_bytes())
    return copy


def test_a_users_copy_of_a_bundled_deck_takes_its_place() -> None:
    copy = _copy_of_bundled()
    entries = catalog.discover()
    assert [(e.path, e.origin) for e in entries] == [(copy, "user")]
    assert entries[0].replaces is not None
    assert entries[0].replaces.resolve() == BUNDLED_DECK.resolve()
    for typed in ("deepseek-it", "deepseek_it", None):
        assert catalog.resolve(typed) == copy
    assert catalog.resolve(str(BUNDLED_DECK)) == BUNDLED_DECK  # a path is taken as given


def test_a_user_deck_with_another_id_replaces_nothing() -> None:
    copy = _copy_of_bundled("mine.toml")
    copy.write_text(
        copy.read_text(encoding="utf-8").replace('id = "deepseek-it"', 'id = "mine"', 1),
        encoding="utf-8",
    )
    entries = catalog.discover()
    assert [(e.name, e.origin, e.replaces) for e in entries] == [
        ("deepseek_it", "bundled", None),
        ("mine", "user", None),
    ]
