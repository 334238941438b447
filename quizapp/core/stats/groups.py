"""By tag and by direction: accuracy in the period beside the cards and their stability.

The period's answers are summed per card key by the store, in key order (one pass over an
index, so SQLite groups without sorting); tags come from the deck files, so they are gathered
here, over one row per card key answered.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from quizapp.core.stats.keys import NO_TAG, GroupKeys, KeysPass, direction_group
from quizapp.core.stats.model import Group
from quizapp.core.stats.scope import Scope
from quizapp.core.store import Store


@dataclass(frozen=True)
class Groups:
    by_tag: tuple[Group, ...]
    by_direction: tuple[Group, ...]
    cards_answered: int
    """Distinct card keys answered in the period."""


def _group(name: str, keys: GroupKeys | None, answers: list[int]) -> Group:
    keys = keys or GroupKeys()
    mean = keys.stability / keys.keys if keys.keys else None
    return Group(name, keys.cards, keys.studied, answers[0], answers[1], answers[2], mean)


def _tag_order(name: str) -> tuple[bool, str]:
    return (name == NO_TAG, name)


def group_stats(store: Store, chosen: Scope, scanned: KeysPass, start: int, end: int) -> Groups:
    rows = store.answers_by_key(chosen.deck_id, start, end)
    # Rows come in key order: a card's directions are consecutive, so a card's sums are
    # complete when the next card starts (no dictionary of every card is needed).
    by_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_direction: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    untagged = (NO_TAG,)
    card: tuple[str, str] | None = None
    sums = [0, 0, 0]

    def close() -> None:
        if card is not None:
            for tag in scanned.tags.get(card, untagged):
                totals = by_tag[tag]
                totals[0] += sums[0]
                totals[1] += sums[1]
                totals[2] += sums[2]

    for deck_id, card_id, direction, answers, rated, passed in rows:
        if card is None or card[1] != card_id or card[0] != deck_id:
            close()
            card, sums = (deck_id, card_id), [0, 0, 0]
        sums[0] += answers
        sums[1] += rated
        sums[2] += passed
        totals = by_direction[direction]
        totals[0] += answers
        totals[1] += rated
        totals[2] += passed
    close()
    per_direction: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for direction, (answers, rated, passed) in by_direction.items():
        totals = per_direction[direction_group(direction)]
        totals[0] += answers
        totals[1] += rated
        totals[2] += passed
    tag_names = sorted({*scanned.by_tag, *by_tag}, key=_tag_order)
    direction_names = sorted({*scanned.by_direction, *per_direction})
    return Groups(
        tuple(_group(name, scanned.by_tag.get(name), by_tag[name]) for name in tag_names),
        tuple(
            _group(name, scanned.by_direction.get(name), per_direction[name])
            for name in direction_names
        ),
        len(rows),
    )
