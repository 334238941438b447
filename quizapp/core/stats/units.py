"""Figures as people read them, the same in the stats screen and in `quizapp stats`."""

from __future__ import annotations


def percent(value: float | None) -> str:
    """A ratio (0-1) as a whole percentage; "-" when there was nothing to divide."""
    return "-" if value is None else f"{round(value * 100)}%"


def duration(ms: int) -> str:
    """Time spent: 45s, 3m 05s, 1h 20m."""
    minutes, seconds = divmod(round(ms / 1000), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {seconds:02d}s" if minutes else f"{seconds}s"
