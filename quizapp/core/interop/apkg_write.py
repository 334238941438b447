"""Deck -> Anki package (.apkg), written with genanki.

Two note types, shared by every deck quizapp exports:

* "quizapp (Italian/English)": fields Italian, English, Italian answer, English answer, Notes,
  Both ways, quizapp. Card 1 shows the Italian side (the English one when there is none);
  card 2, made only when "Both ways" is set (vocab), shows the English term.
* "quizapp cloze": fields Italian and English in Anki's cloze syntax, Notes, quizapp.

The hidden "quizapp" field holds the card as JSON, so importing the package back gives the
same cards (or the edits made in Anki to the visible fields). Note guids and ids, card ids and
the Anki deck id are derived from the deck id and card id: importing a newer export into Anki
updates the notes instead of adding duplicates.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import genanki

from quizapp.core.deck.model import ClozeCard, Deck
from quizapp.core.interop import ids
from quizapp.core.interop.anki_note import (
    CLOZE_FIELDS,
    FIELDS,
    META_FIELD,
    as_html,
    note_fields,
)

FRONT_BACK_MODEL_ID = 1_571_234_000_101
CLOZE_MODEL_ID = 1_571_234_000_102
DECK_MARK = "quizapp-deck:"
__all__ = [
    "DECK_MARK",
    "META_FIELD",
    "deck_to_apkg",
    "note_fields",
    "write_apkg",
    "write_collection",
]

CSS = """.card { font-family: sans-serif; font-size: 22px; text-align: center; color: #222;
  background: #fff; }
.other { margin-top: 1em; color: #666; font-size: 18px; }
.notes { margin-top: 1em; font-size: 16px; color: #444; }
.nightMode .card, .card.nightMode { color: #eee; background: #222; }
.nightMode .other, .nightMode .notes { color: #aaa; }
"""

_BACK_EXTRA = '<div class="notes">{{Notes}}</div>'
FRONT_BACK_TEMPLATES = [
    {
        "name": "Italiano",
        "qfmt": "{{#Italian}}{{Italian}}{{/Italian}}{{^Italian}}{{English}}{{/Italian}}",
        "afmt": "{{FrontSide}}\n<hr id=answer>\n"
        "{{#Italian}}{{Italian answer}}"
        '{{#English}}<div class="other">{{English}}'
        "{{#English answer}} — {{English answer}}{{/English answer}}</div>{{/English}}"
        "{{/Italian}}{{^Italian}}{{English answer}}{{/Italian}}\n" + _BACK_EXTRA,
    },
    {
        "name": "English",
        "qfmt": "{{#Both ways}}{{English}}{{/Both ways}}",
        "afmt": "{{FrontSide}}\n<hr id=answer>\n{{Italian}}\n" + _BACK_EXTRA,
    },
]
CLOZE_TEMPLATES = [
    {
        "name": "Cloze",
        "qfmt": '{{cloze:Italian}}<div class="other">{{cloze:English}}</div>',
        "afmt": '{{cloze:Italian}}<div class="other">{{cloze:English}}</div>\n' + _BACK_EXTRA,
    }
]


def _model(cloze: bool) -> genanki.Model:
    if cloze:
        return genanki.Model(
            CLOZE_MODEL_ID,
            "quizapp cloze",
            fields=[{"name": name} for name in [*CLOZE_FIELDS, META_FIELD]],
            templates=[dict(t) for t in CLOZE_TEMPLATES],
            css=CSS,
            model_type=genanki.Model.CLOZE,
        )
    return genanki.Model(
        FRONT_BACK_MODEL_ID,
        "quizapp (Italian/English)",
        fields=[{"name": name} for name in [*FIELDS, META_FIELD]],
        templates=[dict(t) for t in FRONT_BACK_TEMPLATES],
        css=CSS,
    )


def note_guid(deck_id: str, card_id: str) -> str:
    return str(genanki.guid_for("quizapp", deck_id, card_id))


def deck_description(deck: Deck) -> str:
    info = deck.deck.model_dump(mode="json", exclude_none=True)
    mark = json.dumps(info, ensure_ascii=True, separators=(",", ":")).replace("--", "\\u002d-")
    it, en = deck.deck.description.it, deck.deck.description.en
    return f"{as_html(it)}<br><i>{as_html(en)}</i><!-- {DECK_MARK} {mark} -->"


_TAKEN = (
    "SELECT EXISTS (SELECT 1 FROM notes WHERE id = ?) OR EXISTS (SELECT 1 FROM cards WHERE id = ?)"
)


def _stable_ids(
    deck_id: str, cursor: sqlite3.Cursor
) -> Callable[[str, genanki.Note], Iterator[int]]:
    """For each note in turn, the ids genanki asks for: the note's id, then its cards' ids.
    An id already given (genanki has written it when it asks for the next) is passed over,
    so two never collide; the collection itself remembers them, not a set of millions."""
    look = cursor.connection.cursor()

    def unique(*parts: str) -> int:
        value = ids.number(*parts)
        while look.execute(_TAKEN, (value, value)).fetchone()[0]:
            value += 1
        return value

    def for_note(card_id: str, note: genanki.Note) -> Iterator[int]:
        yield unique("quizapp-note", deck_id, card_id)
        for card in note.cards:
            yield unique("quizapp-card", deck_id, card_id, str(card.ord))

    return for_note


def _anki_deck(deck: Deck) -> tuple[genanki.Deck, dict[bool, genanki.Model]]:
    """The Anki deck, with the note types its cards use (from the deck's summary: no card is
    read), and those note types by "is cloze"."""
    anki_deck = genanki.Deck(
        ids.number("quizapp-deck", deck.id), deck.deck.title.it, deck_description(deck)
    )
    kinds = deck.cards.summary().kinds
    models = {False: _model(False), True: _model(True)}
    if any(kind != "cloze" for kind in kinds):
        anki_deck.add_model(models[False])
    if "cloze" in kinds:
        anki_deck.add_model(models[True])
    return anki_deck, models


def write_collection(cursor: sqlite3.Cursor, deck: Deck, timestamp: float) -> None:
    """Write the deck into an empty legacy-format collection, one note at a time: the notes
    are never all held at once (a deck at the size cap has a million of them)."""
    anki_deck, models = _anki_deck(deck)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        genanki.Package(anki_deck).write_to_db(cursor, timestamp, iter(()))  # tables, deck
        ids_for = _stable_ids(deck.id, cursor)
        for position, card in enumerate(deck.cards):
            note = genanki.Note(
                model=models[isinstance(card, ClozeCard)],
                fields=note_fields(deck.id, card, position),
                tags=list(card.tags),
                guid=note_guid(deck.id, card.id),
                due=position,  # Anki shows new cards in this order: the deck's
            )
            note.write_to_db(cursor, timestamp, anki_deck.deck_id, ids_for(card.id, note))


def write_apkg(deck: Deck, out: IO[bytes], timestamp: float | None = None) -> None:
    """Write the deck to `out` as a legacy-format .apkg (which every Anki version imports);
    the collection is built in a temporary file, then compressed into `out` as it is read."""
    when = time.time() if timestamp is None else timestamp
    with tempfile.TemporaryDirectory(prefix="quizapp-export-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            write_collection(connection.cursor(), deck, when)
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")


def deck_to_apkg(deck: Deck, timestamp: float | None = None) -> bytes:
    """The deck as the bytes of a legacy-format .apkg (see `write_apkg`)."""
    buffer = io.BytesIO()
    write_apkg(deck, buffer, timestamp)
    return buffer.getvalue()
