"""Checks over a whole deck, beyond what each card's model checks: duplicate ids (errors), and
warnings for a missing language, a question asked twice, an answer equal to its question, list
sides of different lengths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizapp.core import tomlpos
from quizapp.core.answers import expand
from quizapp.core.deck.cards import LANGUAGES, ListCard, Side
from quizapp.core.deck.model import Deck
from quizapp.core.deck.problems import SHOWN_CHARS, Problem
from quizapp.core.text import shorten


def deck_checks(path: Path, deck: Deck, positions: tomlpos.LazyPositions) -> list[Problem]:
    name = str(path)
    problems: list[Problem] = []

    def at(index: int, *rest: str | int) -> tuple[int | None, int | None]:
        where = positions.find(("cards", index, *rest))
        return where if where else (None, None)

    questions: dict[tuple[str, str], str] = {}
    for index, card in enumerate(deck.cards):
        for lang in LANGUAGES:
            if lang in deck.deck.languages and card.side(lang) is None:
                line, column = at(index)
                label = {"it": "Italian", "en": "English"}[lang]
                problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"card '{card.id}': no {label} side ([cards.{lang}])",
                        "warning",
                        card.id,
                    )
                )
        for lang in card.languages():
            side = card.side(lang)
            question = side.asked() if side is not None else None
            if side is None or question is None:
                continue
            folded = " ".join(question.casefold().split())
            key = (lang, folded)
            if key in questions:
                line, column = at(index, lang, "question")
                problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"card '{card.id}': same {lang} question as card '{questions[key]}'",
                        "warning",
                        card.id,
                    )
                )
            else:
                questions[key] = card.id
            answers = _answers_of(side)
            if folded in {" ".join(a.casefold().split()) for a in answers}:
                line, column = at(index, lang, "question")
                problems.append(
                    Problem(
                        name,
                        line,
                        column,
                        f"card '{card.id}': an answer is identical to its {lang} question",
                        "warning",
                        card.id,
                    )
                )
        if (
            isinstance(card, ListCard)
            and card.it
            and card.en
            and len(card.it.items) != len(card.en.items)
        ):
            line, column = at(index, "en", "items")
            problems.append(
                Problem(
                    name,
                    line,
                    column,
                    f"card '{card.id}': {len(card.it.items)} Italian items but "
                    f"{len(card.en.items)} English items",
                    "warning",
                    card.id,
                )
            )
    return problems


def duplicate_ids(
    path: Path, data: dict[str, Any], positions: tomlpos.LazyPositions
) -> list[Problem]:
    """Duplicate card ids, found in the raw data so they show even beside schema errors."""
    cards = data.get("cards")
    if not isinstance(cards, list):
        return []
    problems: list[Problem] = []
    first_index: dict[str, int] = {}
    for index, card in enumerate(cards):
        card_id = card.get("id") if isinstance(card, dict) else None
        if not isinstance(card_id, str):
            continue
        if card_id not in first_index:
            first_index[card_id] = index
            continue
        where = positions.find(("cards", index, "id"))
        line, column = where if where else (None, None)
        first = positions.find(("cards", first_index[card_id], "id"))
        shown = shorten(card_id, SHOWN_CHARS)
        message = f"card '{shown}': duplicate id (first used on line {first[0] if first else '?'})"
        problems.append(Problem(str(path), line, column, message, card=shown))
    return problems


def _answers_of(side: Side) -> list[str]:
    return [form for answer in side.accepted() for form in expand(answer)]
