"""Statistics for the stats screen and `quizapp stats`, all computed from the review log.

    stats = compute(store, decks, deck_id=None, days=30, day_start_hour=4, tz=None)
    stats.to_json()

Which answers count where:

* activity (today, the period, the heatmap, the streak, time spent, again-rate) and accuracy
  by tag and direction count every answer: scheduled study, practice and quiz answers alike,
  because each is time spent recalling a card; suspend and bury are not answers;
* true and predicted retention count scheduled answers of cards in review only (practice and
  quiz answers are given off schedule, so their recall says nothing of the schedule's);
* the forecast, card states, intervals, difficulty and lapses come from the schedule (the fold
  of scheduled answers), which practice and quiz answers never change;
* confusions come from wrong typed answers in study and practice.

The period is the last `days` study days, today included. The heatmap always covers the past
year and the forecast the next 30 days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, tzinfo
from zoneinfo import ZoneInfo

from quizapp.core.deck import Deck, prompt_keys
from quizapp.core.settings import Settings
from quizapp.core.stats.activity import (
    Sums,
    daily,
    distinct_cards,
    streak,
    to_activity,
)
from quizapp.core.stats.calendar import Calendar, study_calendar, week_start
from quizapp.core.stats.cards import hardest
from quizapp.core.stats.export import review_rows
from quizapp.core.stats.groups import group_stats
from quizapp.core.stats.keys import scan
from quizapp.core.stats.memory import Recalled, recalled
from quizapp.core.stats.model import (
    Bucket,
    DayCount,
    Group,
    HardCard,
    Recall,
    Retention,
    RetentionWeek,
    Stats,
    Today,
)
from quizapp.core.stats.quizzes import quiz_history
from quizapp.core.stats.scope import choose_scope, deck_ids
from quizapp.core.stats.units import duration, percent
from quizapp.core.store import Store, StoreError, now_ms

HEATMAP_DAYS = 365
FORECAST_DAYS = 30
DEFAULT_DAYS = 30
MAX_DAYS = 3650


def timezone_name(tz: tzinfo | None) -> str:
    """An IANA name (`Europe/Rome`) when there is one; `local` for the system's time zone."""
    if tz is None:
        return "local"
    return tz.key if isinstance(tz, ZoneInfo) and tz.key else str(tz)


def sync_catalogs(store: Store, decks: Sequence[Deck], settings: Settings) -> bool:
    """Record each deck's card keys (as the home screen does), so that new-card counts and
    card states cover the cards the decks have now. False when the store cannot be written
    (a read-only database): the figures then use the keys recorded last time."""
    try:
        for deck in decks:
            keys = prompt_keys(deck, settings.study_language, settings.vocab_direction)
            store.sync_catalog(deck.id, keys)
    except StoreError:
        return False
    return True


def compute(
    store: Store,
    decks: Sequence[Deck] = (),
    *,
    deck_id: str | None = None,
    days: int = DEFAULT_DAYS,
    now: int | None = None,
    day_start_hour: int = 4,
    tz: tzinfo | None = None,
) -> Stats:
    """Every statistic for one deck (`deck_id`) or all, over the last `days` study days.

    `decks` give tags and card text (history of other decks is still counted); `now` is in
    milliseconds (default: the clock); `tz` is the time zone of the day start (default: the
    system's). StoreError when the database cannot be read.
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be 1-{MAX_DAYS}, not {days}")
    moment = now_ms() if now is None else now
    chosen = choose_scope(store, deck_id)
    days_of = study_calendar(
        moment, max(HEATMAP_DAYS, days) - 1, FORECAST_DAYS - 1, day_start_hour, tz
    )
    first = days_of.today - days + 1
    counts, per_day = daily(store, chosen, days_of, first)
    start = days_of.days[first].start
    today = days_of.days[days_of.today]
    scanned = scan(store, chosen, decks, days_of, moment, (start, today.end))
    grouped = group_stats(store, chosen, scanned, start, today.end)
    weekly = _weekly(days_of, first, per_day)
    period = sum(per_day, Sums())
    found, studied, replayed = recalled(store, chosen, start, today.end)
    covered = deck_ids(store, chosen, [deck.id for deck in decks])
    return Stats(
        generated_at=moment,
        deck_id=deck_id,
        days=days,
        day_start_hour=day_start_hour,
        timezone=timezone_name(tz),
        period_from=days_of.dates[first],
        period_to=days_of.dates[days_of.today],
        period=to_activity(
            period, grouped.cards_answered, sum(1 for count in counts[first:] if count)
        ),
        today=Today(
            days_of.dates[days_of.today],
            to_activity(
                per_day[-1],
                distinct_cards(store, chosen, today.start, today.end),
                int(counts[-1] > 0),
            ),
            streak(store, chosen, counts, days_of, day_start_hour, tz),
        ),
        heatmap=tuple(
            DayCount(days_of.dates[index], counts[index])
            for index in range(days_of.today - HEATMAP_DAYS + 1, days_of.today + 1)
        ),
        forecast=scanned.forecast,
        overdue=scanned.overdue,
        retention=_retention(weekly, found, days_of, studied, replayed),
        by_tag=grouped.by_tag,
        by_direction=grouped.by_direction,
        hardest=hardest(store, scanned, decks, moment),
        quizzes=quiz_history(store, covered, start, today.end, day_start_hour, tz),
        cards=scanned.states,
        decks=covered,
    )


def _weekly(days_of: Calendar, first: int, per_day: Sequence[Sums]) -> list[tuple[date, Sums]]:
    """The period's sums week by week (weeks of study days from Monday; the first and last
    may be partial)."""
    weeks: list[tuple[date, Sums]] = []
    for offset, day in enumerate(per_day):
        monday = week_start(days_of.dates[first + offset])
        if weeks and weeks[-1][0] == monday:
            weeks[-1] = (monday, weeks[-1][1] + day)
        else:
            weeks.append((monday, day))
    return weeks


def _recall(answers: Sequence[Recalled]) -> Recall:
    if not answers:
        return Recall()
    passed = sum(1 for answer in answers if answer.passed)
    mean = sum(answer.retrievability for answer in answers) / len(answers)
    return Recall(len(answers), passed, mean)


def _retention(
    weekly: Sequence[tuple[date, Sums]],
    found: Sequence[Recalled],
    days_of: Calendar,
    studied: int,
    replayed: int,
) -> Retention:
    """Weekly true retention (every review) beside the young/mature split and the predicted
    retention of the cards replayed."""
    split: dict[tuple[date, bool], list[Recalled]] = defaultdict(list)
    for answer in found:
        index = days_of.index(answer.at)
        if index is not None:
            split[(week_start(days_of.dates[index]), answer.mature)].append(answer)
    weeks = tuple(
        RetentionWeek(
            monday,
            Recall(
                week.reviews,
                week.passed,
                _recall([*split[(monday, False)], *split[(monday, True)]]).predicted,
            ),
            _recall(split[(monday, False)]),
            _recall(split[(monday, True)]),
        )
        for monday, week in weekly
    )
    return Retention(
        weeks=weeks,
        total=Recall(
            sum(week.total.reviews for week in weeks),
            sum(week.total.passed for week in weeks),
            _recall(found).predicted,
        ),
        young=_recall([answer for answer in found if not answer.mature]),
        mature=_recall([answer for answer in found if answer.mature]),
        cards=studied,
        sample_cards=replayed,
    )


__all__ = [
    "DEFAULT_DAYS",
    "FORECAST_DAYS",
    "HEATMAP_DAYS",
    "MAX_DAYS",
    "Bucket",
    "Group",
    "HardCard",
    "Recall",
    "Stats",
    "compute",
    "duration",
    "percent",
    "review_rows",
    "sync_catalogs",
    "timezone_name",
]
