"""The TOML writer: decks a person can edit, escaped properly, that load back the same."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli
from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.deck.loading import check_text, load_deck
from quizapp.core.interop import InteropError, OutputExists
from quizapp.core.interop.files import write_file
from quizapp.core.interop.starter import starter_text, write_starter
from quizapp.core.interop.toml_write import deck_to_toml, toml_string, write_deck
from tests.conftest import BUNDLED_DECK

EVERY_KIND = Path(__file__).parent / "data" / "interop" / "every_kind.toml"


@given(st.text())
def test_any_text_survives_toml_string_escaping(text: str) -> None:
    assert tomli.loads(f"v = {toml_string(text)}")["v"] == text


def test_invisible_and_control_characters_are_written_as_escapes() -> None:
    written = toml_string("a\u202eb\x07c\td\u200be")
    assert written == '"a\\u202Eb\\u0007c\\td\\u200Be"'
    assert written.isascii()


def test_multiline_text_is_a_triple_quoted_string() -> None:
    written = toml_string('one\ntwo "quoted"\nends with "')
    assert written.startswith('"""\n')
    assert tomli.loads(f"v = {written}")["v"] == 'one\ntwo "quoted"\nends with "'


@pytest.mark.parametrize("path", [BUNDLED_DECK, EVERY_KIND], ids=["bundled", "every-kind"])
def test_written_deck_loads_back_identical(path: Path) -> None:
    deck = load_deck(path)
    text = deck_to_toml(deck, ["Imported from somewhere."])
    result = check_text(Path("out.toml"), text)
    assert result.errors == []
    assert result.deck == deck


def test_layout_looks_hand_written() -> None:
    text = deck_to_toml(load_deck(EVERY_KIND), ["A comment"])
    assert text.startswith("#:schema ./deck.schema.json\n# A comment\n\n[deck]\n")
    assert '\n\n[[cards]]\nid = "qa-full"\nkind = "qa"\n' in text
    assert "\n\n[cards.it]\nquestion = " in text
    assert "\n\n[cards.en]\n" in text
    assert 'items = ["Baichuan", "Moonshot", ["MiniMax", "Minimax"], "Zhipu"]' in text
    assert "strict_accents = true" in text and "article_required = true" in text
    assert "reject = []" not in text and "= null" not in text
    assert all(len(line) <= 100 or "=" in line for line in text.splitlines())


def test_long_arrays_break_one_item_per_line() -> None:
    deck = load_deck(EVERY_KIND)
    card = deck.cards[0]
    long_answers = [f"answer number {n} that is long enough" for n in range(5)]
    side = card.it.model_copy(update={"answers": long_answers})
    deck = deck.model_copy(update={"cards": [card.model_copy(update={"it": side})]})
    text = deck_to_toml(deck)
    assert 'answers = [\n    "answer number 0 that is long enough",\n' in text
    assert check_text(Path("x.toml"), text).deck == deck


def test_write_deck_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    deck = load_deck(EVERY_KIND)
    out = tmp_path / "deck.toml"
    out.write_text("precious", encoding="utf-8")
    with pytest.raises(OutputExists):
        write_deck(deck, out)
    assert out.read_text(encoding="utf-8") == "precious"
    write_deck(deck, out, force=True)
    assert load_deck(out) == deck
    assert [p.name for p in tmp_path.iterdir()] == ["deck.toml"]  # no temporary file left


def test_write_file_is_atomic_and_leaves_no_temporary_on_failure(tmp_path: Path) -> None:
    folder = tmp_path / "sub"
    write_file(folder / "a.bin", b"one")
    assert (folder / "a.bin").read_bytes() == b"one"
    with pytest.raises(InteropError, match="is a folder"):
        write_file(folder, b"x")
    with pytest.raises(OutputExists):
        write_file(folder / "a.bin", b"two")
    assert (folder / "a.bin").read_bytes() == b"one"
    assert sorted(p.name for p in folder.iterdir()) == ["a.bin"]


def test_starter_deck_has_one_card_of_each_kind_and_no_problems(tmp_path: Path) -> None:
    path = tmp_path / "mio_mazzo.toml"
    assert write_starter(path) == "mio-mazzo"
    result = check_text(path, path.read_text(encoding="utf-8"))
    assert result.problems == []
    assert result.deck is not None
    assert sorted(card.kind for card in result.deck.cards) == sorted(
        ["qa", "vocab", "cloze", "choice", "list"]
    )
    assert path.read_text(encoding="utf-8").count("\n# ") >= 5  # commented for authors
    with pytest.raises(OutputExists):
        write_starter(path)


def test_starter_title_and_id_are_escaped() -> None:
    text = starter_text(Path("x.toml"), deck_id="my-deck", title='A "quoted" title')
    result = check_text(Path("x.toml"), text)
    assert result.deck is not None
    assert result.deck.deck.title.en == 'A "quoted" title'
