"""What is left of a study day, kept up to date answer by answer.

`counts_today` counts from scratch: every due learning card, every due review up to the day's
limit, every new key. On a deck of 100,000 cards that is thousands of index entries, too many
to count again after each answer (the study screen shows the counts after every one). A
`TodayTally` counts once, when its day begins (or when first asked), and then moves each
answer's and each action's card between the counts: the states of the card's prompts before
and after, the limits the answer used up and the siblings it holds back. The result equals a
count from scratch (`tests/core/test_per_answer.py` checks it after every step).

Changes made by another process (another quizapp studying the same deck) are seen when the
next study day begins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol

from quizapp.core.schedule.day import Day
from quizapp.core.schedule.limits import Counts, Limits
from quizapp.core.schedule.siblings import Key, StudiedCards, held_back, waits
from quizapp.core.schedule.state import CardState, Stage

_NONE, _NEW, _LEARNING, _REVIEW = range(4)


class Keyed(Protocol):
    @property
    def key(self) -> Key: ...


class TallySource(StudiedCards, Protocol):
    """What the tally reads from the store."""

    def state(self, key: Key) -> CardState | None: ...

    def done_today(self, deck_id: str, day: Day) -> tuple[int, int]: ...

    def count_new(self, deck_id: str, now: int, held: frozenset[str]) -> int:
        """Keys never studied (not buried, not of `held` cards), all of them."""
        ...

    def count_learning(self, deck_id: str, now: int, end: int) -> int: ...

    def count_due_reviews(
        self, deck_id: str, now: int, end: int, held: frozenset[str], limit: int
    ) -> int:
        """Due reviews, not of `held` cards, counted up to `limit` (-1: all)."""
        ...


def bucket(key: Key, state: CardState | None, held: frozenset[str], now: int, end: int) -> int:
    """Which count a prompt is in today: _NEW, _LEARNING, _REVIEW or _NONE (as `counts_today`
    decides it, for a key of the deck)."""
    if state is None or (state.stage == Stage.NEW and not state.suspended):
        return _NONE if waits(key, held) or (state is not None and state.is_buried(now)) else _NEW
    if state.suspended or state.is_buried(now) or state.due is None or state.due >= end:
        return _NONE
    if state.stage in (Stage.LEARNING, Stage.RELEARNING):
        return _LEARNING
    if state.stage == Stage.REVIEW and not waits(key, held):
        return _REVIEW
    return _NONE


class TodayTally:
    """The counts of one deck's study day, for one session.

    `prompts_of` gives the prompts (anything with a `key`) of a card: it and its siblings.
    Call `start` when a study day begins (a practice session never does: it changes no
    count), and wrap every change to the deck's cards in `changing`.
    """

    def __init__(
        self,
        source: TallySource,
        deck_id: str,
        limits: Limits,
        prompts_of: Callable[[str], Iterable[Keyed]],
    ) -> None:
        self.source = source
        self.deck_id = deck_id
        self.limits = limits
        self.prompts_of = prompts_of
        self._day: Day | None = None
        self._counted = False
        self._done = [0, 0]
        """New cards introduced and reviews answered today."""
        self._held: frozenset[str] = frozenset()
        self._pools = [0, 0, 0, 0]
        """Prompts in each bucket, without the day's limits (index: _NEW...)."""

    def start(self, day: Day) -> None:
        """A study day begins: it is counted when first asked."""
        self._day = day
        self._counted = False

    def counts(self, now: int) -> Counts:
        if self._day is None:
            raise RuntimeError("the tally's day has not started")
        if not self._counted:
            self._count(now, self._day)
        left = self.limits.left(*self._done)
        return Counts(
            min(left.new, self._pools[_NEW]),
            self._pools[_LEARNING],
            min(left.reviews, self._pools[_REVIEW]),
        )

    def _count(self, now: int, day: Day) -> None:
        source, deck_id = self.source, self.deck_id
        self._done = list(source.done_today(deck_id, day))
        self._held = held_back(source, deck_id, day)
        self._pools = [
            0,
            source.count_new(deck_id, now, self._held),
            source.count_learning(deck_id, now, day.end),
            source.count_due_reviews(deck_id, now, day.end, self._held, -1),
        ]
        self._counted = True

    @contextmanager
    def changing(
        self,
        card_ids: Iterable[str],
        now: int,
        *,
        answered: Stage | None = None,
        undone: bool = False,
    ) -> Iterator[None]:
        """Around a change to these cards: a study answer given to a prompt in stage
        `answered`, one taken back (`undone`), or an action
        (suspend, bury...). A change that fails is counted again from scratch."""
        if not self._counted or self._day is None:
            yield
            return
        end = self._day.end
        keys = [p.key for card_id in dict.fromkeys(card_ids) for p in self.prompts_of(card_id)]
        before = [bucket(k, self.source.state(k), self._held, now, end) for k in keys]
        try:
            yield
        except BaseException:
            self._counted = False
            raise
        if answered is not None:
            self._used(answered)
            self._held = self._held | {key[1] for key in keys}
        if undone:  # the answer may be of another day: read today's again
            self._done = list(self.source.done_today(self.deck_id, self._day))
            self._held = held_back(self.source, self.deck_id, self._day)
        for key, old in zip(keys, before, strict=True):
            self._pools[old] -= 1
            self._pools[bucket(key, self.source.state(key), self._held, now, end)] += 1

    def _used(self, stage: Stage) -> None:
        if stage == Stage.NEW:
            self._done[0] += 1
        elif stage == Stage.REVIEW:
            self._done[1] += 1
