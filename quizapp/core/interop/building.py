"""Plain data -> validated cards and decks, for the importers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quizapp.core.deck.model import KINDS, Card, Deck, DeckInfo

_CARD: TypeAdapter[Card] = TypeAdapter(Card)


def _reason(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    parts = [str(part) for part in first["loc"] if not str(part)[0].isupper()]
    if parts and parts[0] in KINDS:  # the tag of the kind the card was read as
        parts = parts[1:]
    where = ".".join(parts)
    message = str(first.get("ctx", {}).get("error", first["msg"]))
    return f"{where}: {message}" if where else message


def make_card(data: dict[str, Any]) -> Card:
    """A card from plain data; ValueError with a short reason when it is not a valid card."""
    try:
        return _CARD.validate_python(data)
    except ValidationError as error:
        raise ValueError(_reason(error)) from None


def make_info(data: dict[str, Any]) -> DeckInfo:
    try:
        return DeckInfo.model_validate(data)
    except ValidationError as error:
        raise ValueError(_reason(error)) from None


@dataclass
class ImportedDeck:
    """What an import produced: the deck, and what the person should be told about it."""

    deck: Deck
    source_format: str
    warnings: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    skipped: int = 0
    origin: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    """Anki (note id, card ord) -> (card id, direction), for the review history."""
    notices: list[str] = field(default_factory=list)
    """What the person should know about cards that were imported (not skipped)."""
    read: int = 0
    """Rows (or notes) read from the file, whether or not they became cards."""
