"""A card as the fields of its Anki note (an Anki note edited by a person comes back to the card
in `anki_edits`).

What Anki shows is what a person would write: an answer in its fullest form (`l'addestramento`,
not quizapp's `(l')addestramento`), a list item by its first form (`MiniMax`, not
`MiniMax | Minimax`), a cloze gap by its first answer, numbered so that one Anki card blanks
the same fact in both languages (`cloze_pairs`). What Anki cannot show (alternatives, rejected
answers, the other forms of an item, the card's structure) stays in the hidden field, which
holds the whole card as JSON.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.answers import AnswerSyntaxError, Gap, display, parse_cloze
from quizapp.core.deck.cards import ChoiceSide, VocabSide
from quizapp.core.deck.model import Card, ChoiceCard, ClozeCard, ListCard, QACard, VocabCard
from quizapp.core.interop.cloze_pairs import cloze_numbers
from quizapp.core.interop.visible import visible

META_FIELD = "quizapp"
FIELDS = ["Italian", "English", "Italian answer", "English answer", "Notes", "Both ways"]
CLOZE_FIELDS = ["Italian", "English", "Notes"]
PROMPT_FIELDS = {"Italian": "it", "English": "en"}
ANSWER_FIELDS = {"Italian answer": "it", "English answer": "en"}
LANGUAGE_FIELDS = {"it": "Italian", "en": "English"}
_OPTIONS_SEPARATOR = " · "
ANKI_GAP = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def as_html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def shown_answer(answer: str) -> str:
    try:
        return display(answer)
    except AnswerSyntaxError:
        return answer


def _items_text(forms: Sequence[Sequence[str]]) -> str:
    shown = [shown_answer(item[0]) for item in forms]
    separator = "; " if any("," in item for item in shown) else ", "
    return separator.join(shown)


def gap_body(gap: Gap) -> str:
    return "|".join(gap.answers) + (f"::{gap.hint}" if gap.hint else "")


def anki_cloze(text: str, numbers: Sequence[int]) -> str:
    """quizapp cloze text -> Anki's (plain text): gap k gets number `numbers[k]`, its first
    answer shown as written."""
    out: list[str] = []
    gaps = iter(numbers)
    for part in parse_cloze(text).parts:
        if isinstance(part, str):
            out.append(part)
            continue
        hint = f"::{part.hint}" if part.hint else ""
        out.append(f"{{{{c{next(gaps)}::{shown_answer(part.answers[0])}{hint}}}}}")
    return "".join(out)


@dataclass(frozen=True)
class _Piece:
    """One line group of the Notes field: a side's example, note or choice options."""

    lang: str
    part: str
    text: str


def note_pieces(card: Card) -> list[_Piece]:
    pieces: list[_Piece] = []
    for lang in card.languages():
        side = card.side(lang)
        if side is None:
            continue
        if isinstance(side, VocabSide) and side.example:
            pieces.append(_Piece(lang, "example", side.example))
        if side.note:
            pieces.append(_Piece(lang, "note", side.note))
        if isinstance(side, ChoiceSide) and side.distractors:
            shown = (shown_answer(o) for o in [side.answer, *side.distractors])
            options = sorted(shown, key=str.casefold)
            pieces.append(_Piece(lang, "options", _OPTIONS_SEPARATOR.join(options)))
    return pieces


def _prompt_and_answer(card: Card, lang: str) -> tuple[str, str]:
    """What the note shows of one side of a card that is not a cloze: prompt and answer."""
    if isinstance(card, QACard) and (qa := card.side(lang)) is not None:
        return qa.question, shown_answer(qa.answers[0])
    if isinstance(card, VocabCard) and (vocab := card.side(lang)) is not None:
        return shown_answer(vocab.terms[0]), ""
    if isinstance(card, ChoiceCard) and (choice := card.side(lang)) is not None:
        return choice.question, shown_answer(choice.answer)
    if isinstance(card, ListCard) and (items := card.side(lang)) is not None:
        return items.question, _items_text(items.item_forms())
    return "", ""


def field_texts(card: Card) -> dict[str, str]:
    """The visible fields of the card's note, as plain text (before HTML escaping)."""
    notes = "\n".join(piece.text for piece in note_pieces(card))
    if isinstance(card, ClozeCard):
        numbers = cloze_numbers(card)
        texts = {
            LANGUAGE_FIELDS[lang]: anki_cloze(side.text, numbers[lang])
            for lang in card.languages()
            if (side := card.side(lang)) is not None
        }
        return {"Italian": "", "English": "", **texts, "Notes": notes}
    texts = {name: "" for name in FIELDS}
    for lang in card.languages():
        prompt, answer = _prompt_and_answer(card, lang)
        texts[LANGUAGE_FIELDS[lang]] = prompt
        texts[f"{LANGUAGE_FIELDS[lang]} answer"] = answer
    texts["Notes"] = notes
    texts["Both ways"] = "y" if isinstance(card, VocabCard) else ""
    return texts


def earlier_texts(card: Card) -> dict[str, str]:
    """What earlier quizapp exports showed (answers in the deck's syntax, `; ` between them):
    a note they made that nobody edited must not read as edited."""
    if isinstance(card, ClozeCard):
        return {}
    shown = visible(card)
    return {
        "Italian": shown.it,
        "English": shown.en,
        "Italian answer": shown.it_answer,
        "English answer": shown.en_answer,
    }


def meta_json(deck_id: str, card: Card, position: int | None = None) -> str:
    """The hidden field: the deck id, the whole card, and its place in the deck (Anki forgets
    the order of cards once they are studied)."""
    data: dict[str, Any] = {
        "deck": deck_id,
        "card": card.model_dump(mode="json", exclude_defaults=True),
    }
    if position is not None:
        data["position"] = position
    return as_html(json.dumps(data, ensure_ascii=True, separators=(",", ":")))


def note_fields(deck_id: str, card: Card, position: int | None = None) -> list[str]:
    """The Anki fields of a card's note (HTML), in the order of its note type."""
    texts = field_texts(card)
    names = CLOZE_FIELDS if isinstance(card, ClozeCard) else FIELDS
    return [*(as_html(texts[name]) for name in names), meta_json(deck_id, card, position)]
