"""Anki packages: legacy and current format in, genanki out, round trips, review history."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import jsonschema
import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import ClozeCard, QACard, VocabCard, json_schema
from quizapp.core.interop.anki_history import import_history
from quizapp.core.interop.anki_import import import_apkg
from quizapp.core.interop.apkg_read import read_apkg
from quizapp.core.interop.apkg_write import (
    CLOZE_MODEL_ID,
    FRONT_BACK_MODEL_ID,
    deck_to_apkg,
    note_guid,
)
from quizapp.core.interop.html_text import html_to_text
from quizapp.core.interop.ids import number
from quizapp.core.interop.json_export import deck_to_json
from quizapp.core.interop.options import ImportOptions
from tests.anki_fixtures import add_reviews, current_apkg, legacy_apkg
from tests.conftest import BUNDLED_DECK

EVERY_KIND = Path(__file__).parent / "data" / "interop" / "every_kind.toml"


def test_html_becomes_plain_text_without_scripts() -> None:
    plain = html_to_text(
        "<div>Ciao&nbsp;<b>mondo</b></div><div>riga<br>due</div>"
        "<script>alert('x')</script><style>b{}</style>&lt;tag&gt; [sound:a.mp3]"
        '<img src="b.png"><script>never closed'
    )
    assert plain.text == "Ciao mondo\nriga\ndue\n<tag>"
    assert plain.media == ("b.png", "a.mp3")


def test_legacy_package_notes_become_qa_vocab_and_cloze(tmp_path: Path) -> None:
    imported, package = import_apkg(legacy_apkg(tmp_path / "legacy.apkg"))
    assert package.collection == "collection.anki2"
    qa, vocab, cloze = imported.deck.cards
    assert isinstance(qa, QACard) and isinstance(vocab, VocabCard) and isinstance(cloze, ClozeCard)
    assert qa.it.question == "Qual è la capitale d'Italia?"
    assert qa.it.answers == ["Roma"]  # the script is gone
    assert qa.tags == ["geografia-capitali"]
    assert vocab.it.terms == ["il gatto"] and vocab.en.terms == ["the cat"]
    assert cloze.it.text == "Roma è la {{capitale::città}} d'{{Italia}}."
    assert cloze.it.note == "Extra nota"
    assert imported.deck.deck.title.it == "Italiano base"
    assert set(imported.media) == {"gatto.jpg", "gatto.mp3", "solo.png"}
    assert imported.skipped == 1 and "only media" in imported.warnings[0]
    assert all(card.id.startswith("anki-") for card in imported.deck.cards)


def test_anki_ids_are_stable_between_imports(tmp_path: Path) -> None:
    path = legacy_apkg(tmp_path / "legacy.apkg")
    first, _ = import_apkg(path)
    second, _ = import_apkg(path)
    assert [c.id for c in first.deck.cards] == [c.id for c in second.deck.cards]


def test_kind_and_field_options(tmp_path: Path) -> None:
    path = legacy_apkg(tmp_path / "legacy.apkg")
    imported, _ = import_apkg(path, ImportOptions(kind="vocab", it="Back", en="Front"))
    vocab = imported.deck.cards[0]
    assert isinstance(vocab, VocabCard)
    assert vocab.it.terms == ["Roma"] and vocab.en.terms == ["Qual è la capitale d'Italia?"]
    english, _ = import_apkg(path, ImportOptions(lang="en"))
    assert english.deck.cards[0].en.question == "Qual è la capitale d'Italia?"


def test_current_format_package_is_read(tmp_path: Path) -> None:
    path = current_apkg(tmp_path / "current.apkg")
    package = read_apkg(path)
    assert package.collection == "collection.anki21b"
    kinds = {nt.name: nt.is_cloze for nt in package.notetypes.values()}
    assert kinds == {"Basic": False, "Basic (and reversed card)": False, "Cloze": True}
    assert package.media == ["photo.jpg"]
    imported, _ = import_apkg(path)
    qa, vocab, cloze = imported.deck.cards
    assert qa.it.question == "Chi ha fondato DeepSeek?" and qa.tags == ["persone"]
    assert vocab.it.terms == ["l'addestramento"] and vocab.en.terms == ["training"]
    assert cloze.it.text == "Si chiama {{inferenza}}."
    assert imported.deck.deck.title.it == "DeepSeek"  # "Corso::DeepSeek", the leaf


@pytest.mark.parametrize("source", [BUNDLED_DECK, EVERY_KIND], ids=["bundled", "every-kind"])
def test_deck_to_apkg_to_deck_keeps_every_card(tmp_path: Path, source: Path) -> None:
    deck = load_deck(source)
    path = tmp_path / "deck.apkg"
    path.write_bytes(deck_to_apkg(deck))
    imported, _ = import_apkg(path)
    assert imported.warnings == []
    assert imported.deck == deck


def test_export_has_one_note_per_card_both_directions_for_vocab(tmp_path: Path) -> None:
    deck = load_deck(EVERY_KIND)
    path = tmp_path / "deck.apkg"
    path.write_bytes(deck_to_apkg(deck))
    package = read_apkg(path)
    assert {nt.id for nt in package.notetypes.values()} == {FRONT_BACK_MODEL_ID, CLOZE_MODEL_ID}
    front_back = package.notetypes[FRONT_BACK_MODEL_ID]
    assert front_back.fields[:2] == ("Italian", "English")
    by_guid = {note.guid: note for note in package.notes}
    assert len(by_guid) == len(deck.cards)
    vocab = by_guid[note_guid(deck.id, "vocab-noun")]
    assert vocab.card_ords == (0, 1)
    assert by_guid[note_guid(deck.id, "qa-full")].card_ords == (0,)
    cloze = by_guid[note_guid(deck.id, "cloze-two-gaps")]
    assert cloze.notetype_id == CLOZE_MODEL_ID and cloze.card_ords == (0, 1)
    assert "{{c1::inferenza::dopo l'addestramento}}" in cloze.fields[0]
    assert "{{c2::6 milioni}}" in cloze.fields[0]


def test_note_ids_and_guids_are_derived_from_deck_and_card_ids(tmp_path: Path) -> None:
    deck = load_deck(EVERY_KIND)
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    first.write_bytes(deck_to_apkg(deck, timestamp=1_600_000_000))
    second.write_bytes(deck_to_apkg(deck, timestamp=1_700_000_000))

    def ids(path: Path) -> list[tuple[int, str, int]]:
        return sorted((n.id, n.guid, n.notetype_id) for n in read_apkg(path).notes)

    assert ids(first) == ids(second)
    assert number("quizapp-note", deck.id, "qa-full") in {i for i, _, _ in ids(first)}
    # a different deck id gives different guids: two decks never overwrite each other
    other = deck.model_copy(update={"deck": deck.deck.model_copy(update={"id": "other"})})
    third = tmp_path / "c.apkg"
    third.write_bytes(deck_to_apkg(other))
    assert not {g for _, g, _ in ids(first)} & {g for _, g, _ in ids(third)}


def test_a_note_edited_in_anki_comes_back_with_the_edit(tmp_path: Path) -> None:
    deck = load_deck(EVERY_KIND)
    path = tmp_path / "deck.apkg"
    path.write_bytes(deck_to_apkg(deck))
    with zipfile.ZipFile(path) as archive:
        database = tmp_path / "c.sqlite"
        database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    guid = note_guid(deck.id, "vocab-noun")
    flds = connection.execute("SELECT flds FROM notes WHERE guid = ?", (guid,)).fetchone()[0]
    fields = flds.split("\x1f")
    fields[1] = "<b>neural net</b>"
    connection.execute("UPDATE notes SET flds = ? WHERE guid = ?", ("\x1f".join(fields), guid))
    connection.commit()
    connection.close()
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(database, "collection.anki2")
    cards = {card.id: card for card in import_apkg(path)[0].deck.cards}
    edited = cards["vocab-noun"]
    assert isinstance(edited, VocabCard)
    assert edited.en.terms == ["neural net"]
    assert edited.en.example == "The neural network learns from data."  # kept from the card
    assert edited.gender == "f"
    assert cards["qa-full"] == deck.cards[0]


def test_review_history_becomes_log_rows_of_every_kind(tmp_path: Path) -> None:
    path = legacy_apkg(tmp_path / "legacy.apkg")
    day = 86_400_000
    start = 1_700_000_000_000
    add_reviews(
        path,
        [
            (start, "reverse-guid-1", 0, 3, 4_000, 0),
            (start + day, "reverse-guid-1", 0, 3, 3_000, 1),
            (start + 3 * day, "reverse-guid-1", 0, 1, 9_000, 1),
            (start + 4 * day, "reverse-guid-1", 1, 4, 2_000, 0),
            (start + 5 * day, "reverse-guid-1", 1, 0, 0, 4),  # Set due date (ease factor set)
            (start + 6 * day, "cloze-guid-1", 1, 2, 7_200_000, 0),  # walked away for 2 hours
        ],
    )
    imported, package = import_apkg(path, with_history=True)
    history = import_history(package, imported, start + 7 * day)
    vocab_id = imported.deck.cards[1].id
    cloze_id = imported.deck.cards[2].id
    assert [(r.card_id, r.direction, r.mode, r.rating) for r in history.reviews] == [
        (vocab_id, "it>en", "study", 3),
        (vocab_id, "it>en", "study", 3),
        (vocab_id, "it>en", "study", 1),
        (vocab_id, "en>it", "study", 4),
        (vocab_id, "en>it", "due-date", None),
        (cloze_id, "it.2", "study", 2),
    ]
    first, last = history.reviews[0], history.reviews[-1]
    assert first.at == start and first.duration_ms == 4_000 and last.duration_ms == 3_600_000
    assert first.key == (imported.deck.id, vocab_id, "it>en")
    assert first.until == 1  # the interval Anki gave (revlog ivl)
    assert {r.day_start for r in history.reviews} == {4}
    assert history.answers == 5 and history.count("due-date") == 1 and history.cards == 3


def test_review_history_folds_in_the_store_idempotently(tmp_path: Path) -> None:
    from quizapp.core.schedule import Stage
    from quizapp.core.store import Store

    day = 86_400_000
    start = 1_700_000_000_000
    path = legacy_apkg(tmp_path / "legacy.apkg")
    add_reviews(
        path,
        [
            (start, "reverse-guid-1", 0, 3, 4_000, 0),
            (start + day, "reverse-guid-1", 0, 3, 3_000, 1),
            (start + 4 * day, "reverse-guid-1", 0, 3, 3_000, 1),
            (start + 2 * day, "basic-guid-1", 0, 1, 3_000, 0),
        ],
    )
    imported, package = import_apkg(path, with_history=True)
    reviews = import_history(package, imported, start + 5 * day).reviews
    again = import_history(package, imported, start + 5 * day).reviews
    assert [r.id for r in reviews] == [r.id for r in again]
    assert len({r.id for r in reviews}) == len(reviews)
    assert [r.id for r in reviews] == sorted(r.id for r in reviews)  # ids sort by time
    with Store(tmp_path / "progress.db") as store:
        assert store.merge(reviews) == 4
        assert store.merge(reviews) == 0
        assert store.check().ok
        for key in {r.key for r in reviews}:
            state = store.state(key)
            assert state is not None and state.due is not None
            assert state.last_review == max(r.at for r in reviews if r.key == key)
            assert state.due > state.last_review
        reviewed = store.state(reviews[0].key)
        assert reviewed is not None and reviewed.stage == Stage.REVIEW
        assert reviewed.interval == 1  # the revlog's ivl: Anki's own interval


def test_json_export_validates_against_the_deck_schema() -> None:
    for source in (BUNDLED_DECK, EVERY_KIND):
        data = json.loads(deck_to_json(load_deck(source)))
        jsonschema.validate(data, json_schema())
        assert len(data["cards"]) == len(load_deck(source).cards)
    broken = json.loads(deck_to_json(load_deck(EVERY_KIND)))
    del broken["cards"][0]["id"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json_schema())


def test_ids_that_collide_are_moved_on_and_the_package_still_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Derived ids share a range of 7e11: at a million notes about one collides. Every note
    and card id is moved past those already written, as if every id hashed alike."""
    from quizapp.core.interop import apkg_write

    monkeypatch.setattr(apkg_write.ids, "number", lambda *parts, **_: 1_500_000_000_000)
    deck = load_deck(BUNDLED_DECK)
    path = tmp_path / "collide.apkg"
    with open(path, "wb") as out:
        apkg_write.write_apkg(deck, out, timestamp=1_700_000_000)
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as con:
        notes = [row[0] for row in con.execute("SELECT id FROM notes")]
        cards = [row[0] for row in con.execute("SELECT id FROM cards")]
    assert len(notes) == len(deck.cards) and len(cards) > len(notes)
    assert len(set(notes) | set(cards)) == len(notes) + len(cards)  # none given twice
    monkeypatch.undo()
    assert len(read_apkg(path).notes) == len(deck.cards)
