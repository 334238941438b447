"""`quizapp import` of Quizlet's exports as a teacher runs it: every separator Quizlet offers,
quotes as Quizlet writes them, and a summary that accounts for every row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import VocabCard
from tests.cli.helpers import run_quizapp

FILES = Path(__file__).parent.parent / "core" / "data" / "quizlet"
DEFINITIONS = [
    "hello, hi",
    '"Hi" among friends',
    "goodbye",
    "neural network made of layers",
    "why; because",
    "AI",
]


def _import(tmp_path: Path, name: str, *options: str) -> tuple[list[str], str]:
    shutil.copy(FILES / name, tmp_path / name)
    result = run_quizapp("import", name, "-o", "deck.toml", "--force", *options, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    cards = load_deck(tmp_path / "deck.toml").cards
    assert all(isinstance(card, VocabCard) and card.en for card in cards)
    return [card.en.terms[0] for card in cards], result.stdout  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("tab-newline.txt", "tab between term and definition, new line between rows"),
        ("tab-semicolon.txt", "tab between term and definition, semicolon between rows"),
        ("comma-newline.txt", "comma between term and definition, new line between rows"),
        ("comma-semicolon.txt", "comma between term and definition, semicolon between rows"),
        ("custom-newline.txt", "' - ' between term and definition, new line between rows"),
        ("custom-semicolon.txt", "' - ' between term and definition, semicolon between rows"),
        ("tab-custom.txt", "tab between term and definition, '##' between rows"),
        ("custom-custom.txt", "' - ' between term and definition, '##' between rows"),
    ],
)
def test_each_quizlet_option_keeps_every_card(tmp_path: Path, name: str, layout: str) -> None:
    definitions, printed = _import(tmp_path, name)
    assert definitions == DEFINITIONS
    assert f"Read {name} (text, {layout}, detected): 6 rows, 6 cards (6 vocab), none skipped." in (
        printed
    )


def test_separators_given_on_the_command_line(tmp_path: Path) -> None:
    definitions, printed = _import(
        tmp_path, "custom-semicolon.txt", "--delimiter", " - ", "--row-separator", "semicolon"
    )
    assert definitions == DEFINITIONS
    assert "(text, ' - ' between term and definition, semicolon between rows)" in printed
    definitions, _ = _import(
        tmp_path, "tab-custom.txt", "--delimiter", "tab", "--row-separator", "##"
    )
    assert definitions == DEFINITIONS
    definitions, _ = _import(tmp_path, "comma-newline.txt", "--delimiter", "comma")
    assert definitions == DEFINITIONS


def test_skipped_rows_are_listed_with_why(tmp_path: Path) -> None:
    source = tmp_path / "lezione.txt"
    source.write_text("ciao\thello\ngatto\t\nsole\tsun\nciao\thello\n", encoding="utf-8")
    result = run_quizapp("import", "lezione.txt", "-o", "deck.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": 4 rows, 2 cards (2 vocab), 2 skipped:")
    assert lines[1:3] == [
        "  lezione.txt:2: skipped: the English cell is empty",
        "  lezione.txt:4: skipped: the same row as line 1",
    ]


def test_separators_that_cannot_be_told_apart_are_asked_for(tmp_path: Path) -> None:
    source = tmp_path / "strano.txt"
    source.write_text("ciao => hello\ngrazie => thanks\n", encoding="utf-8")
    result = run_quizapp("import", "strano.txt", "-o", "deck.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert "give --delimiter (tab, comma or the text between term and definition)" in (
        result.stderr
    )
    assert "Nothing was written." in result.stderr and not (tmp_path / "deck.toml").exists()
    given = run_quizapp(
        "import", "strano.txt", "-o", "deck.toml", "--delimiter", " => ", cwd=tmp_path
    )
    assert given.returncode == 0 and "2 rows, 2 cards" in given.stdout
