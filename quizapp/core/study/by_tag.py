"""Study by tag (Anki's filtered deck): a study session over the cards with any of some tags,
on their schedule (their due learning cards and reviews, and new cards within the day's limit,
which the whole deck shares).

The queue (`schedule.queue.StudyQueue`) reads the schedule through `TaggedSource`: the store
seen through those cards. It reads their states once (one query), then keeps them up to date
from the day's study answers since it last looked (an indexed read of the log by time), and
reads again any state it is about to hand out: never a pass over the deck per answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo

from quizapp.core.deck import Deck
from quizapp.core.schedule import MINUTE_MS, CardState, Day, Stage, study_day, to_ms
from quizapp.core.schedule.new_order import ALL_TIME
from quizapp.core.settings import Settings
from quizapp.core.store import Key, Store
from quizapp.core.study.deck_prompts import deck_keys
from quizapp.core.study.today import limits

MARGIN_MS = MINUTE_MS
"""Answers are looked for from this long before the last look (a clock that steps back)."""


def tagged_cards(deck: Deck, tags: Iterable[str]) -> list[str]:
    """Ids of the deck's cards with any of `tags`, in deck order."""
    wanted = set(tags)
    return [card.id for card in deck.cards if wanted.intersection(card.tags)]


def _available(state: CardState | None, now: int) -> bool:
    return state is None or (not state.suspended and not state.is_buried(now))


def _overdue(state: CardState, now: int) -> tuple[float, int]:
    """The order of reviews in the store's queue: the most overdue for its interval first."""
    assert state.due is not None
    spread = max((state.due - (state.last_review or 0)), 1)
    return (-(now - state.due) / spread, state.due)


class TaggedSource:
    """What the study queue reads (`schedule.queue.QueueSource`), for some cards only."""

    def __init__(self, store: Store, deck_id: str, keys: Sequence[Key]) -> None:
        self.store = store
        self.deck_id = deck_id
        self.keys = list(keys)
        """The session's keys of those cards, in deck order."""
        self.cards = frozenset(key[1] for key in keys)
        self._by_card: dict[str, list[Key]] = {}
        for key in self.keys:
            self._by_card.setdefault(key[1], []).append(key)
        self._states: dict[Key, CardState | None] | None = None
        self._since = 0

    def _all(self, now: int) -> dict[Key, CardState | None]:
        """Every key's state, as of the latest study answer."""
        if self._states is None:
            stored = self.store.states(self.deck_id)
            self._states = {key: stored.get(key) for key in self.keys}
        else:
            for card_id in self.store.studied_cards(self.deck_id, self._since) & self.cards:
                for key in self._by_card[card_id]:
                    self._states[key] = self.store.state(key)
        if now < ALL_TIME:  # not the new-card order's gathering, which looks at every burial
            self._since = max(self._since, now - MARGIN_MS)
        return self._states

    # -- read through --------------------------------------------------------------------

    def state(self, key: Key) -> CardState | None:
        found = self.store.state(key)
        if self._states is not None and key in self._states:
            self._states[key] = found
        return found

    def studied_cards(self, deck_id: str, since: int) -> frozenset[str]:
        return self.store.studied_cards(deck_id, since)

    def done_today(self, deck_id: str, day: Day) -> tuple[int, int]:
        return self.store.done_today(deck_id, day)

    # -- the queue's reads, over these cards -----------------------------------------------

    def _learning(self, now: int) -> list[tuple[Key, CardState]]:
        return [
            (key, state)
            for key, state in self._all(now).items()
            if state is not None
            and state.stage in (Stage.LEARNING, Stage.RELEARNING)
            and state.due is not None
            and _available(state, now)
        ]

    def next_learning(self, deck_id: str, now: int, before: int) -> tuple[Key, CardState] | None:
        for key, cached in sorted(self._learning(now), key=lambda item: item[1].due or 0):
            if (cached.due or 0) >= before:
                return None
            state = self.state(key)
            if (
                state is not None
                and state.stage in (Stage.LEARNING, Stage.RELEARNING)
                and (state.due or 0) < before
                and _available(state, now)
            ):
                return key, state
        return None

    def next_learning_due(self, deck_id: str, now: int) -> int | None:
        return min((state.due or 0 for _, state in self._learning(now)), default=None)

    def _reviews(self, now: int, end: int, held: frozenset[str]) -> list[tuple[Key, CardState]]:
        return [
            (key, state)
            for key, state in self._all(now).items()
            if state is not None
            and state.stage == Stage.REVIEW
            and state.due is not None
            and state.due < end
            and _available(state, now)
            and key[1] not in held
        ]

    def review_queue(
        self, deck_id: str, now: int, end: int, held: frozenset[str], limit: int
    ) -> list[Key]:
        found = sorted(self._reviews(now, end, held), key=lambda item: _overdue(item[1], now))
        return [key for key, _ in found[:limit]]

    def count_due_reviews(
        self, deck_id: str, now: int, end: int, held: frozenset[str], limit: int
    ) -> int:
        due = len(self._reviews(now, end, held))
        return due if limit < 0 else min(limit, due)  # -1: all of them

    def count_learning(self, deck_id: str, now: int, end: int) -> int:
        return sum(1 for _, state in self._learning(now) if (state.due or 0) < end)

    def next_new(self, deck_id: str, now: int, held: frozenset[str], limit: int) -> list[Key]:
        found: list[Key] = []
        for key, cached in self._all(now).items():
            if len(found) >= limit:
                break
            if key[1] in held or not (cached is None or cached.stage == Stage.NEW):
                continue
            state = self.state(key)  # suspended or buried since it was read?
            if (state is None or state.stage == Stage.NEW) and _available(state, now):
                found.append(key)
        return found

    def count_new(self, deck_id: str, now: int, held: frozenset[str]) -> int:
        return sum(
            1
            for key, state in self._all(now).items()
            if key[1] not in held
            and (state is None or state.stage == Stage.NEW)
            and _available(state, now)
        )

    def has_new(self, deck_id: str) -> bool:
        states = self._states if self._states is not None else self._all(0)
        return any(
            state is None or (state.stage == Stage.NEW and not state.suspended)
            for state in states.values()
        )

    def next_scheduled(self, deck_id: str) -> int | None:
        states = self._states if self._states is not None else self._all(0)
        return min(
            (
                max(state.due, state.buried_until)
                for state in states.values()
                if state is not None
                and state.stage != Stage.NEW
                and state.due is not None
                and not state.suspended
            ),
            default=None,
        )


@dataclass(frozen=True)
class TagCount:
    """A tag of a deck, for choosing what to study: its cards, and its prompts due today
    (learning and reviews) and new (within what is left of the day's new cards)."""

    tag: str
    cards: int
    due: int
    new: int


def tag_counts(
    deck: Deck, store: Store, pairs: Sequence[tuple[str, str]], day: Day, now: int, new_left: int
) -> list[TagCount]:
    """Every tag of the deck in order of first use, with its counts (one pass over the deck's
    cards and one read of its states; siblings held back today are counted all the same).
    `pairs` are the session's (card id, direction) keys."""
    states = store.states(deck.id)
    directions: dict[str, list[str]] = {}
    for card_id, direction in pairs:
        directions.setdefault(card_id, []).append(direction)
    found: dict[str, list[int]] = {}
    for card in deck.cards:
        due = new = 0
        for direction in directions.get(card.id, ()):
            state = states.get((deck.id, card.id, direction))
            if state is None or (state.stage == Stage.NEW and not state.suspended):
                new += 1
            elif _available(state, now) and state.due is not None and state.due < day.end:
                due += state.stage != Stage.NEW
        for tag in card.tags:
            counts = found.setdefault(tag, [0, 0, 0])
            counts[0] += 1
            counts[1] += due
            counts[2] += new
    return [TagCount(tag, n, due, min(new, new_left)) for tag, (n, due, new) in found.items()]


def tags_today(
    store: Store,
    deck: Deck,
    settings: Settings,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> list[TagCount]:
    """`tag_counts` for today, with the learner's settings (for the home screen's tag list)."""
    moment = to_ms(now or datetime.now(timezone.utc))
    day = study_day(moment, settings.day_start_hour, tz)
    left = limits(settings).left(*store.done_today(deck.id, day))
    return tag_counts(deck, store, deck_keys(deck, settings), day, moment, left.new)
