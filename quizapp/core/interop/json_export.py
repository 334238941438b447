"""Deck -> JSON: the deck model as data; it validates against `quizapp schema`."""

from __future__ import annotations

import json

from quizapp.core.deck.model import Deck


def deck_to_json(deck: Deck) -> bytes:
    data = deck.model_dump(mode="json", exclude_none=True)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
