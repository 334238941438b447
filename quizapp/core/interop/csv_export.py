"""Deck -> CSV: one row per card, readable in a spreadsheet, and complete enough to come back.

The columns `italian`, `english`, `italian_answer` and `english_answer` hold what the card
says (see `visible`); `quizapp` holds the whole card as JSON. `quizapp import` recognises the
header: an unchanged row comes back exactly, an edited one takes the edit.
"""

from __future__ import annotations

import csv
import io
import json

from quizapp.core.deck.model import Card, Deck
from quizapp.core.interop.visible import visible

COLUMNS = (
    "id",
    "kind",
    "tags",
    "italian",
    "english",
    "italian_answer",
    "english_answer",
    "quizapp",
)


def card_json(card: Card) -> str:
    data = card.model_dump(mode="json", exclude_defaults=True)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def card_row(card: Card) -> list[str]:
    shown = visible(card)
    return [
        card.id,
        card.kind,
        " ".join(card.tags),
        shown.it,
        shown.en,
        shown.it_answer,
        shown.en_answer,
        card_json(card),
    ]


def deck_to_csv(deck: Deck, *, bom: bool = True) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheets read the accents right), CRLF lines."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for card in deck.cards:
        writer.writerow(card_row(card))
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")
