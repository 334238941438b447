"""Practice (cram): a round through any cards of a deck in a shuffled order, without touching
the schedule; a card rated Again comes back a few cards later."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Iterable

from quizapp.core.store import Key

AGAIN_GAP = 3
"""In practice, a card rated Again comes back after this many other cards."""


class PracticeRound:
    """The keys left in a practice round, in the order they come."""

    def __init__(self, keys: Iterable[Key], rng: random.Random) -> None:
        chosen = list(keys)
        rng.shuffle(chosen)
        self._left: deque[Key] = deque(chosen)

    def __len__(self) -> int:
        return len(self._left)

    def next(self, known: Callable[[Key], bool]) -> Key | None:
        """The next key of the round that `known` accepts (None: the round is over)."""
        while self._left:
            key = self._left.popleft()
            if known(key):
                return key
        return None

    def again(self, key: Key) -> None:
        """A card rated Again: it comes back after AGAIN_GAP other cards."""
        self._left.insert(min(AGAIN_GAP, len(self._left)), key)

    def forget_again(self, key: Key) -> None:
        """Undo of an Again: the card no longer comes back for it."""
        for index in range(min(AGAIN_GAP + 1, len(self._left))):
            if self._left[index] == key:
                del self._left[index]
                return
