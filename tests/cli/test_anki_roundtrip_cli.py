"""A deck taken to the real Anki and back: quizapp export -> Anki (its own backend) -> studied
and edited there -> exported by Anki in its current format (the default) and the legacy one
-> quizapp import. Nothing of the deck is lost on the way."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import ClozeCard, Deck
from tests.anki_real import anki, export_package, import_package, note_of, study
from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK, REPO

FORMATS = {"current": False, "legacy": True}
EDITS_DECK = REPO / "tests" / "core" / "data" / "interop" / "anki_edits.toml"
"""Cards as they stood in bundled deck 1.0.0, so that deck corrections leave these tests be."""


def _to_anki(tmp_path: Path, deck: str = "deepseek-it") -> Path:
    result = run_quizapp("export", deck, "--to", "apkg", "-o", "out.apkg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out.apkg"


def _back(tmp_path: Path, package: Path, *extra: str) -> tuple[Deck, str]:
    target = tmp_path / f"{package.stem}.toml"
    result = run_quizapp("import", str(package), "-o", str(target), *extra, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return load_deck(target), result.stdout


@pytest.mark.parametrize("kind", FORMATS)
def test_both_formats_keep_the_deck_and_its_progress_on_one_id(tmp_path: Path, kind: str) -> None:
    bundled = load_deck(BUNDLED_DECK)
    with anki(tmp_path / "anki") as col:
        import_package(col, _to_anki(tmp_path))
        studied = study(col, 6)
        package = export_package(col, tmp_path / f"{kind}.apkg", legacy=FORMATS[kind])
    deck, printed = _back(tmp_path, package, "--with-history")
    assert deck.deck == bundled.deck  # id, author, license, source, description, both titles
    assert deck.cards == bundled.cards
    assert f"(deck '{bundled.id}')" in printed
    assert "Review history: 6 answers for 6 cards read from Anki" in printed
    exported = run_quizapp("export-progress")
    reviews = [json.loads(line) for line in exported.stdout.splitlines()[1:]]
    assert len(reviews) == len(studied)
    assert {review["deck"] for review in reviews} == {"deepseek-it"}
    cards = {card.id for card in bundled.cards}
    assert {review["card"] for review in reviews} <= cards


def _edit(note: Any, col: Any, **fields: str) -> None:
    for name, value in fields.items():
        note[name.replace("_", " ")] = value
    col.update_note(note)


@pytest.mark.parametrize("kind", FORMATS)
def test_edits_in_anki_keep_what_anki_cannot_show(tmp_path: Path, kind: str) -> None:
    bundled = {card.id: card for card in load_deck(EDITS_DECK).cards}
    with anki(tmp_path / "anki") as col:
        import_package(col, _to_anki(tmp_path, str(EDITS_DECK)))
        fund = note_of(col, "guidance-fund-cloze")
        _edit(fund, col, Italian=fund["Italian"].replace("138 miliardi", "140 miliardi"))
        cost = note_of(col, "v3-training-cost")
        _edit(cost, col, Italian_answer="sei milioni di dollari")
        term = note_of(col, "addestramento")
        term.tags.append("ripasso")
        _edit(term, col, English="model training")
        tigers = note_of(col, "ai-tigers")
        _edit(tigers, col, English_answer="Baichuan, Moonshot, MiniMax, Zhipu AI")
        reasoning = note_of(col, "reasoning-model")
        assert reasoning.tags == ["companies", "concepts"]  # Anki sorts the tags
        package = export_package(col, tmp_path / f"{kind}.apkg", legacy=FORMATS[kind])
    deck, printed = _back(tmp_path, package)
    cards = {card.id: card for card in deck.cards}

    fund_card = cards["guidance-fund-cloze"]
    assert isinstance(fund_card, ClozeCard) and fund_card.it and fund_card.en
    assert "{{1 trilione di yuan|1.000 miliardi di yuan|mille miliardi di yuan::in yuan}}" in (
        fund_card.it.text
    )  # the gap not edited keeps its alternatives
    assert "{{140 miliardi di dollari::in dollari}}" in fund_card.it.text
    assert fund_card.en == bundled["guidance-fund-cloze"].en  # the other language: untouched
    assert fund_card.it.reject == bundled["guidance-fund-cloze"].it.reject
    assert "gap 2 of the Italian sentence was changed in Anki" in printed

    cost_side = cards["v3-training-cost"].it
    assert cost_side.answers == ["sei milioni (di dollari)", "6 milioni (di dollari)", "$6 milioni"]
    assert cost_side.reject == bundled["v3-training-cost"].it.reject

    term_card = cards["addestramento"]
    assert term_card.en.terms == ["model training", "training"]
    assert term_card.it == bundled["addestramento"].it
    assert term_card.tags == ["vocab", "ripasso"]  # the tag added in Anki comes back, last

    tiger_items = cards["ai-tigers"].en.items
    assert tiger_items == ["Baichuan", "Moonshot", ["MiniMax", "Minimax"], "Zhipu AI"]
    assert cards["reasoning-model"] == bundled["reasoning-model"]  # tag order kept
    untouched = set(bundled) - {"guidance-fund-cloze", "v3-training-cost", "addestramento"}
    assert all(cards[card_id] == bundled[card_id] for card_id in untouched - {"ai-tigers"})


def _spans(html: str) -> list[str]:
    return re.findall(r'<span class="cloze"[^>]*>(.*?)</span>', html)


def test_what_anki_shows_is_written_as_a_person_writes_it(tmp_path: Path) -> None:
    with anki(tmp_path / "anki") as col:
        import_package(col, _to_anki(tmp_path, str(EDITS_DECK)))
        term = note_of(col, "addestramento")
        assert term["Italian"] == "l'addestramento"
        assert term["English"] == "training"
        tigers = note_of(col, "ai-tigers")
        assert tigers["Italian answer"] == "Baichuan, Moonshot, MiniMax, Zhipu"
        cost = note_of(col, "v3-training-cost")
        assert cost["Italian answer"] == "6 milioni di dollari"
        reasoning = note_of(col, "reasoning-model")
        blanked = {}
        for card in reasoning.cards():
            question = card.question()
            italian, english = question.split('<div class="other">', 1)
            blanked[card.ord] = (_spans(italian), _spans(english))
        # one Anki card blanks the same fact in both languages
        assert blanked[0] == (["[sigla]"], ["[abbreviation]"])
        assert blanked[1] == (["[che cosa sa fare?]"], ["[what can it do?]"])
