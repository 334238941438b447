"""The judge's word lists: what they hold, and that they are what wordfreq gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.core.judge import lexicon
from quizapp.core.judge.words import is_real_word

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_lists_are_what_the_builder_makes_from_wordfreq() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("word", ["diario", "fiducia", "nazione", "rilasciare", "lasciò", "è"])
def test_real_italian_words(word: str) -> None:
    assert is_real_word(word, "it")


@pytest.mark.parametrize("word", ["perche", "perchè", "citta", "piu", "wenfeng", "adestramento"])
def test_accent_slips_and_typos_are_not_italian_words(word: str) -> None:
    assert not is_real_word(word, "it")


def test_english_list() -> None:
    assert is_real_word("estate", "en") and is_real_word("brain", "en")
    assert not is_real_word("trainig", "en")


def test_the_lists_are_large() -> None:
    assert len(lexicon.words("it")) > 30_000 and len(lexicon.words("en")) > 25_000
