"""One direction a day: the prompts of one card (its two directions, the gaps of a cloze
sentence) are siblings, and once one of them has been studied on a study day the others wait
for another day, so that one does not give the other away.

This is the only place the rule is decided: a card studied today (a study answer since the day
started) holds its other prompts back. The queue and today's counts exclude the cards in
`held_back`; the store only filters on the set it is given. Learning cards are not held back:
they are under way. Practice and quiz answers do not count: they leave the schedule alone.
"""

from __future__ import annotations

from typing import Protocol

from quizapp.core.schedule.day import Day

Key = tuple[str, str, str]
"""(deck id, card id, direction)."""


class StudiedCards(Protocol):
    def studied_cards(self, deck_id: str, since: int) -> frozenset[str]:
        """Ids of the cards of this deck with a study answer at or after `since` (ms)."""
        ...


def held_back(source: StudiedCards, deck_id: str, day: Day) -> frozenset[str]:
    """The cards whose not-yet-studied prompts wait for another day."""
    return source.studied_cards(deck_id, day.start)


def waits(key: Key, held: frozenset[str]) -> bool:
    """Whether a new or review prompt waits today because its card is held back."""
    return key[1] in held
