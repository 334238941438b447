"""The order of a study day, and what is left of it.

Learning and relearning cards that are due come first; then today's due reviews, the most
overdue relative to their interval first, with new cards (in deck order) spread evenly among
them; then, when nothing else is left, learning cards due within LEARN_AHEAD_MS. Daily limits
(`limits`) cap the new cards and reviews; siblings wait for another day (`siblings`).

The queue reads the schedule through a `QueueSource` (the store), which finds the rows: the
reviews already in their order (a sort SQLite does without handing over every due review).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Protocol

from quizapp.core.schedule.day import Day
from quizapp.core.schedule.limits import Counts, Left, Limits
from quizapp.core.schedule.new_order import NewCards
from quizapp.core.schedule.siblings import Key, StudiedCards, held_back, waits
from quizapp.core.schedule.state import LEARN_AHEAD_MS, CardState, Stage

NEW_CANDIDATES = 4
"""New keys read at a time (a few, in case the first ones are not in the session's deck)."""


class QueueSource(StudiedCards, Protocol):
    """What the queue reads from the store."""

    def state(self, key: Key) -> CardState | None: ...

    def next_learning(self, deck_id: str, now: int, before: int) -> tuple[Key, CardState] | None:
        """The learning or relearning card (not suspended or buried) due first, if before
        `before`."""
        ...

    def review_queue(
        self, deck_id: str, now: int, end: int, held: frozenset[str], limit: int
    ) -> list[Key]:
        """Up to `limit` reviews due before `end` (neither suspended nor buried, not of
        `held`), the most overdue relative to their interval first, then the earliest due."""
        ...

    def next_new(self, deck_id: str, now: int, held: frozenset[str], limit: int) -> list[Key]:
        """The first keys never studied, in deck order, not buried and not of `held`."""
        ...

    def done_today(self, deck_id: str, day: Day) -> tuple[int, int]:
        """(new cards introduced, reviews answered) by study answers of this day."""
        ...

    def count_learning(self, deck_id: str, now: int, end: int) -> int: ...

    def next_learning_due(self, deck_id: str, now: int) -> int | None: ...

    def next_scheduled(self, deck_id: str) -> int | None:
        """The earliest time a learning or review card (not suspended) is due and unburied."""
        ...

    def has_new(self, deck_id: str) -> bool: ...

    def count_new(self, deck_id: str, now: int, held: frozenset[str]) -> int:
        """Keys never studied (not buried, not of `held` cards), all of them."""
        ...

    def count_due_reviews(
        self, deck_id: str, now: int, end: int, held: frozenset[str], limit: int
    ) -> int: ...


def review_queue(
    source: QueueSource, deck_id: str, now: int, day: Day, limit: int, held: frozenset[str]
) -> list[Key]:
    """Today's due reviews in the order they are asked, at most `limit`, none of `held`."""
    if limit <= 0:
        return []
    return source.review_queue(deck_id, now, day.end, held, limit)


def counts_today(source: QueueSource, deck_id: str, now: int, day: Day, limits: Limits) -> Counts:
    """New, learning and review cards left today in one deck."""
    left = limits.left(*source.done_today(deck_id, day))
    held = held_back(source, deck_id, day) if left.new or left.reviews else frozenset()
    new = len(source.next_new(deck_id, now, held, left.new)) if left.new else 0
    learning = source.count_learning(deck_id, now, day.end)
    review = (
        source.count_due_reviews(deck_id, now, day.end, held, left.reviews) if left.reviews else 0
    )
    return Counts(new, learning, review)


def next_due(source: QueueSource, deck_id: str, now: int, day: Day, limits: Limits) -> int | None:
    """When a deck next has a card to study (ms), for "come back at"; None if never (every
    card suspended, or none left).

    A learning card comes back within minutes, a review on its due date, a buried card
    tomorrow; new cards, when some are left and the day's share is used up, tomorrow. A card
    due already but held back by today's limits is also tomorrow's.
    """
    learning = source.next_learning_due(deck_id, now)
    if learning is not None and learning < day.end:
        return max(learning, now)
    candidates = []
    scheduled = source.next_scheduled(deck_id)
    if scheduled is not None:
        candidates.append(max(scheduled, day.end))
    if limits.new_per_day > 0 and source.has_new(deck_id):
        candidates.append(day.end)
    return min(candidates) if candidates else None


class StudyQueue:
    """The next key to study in one deck, in the order of a study day.

    `known` says whether a key belongs to the session (a key of the deck's catalog that the
    session's prompts do not have is skipped). Call `start` when a study day begins; tell the
    queue what happened with `studied`, `introduced`, `given_back` and `front`. `new_cards`,
    when given, chooses the order of new cards (`new_order`; else deck order).
    """

    def __init__(
        self,
        source: QueueSource,
        deck_id: str,
        limits: Limits,
        known: Callable[[Key], bool],
        new_cards: NewCards | None = None,
    ) -> None:
        self.source = source
        self.new_cards = new_cards
        self.deck_id = deck_id
        self.limits = limits
        self.known = known
        self.left = Left(0, 0)
        self._day: Day | None = None
        self._held: frozenset[str] = frozenset()
        self._reviews: deque[Key] = deque()
        self._front: deque[Key] = deque()
        self._since_new = 0

    @property
    def new_left(self) -> int:
        return self.left.new

    def start(self, now: int, day: Day) -> None:
        """A study day begins: its limits and its reviews, in order."""
        self._day = day
        self.left = self.limits.left(*self.source.done_today(self.deck_id, day))
        self._held = held_back(self.source, self.deck_id, day)
        found = review_queue(self.source, self.deck_id, now, day, self.left.reviews, self._held)
        self._reviews = deque(found)
        self._since_new = 0
        if self.new_cards is not None:
            self.new_cards.start(day, self._held)

    def next(self, now: int, day: Day) -> tuple[Key, CardState | None] | None:
        """The key to show now and its state if it was read while choosing (None: read it),
        or None when nothing is left today."""
        while self._front:
            key = self._front.popleft()
            if self.known(key):
                return key, None
        learning = self._learning(now, now + 1)
        if learning is not None:
            return learning
        review = self._peek_review(now, day)
        if review is not None and self.left.new > 0:
            spread = max(1, round(len(self._reviews) / self.left.new))
            if self._since_new >= spread and (new := self._peek_new(now)) is not None:
                self._since_new = 0
                return new, None
        if review is not None:
            self._reviews.popleft()
            self._since_new += 1
            return review
        new = self._peek_new(now) if self.left.new > 0 else None
        if new is not None:
            self._since_new = 0
            return new, None
        return self._learning(now, now + LEARN_AHEAD_MS)

    def _learning(self, now: int, before: int) -> tuple[Key, CardState] | None:
        found = self.source.next_learning(self.deck_id, now, before)
        return found if found is not None and self.known(found[0]) else None

    def _peek_review(self, now: int, day: Day) -> tuple[Key, CardState] | None:
        while self._reviews:
            key = self._reviews[0]
            state = self.source.state(key)
            if (
                self.known(key)
                and state is not None
                and state.stage == Stage.REVIEW
                and state.due is not None
                and state.due < day.end
                and not state.suspended
                and not state.is_buried(now)
                and not waits(key, self._held)
            ):
                return key, state
            self._reviews.popleft()
        return None

    def _peek_new(self, now: int) -> Key | None:
        if self.new_cards is not None:
            return self.new_cards.peek(now, self._held, self.known)
        for key in self.source.next_new(self.deck_id, now, self._held, NEW_CANDIDATES):
            if self.known(key):
                return key
        return None

    def studied(self, key: Key, stage: Stage) -> None:
        """A study answer was given to `key`, in `stage` before it: its card's siblings wait,
        and a new card counts against the day's limit."""
        self._held = self._held | {key[1]}
        if stage == Stage.NEW:
            self.left = Left(max(0, self.left.new - 1), self.left.reviews)

    def given_back(self, stage: Stage | None) -> None:
        """A study answer was taken back (undo): a new card is again within the limit, and
        the card's siblings are free again unless another answer today holds them."""
        if stage == Stage.NEW:
            self.left = Left(self.left.new + 1, self.left.reviews)
        if self._day is not None:
            self._held = held_back(self.source, self.deck_id, self._day)

    def front(self, key: Key) -> None:
        """Show `key` before anything else (a card put back by undo)."""
        self._front.appendleft(key)
