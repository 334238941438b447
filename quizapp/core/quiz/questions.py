"""The questions of a quiz: N from a deck, in three formats, the same for the same seed.

Questions come one per card (two directions or two gaps of one card would give each other
away), from cards with any of the chosen tags. Formats are mixed evenly among those a prompt
allows: typed (judged like a study answer), multiple choice (a choice card's own options;
otherwise the right answer and three distractors of the same type, see `distractors`) and
true/false (the question paired with its answer or with the most plausible wrong one; about
half of the statements are true). List cards are always typed.
"""

from __future__ import annotations

import contextlib
import random
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from quizapp.core.answers import Cloze, Gap
from quizapp.core.deck import Card, ChoiceCard, ClozeCard, Deck, Prompt, prompt_keys, prompts_for
from quizapp.core.quiz.distractors import Pool, own_options, right_answer
from quizapp.core.settings import Settings
from quizapp.core.store import Key

if TYPE_CHECKING:  # the judge itself is imported when first needed (see `judge_for`)
    from quizapp.core.judge import Verdict

QuizJudge = Callable[[Prompt, str], "Verdict"]
"""Judges a typed answer to a prompt."""

Format = Literal["typed", "choice", "truefalse"]
FORMATS: tuple[Format, ...] = ("typed", "choice", "truefalse")
CHOICE_DISTRACTORS = 3
"""Wrong options next to the right one (four options), when the deck has enough."""
MIN_CHOICE_DISTRACTORS = 2
POOL_CARDS = 20_000
"""A deck with more cards draws its wrong answers from this many of them, chosen at random
(seeded): the pool of a million cards' answers would take gigabytes, and ranking them all
for each question seconds."""


class QuizError(Exception):
    """A quiz that cannot be made, or a call out of order."""


class NoQuestions(QuizError):
    """No card of the deck matches the options."""


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


def deck_tags(deck: Deck) -> list[tuple[str, int]]:
    """The deck's tags with how many cards have each, in order of first use (from the deck's
    index when it has one: its cards are not read)."""
    return list(deck.cards.summary().tags.items())


def judge_for(deck: Deck) -> QuizJudge:
    """The deck's judge, the very one study and `quizapp judge` use."""
    # Imported when first needed: the judge loads rapidfuzz and its tables.
    from quizapp.core import judge

    return judge.judge_for(deck)


_POOLS: dict[tuple[int, str, str], tuple[weakref.ref[Deck], Pool]] = {}


def _pool(deck: Deck, settings: Settings, seed: int | None) -> Pool:
    """The distractor pool of a deck for these settings, made once per deck object (a retry or
    another quiz on the same deck reuses it): every card's answers, or those of POOL_CARDS
    cards drawn at random from a larger deck."""
    key = (id(deck), settings.study_language, settings.vocab_direction)
    cached = _POOLS.get(key)
    if cached is not None and cached[0]() is deck:
        return cached[1]
    cards = deck.cards
    if len(cards) > POOL_CARDS:
        drawn = sorted(random.Random(seed).sample(range(len(cards)), POOL_CARDS))
        chosen: Iterator[Card] = (cards[index] for index in drawn)
    else:
        chosen = iter(cards)
    lang, vocab = settings.study_language, settings.vocab_direction
    pool = Pool(p for card in chosen for p in prompts_for(deck.id, card, lang, vocab))

    def forget(_: weakref.ref[Deck]) -> None:
        _POOLS.pop(key, None)

    with contextlib.suppress(TypeError):  # an object without weak references is not kept
        _POOLS[key] = (weakref.ref(deck, forget), pool)
    return pool


def _chosen_prompts(
    deck: Deck, settings: Settings, options: QuizOptions, length: int, rng: random.Random
) -> list[Prompt]:
    """One prompt from each of `length` cards drawn at random. The draw reads only the card
    keys (a deck from the cache has them in its index); the prompts are made for the cards
    drawn (with tags, each card is read once to see its tags)."""
    lang, vocab = settings.study_language, settings.vocab_direction
    keys = prompt_keys(deck, lang, vocab)
    if options.keys:
        wanted = set(options.keys)
        keys = [(card_id, way) for card_id, way in keys if (deck.id, card_id, way) in wanted]
    elif options.tags:
        tags = set(options.tags)
        tagged = {card.id for card in deck.cards if tags.intersection(card.tags)}
        keys = [(card_id, way) for card_id, way in keys if card_id in tagged]
    by_card: dict[str, list[str]] = {}
    for card_id, direction in keys:
        by_card.setdefault(card_id, []).append(direction)
    del keys
    cards = list(by_card)
    rng.shuffle(cards)
    chosen = []
    for card_id in cards[:length]:
        direction = rng.choice(by_card[card_id])
        made = prompts_for(deck.id, deck.cards.find(card_id), lang, vocab)
        chosen.append(next(p for p in made if p.direction == direction))
    return chosen


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
    side = card.side(prompt.question_lang)
    assert side is not None
    cloze = side.cloze()
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
    judge: QuizJudge | None = None,
) -> tuple[Question, ...]:
    """The questions of a quiz (the same seed gives the same quiz). NoQuestions when no card
    matches the options."""
    settings = settings or Settings()
    options = options or QuizOptions()
    judge = judge or judge_for(deck)
    rng = random.Random(seed)
    length = options.length if options.length is not None else settings.quiz_length
    if length < 1:
        raise QuizError(f"a quiz needs at least one question (asked for {length})")
    chosen = _chosen_prompts(deck, settings, options, length, rng)
    if not chosen:
        raise NoQuestions("no card of this deck matches the quiz options")
    pool = _pool(deck, settings, seed)
    wrong_answers: list[list[str]] = []
    for prompt in chosen:

        def is_right(text: str, prompt: Prompt = prompt) -> bool:
            return judge(prompt, text).outcome.value != "wrong"

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
