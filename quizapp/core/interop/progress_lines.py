"""The lines of a progress file as models: the header, a review, a finished quiz. Ids and labels
must be read exactly (a lone surrogate in one is an error); text a learner typed or was shown
is read with a lone surrogate as U+FFFD (see `surrogates`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

from quizapp.core.rating import Rating
from quizapp.core.schedule import Mode, Stage, from_ms, to_ms
from quizapp.core.store import QuizAnswer, QuizRun, Review
from quizapp.core.surrogates import (
    first_lone_surrogate,
    has_lone_surrogate,
    repaired,
)

RatingLabel = Literal["again", "hard", "good", "easy"]
StageLabel = Literal["new", "learning", "review", "relearning"]


def _exact(value: str) -> str:
    if has_lone_surrogate(value):
        escape = first_lone_surrogate(value)
        raise ValueError(f"holds {escape}, a lone surrogate, which is not text")
    return value


Label = Annotated[str, AfterValidator(_exact)]
"""A value that must be read exactly (ids, labels): a lone surrogate is an error."""
Id = Annotated[Label, Field(min_length=1, max_length=200)]
FreeText = Annotated[str, AfterValidator(repaired)]
"""What a learner typed or was shown: a lone surrogate in it is read as U+FFFD."""


def iso(ms: int) -> str:
    return from_ms(ms).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _Line(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Header(_Line):
    format: Literal["quizapp-progress"]
    version: int = Field(ge=1)
    exported_at: AwareDatetime | None = None


class ReviewLine(_Line):
    type: Literal["review"]
    id: Id
    deck: Id
    card: Id
    direction: Id
    at: AwareDatetime
    mode: Mode
    rating: RatingLabel | None = None
    verdict: Label | None = None
    typed: FreeText | None = None
    duration_ms: int | None = Field(None, ge=0)
    content_hash: Label | None = None
    retention: float | None = Field(None, gt=0, lt=1)
    prior: StageLabel | None = None
    until: AwareDatetime | None = None
    days: int | None = Field(None, ge=0, le=1_000_000)
    """A due-date row: due in this many study days; an answer imported from Anki: the
    interval Anki gave it."""
    day_start: int | None = Field(None, ge=0, le=23)

    @model_validator(mode="after")
    def _rated(self) -> ReviewLine:
        if self.mode == "study" and self.rating is None:
            raise ValueError("a study review needs a rating")
        return self

    def review(self) -> Review:
        return Review(
            id=self.id,
            deck_id=self.deck,
            card_id=self.card,
            direction=self.direction,
            at=to_ms(self.at),
            mode=self.mode,
            rating=int(Rating[self.rating.upper()]) if self.rating else None,
            verdict=self.verdict,
            typed=self.typed,
            duration_ms=self.duration_ms,
            content_hash=self.content_hash,
            retention=self.retention,
            prior=int(Stage[self.prior.upper()]) if self.prior else None,
            until=to_ms(self.until) if self.until else self.days,
            day_start=self.day_start,
        )


class QuizAnswerLine(_Line):
    card: Id
    direction: Id
    question: FreeText
    given: FreeText
    expected: FreeText
    verdict: Label
    score: float = Field(ge=0)
    format: Label = ""
    claim: FreeText = ""


class QuizLine(_Line):
    type: Literal["quiz"]
    id: Id
    deck: Id
    kind: Label = ""
    started_at: AwareDatetime
    finished_at: AwareDatetime
    score: float = Field(ge=0)
    total: int = Field(ge=0)
    answers: list[QuizAnswerLine] = Field(default_factory=list)

    def run(self) -> QuizRun:
        return QuizRun(
            self.id,
            self.deck,
            to_ms(self.started_at),
            to_ms(self.finished_at),
            self.score,
            self.total,
            self.kind,
            tuple(
                QuizAnswer(
                    a.card,
                    a.direction,
                    a.question,
                    a.given,
                    a.expected,
                    a.verdict,
                    a.score,
                    a.format,
                    a.claim,
                )
                for a in self.answers
            ),
        )
