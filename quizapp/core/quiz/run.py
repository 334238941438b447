"""Quizzes: N questions from a deck, in three formats, scored, without touching the schedule.

    quiz = Quiz(deck, store, settings, QuizOptions(length=10, tags=("figures",)), seed=7)
    question = quiz.current            # typed, choice or truefalse
    result = quiz.answer("2021")       # or quiz.choose(2), or quiz.true_false(False)
    run = quiz.finish()                # kept with store.save_quiz; unanswered ones count 0

Questions come one per card (two directions or two gaps of one card would give each other
away), from cards with any of the chosen tags. Formats are mixed evenly among those a prompt
allows: typed (judged like a study answer), multiple choice (a choice card's own options;
otherwise the right answer and three distractors of the same type, see `distractors`) and
true/false (the question paired with its answer or with the most plausible wrong one; about
half of the statements are true). List cards are always typed.

Scores: correct 1, almost 1 (the judge counts it as recalled and the feedback says what was
off), partial k/n for a list with k of its n items, wrong and unanswered 0. Each answer is
logged with mode "quiz" (durable before the next question; the FSRS state is never changed);
with a time limit, an answer after the deadline is refused and the questions left count as
unanswered.
"""

from __future__ import annotations

import contextlib
import importlib
import random
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Literal

from quizapp.core.deck.answers import Cloze, Gap
from quizapp.core.deck.model import ChoiceCard, ClozeCard, Deck
from quizapp.core.deck.prompts import Prompt, all_prompts
from quizapp.core.quiz.distractors import Pool, own_options, right_answer
from quizapp.core.rating import Rating
from quizapp.core.schedule.engine import to_ms
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.core.store.records import RETRY_KIND, Key, QuizAnswer, QuizRun, new_id
from quizapp.core.study.session import MAX_DURATION_MS, Judge, log_quiz_answer

if TYPE_CHECKING:
    from quizapp.core.judge.verdict import Verdict

Format = Literal["typed", "choice", "truefalse"]
FORMATS: tuple[Format, ...] = ("typed", "choice", "truefalse")
UNANSWERED = "unanswered"
CHOICE_DISTRACTORS = 3
"""Wrong options next to the right one (four options), when the deck has enough."""
MIN_CHOICE_DISTRACTORS = 2
Clock = Callable[[], datetime]


class QuizError(Exception):
    """A quiz that cannot be made, or a call out of order."""


class NoQuestions(QuizError):
    """No card of the deck matches the options."""


class TimeUp(QuizError):
    """The time limit ran out before this answer: the quiz is finished."""


@dataclass(frozen=True)
class QuizOptions:
    """What a learner chooses before a quiz.

    `length` None means `Settings.quiz_length`; `tags` keeps cards with any of them (none: all
    cards); `time_limit_s` None means no limit; `keys`, when given, are the only prompts asked
    (a retry of missed questions) and `kind` is what the run is kept as.
    """

    length: int | None = None
    tags: tuple[str, ...] = ()
    time_limit_s: int | None = None
    keys: tuple[Key, ...] = ()
    kind: str = "quiz"


@dataclass(frozen=True)
class Question:
    """One question of a quiz, ready to show.

    choice: `options` in the order shown and `correct` the index of the right one.
    truefalse: the statement pairs the question with `claim`, true when `claim_true`;
    `statement` is a cloze sentence with the claim in its gap (else the question is shown
    with the claim after it).
    """

    number: int
    prompt: Prompt
    format: Format
    options: tuple[str, ...] = ()
    correct: int = -1
    claim: str = ""
    claim_true: bool = False
    statement: str = ""
    claim_at: int = -1
    """Where the claim starts in `statement` (-1 without a statement)."""

    @property
    def key(self) -> Key:
        return self.prompt.key

    @property
    def text(self) -> str:
        """The question as shown (a true/false cloze: the sentence with the claim)."""
        return self.statement or self.prompt.question

    @property
    def expected(self) -> str:
        """The right answer, as shown after answering."""
        return right_answer(self.prompt)


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


# -- building a quiz -----------------------------------------------------------------------


def deck_tags(deck: Deck) -> list[tuple[str, int]]:
    """The deck's tags with how many cards have each, in order of first use."""
    counts: dict[str, int] = {}
    for card in deck.cards:
        for tag in card.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return list(counts.items())


def _judge_for(deck: Deck) -> Judge:
    # Imported when first needed: the judge loads rapidfuzz and its tables.
    judge: Judge = importlib.import_module("quizapp.core.judge").judge_for(deck)
    return judge


_POOLS: dict[tuple[int, str, str], tuple[weakref.ref[Deck], Pool]] = {}


def _pool(deck: Deck, settings: Settings, prompts: Sequence[Prompt]) -> Pool:
    """The distractor pool of a deck for these settings, made once per deck object (a retry or
    another quiz on the same deck reuses it)."""
    key = (id(deck), settings.study_language, settings.vocab_direction)
    cached = _POOLS.get(key)
    if cached is not None and cached[0]() is deck:
        return cached[1]
    pool = Pool(prompts)

    def forget(_: weakref.ref[Deck]) -> None:
        _POOLS.pop(key, None)

    with contextlib.suppress(TypeError):  # an object without weak references is not kept
        _POOLS[key] = (weakref.ref(deck, forget), pool)
    return pool


def _chosen_prompts(
    prompts: Sequence[Prompt], options: QuizOptions, length: int, rng: random.Random
) -> list[Prompt]:
    if options.keys:
        wanted = set(options.keys)
        prompts = [p for p in prompts if p.key in wanted]
    elif options.tags:
        tags = set(options.tags)
        prompts = [p for p in prompts if tags.intersection(p.card.tags)]
    by_card: dict[str, list[Prompt]] = {}
    for prompt in prompts:
        by_card.setdefault(prompt.card.id, []).append(prompt)
    cards = list(by_card)
    rng.shuffle(cards)
    return [rng.choice(by_card[card_id]) for card_id in cards[:length]]


def _formats_allowed(prompt: Prompt, wrong: Sequence[str]) -> list[Format]:
    allowed: list[Format] = []
    if not isinstance(prompt.card, ChoiceCard) or not wrong:
        allowed.append("typed")  # a choice card is typed only when nothing else can be made
    if not prompt.items and len(wrong) >= MIN_CHOICE_DISTRACTORS:
        allowed.append("choice")
    if not prompt.items and wrong:
        allowed.append("truefalse")
    return allowed


def _assign_formats(allowed: Sequence[list[Format]], rng: random.Random) -> list[Format]:
    """Each question the format used least so far among those it allows (ties at random),
    visiting the questions in a random order: an even mix whatever the deck."""
    counts = dict.fromkeys(FORMATS, 0)
    chosen: list[Format | None] = [None] * len(allowed)
    order = list(range(len(allowed)))
    rng.shuffle(order)
    # The most constrained questions first, so that they do not upset the balance.
    order.sort(key=lambda index: len(allowed[index]))
    for index in order:
        fewest = min(counts[f] for f in allowed[index])
        pick = rng.choice([f for f in allowed[index] if counts[f] == fewest])
        chosen[index] = pick
        counts[pick] += 1
    return [f for f in chosen if f is not None]


def _balanced_truths(count: int, rng: random.Random) -> list[bool]:
    """`count` truth values, half true (the odd one at random), shuffled."""
    truths = [True] * (count // 2) + [False] * (count // 2)
    if count % 2:
        truths.append(rng.random() < 0.5)
    rng.shuffle(truths)
    return truths


def _cloze_statement(prompt: Prompt, claim: str) -> tuple[str, int]:
    """A cloze sentence with `claim` in the asked gap and the other gaps filled, and where
    the claim starts in it."""
    card = prompt.card
    assert isinstance(card, ClozeCard)
    cloze = card.side(prompt.question_lang).cloze()
    hide = int(prompt.direction.split(".")[1]) - 1
    gaps = iter(range(len(cloze.gaps)))
    # The asked gap without its hint, so that it renders as the blank marker.
    parts = tuple(
        Gap(answers=part.answers) if isinstance(part, Gap) and next(gaps) == hide else part
        for part in cloze.parts
    )
    marker = "\x00"
    rendered = Cloze(parts=parts).render(hide=hide, blank=marker)
    return rendered.replace(marker, claim, 1), rendered.index(marker)


def build_questions(
    deck: Deck,
    settings: Settings | None = None,
    options: QuizOptions | None = None,
    *,
    seed: int | None = None,
    judge: Judge | None = None,
) -> tuple[Question, ...]:
    """The questions of a quiz (the same seed gives the same quiz). NoQuestions when no card
    matches the options."""
    settings = settings or Settings()
    options = options or QuizOptions()
    judge = judge or _judge_for(deck)
    rng = random.Random(seed)
    length = options.length if options.length is not None else settings.quiz_length
    if length < 1:
        raise QuizError(f"a quiz needs at least one question (asked for {length})")
    prompts = all_prompts(deck, settings.study_language, settings.vocab_direction)
    chosen = _chosen_prompts(prompts, options, length, rng)
    if not chosen:
        raise NoQuestions("no card of this deck matches the quiz options")
    pool = _pool(deck, settings, prompts)
    wrong_answers: list[list[str]] = []
    for prompt in chosen:

        def is_right(text: str, prompt: Prompt = prompt) -> bool:
            return judge(prompt, text).outcome != "wrong"

        if isinstance(prompt.card, ChoiceCard):
            wrong = own_options(prompt, pool, CHOICE_DISTRACTORS, rng, is_right)
        else:
            wrong = pool.distractors(prompt, CHOICE_DISTRACTORS, rng, is_right)
        wrong_answers.append(wrong)
    formats = _assign_formats(
        [_formats_allowed(p, w) for p, w in zip(chosen, wrong_answers, strict=True)], rng
    )
    truths = iter(_balanced_truths(formats.count("truefalse"), rng))
    questions = []
    for number, (prompt, wrong, fmt) in enumerate(
        zip(chosen, wrong_answers, formats, strict=True), start=1
    ):
        question = Question(number, prompt, fmt)
        if fmt == "choice":
            shown = [right_answer(prompt), *wrong]
            rng.shuffle(shown)
            question = replace(
                question, options=tuple(shown), correct=shown.index(right_answer(prompt))
            )
        elif fmt == "truefalse":
            true = next(truths)
            claim = right_answer(prompt) if true else wrong[0]
            statement, claim_at = "", -1
            if prompt.kind == "cloze":
                statement, claim_at = _cloze_statement(prompt, claim)
            question = replace(
                question, claim=claim, claim_true=true, statement=statement, claim_at=claim_at
            )
        questions.append(question)
    return tuple(questions)


# -- taking a quiz -------------------------------------------------------------------------


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
        judge: Judge | None = None,
        ids: Callable[[int], str] | None = None,
    ) -> None:
        self.deck = deck
        self.store = store
        self.settings = settings or Settings()
        self.options = options or QuizOptions()
        self._clock = clock or _utc_now
        self._ids = ids or new_id
        self._judge = judge or _judge_for(deck)
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
        outcome = verdict.outcome
        if outcome in ("correct", "almost"):
            score = 1.0
        elif outcome == "partial":
            right, total = verdict.score
            score = right / total if total else 0.0
        else:
            score = 0.0
        return self._keep(question, typed, outcome, score, verdict)

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
        rating = verdict.rating if verdict is not None else None
        if rating is None:
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
