"""One study (or practice) session: the TUI's only door into the core.

    session = Session.open(deck, store, settings)
    turn = session.next()              # what to ask, and how to answer it
    answered = session.answer("...")   # typed text -> verdict and suggested rating
    session.grade(answered.suggested)  # durable before this returns
    session.undo()                     # the last answer is gone, its card comes back

The order of a study day, its limits and siblings are the schedule's (`schedule.queue`).
Practice (cram) goes through any cards in a shuffled order without touching the schedule
(`practice`); its answers are logged with mode "practice".
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone, tzinfo
from typing import Literal

from typing_extensions import Unpack

from quizapp.core.deck import Deck, Prompt, content_hash
from quizapp.core.rating import Rating
from quizapp.core.schedule import (
    CardState,
    Counts,
    Day,
    Mode,
    Stage,
    next_due,
    preview,
    study_day,
    to_ms,
)
from quizapp.core.schedule.tally import TodayTally
from quizapp.core.settings import Settings
from quizapp.core.store import Key, Store, new_id
from quizapp.core.study import answering, rows
from quizapp.core.study.answering import Answered, Judge
from quizapp.core.study.by_tag import tagged_cards
from quizapp.core.study.day_queue import study_queue
from quizapp.core.study.deck_prompts import DeckPrompts, deck_keys
from quizapp.core.study.history import Action, ActionKind, History
from quizapp.core.study.learn_phase import ChoiceMaker, Learn, answer_form
from quizapp.core.study.practice import PracticeRound
from quizapp.core.study.reload import DeckReload
from quizapp.core.study.session_options import Clock, SessionMode, SessionOptions
from quizapp.core.study.today import limits
from quizapp.core.study.turns import Graded, SessionError, Turn


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Session(DeckReload):
    """A study or practice session over one deck.

    `clock` returns the current time (aware datetime; tests pass a fake one), `judge` judges
    typed answers (default: the deck's judge, `quizapp.core.judge.judge_for`), `tz` is the
    time zone of the day start (default: the system's), `ids` makes review ids
    from a time in ms, `cards` limits practice to these card ids, `seed` fixes its order,
    `tags` keeps the cards with any of them (study by tag: their schedule; practice: them),
    `choices` makes learn mode's options (`learn_phase`; study only).

    The constructor does not touch the database: `Session.open` records the deck's card keys
    and the FSRS parameters a study session folds with first (or the first call that needs
    them does). Store errors (`StoreError`: disk full, read-only, damaged file) reach the
    caller as they are.
    """

    def __init__(
        self,
        deck: Deck,
        store: Store,
        settings: Settings | None = None,
        *,
        mode: Mode | SessionMode = Mode.STUDY,
        clock: Clock | None = None,
        judge: Judge | None = None,
        tz: tzinfo | None = None,
        ids: Callable[[int], str] | None = None,
        cards: Iterable[str] | None = None,
        seed: int | None = None,
        tags: Iterable[str] | None = None,
        choices: ChoiceMaker | None = None,
    ) -> None:
        self.deck = deck
        self.store = store
        self.settings = settings or Settings()
        self.mode = Mode(mode)
        if self.mode not in (Mode.STUDY, Mode.PRACTICE):
            raise ValueError(f"a session studies or practises, not {self.mode.value!r}")
        self._clock = clock or _utc_now
        self._judge = judge or answering.deck_judge(deck)
        self._deck_judge = judge is None
        self._tz = tz
        self._ids = ids or new_id
        self._keys = deck_keys(deck, self.settings)
        self.prompts = DeckPrompts(deck, self.settings, self._keys)
        self._synced = False
        self._hashes: dict[str, str] = {}
        self._turn: Turn | None = None
        self._answered: Answered | None = None
        self._history = History()
        self._day: Day | None = None
        self.tags = tuple(dict.fromkeys(tags or ()))
        tagged = set(tagged_cards(deck, self.tags)) if self.tags else None
        self._learn = Learn(choices, store) if choices is not None else None
        self._queue = study_queue(deck, store, self.settings, self.prompts, tagged)
        self._tally = TodayTally(
            self._queue.source, deck.id, limits(self.settings), self.prompts.of_card
        )
        self._hint: tuple[Key, CardState] | None = None
        """The state of the key just picked, read while picking it (saves a second read)."""
        wanted = set(cards) if cards is not None else tagged
        self._practice = PracticeRound(
            (k for k in self.prompts.order if wanted is None or k[1] in wanted)
            if self.mode == Mode.PRACTICE
            else (),
            random.Random(seed),
        )

    @classmethod
    def open(
        cls,
        deck: Deck,
        store: Store,
        settings: Settings | None = None,
        **options: Unpack[SessionOptions],
    ) -> Session:
        """A session whose deck's card keys (and, to study, its FSRS parameters) are recorded
        in the store (StoreError when they cannot be written): the only part of opening that
        touches the database."""
        session = cls(deck, store, settings, **options)
        session.sync()
        return session

    def sync(self) -> None:
        """Record the deck's card keys, and to study, the FSRS parameters its cards are folded
        with (cheap when neither has changed)."""
        self.store.sync_catalog(self.deck.id, self._keys)
        if self.mode == Mode.STUDY:
            chosen = rows.deck_parameters(self.store, self.deck.id, self.settings)
            self.store.use_parameters(self.deck.id, chosen)
        self._synced = True

    # -- time ------------------------------------------------------------------------------

    def now(self) -> int:
        return to_ms(self._clock())

    def day(self) -> Day:
        """Today's study day (queues are rebuilt when a new day starts)."""
        now = self.now()
        if not self._synced:
            self.sync()
        if self._day is None or now not in self._day:
            self._day = study_day(now, self.settings.day_start_hour, self._tz)
            if self.mode == Mode.STUDY:
                self._queue.start(now, self._day)
                self._tally.start(self._day)
        return self._day

    # -- choosing the next prompt ----------------------------------------------------------

    @property
    def current(self) -> Turn | None:
        return self._turn

    def next(self) -> Turn | None:
        """The prompt to show now (the same until graded), or None when nothing is left."""
        if self._turn is not None:
            return self._turn
        day = self.day()
        now = self.now()
        if self.mode == Mode.PRACTICE:
            key = self._practice.next(self.prompts.__contains__)
        else:
            picked = self._queue.next(now, day)
            key = picked[0] if picked is not None else None
            if picked is not None and picked[1] is not None:
                self._hint = (picked[0], picked[1])
        if key is None:
            return None
        self._turn = self._make_turn(key, now)
        self._answered = None
        return self._turn

    def prompts_of(self, card_id: str) -> list[Prompt]:
        """Every prompt (direction, gap) of one card in this session."""
        return list(self.prompts.of_card(card_id))

    def _make_turn(self, key: Key, now: int) -> Turn:
        prompt = self.prompts[key]
        hint, self._hint = self._hint, None
        state = hint[1] if hint is not None and hint[0] == key else self.store.state(key)
        review_id = self._ids(now)
        current_hash = self._hash(prompt)
        learn = self._learn if self.mode == Mode.STUDY else None
        mode, options, right = answer_form(
            prompt, state, review_id, self.settings.answer_mode, learn
        )
        return Turn(
            prompt=prompt,
            stage=state.stage if state is not None else Stage.NEW,
            answer_mode=mode,
            review_id=review_id,
            state=state,
            options=options,
            right_option=right,
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
            self._answered = answering.rated(turn, response, now)
        else:
            self._answered = answering.judged(turn, response, self._judge, now)
        return self._answered

    def choose(self, index: int) -> Answered:
        """Pick option `index` of a choice card (as shown in `turn.options`)."""
        self._answered = answering.chosen(self._require_turn(), index, self.now())
        return self._answered

    def reveal(self) -> Answered:
        """Show the answer of a flip card: nothing is judged; the learner rates next."""
        self._answered = answering.revealed(self._require_turn(), self.now())
        return self._answered

    def withdraw(self) -> Answered | None:
        """Take back the answer to the card shown, before it is graded (nothing was logged):
        the same card is asked again. None if no answer was pending."""
        answered, self._answered = self._answered, None
        return answered

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
        content = self._hash(turn.prompt)
        review = rows.answer_row(turn, answered, rating, now, self.mode, self.settings, content)
        with self._tally.changing([turn.key[1]], now, answered=turn.stage):
            state = self.store.record(review)
        self._history.add(Action([review.id], turn, "answer", turn.stage, [turn.key]))
        if self.mode == Mode.STUDY:
            self._queue.studied(turn.key, turn.stage)
        elif rating == Rating.AGAIN:
            self._practice.again(turn.key)
        self._turn = None
        self._answered = None
        return Graded(review, state)

    # -- undo, suspend, bury ---------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    @property
    def undo_kind(self) -> ActionKind | None:
        """What `undo` would take back: an answer, a suspend or a bury (None: nothing)."""
        last = self._history.last
        return last.kind if last is not None else None

    def undo(self) -> Turn | None:
        """Take back the last answer (or suspend/bury) of this session: its rows leave the log,
        the card's state is exactly what it was, and its card is shown again."""
        action = self._history.last
        if action is None:
            return None
        undone = action.kind == "answer"
        with self._tally.changing((k[1] for k in action.keys), self.now(), undone=undone):
            self.store.undo(action.review_ids)  # a StoreError leaves the action to undo later
        self._history.drop_last()
        if self._turn is not None and self._turn.key != action.turn.key:
            self._queue.front(self._turn.key)
        if action.kind == "answer" and self.mode == Mode.PRACTICE:
            self._practice.forget_again(action.turn.key)
        if action.kind == "answer" and self.mode == Mode.STUDY:
            self._queue.given_back(action.prior)
        turn = self._make_turn(action.turn.key, self.now())
        turn = replace(turn, options=action.turn.options)  # as shown before: not reshuffled
        self._turn = turn
        self._answered = None
        return turn

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
            with self._tally.changing([turn.key[1]], now):
                for key in keys:
                    review_id = self._ids(now)
                    self.store.record(
                        rows.action_row(review_id, key, now, Mode(kind), self.settings, until)
                    )
                    ids.append(review_id)
        except BaseException:
            if ids:  # some directions were saved before the failure: undo can take them back
                self._history.add(Action(ids, turn, kind, turn.stage, keys[: len(ids)]))
            raise
        self._history.add(Action(ids, turn, kind, turn.stage, keys))
        self._turn = None
        self._answered = None
        return keys

    def unsuspend(self, card_id: str) -> list[Key]:
        """Bring back a suspended card (not undoable: it is its own undo)."""
        now = self.now()
        changed = []
        with self._tally.changing([card_id], now):
            for prompt in self.prompts_of(card_id):
                state = self.store.state(prompt.key)
                if state is not None and state.suspended:
                    review_id = self._ids(now)
                    self.store.record(
                        rows.action_row(review_id, prompt.key, now, Mode.UNSUSPEND, self.settings)
                    )
                    changed.append(prompt.key)
        return changed

    # -- counts ----------------------------------------------------------------------------

    def counts(self) -> Counts:
        """New, learning and review cards left today (practice: cards left in the round)."""
        if self.mode == Mode.PRACTICE:
            return Counts(0, 0, len(self._practice) + (1 if self._turn else 0))
        self.day()
        return self._tally.counts(self.now())

    def next_due(self) -> int | None:
        """When this deck next has a card to study (ms), for "come back at"; None if never
        (see `schedule.queue.next_due`)."""
        day = self.day()
        return next_due(self._queue.source, self.deck.id, self.now(), day, limits(self.settings))

    def answered_ids(self) -> Sequence[str]:
        """Ids of this session's answers still in the log, oldest first."""
        return self._history.answered_ids()


__all__ = ["Answered", "Graded", "Session", "SessionError", "Turn"]
