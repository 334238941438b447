"""Deck -> JSON: the deck model as data; it validates against `quizapp schema`.

The cards are dumped one at a time (the text is the same as dumping the whole model at once):
a deck at the size cap, a million cards, would take several GB as one tree of dicts.
"""

from __future__ import annotations

import io
import json

from quizapp.core.deck.model import Deck


def deck_to_json(deck: Deck) -> bytes:
    head = deck.model_dump(mode="json", exclude_none=True, exclude={"cards"})
    text = json.dumps({**head, "cards": []}, ensure_ascii=False, indent=2)
    if not len(deck.cards):
        return (text + "\n").encode("utf-8")
    opening = text.removesuffix("[]\n}") + "["
    out = io.StringIO()
    out.write(opening)
    separator = "\n"
    for card in deck.cards:
        dumped = json.dumps(
            card.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2
        )
        out.write(separator)
        out.write("    " + dumped.replace("\n", "\n    "))
        separator = ",\n"
    out.write("\n  ]\n}\n")
    return out.getvalue().encode("utf-8")
