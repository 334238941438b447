"""The cards of a deck file, as pydantic models: one class per kind, one side per language.

Every card has a stable, author-written `id` (progress is keyed by it), a `kind`, `tags`, and
one table per language (`[cards.it]`, `[cards.en]`) holding that language's text. Every size is
capped (see the limits below): a deck may come from a stranger.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from quizapp.core.answers import AnswerSyntaxError, Cloze, expand, parse_cloze

LANGUAGES: tuple[str, ...] = ("it", "en")
Lang = Literal["it", "en"]
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

STRICT = ConfigDict(extra="forbid", frozen=True, strict=True)
"""Every table of a deck file: no unknown keys, values of the declared type, immutable."""


def check_answers(values: list[str]) -> list[str]:
    for value in values:
        if "(" not in value and ")" not in value:
            continue  # no optional part: the (stripped, non-empty) text is the one form
        try:
            expand(value)
        except AnswerSyntaxError as error:
            raise ValueError(str(error)) from None
    return values


class Side(BaseModel):
    """What every side of a card can say: the question it asks and the answers it accepts."""

    model_config = STRICT

    def asked(self) -> str | None:
        """The question this side asks (None for a term or a sentence with gaps)."""
        return None

    def accepted(self) -> list[str]:
        """The answers this side accepts, in the deck's answer syntax (not a list's items)."""
        return []


class QASide(Side):
    """One language of a question-and-answer card."""

    model_config = STRICT
    question: Text
    answers: list[Answer] = Field(
        min_length=1, max_length=MAX_LIST_ITEMS, description="Accepted answers (alternatives)."
    )
    reject: list[Answer] = Field(
        default_factory=list, max_length=MAX_LIST_ITEMS, description="Known wrong answers."
    )
    note: Text | None = Field(None, description="Shown after answering.")

    _answers = field_validator("answers", "reject")(check_answers)

    def asked(self) -> str:
        return self.question

    def accepted(self) -> list[str]:
        return list(self.answers)


class VocabSide(Side):
    """One language of a vocabulary card: the term(s), an example, a note."""

    model_config = STRICT
    terms: list[Answer] = Field(
        min_length=1,
        max_length=MAX_LIST_ITEMS,
        description="The term first, then accepted variants.",
    )
    example: Text | None = None
    note: Text | None = None
    reject: list[Answer] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)

    _terms = field_validator("terms", "reject")(check_answers)

    def accepted(self) -> list[str]:
        return list(self.terms)


class ClozeSide(Side):
    """One language of a cloze card: a sentence with `{{gaps}}`."""

    model_config = STRICT
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


class ChoiceSide(Side):
    """One language of a multiple-choice card."""

    model_config = STRICT
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
        check_answers([value])
        return value

    _distractors = field_validator("distractors")(check_answers)

    def asked(self) -> str:
        return self.question

    def accepted(self) -> list[str]:
        return [self.answer]

    @model_validator(mode="after")
    def _distinct(self) -> ChoiceSide:
        seen = {self.answer.casefold()}
        for distractor in self.distractors:
            if distractor.casefold() in seen:
                raise ValueError(f"option {distractor!r} appears twice (or is the answer)")
            seen.add(distractor.casefold())
        return self


ListItem = Answer | Annotated[list[Answer], Field(max_length=MAX_LIST_ITEMS)]


class ListSide(Side):
    """One language of a list card: the items, each a string or a list of accepted forms."""

    model_config = STRICT
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
            check_answers(forms)
        return values

    def asked(self) -> str:
        return self.question

    def item_forms(self) -> list[list[str]]:
        """Each item as its list of accepted forms."""
        return [[item] if isinstance(item, str) else list(item) for item in self.items]


class CardBase(BaseModel):
    model_config = STRICT
    id: Slug = Field(description="Stable, unique in the deck; progress is keyed by it.")
    tags: list[Slug] = Field(default_factory=list, max_length=MAX_TAGS)
    source: LongText | None = Field(None, description="Where the fact comes from, e.g. 'intro:3'.")
    strict_accents: bool = Field(False, description="Accent mistakes count as wrong.")
    article_required: bool = Field(False, description="A missing leading article is wrong.")

    def side(self, lang: str) -> Side | None:
        """The side in this language ("it" or "en"), None when the card has none."""
        raise NotImplementedError  # each kind of card says it with the type of its sides

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

    def side(self, lang: str) -> QASide | None:
        return self.it if lang == "it" else self.en if lang == "en" else None


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

    def side(self, lang: str) -> VocabSide | None:
        return self.it if lang == "it" else self.en if lang == "en" else None


class ClozeCard(CardBase):
    kind: Literal["cloze"]
    it: ClozeSide | None = None
    en: ClozeSide | None = None

    def side(self, lang: str) -> ClozeSide | None:
        return self.it if lang == "it" else self.en if lang == "en" else None


class ChoiceCard(CardBase):
    kind: Literal["choice"]
    it: ChoiceSide | None = None
    en: ChoiceSide | None = None

    def side(self, lang: str) -> ChoiceSide | None:
        return self.it if lang == "it" else self.en if lang == "en" else None


class ListCard(CardBase):
    kind: Literal["list"]
    ordered: bool = Field(False, description="Items must be given in this order.")
    it: ListSide | None = None
    en: ListSide | None = None

    def side(self, lang: str) -> ListSide | None:
        return self.it if lang == "it" else self.en if lang == "en" else None


Card = Annotated[
    QACard | VocabCard | ClozeCard | ChoiceCard | ListCard, Field(discriminator="kind")
]
"""A card of any kind (the `kind` key says which)."""

SIDE_MODELS: tuple[type[BaseModel], ...] = (QASide, VocabSide, ClozeSide, ChoiceSide, ListSide)
CARD_MODELS: tuple[type[BaseModel], ...] = (QACard, VocabCard, ClozeCard, ChoiceCard, ListCard)
