"""Quizlet's export, for every pair of separators it offers: between term and definition a
tab, a comma or a custom text; between rows a new line, a semicolon or a custom text. Quizlet
quotes and escapes nothing, so the files in data/quizlet hold each card as it is: a comma in a
definition, quotes, an unclosed quote, a definition on two lines, a semicolon in a definition.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.deck.model import VocabCard
from quizapp.core.interop import InteropError
from quizapp.core.interop.csv_import import import_csv
from quizapp.core.interop.delimited import detect, rows
from quizapp.core.interop.options import ImportOptions

FILES = Path(__file__).parent / "data" / "quizlet"
TERMS = {"tab": "\t", "comma": ",", "custom": " - "}
ROWS = {"newline": "\n", "semicolon": ";", "custom": "##"}
CARDS = [
    ("ciao", "hello, hi"),
    ('"Ciao" tra amici', '"Hi" among friends'),
    ('"arrivederci', "goodbye"),
    ("la rete neurale", "neural network made of layers"),
    ("perché", "why; because"),
    ("l'IA", "AI"),
]
PAIRS = [(term, row) for term in TERMS for row in ROWS]


def _pairs(path: Path, options: ImportOptions | None = None) -> list[tuple[str, str]]:
    imported = import_csv(path, options)
    assert imported.read == 6 and imported.skipped == 0, imported.warnings
    cards = imported.deck.cards
    assert all(isinstance(card, VocabCard) and card.it and card.en for card in cards)
    return [(card.it.terms[0], card.en.terms[0]) for card in cards]  # type: ignore[union-attr]


@pytest.mark.parametrize(("term", "row"), PAIRS)
def test_every_export_option_is_detected(term: str, row: str) -> None:
    path = FILES / f"{term}-{row}.txt"
    layout = detect(path.read_text(encoding="utf-8"))
    assert (layout.cells, layout.rows, layout.csv) == (TERMS[term], ROWS[row], False)
    assert _pairs(path) == CARDS


@pytest.mark.parametrize(("term", "row"), PAIRS)
def test_every_export_option_given(term: str, row: str) -> None:
    options = ImportOptions(delimiter=TERMS[term], row_separator=ROWS[row])
    assert _pairs(FILES / f"{term}-{row}.txt", options) == CARDS


def test_what_was_joined_is_said() -> None:
    on_lines = import_csv(FILES / "tab-newline.txt")
    assert on_lines.notices == [
        f"{FILES / 'tab-newline.txt'}: line 5 has no tab: read as the rest of the definition "
        "above (a definition on several lines); check that card, or give --delimiter and "
        "--row-separator"
    ]
    semicolons = import_csv(FILES / "tab-semicolon.txt")
    assert (
        "piece 6 between semicolons has no tab: read as the rest of the definition before"
        in (semicolons.notices[0])
    )


def test_a_lone_quote_and_quoted_words_stay_text() -> None:
    text = (FILES / "tab-newline.txt").read_text(encoding="utf-8")
    cut = list(rows(text, detect(text), pairs=True, max_columns=10))
    assert cut[1].cells == ['"Ciao" tra amici', '"Hi" among friends']
    assert cut[2].cells == ['"arrivederci', "goodbye"]
    assert [row.line for row in cut] == [1, 2, 3, 4, 6, 7]


def test_a_spreadsheet_csv_is_still_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "foglio.csv"
    path.write_text(
        'italiano,inglese,note\n"ciao, amico","hi, friend",x\n"il ""gatto""",cat,\n',
        encoding="utf-8",
    )
    imported = import_csv(path)
    assert imported.source_format == "CSV, comma between columns, detected"
    pairs = [(card.it.terms[0], card.en.terms[0]) for card in imported.deck.cards]  # type: ignore[union-attr]
    assert pairs == [("ciao, amico", "hi, friend"), ('il "gatto"', "cat")]
    assert imported.notices == [
        f"{path}: not imported: column 3 ('note') (choose the columns with --it/--en or "
        "--question/--answer)"
    ]


def test_rows_that_make_no_card_are_each_listed(tmp_path: Path) -> None:
    path = tmp_path / "lezione.txt"
    path.write_text("ciao\thello\ngatto\t\n\tdog\nciao\thello\nsole\tsun\n", encoding="utf-8")
    imported = import_csv(path)
    assert imported.read == 5 and len(imported.deck.cards) == 2 and imported.skipped == 3
    assert imported.warnings == [
        f"{path}:2: skipped: the English cell is empty",
        f"{path}:3: skipped: the Italian cell is empty",
        f"{path}:4: skipped: the same row as line 1",
    ]


def test_text_with_no_separator_asks_for_them(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_text("ciao => hello\ngrazie => thanks\n", encoding="utf-8")
    with pytest.raises(InteropError, match=r"give --delimiter .* and --row-separator"):
        import_csv(path)
    given = import_csv(path, ImportOptions(delimiter=" => "))
    assert [card.id for card in given.deck.cards] == ["ciao", "grazie"]
