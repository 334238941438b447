"""Times and the study day: milliseconds since the epoch, when "today" starts and ends for a
learner (a day starts at the day-start hour, local time, so a session after midnight still
counts as the evening before), and the study days between two moments as Anki counts them.

Anki counts days to the *next* day start in the UTC offset in force at the answer (timing.rs):
`days_elapsed` gives FSRS `(next day start - last review) // 86400` in whole seconds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from quizapp.core.schedule.anki_rules import DAY_SECS

DAY_MS = 86_400_000
MINUTE_MS = 60_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
DEFAULT_DAY_START_HOUR = 4


def to_ms(moment: datetime) -> int:
    """An aware datetime -> whole milliseconds since the epoch (sub-millisecond part dropped)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: quizapp times are always timezone-aware")
    return (moment - EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    """Milliseconds since the epoch -> a `timezone.utc` datetime (exact)."""
    return EPOCH + timedelta(milliseconds=ms)


def _local_to_ms(naive: datetime, tz: tzinfo | None) -> int:
    """A local wall-clock time -> milliseconds; `tz=None` is the system's local time zone."""
    if tz is None:
        return to_ms(naive.astimezone(timezone.utc))
    return to_ms(naive.replace(tzinfo=tz))


@dataclass(frozen=True)
class Day:
    """One study day: from `start` (inclusive) to `end` (exclusive), in milliseconds."""

    start: int
    end: int

    def __contains__(self, moment: int) -> bool:
        return self.start <= moment < self.end


def study_day(now: int, start_hour: int = DEFAULT_DAY_START_HOUR, tz: tzinfo | None = None) -> Day:
    """The study day containing `now`: a day starts at `start_hour` local time, so a session
    after midnight but before that hour still counts as the evening before."""
    if not 0 <= start_hour <= 23:
        raise ValueError(f"day start hour must be 0-23, not {start_hour}")
    local = from_ms(now).astimezone(tz)
    start = local.replace(tzinfo=None, hour=start_hour, minute=0, second=0, microsecond=0)
    if local.replace(tzinfo=None) < start:
        start -= timedelta(days=1)
    return Day(_local_to_ms(start, tz), _local_to_ms(start + timedelta(days=1), tz))


def next_day_at(now: int, start_hour: int, tz: tzinfo | None = None) -> int:
    """Anki's `next_day_at` (whole seconds): the next day start after `now`, in the UTC offset
    in force at `now` (a day-start across a change of daylight saving is an hour off, as in
    Anki)."""
    seconds = now // 1000
    bucket = seconds - seconds % _BUCKET
    zone = _system_zone(tz)
    if _uniform_bucket(bucket, tz, zone):
        return _next_day_at(bucket, start_hour, tz, zone)
    return _next_day_at(seconds, start_hour, tz, zone)


_BUCKET = 900
"""Time zones move in quarter hours: within one aligned quarter of an hour the day start and
the UTC offset are the same, so the two functions below are cached per quarter hour."""


@lru_cache(maxsize=65_536)
def _uniform_bucket(bucket: int, tz: tzinfo | None, _zone: object) -> bool:
    """Whether the offset is whole quarter hours and does not change inside this quarter."""
    first = datetime.fromtimestamp(bucket, timezone.utc).astimezone(tz).utcoffset()
    last = datetime.fromtimestamp(bucket + _BUCKET - 1, timezone.utc).astimezone(tz).utcoffset()
    return first == last and first is not None and first.total_seconds() % _BUCKET == 0


def _system_zone(tz: tzinfo | None) -> tuple[object, ...]:
    """Part of the cache keys below: the system's zone, when that is the one in use."""
    return (time.tzname, time.timezone, time.altzone) if tz is None else ()


@lru_cache(maxsize=65_536)
def _next_day_at(seconds: int, start_hour: int, tz: tzinfo | None, _zone: object) -> int:
    local = datetime.fromtimestamp(seconds, timezone.utc).astimezone(tz)
    offset = local.utcoffset() or timedelta(0)
    naive = local.replace(tzinfo=None)
    rollover = naive.replace(hour=start_hour % 24, minute=0, second=0, microsecond=0)
    if rollover <= naive:
        rollover += timedelta(days=1)
    return int((rollover - offset - datetime(1970, 1, 1)).total_seconds())


def days_elapsed(now: int, last_review: int | None, start_hour: int, tz: tzinfo | None) -> int:
    """Study days from `last_review` to `now`, as Anki gives them to FSRS."""
    if last_review is None:
        return 0
    return max(next_day_at(now, start_hour, tz) - last_review // 1000, 0) // DAY_SECS


def day_start_after(now: int, days: int, start_hour: int, tz: tzinfo | None) -> int:
    """The start (ms) of the study day `days` after the one containing `now`."""
    seconds = now // 1000
    bucket = seconds - seconds % _BUCKET
    zone = _system_zone(tz)
    if _uniform_bucket(bucket, tz, zone):
        return _day_start_after(bucket, days, start_hour, tz, zone)
    return _day_start_after(seconds, days, start_hour, tz, zone)


@lru_cache(maxsize=65_536)
def _day_start_after(
    seconds: int, days: int, start_hour: int, tz: tzinfo | None, zone: object
) -> int:
    end_seconds = _next_day_at(seconds, start_hour, tz, zone)
    fixed = datetime.fromtimestamp(seconds, timezone.utc).astimezone(tz).utcoffset()
    local_next = datetime.fromtimestamp(end_seconds, timezone.utc) + (fixed or timedelta(0))
    target = local_next.replace(tzinfo=None, hour=start_hour % 24, minute=0, second=0)
    return _local_to_ms(target + timedelta(days=days - 1), tz)
