"""The deck format, as pydantic models. The JSON Schema (`quizapp schema`) is generated here.

A deck is a TOML file with one `[deck]` table and many `[[cards]]`. Every card has a stable,
author-written `id` (progress is keyed by it), a `kind`, `tags`, and one table per language
(`[cards.it]`, `[cards.en]`) holding that language's text. See README.md for a guide.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from quizapp.core.deck.answers import AnswerSyntaxError, Cloze, expand, parse_cloze

FORMAT_VERSION = 1
"""The deck format this quizapp reads. A deck may declare `format = N` in `[deck]`."""

LANGUAGES: tuple[str, ...] = ("it", "en")
Lang = Literal["it", "en"]
_BOTH: tuple[Lang, ...] = ("it", "en")
Kind = Literal["qa", "vocab", "cloze", "choice", "list"]
KINDS: tuple[str, ...] = ("qa", "vocab", "cloze", "choice", "list")

# Limits. A deck may come from a stranger: every size is capped so that loading, studying and
# judging it cost a bounded amount of time and memory. No deck a person writes comes near them.
MAX_TEXT_CHARS = 10_000
"""A question, note, example, cloze sentence, title, description or other text."""
MAX_ANSWER_CHARS = 1_000
"""An answer, term, option or list item (the judge compares what is typed against it)."""
MAX_LIST_ITEMS = 100
"""Answers, terms, rejected answers, options and list items of one side; forms of one item."""
MAX_TAGS = 100
"""Tags of one card."""
MAX_CLOZE_GAPS = 20
"""Gaps in one cloze sentence (each gap is a prompt of its own)."""

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=100)]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)
]
"""Text a learner reads: never empty."""

Answer = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ANSWER_CHARS)
]
"""Text a learner types: never empty."""
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS)]

_STRICT = ConfigDict(extra="forbid", frozen=True, strict=True)


def _check_answers(values: list[str]) -> list[str]:
    for value in values:
        if "(" not in value and ")" not in value:
            continue  # no optional part: the (stripped, non-empty) text is the one form
        try:
            expand(value)
        except AnswerSyntaxError as error:
            raise ValueError(str(error)) from None
    return values


class Bilingual(BaseModel):
    """A text written in both languages (deck title, description)."""

    model_config = _STRICT
    it: Text
    en: Text

    def get(self, lang: str) -> str:
        return self.it if lang == "it" else self.en


class DeckInfo(BaseModel):
    """The `[deck]` table."""

    model_config = _STRICT
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


class QASide(BaseModel):
    """One language of a question-and-answer card."""

    model_config = _STRICT
    question: Text
    answers: list[Answer] = Field(
        min_length=1, max_length=MAX_LIST_ITEMS, description="Accepted answers (alternatives)."
    )
    reject: list[Answer] = Field(
        default_factory=list, max_length=MAX_LIST_ITEMS, description="Known wrong answers."
    )
    note: Text | None = Field(None, description="Shown after answering.")

    _answers = field_validator("answers", "reject")(_check_answers)


class VocabSide(BaseModel):
    """One language of a vocabulary card: the term(s), an example, a note."""

    model_config = _STRICT
    terms: list[Answer] = Field(
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        description="The term first, then accepted variants.",
    )
    example: Text | None = None
    note: Text | None = None
    reject: list[Answer] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)

    _terms = field_validator("terms", "reject")(_check_answers)


class ClozeSide(BaseModel):
    """One language of a cloze card: a sentence with `{{gaps}}`."""

    model_config = _STRICT
    text: Text = Field(description="Sentence with gaps: {{answer|alternative::hint}}.")
    note: Text | None = None
    reject: list[Answer] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)

    @field_validator("text")
    @classmethod
    def _gaps(cls, value: str) -> str:
        try:
            cloze = parse_cloze(value)
        except AnswerSyntaxError as error:
            raise ValueError(str(error)) from None
        if len(cloze.gaps) > MAX_CLOZE_GAPS:
            raise ValueError(
                f"{len(cloze.gaps)} gaps; a cloze sentence has at most {MAX_CLOZE_GAPS}"
            )
        return value

    def cloze(self) -> Cloze:
        return parse_cloze(self.text)


class ChoiceSide(BaseModel):
    """One language of a multiple-choice card."""

    model_config = _STRICT
    question: Text
    answer: Answer = Field(description="The correct option.")
    distractors: list[Answer] = Field(
        default_factory=list,
        max_length=MAX_LIST_ITEMS,
        description="Wrong options; the quiz generates some when empty.",
    )
    note: Text | None = None

    @field_validator("answer")
    @classmethod
    def _answer(cls, value: str) -> str:
        _check_answers([value])
        return value

    _distractors = field_validator("distractors")(_check_answers)

    @model_validator(mode="after")
    def _distinct(self) -> ChoiceSide:
        seen = {self.answer.casefold()}
        for distractor in self.distractors:
            if distractor.casefold() in seen:
                raise ValueError(f"option {distractor!r} appears twice (or is the answer)")
            seen.add(distractor.casefold())
        return self


ListItem = Answer | Annotated[list[Answer], Field(max_length=MAX_LIST_ITEMS)]


class ListSide(BaseModel):
    """One language of a list card: the items, each a string or a list of accepted forms."""

    model_config = _STRICT
    question: Text
    items: list[ListItem] = Field(min_length=1, max_length=MAX_LIST_ITEMS)
    note: Text | None = None

    @field_validator("items")
    @classmethod
    def _items(cls, values: list[str | list[str]]) -> list[str | list[str]]:
        for value in values:
            forms = [value] if isinstance(value, str) else value
            if not forms:
                raise ValueError("an item's list of accepted forms is empty")
            _check_answers(forms)
        return values

    def item_forms(self) -> list[list[str]]:
        """Each item as its list of accepted forms."""
        return [[item] if isinstance(item, str) else list(item) for item in self.items]


class CardBase(BaseModel):
    model_config = _STRICT
    id: Slug = Field(description="Stable, unique in the deck; progress is keyed by it.")
    tags: list[Slug] = Field(default_factory=list, max_length=MAX_TAGS)
    source: LongText | None = Field(None, description="Where the fact comes from, e.g. 'intro:3'.")
    strict_accents: bool = Field(False, description="Accent mistakes count as wrong.")
    article_required: bool = Field(False, description="A missing leading article is wrong.")

    def side(self, lang: str) -> Any:
        return getattr(self, lang, None)

    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if self.side(lang) is not None]

    @model_validator(mode="after")
    def _has_a_side(self) -> CardBase:
        if not self.languages():
            raise ValueError("a card needs at least one language table: [cards.it] or [cards.en]")
        return self


class QACard(CardBase):
    kind: Literal["qa"]
    it: QASide | None = None
    en: QASide | None = None


PartOfSpeech = Literal[
    "noun", "verb", "adjective", "adverb", "preposition", "conjunction", "expression", "phrase"
]
Gender = Literal["m", "f", "m/f", "m pl", "f pl"]


class VocabCard(CardBase):
    kind: Literal["vocab"]
    pos: PartOfSpeech | None = Field(None, description="Part of speech.")
    gender: Gender | None = Field(None, description="Grammatical gender of an Italian noun.")
    it: VocabSide | None = None
    en: VocabSide | None = None


class ClozeCard(CardBase):
    kind: Literal["cloze"]
    it: ClozeSide | None = None
    en: ClozeSide | None = None


class ChoiceCard(CardBase):
    kind: Literal["choice"]
    it: ChoiceSide | None = None
    en: ChoiceSide | None = None


class ListCard(CardBase):
    kind: Literal["list"]
    ordered: bool = Field(False, description="Items must be given in this order.")
    it: ListSide | None = None
    en: ListSide | None = None


Card = Annotated[
    QACard | VocabCard | ClozeCard | ChoiceCard | ListCard, Field(discriminator="kind")
]


class Deck(BaseModel):
    """A whole deck file."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"title": "quizapp deck", "$id": "https://quizapp.invalid/deck.json"},
    )
    deck: DeckInfo
    cards: list[Card] = Field(default_factory=list)

    @property
    def id(self) -> str:
        return self.deck.id

    def card(self, card_id: str) -> QACard | VocabCard | ClozeCard | ChoiceCard | ListCard:
        find = getattr(self.cards, "find", None)  # packed cards (deck_index) know their ids
        if find is not None:
            found: QACard | VocabCard | ClozeCard | ChoiceCard | ListCard = find(card_id)
            return found
        for card in self.cards:
            if card.id == card_id:
                return card
        raise KeyError(card_id)


def _field_names(*models: type[BaseModel]) -> frozenset[str]:
    return frozenset(name for model in models for name in model.model_fields)


FIELD_NAMES = _field_names(
    Deck,
    DeckInfo,
    Bilingual,
    QACard,
    VocabCard,
    ClozeCard,
    ChoiceCard,
    ListCard,
    QASide,
    VocabSide,
    ClozeSide,
    ChoiceSide,
    ListSide,
)
"""Every key the format knows, for "did you mean" hints and locating missing keys."""


def json_schema() -> dict[str, Any]:
    """The deck JSON Schema, for editors (`quizapp schema`)."""
    from quizapp.core.deck.schema import editor_schema

    schema = editor_schema(Deck.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
