"""The study day: when "today" starts and ends for a learner (a day starts at the day-start
hour, local time, so a session after midnight still counts as the evening before)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo

from quizapp.core.schedule.engine import from_ms, to_ms


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


def study_day(now: int, start_hour: int = 4, tz: tzinfo | None = None) -> Day:
    """The study day containing `now`: a day starts at `start_hour` local time, so a session
    after midnight but before that hour still counts as the evening before."""
    if not 0 <= start_hour <= 23:
        raise ValueError(f"day start hour must be 0-23, not {start_hour}")
    local = from_ms(now).astimezone(tz)
    start = local.replace(tzinfo=None, hour=start_hour, minute=0, second=0, microsecond=0)
    if local.replace(tzinfo=None) < start:
        start -= timedelta(days=1)
    return Day(_local_to_ms(start, tz), _local_to_ms(start + timedelta(days=1), tz))
