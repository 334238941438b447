"""Card keys and their schedule: states, intervals, difficulty, the forecast, cards and
stability by tag and direction, and the candidates for the hardest cards.

Everything is summed in SQL by the store (`store.stats_state`) over card state, the fold of
the log; Python only sees the sums. The figures cover the keys each deck has now (see
`StateScope`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.deck import Deck
from quizapp.core.stats.calendar import Calendar
from quizapp.core.stats.model import LEECH_LAPSES, Bucket, CardStates, DayCount
from quizapp.core.stats.scope import Scope
from quizapp.core.store import Key, StateScope, Store

NO_TAG = ""
"""The group of cards without tags (or of decks whose file is not loaded)."""
HARDEST = 10
"""Cards in each list of hardest cards."""
LEECH_LIST = 50
"""Leeches listed (all are counted)."""
QUARTER_MS = 15 * 60_000
"""Due times are grouped by quarter hour: every study day starts on a quarter hour (no time
zone is offset by less), so each group falls in exactly one study day."""

INTERVALS: tuple[tuple[str, float, float | None], ...] = (
    ("1d", 0, 2),
    ("2-3d", 2, 4),
    ("4-7d", 4, 8),
    ("1-2w", 8, 15),
    ("2-4w", 15, 31),
    ("1-3mo", 31, 91),
    ("3-6mo", 91, 181),
    ("6-12mo", 181, 366),
    (">1y", 366, None),
)
"""Buckets of review intervals, in days (from inclusive, to exclusive)."""
DIFFICULTY: tuple[tuple[str, float, float | None], ...] = tuple(
    (f"{n}-{n + 1}", n, n + 1 if n < 9 else None) for n in range(1, 10)
)
"""FSRS difficulty runs from 1 to 10; the last bucket holds 9 to 10."""


@dataclass
class GroupKeys:
    """One tag (cards) or direction (card keys): how many, how many studied, the studied
    keys' count and stability summed (for the mean)."""

    cards: int = 0
    studied: int = 0
    keys: int = 0
    stability: float = 0.0


@dataclass
class KeysPass:
    states: CardStates
    forecast: tuple[DayCount, ...]
    overdue: int
    by_tag: dict[str, GroupKeys]
    by_direction: dict[str, GroupKeys]
    most_lapses: list[Key]
    """Most lapses first, then most Again answers in study: a card forgotten while still being
    learnt (Again on a learning step) is forgotten too, though Anki counts no lapse for it."""
    again: dict[Key, int]
    """Study answers Again of the keys in `most_lapses`."""
    leeches: list[Key]
    leech_count: int
    least_recall: list[Key]
    """Lowest retrievability now first."""
    tags: dict[tuple[str, str], tuple[str, ...]]


def direction_group(direction: str) -> str:
    """`it>en` and `en>it` (vocabulary) as they are; a question language (`it`, `en`, and a
    cloze gap's `it.2`) as its language."""
    return direction.split(".", 1)[0]


def card_tags(decks: Sequence[Deck]) -> dict[tuple[str, str], tuple[str, ...]]:
    return {
        (deck.id, card.id): tuple(card.tags) or (NO_TAG,) for deck in decks for card in deck.cards
    }


Period = tuple[int, int]
"""[start, end) in milliseconds: the study days the figures are over."""


def _most_forgotten(
    store: Store, chosen: Scope, keys: StateScope, lapsed: list[tuple[Key, int]], period: Period
) -> tuple[list[Key], dict[Key, int]]:
    """The HARDEST keys with most lapses, then most Again answers in the period, and their
    Again counts in the period."""
    start, end = period
    decks = chosen.logged if chosen.deck_id is None else (chosen.deck_id,)
    again = dict(store.most_again(decks, start, end, HARDEST, keys.stray))
    lapses = dict(lapsed[:HARDEST])
    for key in lapses:
        if key not in again:
            again[key] = store.again_count(key, start, end)
    ranked = sorted(again, key=lambda key: (-lapses.get(key, 0), -again[key]))
    forgotten = [key for key in ranked if lapses.get(key, 0) or again[key]][:HARDEST]
    return forgotten, {key: again[key] for key in forgotten}


def scan(
    store: Store, chosen: Scope, decks: Sequence[Deck], days: Calendar, now: int, period: Period
) -> KeysPass:
    keys = chosen.keys(store, decks)
    stages: Counter[str] = Counter()
    intervals: Counter[int] = Counter()
    difficulty: Counter[int] = Counter()
    leech_count = 0
    lows = [low for _label, low, _high in INTERVALS]
    for group in store.schedule_groups(keys, LEECH_LAPSES):
        count = group.count
        if group.suspended:
            stages["suspended"] += count
        elif group.stage != 0:  # unsuspended new keys are counted from the catalog
            stages[("new", "learning", "review", "relearning")[group.stage]] += count
        leech_count += count if group.leech else 0
        if group.interval_days is not None:
            intervals[max(bisect_right(lows, group.interval_days) - 1, 0)] += count
        if group.difficulty is not None:
            difficulty[min(max(group.difficulty - 1, 0), len(DIFFICULTY) - 1)] += count
    by_direction: dict[str, GroupKeys] = {}
    for direction, studied, total in store.stability_by_direction(keys):
        found = by_direction.setdefault(direction_group(direction), GroupKeys())
        found.studied += studied
        found.keys += studied
        found.stability += total
    stages["new"] += store.fresh_keys(chosen.deck_id)
    for direction, count in store.keys_by_direction(chosen.deck_id):
        by_direction.setdefault(direction_group(direction), GroupKeys()).cards += count
    for found in by_direction.values():  # a language asked before `l`: its studied cards
        found.cards = max(found.cards, found.studied)

    forecast, overdue = _forecast(store, keys, days)
    if chosen.deck_id is not None:  # the other decks' cards are not in these figures
        decks = [deck for deck in decks if deck.id == chosen.deck_id]
    tags = card_tags(decks)
    lapsed = store.most_lapses(keys, max(HARDEST, LEECH_LIST))
    forgotten, again = _most_forgotten(store, chosen, keys, lapsed, period)
    return KeysPass(
        states=CardStates(
            new=stages["new"],
            learning=stages["learning"],
            relearning=stages["relearning"],
            review=stages["review"],
            suspended=stages["suspended"],
            intervals=_buckets(intervals, INTERVALS),
            difficulty=_buckets(difficulty, DIFFICULTY),
        ),
        forecast=forecast,
        overdue=overdue,
        by_tag=_by_tag(store, keys, decks, tags),
        by_direction=by_direction,
        most_lapses=forgotten,
        again=again,
        leeches=[key for key, lapses in lapsed if lapses >= LEECH_LAPSES],
        leech_count=leech_count,
        least_recall=store.least_recall(keys, now, HARDEST),
        tags=tags,
    )


def _forecast(store: Store, keys: StateScope, days: Calendar) -> tuple[tuple[DayCount, ...], int]:
    today = days.days[days.today]
    offsets = [(start - today.start) // QUARTER_MS for start in days.starts[days.today :]]
    due_on = [0] * len(offsets)
    overdue = 0
    for quarter, count in store.due_by_quarter(keys, today.start, QUARTER_MS, days.days[-1].end):
        if quarter < 0:
            overdue += count
        else:
            due_on[bisect_right(offsets, quarter) - 1] += count
    due_on[0] += overdue
    dates = days.dates[days.today :]
    return tuple(DayCount(when, count) for when, count in zip(dates, due_on, strict=True)), overdue


def _by_tag(
    store: Store,
    keys: StateScope,
    decks: Sequence[Deck],
    tags: dict[tuple[str, str], tuple[str, ...]],
) -> dict[str, GroupKeys]:
    """Cards per tag from the decks; studied cards and their stability from the schedule,
    summed per set of tags (few) before being spread over the tags."""
    groups: dict[str, GroupKeys] = {}
    for signature, cards in Counter(tags.values()).items():
        for tag in signature:
            groups.setdefault(tag, GroupKeys()).cards += cards
    if not decks:
        return groups
    untagged = (NO_TAG,)
    per_signature: dict[tuple[str, ...], list[float]] = {}
    for deck_id, card_id, studied_keys, stability in store.stability_by_card(keys):
        signature = tags.get((deck_id, card_id), untagged)
        sums = per_signature.get(signature)
        if sums is None:
            sums = per_signature[signature] = [0, 0, 0.0]
        sums[0] += 1
        sums[1] += studied_keys
        sums[2] += stability
    for signature, (studied, key_count, stability) in per_signature.items():
        for tag in signature:
            group = groups.setdefault(tag, GroupKeys())
            group.studied += int(studied)
            group.keys += int(key_count)
            group.stability += stability
    return groups


def _buckets(
    counts: Counter[int], shape: Sequence[tuple[str, float, float | None]]
) -> tuple[Bucket, ...]:
    return tuple(
        Bucket(label, low, high, counts.get(index, 0))
        for index, (label, low, high) in enumerate(shape)
    )
