"""CSV/TSV import (Quizlet exports, spreadsheets) and CSV export, round trips included."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import QACard, VocabCard
from quizapp.core.interop import InteropError
from quizapp.core.interop.csv_export import COLUMNS, deck_to_csv
from quizapp.core.interop.csv_import import import_csv
from quizapp.core.interop.delimited import detect
from quizapp.core.interop.options import ImportOptions
from tests.conftest import BUNDLED_DECK

EVERY_KIND = Path(__file__).parent / "data" / "interop" / "every_kind.toml"

QUIZLET = (
    "il gatto\tthe cat\n(il) cane\tdog\nparlare\tto speak; to talk\nla rete (neurale\tnetwork\n"
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_quizlet_tsv_becomes_vocab_cards(tmp_path: Path) -> None:
    path = write(tmp_path, "lezione_1.txt", QUIZLET)
    imported = import_csv(path, ImportOptions(tag="lesson-1", alternatives=";"))
    deck = imported.deck
    assert imported.source_format == (
        "text, tab between term and definition, new line between rows, detected"
    )
    assert deck.id == "lezione-1"
    assert [card.id for card in deck.cards] == ["il-gatto", "il-cane", "parlare", "la-rete-neurale"]
    assert all(isinstance(card, VocabCard) for card in deck.cards)
    assert all(card.tags == ["lesson-1"] for card in deck.cards)
    cane, parlare, rete = deck.cards[1], deck.cards[2], deck.cards[3]
    assert cane.it.terms == ["(il) cane"]  # valid optional part kept
    assert parlare.en.terms == ["to speak", "to talk"]
    assert rete.it.terms == ["la rete \\(neurale"]  # unbalanced: a literal parenthesis


def test_ids_are_stable_across_imports_and_unique(tmp_path: Path) -> None:
    text = "cane\tdog\ncane\thound\nsole\tsun\ncane\tdog\n"
    path = write(tmp_path, "a.tsv", text)
    first = import_csv(path)
    again = import_csv(path)
    assert [c.id for c in first.deck.cards] == [c.id for c in again.deck.cards]
    ids = [c.id for c in first.deck.cards]
    assert ids[0] == "cane" and ids[1].startswith("cane-") and ids[2] == "sole"
    assert len(ids) == 3
    assert first.skipped == 1 and "same row as line 1" in first.warnings[0]


@pytest.mark.parametrize("delimiter", ["\t", ",", ";", "|"])
def test_delimiter_is_detected(delimiter: str) -> None:
    rows = [["uno", "one", "x"], ["due, tre", "two; three", "y"], ["quattro", "four", "z"]]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    layout = detect(out.getvalue())
    assert layout.cells == delimiter and layout.rows == "\n"


def test_header_names_choose_the_columns(tmp_path: Path) -> None:
    text = "notes,English,Italiano\nx,dog,cane\ny,cat,gatto\n"
    deck = import_csv(write(tmp_path, "h.csv", text)).deck
    pairs = [(c.it.terms[0], c.en.terms[0]) for c in deck.cards]
    assert pairs == [("cane", "dog"), ("gatto", "cat")]


def test_columns_by_number_and_no_header(tmp_path: Path) -> None:
    text = "dog;x;cane\ncat;y;gatto\n"
    options = ImportOptions(it="3", en="1", header=False)
    deck = import_csv(write(tmp_path, "n.csv", text), options).deck
    assert [c.it.terms[0] for c in deck.cards] == ["cane", "gatto"]


def test_unknown_column_name_is_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "h.csv", "italian,english\ncane,dog\n")
    with pytest.raises(InteropError, match="no column named 'spanish'"):
        import_csv(path, ImportOptions(it="spanish"))


def test_question_answer_sheet_becomes_qa_cards(tmp_path: Path) -> None:
    text = "domanda\trisposta\nChi ha fondato DeepSeek?\tLiang Wenfeng\nDove ha sede?\tHangzhou\n"
    imported = import_csv(write(tmp_path, "qa.tsv", text))
    deck = imported.deck
    assert all(isinstance(c, QACard) for c in deck.cards)
    assert deck.cards[0].it.question == "Chi ha fondato DeepSeek?"
    assert deck.cards[0].it.answers == ["Liang Wenfeng"]
    assert deck.deck.languages == ["it"]  # one-language cards: no warning per card


def test_english_qa_with_kind_option(tmp_path: Path) -> None:
    text = "Who founded DeepSeek?\tLiang Wenfeng\n"
    options = ImportOptions(kind="qa", lang="en")
    card = import_csv(write(tmp_path, "qa.tsv", text), options).deck.cards[0]
    assert card.en.question == "Who founded DeepSeek?" and card.it is None


def test_rows_with_an_empty_cell_are_skipped_and_reported(tmp_path: Path) -> None:
    imported = import_csv(write(tmp_path, "e.tsv", "cane\tdog\n\tcat\nsole\t\n"))
    assert len(imported.deck.cards) == 1
    assert imported.skipped == 2
    assert "e.tsv:2: skipped: the Italian cell is empty" in imported.warnings[0]
    assert "e.tsv:3: skipped: the English cell is empty" in imported.warnings[1]


def test_utf16_and_bom_files_are_read(tmp_path: Path) -> None:
    utf16 = write(tmp_path, "u16.txt", "\ufeffperché\tbecause\n", "utf-16-le")
    assert import_csv(utf16).deck.cards[0].it.terms == ["perché"]
    bom = write(tmp_path, "bom.csv", "\ufeffperché,because\n")
    assert import_csv(bom).deck.cards[0].it.terms == ["perché"]


def test_csv_export_has_a_header_and_one_row_per_card() -> None:
    deck = load_deck(EVERY_KIND)
    data = deck_to_csv(deck)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    assert [row[0] for row in rows[1:]] == [card.id for card in deck.cards]
    vocab = rows[3]
    assert vocab[3] == "(la) rete neurale; rete" and vocab[4] == "neural network"


@pytest.mark.parametrize("source", [BUNDLED_DECK, EVERY_KIND], ids=["bundled", "every-kind"])
def test_deck_to_csv_to_deck_keeps_every_card(tmp_path: Path, source: Path) -> None:
    deck = load_deck(source)
    path = tmp_path / "deck.csv"
    path.write_bytes(deck_to_csv(deck))
    back = import_csv(path)
    assert back.source_format == "quizapp CSV"
    assert back.warnings == []
    assert back.deck.cards == deck.cards


def test_a_row_edited_in_a_spreadsheet_takes_the_edit(tmp_path: Path) -> None:
    deck = load_deck(EVERY_KIND)
    rows = list(csv.reader(io.StringIO(deck_to_csv(deck).decode("utf-8-sig"))))
    rows[1][5] = "6 milioni; sei milioni di dollari"  # qa-full, Italian answers
    rows[3][4] = "neural net"  # vocab-noun, English term
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = write(tmp_path, "edited.csv", out.getvalue())
    cards = {card.id: card for card in import_csv(path).deck.cards}
    qa = cards["qa-full"]
    assert qa.it.answers == ["6 milioni", "sei milioni di dollari"]
    assert qa.it.note == deck.cards[0].it.note  # what the columns do not show is kept
    assert qa.it.reject == ["6 miliardi"] and qa.strict_accents
    assert cards["vocab-noun"].en.terms == ["neural net"]
    assert cards["vocab-noun"].gender == "f"
    assert cards["list-ordered"] == deck.cards[-1]
