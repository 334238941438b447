"""Small text formatters for the screens."""

from __future__ import annotations


def interval(ms: int) -> str:
    """A duration as Anki shows it on its grade buttons: <1m, 10m, 3h, 4d, 2mo, 1.5y."""
    minutes = ms / 60_000
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y"
