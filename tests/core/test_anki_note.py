"""A card as its Anki note's fields and back: what Anki shows, and edits merged field by field."""

from __future__ import annotations

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import ClozeCard, ListCard, VocabCard
from quizapp.core.interop.anki_edits import merge_note, merged_tags
from quizapp.core.interop.anki_note import as_html, field_texts, note_fields
from quizapp.core.interop.building import make_card
from quizapp.core.interop.cloze_pairs import cloze_numbers, direction_of_card
from quizapp.core.interop.visible import visible
from tests.conftest import REPO

DECK = {
    card.id: card
    for card in load_deck(REPO / "tests" / "core" / "data" / "interop" / "anki_edits.toml").cards
}
"""Cards as they stood in bundled deck 1.0.0 (corrections there leave these tests be)."""


def _fields(card_id: str) -> dict[str, str]:
    card = DECK[card_id]
    names = ["Italian", "English", "Notes"] if isinstance(card, ClozeCard) else [
        "Italian", "English", "Italian answer", "English answer", "Notes", "Both ways"
    ]  # fmt: skip
    return dict(zip([*names, "quizapp"], note_fields("deepseek-it", card), strict=True))


def test_fields_show_answers_as_written() -> None:
    assert field_texts(DECK["addestramento"])["Italian"] == "l'addestramento"
    assert field_texts(DECK["ai-tigers"])["English answer"] == "Baichuan, Moonshot, MiniMax, Zhipu"


def test_an_unedited_note_is_the_card_itself() -> None:
    for card_id in ("addestramento", "ai-tigers", "reasoning-model", "v3-training-cost"):
        card = DECK[card_id]
        assert merge_note(card, _fields(card_id), card.tags).card is card


def test_a_note_from_an_earlier_export_reads_as_unedited() -> None:
    card = DECK["addestramento"]
    assert isinstance(card, VocabCard)
    fields = _fields("addestramento")
    earlier = visible(card)  # earlier exports showed the deck's syntax, every term
    fields["Italian"], fields["English"] = as_html(earlier.it), as_html(earlier.en)
    assert fields["English"] == "training; model training"
    assert merge_note(card, fields, card.tags).card is card
    fields["English"] = "training; AI training"  # an edit made to such a note
    merged = merge_note(card, fields, card.tags).card
    assert (
        isinstance(merged, VocabCard)
        and merged.en
        and merged.en.terms
        == [
            "training",
            "AI training",
        ]
    )


def test_an_edited_item_drops_only_its_own_forms() -> None:
    card = DECK["ai-tigers"]
    fields = _fields("ai-tigers")
    fields["Italian answer"] = "Baichuan; Moonshot; MiniMax; Zhipu AI"
    merged = merge_note(card, fields, card.tags).card
    assert isinstance(merged, ListCard) and merged.it and merged.en
    assert merged.it.items == ["Baichuan", "Moonshot", ["MiniMax", "Minimax"], "Zhipu AI"]
    assert merged.en == DECK["ai-tigers"].en


def test_a_cloze_edit_that_breaks_the_card_keeps_the_deck_card() -> None:
    card = DECK["inference-cloze"]
    fields = _fields("inference-cloze")
    fields["Italian"] = "no gaps left"
    merged = merge_note(card, fields, card.tags)
    assert merged.card == card
    assert "do not make a valid card" in merged.notices[-1]


def test_tags_keep_their_order_and_gain_those_added_in_anki() -> None:
    assert merged_tags(["concepts", "companies"], ["companies", "concepts"], None) == [
        "concepts",
        "companies",
    ]
    assert merged_tags(["b", "a"], ["a", "New::Tag", "b"], "lesson-3") == [
        "b",
        "a",
        "new-tag",
        "lesson-3",
    ]
    assert merged_tags(["b", "a"], ["a"], None) == ["a"]  # removed in Anki


def test_cloze_gaps_are_paired_across_languages() -> None:
    card = DECK["reasoning-model"]
    assert isinstance(card, ClozeCard)
    assert cloze_numbers(card) == {"it": [1, 2], "en": [2, 1]}
    assert direction_of_card(card, 0) == "it.1" and direction_of_card(card, 1) == "it.2"
    lonely = make_card(
        {
            "id": "x",
            "kind": "cloze",
            "it": {"text": "{{uno}} e {{due}}"},
            "en": {"text": "{{one}}, {{two}} and {{three}}"},
        }
    )
    assert isinstance(lonely, ClozeCard)
    assert cloze_numbers(lonely) == {"it": [1, 2], "en": [1, 2, 3]}
    assert direction_of_card(lonely, 2) == "en.3"
    figures = make_card(
        {
            "id": "y",
            "kind": "cloze",
            "it": {"text": "Nel {{2021}} raccolsero {{54,9 miliardi}}"},
            "en": {"text": "{{54.9 billion}} were raised in {{2021}}"},
        }
    )
    assert isinstance(figures, ClozeCard)
    assert cloze_numbers(figures) == {"it": [1, 2], "en": [2, 1]}
