"""Card keys and their schedule: states, intervals, difficulty, the forecast, cards and
stability by tag and direction, and the candidates for the hardest cards.

Everything is summed in SQL over `card_state` (the fold of the log); Python only sees the
sums. The figures cover the keys each deck has now (its catalog, as the home screen counts
them): keys of removed cards, or of a direction no longer studied, are "stray" and left out.
They are found once (`stray_keys`); as there are usually none, every other query reads
`card_state` alone instead of joining it to the catalog row by row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.deck.model import Deck
from quizapp.core.stats.calendar import Calendar
from quizapp.core.stats.model import Bucket, CardStates, DayCount
from quizapp.core.stats.scope import Scope, literal
from quizapp.core.store.database import Store

NO_TAG = ""
"""The group of cards without tags (or of decks whose file is not loaded)."""
LEECH_LAPSES = 8
"""A card forgotten this many times after being learnt is a leech (Anki's default)."""
HARDEST = 10
"""Cards in each list of hardest cards."""
LEECH_LIST = 50
"""Leeches listed (all are counted)."""
QUARTER_MS = 15 * 60_000
"""Due times are grouped by quarter hour: every study day starts on a quarter hour (no time
zone is offset by less), so each group falls in exactly one study day."""
STRAY_LIMIT = 2_000
"""Beyond this many stray keys they are excluded by a join instead of a list."""

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

Key = tuple[str, str, str]
_CATALOG_MATCH = (
    "EXISTS (SELECT 1 FROM catalog c WHERE c.deck_id = s.deck_id AND c.card_id = s.card_id "
    "AND c.direction = s.direction)"
)
_STRAY = (
    "SELECT s.deck_id, s.card_id, s.direction FROM card_state s WHERE {where} "
    f"AND s.deck_id IN (SELECT deck_id FROM decks) AND NOT {_CATALOG_MATCH}"
)
_SCHEDULED_COUNT = (
    "SELECT count(*) FROM card_state s WHERE {where} AND s.deck_id IN (SELECT deck_id FROM "
    "decks) AND (s.stage <> 0 OR s.suspended <> 0)"
)
_NOT_FRESH_COUNT = "SELECT count(*) FROM catalog c WHERE {where} AND fresh = 0"


_SCHEDULE = (
    "SELECT s.stage + 4 * s.suspended + 8 * (s.lapses >= ?) "
    "+ 16 * coalesce(CASE WHEN s.suspended = 0 THEN CAST(s.difficulty AS INTEGER) END, 0) "
    "+ 256 * coalesce(CASE WHEN s.stage = 2 AND s.suspended = 0 "
    "THEN 1 + (s.due - s.last_review) / 86400000 END, 0), count(*) "
    "FROM card_state s WHERE {where} GROUP BY 1"
)
"""Stage, suspension, leech, whole difficulty and whole days of interval, packed in one
integer per key so that SQLite groups on a single number (several times faster than grouping
on five columns); `_unpack` takes it apart."""
_STUDIED_BY_DIRECTION = (
    "SELECT s.direction, count(s.stability), total(s.stability) FROM card_state s "
    "WHERE {where} GROUP BY 1"
)


def _unpack(packed: int) -> tuple[int, bool, bool, int | None, int | None]:
    """(stage, suspended, leech, whole difficulty or None, interval days or None)."""
    hardness, days = (packed >> 4) & 15, packed >> 8
    return (
        packed & 3,
        bool(packed & 4),
        bool(packed & 8),
        hardness or None,
        days - 1 if days else None,
    )


_DUE = (
    "SELECT CASE WHEN s.due < ? THEN -1 ELSE (s.due - ?) / ? END, count(*) "
    "FROM card_state s WHERE {where} AND s.stage IN (1, 2, 3) AND s.suspended = 0 "
    "AND s.due < ? GROUP BY 1"
)
_STUDIED_BY_CARD = (
    "SELECT s.deck_id, s.card_id, count(*), total(s.stability) FROM card_state s "
    "WHERE {where} AND s.stability IS NOT NULL GROUP BY 1, 2"
)
_KEYS_BY_DIRECTION = "SELECT direction, count(*) FROM catalog c WHERE {where} GROUP BY 1"
_NEW = "SELECT count(*) FROM catalog c WHERE {where} AND fresh = 1"
_MOST_LAPSES = (
    "SELECT s.deck_id, s.card_id, s.direction, s.lapses FROM card_state s WHERE {where} "
    "AND s.lapses > 0 ORDER BY s.lapses DESC, s.last_review DESC, s.card_id, s.direction "
    "LIMIT ?"
)
_LEAST_RECALL = (
    "SELECT s.deck_id, s.card_id, s.direction FROM card_state s WHERE {where} "
    "AND s.stage <> 0 AND s.stability IS NOT NULL AND s.suspended = 0 "
    "ORDER BY ((? - s.last_review) / 86400000) / s.stability DESC, s.card_id, s.direction "
    "LIMIT ?"
)
"""Lowest retrievability first: it falls as whole days since the last review / stability grow."""


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


def stray_keys(store: Store, chosen: Scope) -> list[Key]:
    """Keys with a schedule that their deck no longer has. Those that matter (not new, or
    suspended) exist only when there are more such keys than catalog keys marked as not
    fresh (`catalog.fresh` says exactly "no schedule yet"); only then is the catalog joined."""
    where, params = chosen.where("s")
    scheduled = store.query(_SCHEDULED_COUNT.format(where=where), params)[0][0]
    not_fresh = store.query(_NOT_FRESH_COUNT.format(where=chosen.where("c")[0]), params)[0][0]
    if scheduled == not_fresh:
        return []
    return [(r[0], r[1], r[2]) for r in store.query(_STRAY.format(where=where), params)]


def _in_decks(chosen: Scope, stray: list[Key]) -> tuple[str, tuple[Any, ...]]:
    """The condition on `card_state s` for keys the decks have now, and its parameters."""
    where, params = chosen.where("s")
    if not stray:
        return where, params
    if len(stray) > STRAY_LIMIT:
        uncatalogued = ", ".join(literal(deck) for deck in chosen.uncatalogued) or "NULL"
        return f"{where} AND (s.deck_id IN ({uncatalogued}) OR {_CATALOG_MATCH})", params
    marks = ", ".join("?" for _ in stray)
    joined = "s.deck_id || char(31) || s.card_id || char(31) || s.direction"
    return (
        f"{where} AND {joined} NOT IN ({marks})",
        (*params, *("\x1f".join(key) for key in stray)),
    )


def scan(store: Store, chosen: Scope, decks: Sequence[Deck], days: Calendar, now: int) -> KeysPass:
    where, params = _in_decks(chosen, stray_keys(store, chosen))
    catalog_where, catalog_params = chosen.where("c")

    stages: Counter[str] = Counter()
    intervals: Counter[int] = Counter()
    difficulty: Counter[int] = Counter()
    leech_count = 0
    lows = [low for _label, low, _high in INTERVALS]
    for packed, count in store.query(_SCHEDULE.format(where=where), (LEECH_LAPSES, *params)):
        stage, suspended, leech, hardness, days_between = _unpack(int(packed))
        if suspended:
            stages["suspended"] += count
        elif stage != 0:  # unsuspended new keys are counted from the catalog
            stages[("new", "learning", "review", "relearning")[stage]] += count
        leech_count += count if leech else 0
        if days_between is not None:
            intervals[max(bisect_right(lows, days_between) - 1, 0)] += count
        if hardness is not None:
            difficulty[min(max(hardness - 1, 0), len(DIFFICULTY) - 1)] += count
    by_direction: dict[str, GroupKeys] = {}
    rows = store.query(_STUDIED_BY_DIRECTION.format(where=where), params)
    for direction, studied, total in rows:
        group = by_direction.setdefault(direction_group(direction), GroupKeys())
        group.studied += studied
        group.keys += studied
        group.stability += total
    stages["new"] += int(store.query(_NEW.format(where=catalog_where), catalog_params)[0][0])
    for direction, count in store.query(
        _KEYS_BY_DIRECTION.format(where=catalog_where), catalog_params
    ):
        by_direction.setdefault(direction_group(direction), GroupKeys()).cards += count

    forecast, overdue = _forecast(store, where, params, days)
    if chosen.deck_id is not None:  # the other decks' cards are not in these figures
        decks = [deck for deck in decks if deck.id == chosen.deck_id]
    tags = card_tags(decks)
    lapsed = store.query(_MOST_LAPSES.format(where=where), (*params, max(HARDEST, LEECH_LIST)))
    least = store.query(_LEAST_RECALL.format(where=where), (*params, now, HARDEST))
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
        by_tag=_by_tag(store, where, params, decks, tags),
        by_direction=by_direction,
        most_lapses=[(r[0], r[1], r[2]) for r in lapsed[:HARDEST]],
        leeches=[(r[0], r[1], r[2]) for r in lapsed if r[3] >= LEECH_LAPSES],
        leech_count=leech_count,
        least_recall=[(r[0], r[1], r[2]) for r in least],
        tags=tags,
    )


def _forecast(
    store: Store, where: str, params: tuple[Any, ...], days: Calendar
) -> tuple[tuple[DayCount, ...], int]:
    today = days.days[days.today]
    offsets = [(start - today.start) // QUARTER_MS for start in days.starts[days.today :]]
    due_on = [0] * len(offsets)
    overdue = 0
    values = (today.start, today.start, QUARTER_MS, *params, days.days[-1].end)
    for quarter, count in store.query(_DUE.format(where=where), values):
        if quarter < 0:
            overdue += count
        else:
            due_on[bisect_right(offsets, quarter) - 1] += count
    due_on[0] += overdue
    dates = days.dates[days.today :]
    return tuple(DayCount(when, count) for when, count in zip(dates, due_on, strict=True)), overdue


def _by_tag(
    store: Store,
    where: str,
    params: tuple[Any, ...],
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
    for deck_id, card_id, keys, stability in store.query(
        _STUDIED_BY_CARD.format(where=where), params
    ):
        signature = tags.get((deck_id, card_id), untagged)
        sums = per_signature.get(signature)
        if sums is None:
            sums = per_signature[signature] = [0, 0, 0.0]
        sums[0] += 1
        sums[1] += keys
        sums[2] += stability
    for signature, (studied, keys, stability) in per_signature.items():
        for tag in signature:
            group = groups.setdefault(tag, GroupKeys())
            group.studied += int(studied)
            group.keys += int(keys)
            group.stability += stability
    return groups


def _buckets(
    counts: Counter[int], shape: Sequence[tuple[str, float, float | None]]
) -> tuple[Bucket, ...]:
    return tuple(
        Bucket(label, low, high, counts.get(index, 0))
        for index, (label, low, high) in enumerate(shape)
    )
