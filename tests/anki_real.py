"""Anki's own backend (`anki` on PyPI, headless): import quizapp's packages into a real
collection, study and edit there, and export with Anki's own exporter in both formats."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

collection = pytest.importorskip("anki.collection")


@contextmanager
def anki(folder: Path) -> Iterator[Any]:
    """A fresh Anki collection in `folder`, closed afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    col = collection.Collection(str(folder / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_package(col: Any, package: Path) -> Any:
    request = collection.ImportAnkiPackageRequest(
        package_path=str(package),
        options=collection.ImportAnkiPackageOptions(with_scheduling=True),
    )
    return col.import_anki_package(request)


def deck_id(col: Any) -> int:
    """The one deck that is not Anki's Default."""
    (deck,) = [d for d in col.decks.all_names_and_ids() if d.name != "Default"]
    return int(deck.id)


def export_package(col: Any, path: Path, *, legacy: bool) -> Path:
    """The deck as Anki exports it: its current format (the default) or the legacy one."""
    options = collection.ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy
    )
    col.export_anki_package(
        out_path=str(path), options=options, limit=collection.DeckIdLimit(deck_id(col))
    )
    return path


def study(col: Any, answers: int, ease: int = 3) -> list[int]:
    """Answer the next `answers` cards of the deck in Anki; the ids of the cards answered."""
    col.decks.select(deck_id(col))
    answered = []
    for _ in range(answers):
        card = col.sched.getCard()
        assert card is not None
        col.sched.answerCard(card, ease)
        answered.append(int(card.id))
    return answered


def note_of(col: Any, card_id: str) -> Any:
    """The note quizapp exported for card `card_id` (found by its hidden field)."""
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        if "quizapp" in note:
            meta = json.loads(html.unescape(note["quizapp"]))
            if meta["card"]["id"] == card_id:
                return note
    raise KeyError(card_id)
