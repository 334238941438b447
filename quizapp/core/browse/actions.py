"""What a learner does to prompts by hand in the browser: suspend, unsuspend, bury, unbury,
reset (Anki's Forget) and set due date, and undo.

Each action is one row of the review log per prompt it changes, of the modes the schedule
already folds (`schedule.Mode`: suspend, unsuspend, bury, unbury, forget, due-date), written
through `Store.record` like an answer: the log stays the truth, and the state a rebuild folds
is the state each row left. A prompt already in the state asked for (suspending a suspended
one, resetting a new one) gets no row, so undo gives back exactly what was there. Undo deletes
the rows of the action (as a session's undo does): the action was never taken.

Every row of one action has the same time, later than any event of the prompts it changes, so
that the action is the last thing in their history and its rows can be found again together
(`undo_logged`, for the command line, which keeps no memory between runs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import Literal, get_args

from quizapp.core.browse.listing import BrowseRow, list_rows, with_state
from quizapp.core.browse.query import Query, select
from quizapp.core.deck import Deck
from quizapp.core.schedule import CardState, Day, Mode, Stage, study_day, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Key, Review, Store, new_id
from quizapp.core.study import deck_keys, sync_deck
from quizapp.core.study.rows import action_row

BrowseAction = Literal["suspend", "unsuspend", "bury", "unbury", "reset", "set-due"]
ACTIONS: tuple[BrowseAction, ...] = get_args(BrowseAction)
MODES: dict[BrowseAction, Mode] = {
    "suspend": Mode.SUSPEND,
    "unsuspend": Mode.UNSUSPEND,
    "bury": Mode.BURY,
    "unbury": Mode.UNBURY,
    "reset": Mode.FORGET,
    "set-due": Mode.DUE_DATE,
}
"""The mode of the log row each action writes."""
ACTION_OF: dict[Mode, BrowseAction] = {mode: action for action, mode in MODES.items()}
MAX_DUE_DAYS = 36_500
"""The furthest a due date can be set: 100 years, the longest interval."""

Clock = Callable[[], datetime]


class UnknownTarget(LookupError):
    """A card (or card:direction) that the deck does not have."""


class NothingToUndo(LookupError):
    """No action to take back, or one that later answers depend on."""


@dataclass(frozen=True)
class Change:
    """One action as it was logged: the prompts it changed and the rows it wrote."""

    action: BrowseAction
    at: int
    keys: tuple[Key, ...]
    review_ids: tuple[str, ...]
    skipped: tuple[Key, ...] = ()
    """Prompts chosen but already as asked (no row written for them)."""
    days: int | None = None
    """For set-due: due in this many days (0: today)."""


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _needed(action: BrowseAction, state: CardState, now: int) -> bool:
    """Whether `action` changes a prompt in `state` (set-due always does)."""
    if action == "suspend":
        return not state.suspended
    if action == "unsuspend":
        return state.suspended
    if action == "bury":
        return not state.is_buried(now)
    if action == "unbury":
        return state.is_buried(now)
    if action == "reset":
        return state.stage != Stage.NEW or state.stability is not None
    return True


class Browser:
    """The prompts of one deck, and the actions on them (see the module's docstring).

    `clock` returns the current time (tests pass a fixed one), `tz` the time zone of the day
    start (default: the system's), `ids` makes review ids from a time in ms. StoreError
    (disk full, read-only, damaged file) reaches the caller as it is.
    """

    def __init__(
        self,
        deck: Deck,
        store: Store,
        settings: Settings,
        *,
        clock: Clock | None = None,
        tz: tzinfo | None = None,
        ids: Callable[[int], str] | None = None,
    ) -> None:
        self.deck = deck
        self.store = store
        self.settings = settings
        self._clock = clock or _utc_now
        self._tz = tz
        self._ids = ids or new_id
        self._history: list[Change] = []
        self._last_at = 0

    @classmethod
    def open(
        cls,
        deck: Deck,
        store: Store,
        settings: Settings,
        *,
        clock: Clock | None = None,
        tz: tzinfo | None = None,
    ) -> Browser:
        """A browser whose deck's card keys are recorded in the store (so that today's counts
        follow its actions); StoreError when they cannot be written."""
        browser = cls(deck, store, settings, clock=clock, tz=tz)
        sync_deck(store, deck, settings)
        return browser

    def use_deck(self, deck: Deck) -> None:
        """Go on with `deck` as its file now is (edited by hand: same id); the undo history
        and the progress stay."""
        sync_deck(self.store, deck, self.settings)
        self.deck = deck

    # -- reading ---------------------------------------------------------------------------

    def now(self) -> int:
        return to_ms(self._clock())

    def day(self) -> Day:
        return study_day(self.now(), self.settings.day_start_hour, self._tz)

    def rows(self) -> list[BrowseRow]:
        """Every prompt of the deck with its state now, in deck order."""
        return list_rows(
            self.deck,
            self.store.states(self.deck.id),
            self.settings,
            self.now(),
            self.store.parameters(self.deck.id),
            self._tz,
        )

    def refreshed(self, rows: Sequence[BrowseRow], keys: Iterable[Key]) -> list[BrowseRow]:
        """`rows` with the state of `keys` read again (after an action on them), without
        reading the whole deck again."""
        wanted = set(keys)
        now, params = self.now(), self.store.parameters(self.deck.id)
        return [
            with_state(row, self.store.state(row.key), self.settings, now, params, self._tz)
            if row.key in wanted
            else row
            for row in rows
        ]

    def select(self, query: Query, rows: Sequence[BrowseRow] | None = None) -> list[BrowseRow]:
        """The rows (default: all, now) that `query` shows, in its order."""
        return select(self.rows() if rows is None else rows, query, self.day().end)

    def resolve(self, targets: Iterable[str]) -> list[Key]:
        """Prompt keys from `CARD` (all its prompts) or `CARD:DIRECTION` (one), in the order
        given, without repeats; UnknownTarget names the first that the deck does not have."""
        by_card: dict[str, list[str]] = {}
        for card_id, direction in deck_keys(self.deck, self.settings):
            by_card.setdefault(card_id, []).append(direction)
        keys: dict[Key, None] = {}
        for target in targets:
            card_id, _, direction = target.partition(":")
            directions = by_card.get(card_id)
            if directions is None:
                raise UnknownTarget(f"the deck {self.deck.id!r} has no card {card_id!r}")
            if direction and direction not in directions:
                raise UnknownTarget(
                    f"the card {card_id!r} has no direction {direction!r} "
                    f"(its directions: {', '.join(directions)})"
                )
            for chosen in [direction] if direction else directions:
                keys[(self.deck.id, card_id, chosen)] = None
        return list(keys)

    # -- acting ----------------------------------------------------------------------------

    def apply(self, action: BrowseAction, keys: Iterable[Key], days: int | None = None) -> Change:
        """Log `action` on each of `keys` that it changes (set-due: due in `days` study days,
        0 for today); the change can be undone with `undo`."""
        if action not in MODES:
            raise ValueError(f"no action {action!r} (actions: {', '.join(ACTIONS)})")
        if action == "set-due" and (days is None or not 0 <= days <= MAX_DUE_DAYS):
            raise ValueError(f"set-due needs a number of days from 0 to {MAX_DUE_DAYS}")
        now = self.now()
        chosen = list(dict.fromkeys(keys))
        states = {key: self.store.state(key) or CardState() for key in chosen}
        changed = [key for key in chosen if _needed(action, states[key], now)]
        skipped = tuple(key for key in chosen if key not in changed)
        latest = max((states[key].last_event for key in changed), default=0)
        at = max(now, self._last_at + 1, latest + 1)
        until = days if action == "set-due" else None
        if action == "bury":
            until = study_day(at, self.settings.day_start_hour, self._tz).end
        ids: list[str] = []
        try:
            for key in changed:
                review_id = self._ids(at)
                self.store.record(
                    action_row(review_id, key, at, MODES[action], self.settings, until)
                )
                ids.append(review_id)
        finally:
            if ids:  # rows saved before a failure can still be undone
                self._last_at = at
                done = tuple(changed[: len(ids)])
                self._history.append(Change(action, at, done, tuple(ids), skipped, days))
        if not ids:
            return Change(action, at, (), (), skipped, days)
        return self._history[-1]

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    @property
    def last_change(self) -> Change | None:
        return self._history[-1] if self._history else None

    def undo(self) -> Change | None:
        """Take back the last action of this browser: its rows leave the log and the prompts'
        state is what it was. None when there is nothing to undo."""
        if not self._history:
            return None
        change = self._history[-1]
        self.store.undo(change.review_ids)  # a StoreError leaves it to undo later
        self._history.pop()
        return change

    def undo_logged(self) -> Change:
        """Take back the newest action in the log on this deck's prompts (made here, in a
        study session or imported), for a caller with no memory of its own. NothingToUndo when
        there is none, or when one of its prompts has been answered or changed since."""
        rows = self.store.latest_action(self.deck.id, tuple(MODES.values()))
        if not rows:
            raise NothingToUndo(f"no action on the cards of the deck {self.deck.id!r} to undo")
        at = rows[0].at
        keys = tuple(dict.fromkeys(row.key for row in rows))
        later = self.store.changed_after(keys, at)
        if later:
            deck_id, card_id, direction = later[0]
            raise NothingToUndo(
                f"the last action ({ACTION_OF[rows[0].mode]} of {len(keys)} prompt(s)) cannot "
                f"be undone: {card_id}:{direction} of {deck_id!r} was answered or changed since"
            )
        self.store.undo([row.id for row in rows])
        return Change(
            ACTION_OF[rows[0].mode], at, keys, tuple(row.id for row in rows), (), _days(rows)
        )


def _days(rows: Sequence[Review]) -> int | None:
    return rows[0].until if rows[0].mode == Mode.DUE_DATE else None
