"""Study days as the statistics count them: the same day boundary as the scheduler.

A study day starts at the learner's day-start hour, local time (`schedule.study_day`), so an
answer at 01:30 belongs to the evening before, and a day across a daylight-saving change lasts
23 or 25 hours. Every boundary here comes from `study_day` itself, so the statistics and the
study queue never disagree on which day an answer belongs to.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from quizapp.core.schedule import Day, from_ms, study_day


def day_date(day: Day, tz: tzinfo | None) -> date:
    """The calendar date a study day is named after (the local date of its start)."""
    return from_ms(day.start).astimezone(tz).date()


def week_start(day: date) -> date:
    """The Monday of the week of `day`."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Calendar:
    """Consecutive study days, oldest first; `today` is the index of the day holding `now`."""

    days: tuple[Day, ...]
    dates: tuple[date, ...]
    today: int
    starts: tuple[int, ...]

    def index(self, moment: int) -> int | None:
        """The index of the day holding `moment`, or None outside the calendar."""
        position = bisect_right(self.starts, moment) - 1
        if position < 0 or moment >= self.days[-1].end:
            return None
        return position


def study_calendar(
    now: int, before: int, after: int = 0, start_hour: int = 4, tz: tzinfo | None = None
) -> Calendar:
    """`before` study days before today, today, and `after` days after it."""
    today = study_day(now, start_hour, tz)
    past = [today]
    for _ in range(before):
        past.append(study_day(past[-1].start - 1, start_hour, tz))
    past.reverse()
    future = []
    following = today
    for _ in range(after):
        following = study_day(following.end, start_hour, tz)
        future.append(following)
    days = (*past, *future)
    dates = tuple(day_date(day, tz) for day in days)
    return Calendar(days, dates, before, tuple(day.start for day in days))
