"""Editing a deck by hand from where a card is seen: finding the card's line, copying a bundled
deck to edit (same id, same progress), checking an edit and putting the text back."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.deck import catalog, load_deck, load_deck_cached
from quizapp.core.deck.editing import CardEdit, EditError, card_line, copy_bundled, is_bundled
from quizapp.core.rating import Rating
from quizapp.core.store.database import Store
from quizapp.core.study.session import Session
from tests.conftest import BUNDLED_DECK
from tests.progress_helpers import FakeClock, counter_ids

DECK = """\
[deck]
id = "edit-me"
format = 1
languages = ["it", "en"]
version = "1.0.0"
author = "quizapp"
license = "CC0-1.0"
title = { it = "Prova", en = "Test" }
description = { it = "Una prova", en = "A test" }

[[cards]]
id = "capital"
kind = "qa"
it = { question = "Capitale d'Italia?", answers = ["Roma"] }
en = { question = "Capital of Italy?", answers = ["Rome"] }

[[cards]]
id = "cane"
kind = "vocab"

[cards.it]
terms = ["cane"]

[cards.en]
terms = ["dog"]

[[cards]]
  id = 'year'   # a comment after the id
kind = "cloze"
it = { text = "Roma fu fondata nel {{753 a.C.}}." }
en = { text = "Rome was founded in {{753 BC}}." }

[[cards]]
id = "colour"
kind = "choice"
it = { question = "Di che colore è il cielo?", answer = "blu", distractors = ["verde"] }
en = { question = "What colour is the sky?", answer = "blue", distractors = ["green"] }

[[cards]]
id = "primes"
kind = "list"
it = { question = "I primi due numeri primi?", items = ["2", "3"] }
en = { question = "The first two primes?", items = ["2", "3"] }
"""


def _deck_file(tmp_path: Path, text: str = DECK) -> Path:
    path = tmp_path / "edit_me.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_deck_file_is_known_from_the_deck(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    assert load_deck(path).file == path
    assert load_deck_cached(path).file == path  # built, then read from the cache
    assert load_deck_cached(path).file == path
    twin = tmp_path / "twin.toml"
    twin.write_text(DECK, encoding="utf-8")
    assert load_deck(twin) == load_deck(path)  # where it was read from is not part of it
    assert "_read_from" not in load_deck(path).model_dump_json()


@pytest.mark.parametrize(
    ("card_id", "line"),
    [("capital", 12), ("cane", 18), ("year", 28), ("colour", 34), ("primes", 40)],
)
def test_the_line_of_each_kind_of_card(card_id: str, line: int) -> None:
    assert DECK.splitlines()[line - 1].strip().startswith("id =")
    assert card_line(DECK, card_id) == line


def test_the_line_of_a_card_in_an_inline_array_and_of_an_id_used_twice() -> None:
    inline = (
        "cards = [\n"
        '  { id = "one", kind = "qa" },\n'
        '  { id = "capital", kind = "qa" },\n'
        "]\n"
        '[deck]\nid = "capital"\nformat = 1\n'
    )
    assert card_line(inline, "capital") == 3
    assert card_line(inline, "one") == 2
    assert card_line(inline, "missing") is None
    assert card_line("not = [toml", "capital") is None
    commented = '[[cards]]\nid = "one"  # not "two"\n\n[[cards]]\nid = "two"\n'
    assert card_line(commented, "two") == 5


def test_the_line_of_every_card_of_the_bundled_deck() -> None:
    text = BUNDLED_DECK.read_text(encoding="utf-8")
    deck = load_deck(BUNDLED_DECK)
    lines = text.splitlines()
    for card in deck.cards:
        line = card_line(text, card.id)
        assert line is not None
        assert lines[line - 1] == f'id = "{card.id}"'


def test_a_bundled_deck_is_copied_with_its_id_and_its_progress() -> None:
    assert is_bundled(BUNDLED_DECK)
    deck = load_deck_cached(BUNDLED_DECK)
    clock = FakeClock()
    with Store() as store:
        session = Session.open(deck, store, clock=clock, ids=counter_ids())
        turn = session.next()
        assert turn is not None
        session.answer(Rating.GOOD)
        session.grade(Rating.GOOD)
        before = store.states(deck.id)
        copy = copy_bundled(BUNDLED_DECK)
        assert copy.parent == locations.user_decks_dir()
        assert not is_bundled(copy)
        assert copy.read_bytes() == BUNDLED_DECK.read_bytes()
        assert (copy.parent / "deck.schema.json").is_file()
        copied = load_deck_cached(copy)
        assert copied.id == deck.id
        assert store.states(copied.id) == before and before
        # the copy takes the bundled deck's place
        entries = catalog.discover()
        assert [entry.path for entry in entries] == [copy]
        assert entries[0].replaces is not None


def test_a_copy_never_overwrites_a_file_already_there() -> None:
    folder = locations.user_decks_dir()
    folder.mkdir(parents=True)
    (folder / BUNDLED_DECK.name).write_text("mine", encoding="utf-8")
    copy = copy_bundled(BUNDLED_DECK)
    assert copy.name == "deepseek_it-2.toml"
    assert (folder / BUNDLED_DECK.name).read_text(encoding="utf-8") == "mine"


def test_a_copy_that_cannot_be_written_names_the_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QUIZAPP_DATA_DIR", str(blocker))
        with pytest.raises(EditError, match="cannot copy the deck there"):
            copy_bundled(BUNDLED_DECK)


def test_a_good_edit_gives_the_new_deck(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    edit = CardEdit(path, "edit-me", "capital")
    assert edit.line() == 12
    assert not edit.changed
    path.write_text(DECK.replace('"Roma"]', '"Roma", "la città eterna"]'), encoding="utf-8")
    assert edit.changed
    checked = edit.check()
    assert checked.problems == []
    assert checked.deck is not None
    assert checked.deck.file == path
    assert checked.deck.card("capital").it.answers == ["Roma", "la città eterna"]  # type: ignore[union-attr]


def test_a_broken_edit_is_located_and_discarding_puts_the_text_back(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    edit = CardEdit(path, "edit-me", "cane")
    path.write_text(DECK.replace('terms = ["dog"]', 'terms = ["dog"]]'), encoding="utf-8")
    checked = edit.check()
    assert checked.deck is None
    assert len(checked.problems) == 1
    problem = checked.problems[0]
    assert (problem.file, problem.line) == (str(path), 25)
    assert problem.column == 16
    assert problem.format().startswith(f"{path}:25:")
    edit.discard()
    assert path.read_text(encoding="utf-8") == DECK
    assert edit.check().deck is not None


def test_a_schema_error_is_located_too(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    edit = CardEdit(path, "edit-me", "capital")
    path.write_text(DECK.replace('kind = "choice"', 'kind = "chioce"'), encoding="utf-8")
    problems = edit.check().problems
    assert problems and problems[0].line == 35
    assert "chioce" in problems[0].message


def test_changing_the_deck_id_is_refused(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    edit = CardEdit(path, "edit-me", "capital")
    path.write_text(DECK.replace('id = "edit-me"', 'id = "renamed"'), encoding="utf-8")
    checked = edit.check()
    assert checked.deck is None
    assert [(p.line, p.column) for p in checked.problems] == [(2, 6)]
    assert "'edit-me' to 'renamed'" in checked.problems[0].message


def test_a_discarded_edit_keeps_the_file_mode(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    path.chmod(0o640)
    edit = CardEdit(path, "edit-me", "capital")
    path.write_text("broken = [", encoding="utf-8")
    edit.discard()
    assert path.stat().st_mode & 0o777 == 0o640
    assert path.read_text(encoding="utf-8") == DECK


def _session(path: Path, store: Store) -> Session:
    return Session.open(load_deck(path), store, clock=FakeClock(), ids=counter_ids(), seed=1)


def test_a_session_goes_on_with_the_edited_deck(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    with Store() as store:
        session = _session(path, store)
        first = session.next()
        assert first is not None
        session.answer(Rating.GOOD)
        session.grade(Rating.GOOD)
        shown = session.next()
        assert shown is not None and shown.key != first.key
        session.answer("wrong on purpose")
        card_id = shown.key[1]
        text = DECK.replace(f'id = "{card_id}"\n', f'id = "{card_id}"\ntags = ["edited"]\n')
        path.write_text(text, encoding="utf-8")
        again = session.use_deck(load_deck(path))
        assert again is not None and again.key == shown.key
        assert again.prompt.card.tags == ["edited"]
        assert session.current is again  # shown again, not yet answered
        assert session.can_undo  # the answer before the edit can still be taken back
        session.answer(Rating.GOOD)
        session.grade(Rating.GOOD)
        assert len(store.states("edit-me")) >= 2


def test_a_session_moves_on_when_the_card_on_show_was_removed(tmp_path: Path) -> None:
    path = _deck_file(tmp_path)
    with Store() as store:
        session = _session(path, store)
        shown = session.next()
        assert shown is not None
        session.answer(Rating.GOOD)
        session.grade(Rating.GOOD)
        assert session.can_undo
        text = DECK.replace(f'id = "{shown.key[1]}"', 'id = "renamed-card"')
        path.write_text(text, encoding="utf-8")
        assert session.use_deck(load_deck(path)) is None
        assert not session.can_undo  # its answer cannot be shown again
        following = session.next()
        assert following is not None and following.key[1] != shown.key[1]
