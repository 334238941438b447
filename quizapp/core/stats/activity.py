"""Answers per study day (the heatmap, streaks) and sums over spans of days (today, the
period, each week's reviews for true retention).

Each figure is a range query of the store (`store.stats_log`) on an index that holds every
column it reads, so a year of a million reviews is counted in a few tenths of a second
whatever order the rows were written in. Counting per day costs one cheap query a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from quizapp.core.schedule import Day, study_day
from quizapp.core.stats.calendar import Calendar
from quizapp.core.stats.model import Activity
from quizapp.core.stats.scope import Scope
from quizapp.core.store import Store

MAX_STREAK_DAYS = 36_500


@dataclass(frozen=True)
class Sums:
    """Sums over a span of study days."""

    answers: int = 0
    again: int = 0
    rated: int = 0
    time_ms: int = 0
    new_cards: int = 0
    reviews: int = 0
    """Scheduled answers of cards in the review stage (for true retention)."""
    passed: int = 0

    def __add__(self, other: Sums) -> Sums:
        return Sums(
            self.answers + other.answers,
            self.again + other.again,
            self.rated + other.rated,
            self.time_ms + other.time_ms,
            self.new_cards + other.new_cards,
            self.reviews + other.reviews,
            self.passed + other.passed,
        )


def sums(store: Store, chosen: Scope, start: int, end: int) -> Sums:
    """The sums of the answers in [start, end)."""
    total = Sums()
    for deck_id in chosen.logged:
        total += Sums(*store.answer_sums(deck_id, start, end))
    return total


def daily(store: Store, chosen: Scope, days: Calendar, first: int) -> tuple[list[int], list[Sums]]:
    """Answers on each day of the calendar up to today, and the full sums of each day from
    `first` (the period) on; both from one query a day."""
    counts = [0] * (days.today + 1)
    full: list[Sums] = [Sums() for _ in range(first, days.today + 1)]
    for deck_id in chosen.logged:
        for index in range(days.today + 1):
            day = days.days[index]
            if index < first:
                counts[index] += store.answer_count(deck_id, day.start, day.end)
                continue
            found = Sums(*store.answer_sums(deck_id, day.start, day.end))
            full[index - first] += found
            counts[index] += found.answers
    return counts, full


def distinct_cards(store: Store, chosen: Scope, start: int, end: int) -> int:
    return sum(store.answered_keys(deck, start, end) for deck in chosen.logged)


def to_activity(total: Sums, cards: int, days_studied: int) -> Activity:
    return Activity(
        answers=total.answers,
        cards=cards,
        again=total.again,
        rated=total.rated,
        time_ms=total.time_ms,
        days_studied=days_studied,
        new_cards=total.new_cards,
    )


def streak(
    store: Store,
    chosen: Scope,
    counts: list[int],
    days: Calendar,
    start_hour: int,
    tz: tzinfo | None,
) -> int:
    """Study days in a row with an answer, ending today (or yesterday if today has none yet:
    the streak is not broken before the day is over)."""
    index = days.today
    if not counts[index]:
        index -= 1
    length = 0
    while index >= 0 and counts[index]:
        length += 1
        index -= 1
    if index >= 0 or length == 0:
        return length
    # Every day of the calendar had answers: look further back, one day at a time.
    day: Day = days.days[0]
    while length < MAX_STREAK_DAYS:
        day = study_day(day.start - 1, start_hour, tz)
        if not any(store.answer_count(deck, day.start, day.end) for deck in chosen.logged):
            break
        length += 1
    return length
