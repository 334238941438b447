"""The order in which a study day introduces new cards (Anki's "new card sort order").

    deck      in deck order, as the author wrote them
    random    shuffled
    kind      interleaved by card kind: a question, a word, a gap, a choice, a list, again...
    tag       interleaved by the card's first tag (its family: figures, people, vocab...)

The order is chosen once per study day, among the first `window` keys that were new when the
day began (Anki gathers new cards the same way before sorting them), and it depends only on
those keys, the deck id and the day: it is the same after a restart and after an undo. Keys
introduced earlier today are counted as new at the day's start (they are found in the log,
one card studied today at a time), so what is left keeps its place.

The queue asks `NewCards.peek` for the next new key: a look at the head of a list made at the
day's start, never a pass over the deck.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, Protocol

from quizapp.core.schedule.day import Day
from quizapp.core.schedule.siblings import Key, StudiedCards, waits
from quizapp.core.schedule.state import CardState, Stage

NewOrder = Literal["deck", "random", "kind", "tag"]
NEW_ORDERS: tuple[NewOrder, ...] = ("deck", "random", "kind", "tag")
DEFAULT_NEW_ORDER: NewOrder = "tag"
WINDOW = 1000
"""Keys gathered for a day's order (at least; four days' worth of new cards when more)."""
ALL_TIME = 2**62
"""A time after every burial: buried keys are gathered too (they keep their place)."""

FALLBACK_CANDIDATES = 4
"""New keys read at a time in deck order once the day's are used up."""

Group = Callable[[str], str]
"""Card id -> the group it is interleaved by (its kind, or its first tag)."""


def day_seed(deck_id: str, day: Day) -> int:
    """The seed of a deck's order on one study day."""
    digest = hashlib.sha256(f"{deck_id}\x1f{day.start}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _rank(seed: int, key: Key) -> bytes:
    return hashlib.blake2b(f"{seed}\x1f{key[1]}\x1f{key[2]}".encode(), digest_size=8).digest()


def ordered(keys: Sequence[Key], order: NewOrder, seed: int, group: Group) -> list[Key]:
    """`keys` (in deck order) in the order `order` introduces them on the day of `seed`.

    random: each key's place comes from a hash of the seed and the key alone. kind and tag:
    one card of each group in turn (its keys together: a card's other directions wait for
    another day anyway), each group in deck order, the groups in the order they first appear,
    starting with a group the seed picks.
    """
    if order == "deck":
        return list(keys)
    if order == "random":
        return sorted(keys, key=lambda key: _rank(seed, key))
    groups: dict[str, deque[list[Key]]] = {}
    cards: dict[str, list[Key]] = {}
    for key in keys:
        card = cards.get(key[1])
        if card is None:
            card = cards[key[1]] = []
            groups.setdefault(group(key[1]), deque()).append(card)
        card.append(key)
    queues = list(groups.values())
    if not queues:
        return []
    start = seed % len(queues)
    queues = queues[start:] + queues[:start]
    result: list[Key] = []
    while queues:
        for queue in queues:
            result += queue.popleft()
        queues = [queue for queue in queues if queue]
    return result


class NewSource(StudiedCards, Protocol):
    """What the new-card order reads from the store."""

    def state(self, key: Key) -> CardState | None: ...

    def next_new(self, deck_id: str, now: int, held: frozenset[str], limit: int) -> list[Key]: ...

    def introduced(self, key: Key, since: int) -> bool:
        """Whether `key` had its first study answer at or after `since`."""
        ...


class NewCards:
    """The new keys of a study day in the chosen order (see the module docstring).

    `walk` gives the session's keys in deck order, `keys_of` a card's keys in the session (to
    find today's introduced ones) and `group` a card's group for `kind` and `tag`.
    """

    def __init__(
        self,
        source: NewSource,
        deck_id: str,
        order: NewOrder,
        group: Group,
        walk: Callable[[], Iterable[Key]],
        keys_of: Callable[[str], Iterable[Key]],
        window: int = WINDOW,
    ) -> None:
        self.source = source
        self.deck_id = deck_id
        self.order = order
        self.group = group
        self.walk = walk
        self.keys_of = keys_of
        self.window = window
        self.keys: list[Key] = []
        """The day's new keys in order, those already introduced included."""
        self._at = 0
        self._gone: set[int] = set()

    def start(self, day: Day, held: frozenset[str]) -> None:
        """A study day begins (or the session opens on it): gather and order its new keys.
        `held` are the cards studied today: today's introduced keys are among theirs."""
        introduced = [
            key
            for card_id in sorted(held)
            for key in self.keys_of(card_id)
            if self.source.introduced(key, day.start)
        ]
        fresh = self.source.next_new(
            self.deck_id, ALL_TIME, frozenset(), max(0, self.window - len(introduced))
        )
        gathered = fresh
        if introduced:  # they take their places among the fresh ones, in deck order
            wanted = set(fresh) | set(introduced)
            gathered = []
            for key in self.walk():
                if key in wanted:
                    gathered.append(key)
                    if len(gathered) == len(wanted):
                        break
        self.keys = ordered(gathered, self.order, day_seed(self.deck_id, day), self.group)
        self._at = 0
        self._gone = set()

    def peek(self, now: int, held: frozenset[str], known: Callable[[Key], bool]) -> Key | None:
        """The first key of the day's order still new (not buried, not held back, in the
        session). A key found no longer new is passed over for the rest of the day (undo
        shows a card it brings back before anything else); a held one is looked at again.
        When the day's keys are used up, the deck's next new keys follow in deck order (those
        beyond the window, and those new again since the day began: unsuspended, reset)."""
        for index in range(self._at, len(self.keys)):
            if index in self._gone:
                continue
            key = self.keys[index]
            if waits(key, held) or not known(key):
                continue
            if self._still_new(key, now):
                return key
            self._gone.add(index)
            while self._at in self._gone:
                self._at += 1
        for key in self.source.next_new(self.deck_id, now, held, FALLBACK_CANDIDATES):
            if known(key):
                return key
        return None

    def _still_new(self, key: Key, now: int) -> bool:
        state = self.source.state(key)
        return state is None or (
            state.stage == Stage.NEW and not state.suspended and not state.is_buried(now)
        )
