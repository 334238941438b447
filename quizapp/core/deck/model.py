"""The deck format, as pydantic models. The JSON Schema (`quizapp schema`) is generated here.

A deck is a TOML file with one `[deck]` table and many `[[cards]]` (their models are in
`cards`). See README.md for a guide.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetPydanticSchema,
    ValidatorFunctionWrapHandler,
    field_validator,
)
from pydantic_core import CoreSchema, core_schema

from quizapp.core.deck.cards import (
    KINDS,
    LANGUAGES,
    SIDE_MODELS,
    SLUG_PATTERN,
    STRICT,
    Card,
    ChoiceCard,
    ClozeCard,
    Lang,
    ListCard,
    LongText,
    QACard,
    Slug,
    Text,
    VocabCard,
)
from quizapp.core.deck.source import CardList, CardSource

FORMAT_VERSION = 1
"""The deck format this quizapp reads. A deck may declare `format = N` in `[deck]`."""

_BOTH: tuple[Lang, ...] = ("it", "en")


class Bilingual(BaseModel):
    """A text written in both languages (deck title, description)."""

    model_config = STRICT
    it: Text
    en: Text

    def get(self, lang: str) -> str:
        return self.it if lang == "it" else self.en


class DeckInfo(BaseModel):
    """The `[deck]` table."""

    model_config = STRICT
    id: Slug = Field(description="Stable identifier of the deck; progress is keyed by it.")
    format: int = Field(FORMAT_VERSION, ge=1, description="Deck format version.")
    version: Text = Field(description="The deck's own version, e.g. '1.0.0'.")
    title: Bilingual
    description: Bilingual
    languages: list[Lang] = Field(
        default_factory=lambda: list(_BOTH), min_length=1, max_length=len(LANGUAGES)
    )
    author: Text
    license: Text
    source: Text | None = Field(None, description="Where the content comes from.")
    source_url: LongText | None = None

    @field_validator("format")
    @classmethod
    def _supported(cls, value: int) -> int:
        if value > FORMAT_VERSION:
            raise ValueError(
                f"this deck uses format {value}; this quizapp reads format {FORMAT_VERSION}. "
                "Update quizapp to open it"
            )
        return value


def _as_source(value: Any, validate: ValidatorFunctionWrapHandler) -> CardSource:
    """Cards already validated (a CardList, the cache's packed cards) are kept as they are; a
    list of cards (or of TOML tables) is validated into a CardList."""
    if isinstance(value, CardSource):
        return value
    return CardList(validate(value))


def _cards_schema(_source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    listed = handler.generate_schema(list[Card])
    return core_schema.no_info_wrap_validator_function(
        _as_source,
        listed,
        serialization=core_schema.wrap_serializer_function_ser_schema(
            lambda cards, serialize: serialize(list(cards)), schema=listed
        ),
    )


Cards = Annotated[CardSource, GetPydanticSchema(_cards_schema)]
"""The cards of a deck: validated and written as a list of cards, kept as a CardSource."""


class Deck(BaseModel):
    """A whole deck file."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"title": "quizapp deck", "$id": "https://quizapp.invalid/deck.json"},
    )
    deck: DeckInfo
    cards: Cards = Field(default_factory=CardList)

    @property
    def file(self) -> Path | None:
        """The file this deck was read from (by `loading`), or None (a deck made in memory)."""
        found = self.__dict__.get(_FILE)
        return found if isinstance(found, Path) else None

    def read_from(self, path: Path) -> Deck:
        """Note that this deck was read from `path`. Kept beside the fields, not as one (nor
        as a private attribute, which pydantic compares): the same deck read from two files
        is equal, and its schema and data do not change."""
        object.__setattr__(self, _FILE, path)
        return self

    @property
    def id(self) -> str:
        return self.deck.id

    def card(self, card_id: str) -> Card:
        """The card with this id (KeyError when there is none)."""
        return self.cards.find(card_id)


_FILE = "_read_from"


def _field_names(*models: type[BaseModel]) -> frozenset[str]:
    return frozenset(name for model in models for name in model.model_fields)


FIELD_NAMES = _field_names(
    Deck, DeckInfo, Bilingual, QACard, VocabCard, ClozeCard, ChoiceCard, ListCard, *SIDE_MODELS
)
"""Every key the format knows, for "did you mean" hints and locating missing keys."""


def json_schema() -> dict[str, Any]:
    """The deck JSON Schema, for editors (`quizapp schema`)."""
    from quizapp.core.deck.schema import editor_schema

    schema = editor_schema(Deck.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


__all__ = [
    "FIELD_NAMES",
    "FORMAT_VERSION",
    "KINDS",
    "LANGUAGES",
    "SLUG_PATTERN",
    "Bilingual",
    "Card",
    "ChoiceCard",
    "ClozeCard",
    "Deck",
    "DeckInfo",
    "ListCard",
    "QACard",
    "VocabCard",
    "json_schema",
]
