"""A card as the few text columns a person sees in a spreadsheet or an Anki note, and back.

Exports write these columns (plus the whole card as JSON, for what they cannot show). An
import starts from the JSON card when there is one and lays the columns over it, so an edit
made in the spreadsheet or in Anki wins, and what the columns cannot show is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizapp.core.answers import AnswerSyntaxError, expand
from quizapp.core.deck.model import (
    Card,
    ChoiceCard,
    ClozeCard,
    ListCard,
    QACard,
    VocabCard,
)

SEPARATOR = "; "
"""Between alternatives (answers, terms, list items) in one column."""
FORMS_SEPARATOR = " | "
"""Between the accepted forms of one list item."""


@dataclass(frozen=True)
class Visible:
    """What a card says, per language: the prompt and, for kinds that have one, the answer."""

    it: str = ""
    en: str = ""
    it_answer: str = ""
    en_answer: str = ""

    def get(self, lang: str) -> tuple[str, str]:
        return (self.it, self.it_answer) if lang == "it" else (self.en, self.en_answer)


def visible(card: Card) -> Visible:
    """The columns of a card (answers in the deck's answer syntax)."""
    parts: dict[str, str] = {}
    for lang in card.languages():
        side: Any = card.side(lang)  # the kind's own side: the branches below say which
        prompt, answer = "", ""
        if isinstance(card, QACard):
            prompt, answer = side.question, SEPARATOR.join(side.answers)
        elif isinstance(card, VocabCard):
            prompt = SEPARATOR.join(side.terms)
        elif isinstance(card, ClozeCard):
            prompt = side.text
        elif isinstance(card, ChoiceCard):
            prompt, answer = side.question, side.answer
        elif isinstance(card, ListCard):
            items = [FORMS_SEPARATOR.join(forms) for forms in side.item_forms()]
            prompt, answer = side.question, SEPARATOR.join(items)
        parts[lang] = prompt
        parts[f"{lang}_answer"] = answer
    return Visible(**parts)


def as_answer(text: str) -> str:
    """Plain text as an answer: parentheses stay optional parts when they read as such,
    and are escaped (literal) when they would not be valid answer syntax."""
    text = " ".join(text.split())
    try:
        expand(text)
    except AnswerSyntaxError:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return text


def _split(text: str, separator: str | None) -> list[str]:
    pieces = text.split(separator.strip()) if separator and separator.strip() else [text]
    return [as_answer(piece) for piece in pieces if piece.strip()]


def merge(
    base: dict[str, Any], kind: str, columns: Visible, separator: str | None = SEPARATOR
) -> dict[str, Any]:
    """`base` (a card as plain data) with the visible columns laid over it.

    A language whose columns are empty loses its side; `separator` splits a column into
    alternatives (None: a column is one answer).
    """
    card = dict(base)
    card["kind"] = kind
    for lang in ("it", "en"):
        prompt, answer = columns.get(lang)
        prompt, answer = prompt.strip(), answer.strip()
        if not prompt:
            card.pop(lang, None)
            continue
        previous = card.get(lang)
        side: dict[str, Any] = dict(previous) if isinstance(previous, dict) else {}
        if kind == "qa":
            side["question"] = prompt
            side["answers"] = _split(answer, separator)
        elif kind == "vocab":
            side["terms"] = _split(prompt, separator)
        elif kind == "cloze":
            side["text"] = prompt
        elif kind == "choice":
            side["question"] = prompt
            side["answer"] = as_answer(answer)
        elif kind == "list":
            side["question"] = prompt
            items: list[str | list[str]] = []
            for item in answer.split(SEPARATOR.strip()) if answer else []:
                forms = _split(item, FORMS_SEPARATOR)
                if forms:
                    items.append(forms[0] if len(forms) == 1 else forms)
            side["items"] = items
        card[lang] = side
    return card
