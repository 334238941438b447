"""Taking a quiz: its questions in order, each answer scored and logged as it comes, then the
finished run, without touching the schedule.

    quiz = Quiz(deck, store, settings, QuizOptions(length=10, tags=("figures",)), seed=7)
    question = quiz.current            # typed, choice or truefalse (see `questions`)
    result = quiz.answer("2021")       # or quiz.choose(2), or quiz.true_false(False)
    run = quiz.finish()                # kept with store.save_quiz; unanswered ones count 0

Scores: correct 1, almost 1 (the judge counts it as recalled and the feedback says what was
off), partial k/n for a list with k of its n items, wrong and unanswered 0. Each answer is
logged with mode "quiz" (durable before the next question; the FSRS state is never changed);
with a time limit, an answer after the deadline is refused and the questions left count as
unanswered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from quizapp.core.deck import Deck
from quizapp.core.quiz.log import log_quiz_answer
from quizapp.core.quiz.questions import (
    FORMATS,
    Format,
    NoQuestions,
    Question,
    QuizError,
    QuizJudge,
    QuizOptions,
    build_questions,
    deck_tags,
    judge_for,
)
from quizapp.core.rating import Rating
from quizapp.core.schedule import to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import (
    MAX_DURATION_MS,
    RETRY_KIND,
    Key,
    QuizAnswer,
    QuizRun,
    Store,
    new_id,
)

if TYPE_CHECKING:
    from quizapp.core.judge import Verdict

UNANSWERED = "unanswered"
Clock = Callable[[], datetime]


class TimeUp(QuizError):
    """The time limit ran out before this answer: the quiz is finished."""


@dataclass(frozen=True)
class Result:
    """How one question went. `given` is the typed text, the chosen option, or "true" /
    "false"; `verdict` is the judge's Verdict for a typed answer (reason, diff)."""

    question: Question
    given: str
    outcome: str
    score: float
    at: int
    verdict: Verdict | None = None

    @property
    def missed(self) -> bool:
        return self.score < 1

    def record(self) -> QuizAnswer:
        question = self.question
        return QuizAnswer(
            card_id=question.prompt.card.id,
            direction=question.prompt.direction,
            question=question.text,
            given=self.given,
            expected=question.expected,
            verdict=self.outcome,
            score=self.score,
            format=question.format,
            claim=question.claim,
        )


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class _State:
    results: list[Result] = field(default_factory=list)
    run: QuizRun | None = None
    timed_out: bool = False


class Quiz:
    """A quiz being taken: questions in order, answers logged as they come, a finished run.

    `clock` returns the current time (aware; tests pass a fake one), `seed` fixes the
    questions, `ids` makes ids from a time in ms. Store errors reach the caller as they are.
    """

    def __init__(
        self,
        deck: Deck,
        store: Store,
        settings: Settings | None = None,
        options: QuizOptions | None = None,
        *,
        clock: Clock | None = None,
        seed: int | None = None,
        judge: QuizJudge | None = None,
        ids: Callable[[int], str] | None = None,
    ) -> None:
        self.deck = deck
        self.store = store
        self.settings = settings or Settings()
        self.options = options or QuizOptions()
        self._clock = clock or _utc_now
        self._ids = ids or new_id
        self._judge = judge or judge_for(deck)
        self.seed = seed
        self.questions = build_questions(
            deck, self.settings, self.options, seed=seed, judge=self._judge
        )
        self.id = self._ids(self.now())
        self.started_at = self.now()
        limit = self.options.time_limit_s
        self.deadline = self.started_at + limit * 1000 if limit else None
        self._state = _State()

    # -- time --------------------------------------------------------------------------------

    def now(self) -> int:
        return to_ms(self._clock())

    def remaining_ms(self) -> int | None:
        """Time left (never below 0), or None without a time limit."""
        if self.deadline is None:
            return None
        return max(0, self.deadline - self.now())

    @property
    def expired(self) -> bool:
        return self.deadline is not None and self.now() >= self.deadline

    def check_time(self) -> bool:
        """Finish the quiz if its time ran out; True when it did (now or before)."""
        if self._state.run is None and self.expired:
            self._state.timed_out = True
            self.finish()
        return self._state.timed_out

    @property
    def timed_out(self) -> bool:
        return self._state.timed_out

    # -- where we are ------------------------------------------------------------------------

    @property
    def results(self) -> list[Result]:
        return list(self._state.results)

    @property
    def position(self) -> int:
        """How many questions have been answered."""
        return len(self._state.results)

    @property
    def current(self) -> Question | None:
        """The question to answer now; None once all are answered or the quiz is finished."""
        if self._state.run is not None or self.position >= len(self.questions):
            return None
        return self.questions[self.position]

    @property
    def finished(self) -> bool:
        return self._state.run is not None

    @property
    def run(self) -> QuizRun | None:
        return self._state.run

    @property
    def score(self) -> float:
        return sum(result.score for result in self._state.results)

    # -- answering ---------------------------------------------------------------------------

    def _require(self, fmt: Format) -> Question:
        if self.check_time():
            raise TimeUp("the time limit ran out")
        question = self.current
        if question is None:
            raise QuizError("no question is waiting for an answer")
        if question.format != fmt:
            raise QuizError(f"question {question.number} is {question.format}, not {fmt}")
        return question

    def answer(self, typed: str) -> Result:
        """A typed answer, judged: correct and almost 1, partial k/n, wrong 0."""
        question = self._require("typed")
        verdict = self._judge(question.prompt, typed)
        if verdict.recalled:
            score = 1.0
        elif verdict.score[0]:  # partial: k of n items
            right, total = verdict.score
            score = right / total if total else 0.0
        else:
            score = 0.0
        return self._keep(question, typed, verdict.outcome.value, score, verdict)

    def choose(self, index: int) -> Result:
        """Option `index` (0-based, as shown) of a multiple-choice question."""
        question = self._require("choice")
        if not 0 <= index < len(question.options):
            raise QuizError(f"no option {index + 1}: there are {len(question.options)}")
        right = index == question.correct
        return self._keep(question, question.options[index], _outcome(right), float(right))

    def true_false(self, value: bool) -> Result:
        """The learner's true or false for a true/false question."""
        question = self._require("truefalse")
        right = value == question.claim_true
        return self._keep(question, "true" if value else "false", _outcome(right), float(right))

    def _keep(
        self,
        question: Question,
        given: str,
        outcome: str,
        score: float,
        verdict: Verdict | None = None,
    ) -> Result:
        at = self.now()
        # Time spent on this question: since the previous answer (its feedback read, Enter
        # pressed) or the start; capped as a study answer's is, for a learner who walked away.
        since = self._state.results[-1].at if self._state.results else self.started_at
        duration = min(max(0, at - since), MAX_DURATION_MS)
        if verdict is not None:
            rating = verdict.rating
        else:
            rating = Rating.GOOD if score >= 1 else Rating.AGAIN
        log_quiz_answer(
            self.store,
            question.prompt,
            given,
            outcome,
            at=at,
            rating=rating,
            duration_ms=duration,
            review_id=self._ids(at),
        )
        result = Result(question, given, outcome, score, at, verdict)
        self._state.results.append(result)
        return result

    # -- the end -----------------------------------------------------------------------------

    def finish(self) -> QuizRun:
        """Keep the quiz (once): the answers given, and the questions left as unanswered."""
        if self._state.run is not None:
            return self._state.run
        finished_at = self.now()
        if self.deadline is not None:
            finished_at = min(finished_at, max(self.deadline, self.started_at))
        answers = [result.record() for result in self._state.results]
        for question in self.questions[self.position :]:
            unanswered = Result(question, "", UNANSWERED, 0.0, finished_at)
            answers.append(unanswered.record())
        run = QuizRun(
            id=self.id,
            deck_id=self.deck.id,
            started_at=self.started_at,
            finished_at=finished_at,
            score=self.score,
            total=len(self.questions),
            kind=self.options.kind,
            answers=tuple(answers),
        )
        self.store.save_quiz(run)
        self._state.run = run
        return run

    def missed(self) -> list[Key]:
        """The prompts of the questions not fully right (wrong, partial or unanswered)."""
        answered = {result.question.key for result in self._state.results if not result.missed}
        return [q.key for q in self.questions if q.key not in answered]

    def retry_options(self) -> QuizOptions | None:
        """Options for a quiz over the missed questions only (None when nothing was missed)."""
        missed = self.missed()
        if not missed:
            return None
        return replace(self.options, keys=tuple(missed), length=len(missed), kind=RETRY_KIND)


def _outcome(right: bool) -> str:
    return "correct" if right else "wrong"


__all__ = [
    "FORMATS",
    "UNANSWERED",
    "Clock",
    "Format",
    "NoQuestions",
    "Question",
    "Quiz",
    "QuizError",
    "QuizOptions",
    "Result",
    "TimeUp",
    "build_questions",
    "deck_tags",
]
