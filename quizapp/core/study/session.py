"""One study (or practice) session: the TUI's only door into the core.

    session = Session(deck, store, settings)
    turn = session.next()              # what to ask, and how to answer it
    answered = session.answer("...")   # typed text -> verdict and suggested rating
    session.grade(answered.suggested)  # durable before this returns
    session.undo()                     # the last answer is gone, its card comes back

Order of a study day: due learning and relearning cards first, then due reviews (most overdue
relative to their interval first) interleaved with new cards in deck order, then learning cards
due within the next 20 minutes. Daily limits are per deck; siblings (the other direction or gap
of a card) wait for another day once one of them has been answered.

Practice (cram) goes through any cards in a shuffled order without touching the schedule; its
answers are logged with mode "practice".
"""

from __future__ import annotations

import dataclasses
import importlib
import random
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Literal

from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import Prompt, all_prompts, content_hash, prompt_keys, prompts_for
from quizapp.core.rating import Rating
from quizapp.core.schedule.engine import (
    LEARN_AHEAD_MS,
    CardState,
    Day,
    Stage,
    parameters,
    preview,
    study_day,
    to_ms,
)
from quizapp.core.settings import Settings
from quizapp.core.store.database import Counts, Key, Review, Store, new_id

if TYPE_CHECKING:
    from quizapp.core.judge.verdict import Outcome, Verdict

AnswerMode = Literal["typed", "choice", "flip"]
SessionMode = Literal["study", "practice"]
Clock = Callable[[], datetime]

PRACTICE_AGAIN_GAP = 3
"""In practice, a card rated Again comes back after this many other cards."""
MAX_DURATION_MS = 10 * 60_000
"""A longer think is counted as this much (the learner has walked away)."""


Judge = Callable[[Prompt, str], "Verdict"]


def deck_judge(deck: Deck) -> Judge:
    """The deck's judge (`quizapp.core.judge.judge_for`), imported when first needed: it loads
    rapidfuzz and its word lists, which the first card does not need."""

    def judge(prompt: Prompt, typed: str) -> Verdict:
        module = importlib.import_module("quizapp.core.judge")
        verdict: Verdict = module.judge_for(deck)(prompt, typed)
        return verdict

    return judge


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Turn:
    """A prompt as the learner meets it now."""

    prompt: Prompt
    stage: Stage
    answer_mode: AnswerMode
    review_id: str
    """The id the answer will be logged under (and the seed of its interval fuzz)."""
    state: CardState | None = None
    options: tuple[str, ...] = ()
    """Choice cards: the options in the order shown."""
    edited: bool = False
    """The card's text changed since it was last studied."""
    shown_at: int = 0

    @property
    def key(self) -> Key:
        return self.prompt.key

    @property
    def is_new(self) -> bool:
        return self.stage == Stage.NEW


@dataclass(frozen=True)
class Answered:
    """The result of answering, before it is graded."""

    turn: Turn
    typed: str | None
    outcome: Outcome | None
    """correct, almost, partial, wrong; None for a flip answer (the learner rates)."""
    suggested: Rating | None
    verdict: Verdict | None = None
    chosen: int | None = None
    answered_at: int = 0

    @property
    def expected(self) -> str:
        return self.turn.prompt.answer_display


@dataclass(frozen=True)
class Graded:
    """A graded answer: it is in the log (committed) when the session returns this."""

    review: Review
    state: CardState | None
    """The card's new state (None in practice)."""


@dataclass
class _Action:
    review_ids: list[str]
    turn: Turn
    kind: Literal["answer", "suspend", "bury"]
    prior: Stage | None = None
    keys: list[Key] = field(default_factory=list)


class SessionError(Exception):
    """A call out of order (grading with nothing shown, choosing on a typed card...)."""


def deck_prompts(deck: Deck, settings: Settings) -> list[Prompt]:
    """The prompts of a deck for these settings, in deck order."""
    return all_prompts(deck, settings.study_language, settings.vocab_direction)


def deck_keys(deck: Deck, settings: Settings) -> list[tuple[str, str]]:
    """(card id, direction) of the deck's prompts for these settings, in deck order."""
    return prompt_keys(deck, settings.study_language, settings.vocab_direction)


class DeckPrompts(Mapping[Key, Prompt]):
    """The prompts of a deck by key, each card's built when one of them is first asked for.

    Which keys exist is known from the start (`prompts.prompt_keys`, from the deck's index when
    it came from the cache); a Prompt is made only for the cards a session shows, so a session
    over 100,000 cards starts without building 150,000 prompts.
    """

    def __init__(self, deck: Deck, settings: Settings, keys: Sequence[tuple[str, str]]) -> None:
        self.deck = deck
        self.deck_id = deck.id
        self.settings = settings
        self.pairs = keys
        """(card id, direction) in deck order."""
        known = getattr(deck.cards, "prompt_key_set", None)
        lang, vocab = settings.study_language, settings.vocab_direction
        self._known: frozenset[tuple[str, str]] = (
            known(lang, vocab) if known is not None else frozenset(keys)
        )
        self._built: dict[str, list[Prompt]] = {}

    @property
    def order(self) -> list[Key]:
        """Every key, in deck order."""
        return [(self.deck_id, card_id, direction) for card_id, direction in self.pairs]

    def __contains__(self, key: object) -> bool:
        return (
            isinstance(key, tuple)
            and len(key) == 3
            and key[0] == self.deck_id
            and (key[1], key[2]) in self._known
        )

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[Key]:
        deck_id = self.deck_id
        return ((deck_id, card_id, direction) for card_id, direction in self.pairs)

    def __getitem__(self, key: Key) -> Prompt:
        if key not in self:
            raise KeyError(key)
        for prompt in self.of_card(key[1]):
            if prompt.direction == key[2]:
                return prompt
        raise KeyError(key)  # pragma: no cover - the keys come from the same rules

    def of_card(self, card_id: str) -> list[Prompt]:
        """Every prompt of one card (empty for a card that is not in the deck)."""
        built = self._built.get(card_id)
        if built is None:
            try:
                card = self.deck.card(card_id)
            except KeyError:
                return []
            settings = self.settings
            built = prompts_for(
                self.deck.id, card, settings.study_language, settings.vocab_direction
            )
            self._built[card_id] = built
        return built


def today_counts(
    store: Store,
    deck: Deck,
    settings: Settings | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Counts:
    """New, learning and review cards left today in a deck (for the home screen)."""
    settings = settings or Settings()
    store.sync_catalog(deck.id, deck_keys(deck, settings))
    moment = to_ms(now or _utc_now())
    day = study_day(moment, settings.day_start_hour, tz)
    return store.counts(deck.id, moment, day, settings.new_per_day, settings.reviews_per_day)


def log_quiz_answer(
    store: Store,
    prompt: Prompt,
    typed: str,
    outcome: str,
    *,
    at: int,
    rating: Rating | None = None,
    duration_ms: int | None = None,
    review_id: str | None = None,
) -> Review:
    """Log one quiz answer (mode "quiz"): kept in the history, the schedule is not touched."""
    review = Review(
        id=review_id or new_id(at),
        deck_id=prompt.deck_id,
        card_id=prompt.card.id,
        direction=prompt.direction,
        at=at,
        mode="quiz",
        rating=int(rating) if rating is not None else None,
        verdict=outcome,
        typed=typed,
        duration_ms=duration_ms,
        content_hash=content_hash(prompt.card),
    )
    store.record(review)
    return review


class Session:
    """A study or practice session over one deck.

    `clock` returns the current time (aware datetime; tests pass a fake one), `judge` judges
    typed answers (default: the deck's judge, `quizapp.core.judge.judge_for`, imported when
    first needed),
    `tz` is the time zone of the day start (default: the system's), `ids` makes review ids
    from a time in ms, `cards` limits practice to these card ids, `seed` fixes its order.
    Store errors (`StoreError`: disk full, read-only, damaged file) reach the caller as is.
    """

    def __init__(
        self,
        deck: Deck,
        store: Store,
        settings: Settings | None = None,
        *,
        mode: SessionMode = "study",
        clock: Clock | None = None,
        judge: Judge | None = None,
        tz: tzinfo | None = None,
        ids: Callable[[int], str] | None = None,
        cards: Iterable[str] | None = None,
        seed: int | None = None,
    ) -> None:
        self.deck = deck
        self.store = store
        self.settings = settings or Settings()
        self.mode: SessionMode = mode
        self._clock = clock or _utc_now
        self._judge = judge or deck_judge(deck)
        self._tz = tz
        self._ids = ids or new_id
        self._random = random.Random(seed)
        keys = deck_keys(deck, self.settings)
        self.prompts = DeckPrompts(deck, self.settings, keys)
        self._hashes: dict[str, str] = {}
        self.store.sync_catalog(deck.id, keys)
        if mode == "study":
            # The weights from the settings; steps and maximum interval as the deck has them
            # (Anki's, for a deck imported with its history).
            weights = parameters(self.settings.fsrs_weights(deck.id)).weights
            current = self.store.parameters(deck.id)
            self.store.use_parameters(deck.id, dataclasses.replace(current, weights=weights))
        self._turn: Turn | None = None
        self._answered: Answered | None = None
        self._history: list[_Action] = []
        self._day: Day | None = None
        self._reviews: deque[Key] = deque()
        self._front: deque[Key] = deque()
        self._new_left = 0
        self._since_new = 0
        self._practice: deque[Key] = deque()
        self._hint: tuple[Key, CardState] | None = None
        """The state of the key just picked, read while picking it (saves a second read)."""
        if mode == "practice":
            wanted = set(cards) if cards is not None else None
            chosen = [k for k in self.prompts.order if wanted is None or k[1] in wanted]
            self._random.shuffle(chosen)
            self._practice.extend(chosen)

    # -- time ------------------------------------------------------------------------------

    def now(self) -> int:
        return to_ms(self._clock())

    def day(self) -> Day:
        """Today's study day (queues are rebuilt when a new day starts)."""
        now = self.now()
        if self._day is None or now not in self._day:
            self._start_day(now)
        assert self._day is not None
        return self._day

    def _start_day(self, now: int) -> None:
        day = study_day(now, self.settings.day_start_hour, self._tz)
        self._day = day
        if self.mode != "study":
            return
        new_done, reviews_done = self.store.done_today(self.deck.id, day)
        self._new_left = max(0, self.settings.new_per_day - new_done)
        reviews_left = max(0, self.settings.reviews_per_day - reviews_done)
        self._reviews = deque(self.store.review_queue(self.deck.id, now, day, reviews_left))
        self._since_new = 0

    # -- choosing the next prompt ----------------------------------------------------------

    @property
    def current(self) -> Turn | None:
        return self._turn

    def next(self) -> Turn | None:
        """The prompt to show now, or None when nothing is left (see `next_due`).

        Calling it again before grading gives the same turn.
        """
        if self._turn is not None:
            return self._turn
        day = self.day()
        now = self.now()
        key = self._pick_practice() if self.mode == "practice" else self._pick(now, day)
        if key is None:
            return None
        self._turn = self._make_turn(key, now)
        self._answered = None
        return self._turn

    def _pick(self, now: int, day: Day) -> Key | None:
        while self._front:
            key = self._front.popleft()
            if key in self.prompts:
                return key
        hit = self.store.next_learning(self.deck.id, now, now + 1)
        if hit is not None and hit[0] in self.prompts:
            self._hint = hit
            return hit[0]
        review = self._peek_review(now, day)
        if review is not None and self._new_left > 0:
            spread = max(1, round(len(self._reviews) / self._new_left))
            if self._since_new >= spread and (new := self._peek_new(now, day)) is not None:
                self._since_new = 0
                return new
        if review is not None:
            self._reviews.popleft()
            self._since_new += 1
            return review
        new = self._peek_new(now, day) if self._new_left > 0 else None
        if new is not None:
            self._since_new = 0
            return new
        ahead = self.store.next_learning(self.deck.id, now, now + LEARN_AHEAD_MS)
        if ahead is not None and ahead[0] in self.prompts:
            self._hint = ahead
            return ahead[0]
        return None

    def _peek_review(self, now: int, day: Day) -> Key | None:
        while self._reviews:
            key = self._reviews[0]
            state = self.store.state(key)
            if (
                key in self.prompts
                and state is not None
                and state.stage == Stage.REVIEW
                and state.due is not None
                and state.due < day.end
                and not state.suspended
                and not state.is_buried(now)
                and not self._sibling_seen(key, day)
            ):
                self._hint = (key, state)
                return key
            self._reviews.popleft()
        return None

    def _sibling_seen(self, key: Key, day: Day) -> bool:
        for other in self.prompts_of(key[1]):
            if other.direction == key[2]:
                continue
            state = self.store.state(other.key)
            if state is not None and (state.last_review or 0) >= day.start:
                return True
        return False

    def _peek_new(self, now: int, day: Day) -> Key | None:
        for key in self.store.next_new(self.deck.id, now, day, limit=4):
            if key in self.prompts:
                return key
        return None

    def _pick_practice(self) -> Key | None:
        while self._practice:
            key = self._practice.popleft()
            if key in self.prompts:
                return key
        return None

    def prompts_of(self, card_id: str) -> list[Prompt]:
        """Every prompt (direction, gap) of one card in this session."""
        return list(self.prompts.of_card(card_id))

    def _make_turn(self, key: Key, now: int) -> Turn:
        prompt = self.prompts[key]
        hint, self._hint = self._hint, None
        state = hint[1] if hint is not None and hint[0] == key else self.store.state(key)
        review_id = self._ids(now)
        current_hash = self._hash(prompt)
        options: tuple[str, ...] = ()
        mode: AnswerMode = self.settings.answer_mode
        if prompt.options:
            mode = "choice"
            shuffled = list(prompt.options)
            random.Random(review_id).shuffle(shuffled)
            options = tuple(shuffled)
        return Turn(
            prompt=prompt,
            stage=state.stage if state is not None else Stage.NEW,
            answer_mode=mode,
            review_id=review_id,
            state=state,
            options=options,
            edited=bool(state and state.content_hash and state.content_hash != current_hash),
            shown_at=now,
        )

    def _hash(self, prompt: Prompt) -> str:
        card_id = prompt.card.id
        if card_id not in self._hashes:
            self._hashes[card_id] = content_hash(prompt.card)
        return self._hashes[card_id]

    # -- answering -------------------------------------------------------------------------

    def _require_turn(self) -> Turn:
        if self._turn is None:
            raise SessionError("no card is shown: call next() first")
        return self._turn

    def answer(self, response: str | Rating) -> Answered:
        """Typed text -> the judge's verdict and a suggested rating; a Rating -> a self-rated
        (flip) answer with that rating suggested."""
        turn = self._require_turn()
        now = self.now()
        if isinstance(response, Rating):
            self._answered = Answered(turn, None, None, response, answered_at=now)
            return self._answered
        verdict = self._judge(turn.prompt, response)
        self._answered = Answered(
            turn, response, verdict.outcome, verdict.rating, verdict, answered_at=now
        )
        return self._answered

    def choose(self, index: int) -> Answered:
        """Pick option `index` of a choice card (as shown in `turn.options`)."""
        turn = self._require_turn()
        if not turn.options:
            raise SessionError("this card has no options to choose from")
        if not 0 <= index < len(turn.options):
            raise SessionError(f"no option {index + 1}: there are {len(turn.options)}")
        from quizapp.core.judge.verdict import Outcome

        chosen = turn.options[index]
        correct = chosen == turn.prompt.expected[0]
        self._answered = Answered(
            turn,
            chosen,
            Outcome.CORRECT if correct else Outcome.WRONG,
            Rating.GOOD if correct else Rating.AGAIN,
            chosen=index,
            answered_at=self.now(),
        )
        return self._answered

    def reveal(self) -> Answered:
        """Show the answer of a flip card: nothing is judged; the learner rates next."""
        turn = self._require_turn()
        self._answered = Answered(turn, None, None, None, answered_at=self.now())
        return self._answered

    def intervals(self) -> dict[Rating, int]:
        """The due time (ms) each rating would give the current card."""
        turn = self._require_turn()
        return preview(
            turn.state or CardState(),
            self.now(),
            turn.review_id,
            self.settings.retention_for(self.deck.id),
            self.settings.day_start_hour,
            self.store.parameters(self.deck.id),
            self.store.tz,
        )

    def grade(self, rating: Rating | None = None) -> Graded:
        """Record the current answer with `rating` (default: the suggested one). The row is
        committed before this returns; then the next call to `next()` moves on."""
        turn = self._require_turn()
        answered = self._answered
        if rating is None:
            if answered is None or answered.suggested is None:
                raise SessionError("no rating given and none suggested")
            rating = answered.suggested
        now = self.now()
        answered_at = answered.answered_at if answered is not None else now
        duration = max(0, min(answered_at - turn.shown_at, MAX_DURATION_MS))
        review = Review(
            id=turn.review_id,
            deck_id=turn.key[0],
            card_id=turn.key[1],
            direction=turn.key[2],
            at=now,
            mode=self.mode,
            rating=int(rating),
            verdict=answered.outcome if answered is not None else None,
            typed=answered.typed if answered is not None else None,
            duration_ms=duration,
            content_hash=self._hash(turn.prompt),
            retention=self.settings.retention_for(self.deck.id) if self.mode == "study" else None,
            day_start=self.settings.day_start_hour if self.mode == "study" else None,
        )
        state = self.store.record(review)
        self._history.append(_Action([review.id], turn, "answer", turn.stage, [turn.key]))
        if self.mode == "study":
            if turn.stage == Stage.NEW:
                self._new_left = max(0, self._new_left - 1)
        elif rating == Rating.AGAIN:
            position = min(PRACTICE_AGAIN_GAP, len(self._practice))
            self._practice.insert(position, turn.key)
        self._turn = None
        self._answered = None
        return Graded(review, state)

    # -- undo, suspend, bury ---------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    @property
    def undo_kind(self) -> Literal["answer", "suspend", "bury"] | None:
        """What `undo` would take back: an answer, a suspend or a bury (None: nothing)."""
        return self._history[-1].kind if self._history else None

    def undo(self) -> Turn | None:
        """Take back the last answer (or suspend/bury) of this session: its rows leave the log,
        the card's state is exactly what it was, and its card is shown again."""
        if not self._history:
            return None
        action = self._history[-1]
        self.store.undo(action.review_ids)  # a StoreError leaves the action to undo later
        self._history.pop()
        if self._turn is not None and self._turn.key != action.turn.key:
            self._front.appendleft(self._turn.key)
        if action.kind == "answer" and self.mode == "practice":
            self._drop_practice_again(action.turn.key)
        if action.kind == "answer" and self.mode == "study" and action.prior == Stage.NEW:
            self._new_left += 1
        now = self.now()
        turn = self._make_turn(action.turn.key, now)
        self._turn = turn
        self._answered = None
        return turn

    def _drop_practice_again(self, key: Key) -> None:
        for index in range(min(PRACTICE_AGAIN_GAP + 1, len(self._practice))):
            if self._practice[index] == key:
                del self._practice[index]
                return

    def suspend(self) -> list[Key]:
        """Suspend the current card (all its directions) until unsuspended."""
        return self._card_action("suspend")

    def bury(self) -> list[Key]:
        """Hide the current card (all its directions) until the next study day."""
        return self._card_action("bury")

    def _card_action(self, kind: Literal["suspend", "bury"]) -> list[Key]:
        turn = self._require_turn()
        now = self.now()
        until = self.day().end if kind == "bury" else None
        keys = [p.key for p in self.prompts_of(turn.key[1])]
        ids: list[str] = []
        try:
            for key in keys:
                review_id = self._ids(now)
                self.store.record(
                    Review(
                        review_id,
                        *key,
                        at=now,
                        mode=kind,
                        until=until,
                        day_start=self.settings.day_start_hour,
                    )
                )
                ids.append(review_id)
        except BaseException:
            if ids:  # some directions were saved before the failure: undo can take them back
                self._history.append(_Action(ids, turn, kind, turn.stage, keys[: len(ids)]))
            raise
        self._history.append(_Action(ids, turn, kind, turn.stage, keys))
        self._turn = None
        self._answered = None
        return keys

    def unsuspend(self, card_id: str) -> list[Key]:
        """Bring back a suspended card (not undoable: it is its own undo)."""
        now = self.now()
        changed = []
        for prompt in self.prompts_of(card_id):
            state = self.store.state(prompt.key)
            if state is not None and state.suspended:
                self.store.record(
                    Review(
                        self._ids(now),
                        *prompt.key,
                        at=now,
                        mode="unsuspend",
                        day_start=self.settings.day_start_hour,
                    )
                )
                changed.append(prompt.key)
        return changed

    # -- counts ----------------------------------------------------------------------------

    def counts(self) -> Counts:
        """New, learning and review cards left today (practice: cards left in the round)."""
        if self.mode == "practice":
            return Counts(0, 0, len(self._practice) + (1 if self._turn else 0))
        day = self.day()
        return self.store.counts(
            self.deck.id,
            self.now(),
            day,
            self.settings.new_per_day,
            self.settings.reviews_per_day,
        )

    def next_due(self) -> int | None:
        """When this deck next has a card to study (ms), for "come back at"; None if never
        (every card suspended, or none left).

        A learning card comes back within minutes, a review on its due date, a buried card
        tomorrow; new cards, when some are left and the day's share is used up, tomorrow. A
        card due already but held back by today's limits is also tomorrow's.
        """
        now = self.now()
        day = self.day()
        learning = self.store.next_learning_due(self.deck.id, now)
        if learning is not None and learning < day.end:
            return max(learning, now)
        candidates = []
        scheduled = self.store.next_scheduled(self.deck.id)
        if scheduled is not None:
            candidates.append(max(scheduled, day.end))
        if self.settings.new_per_day > 0 and self.store.has_new(self.deck.id):
            candidates.append(day.end)
        return min(candidates) if candidates else None

    def answered_ids(self) -> Sequence[str]:
        """Ids of this session's answers still in the log, oldest first."""
        return [i for action in self._history if action.kind == "answer" for i in action.review_ids]


__all__ = [
    "Answered",
    "DeckPrompts",
    "Graded",
    "Session",
    "SessionError",
    "Turn",
    "log_quiz_answer",
    "today_counts",
]
