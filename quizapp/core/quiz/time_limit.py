"""A quiz's time limit as a person types it: minutes, with a decimal point or comma ("1.5",
"1,5"), minutes and seconds ("2:30"), or a number with its unit in either language ("90 s",
"1 h", "2 ore", "45 secondi"); read the same by `quizapp quiz --time-limit` and the quiz setup
dialog.
"""

from __future__ import annotations

import math
import re

MAX_MINUTES = 24 * 60
"""The longest time limit: a day."""

_AMOUNT = re.compile(r"(\d+(?:[.,]\d*)?|[.,]\d+)\s*([a-z]*)")
_UNITS = {
    **dict.fromkeys(("", "m", "min", "mins", "minute", "minutes", "minuto", "minuti"), 60),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "secondo", "secondi"), 1),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "ora", "ore"), 3600),
}
"""Seconds in each unit a limit may name (none: minutes)."""
_MINUTES_SECONDS = re.compile(r"(\d+):([0-5]\d)")


class TimeLimitError(ValueError):
    """The text is not a time limit quizapp can take."""


def limit_seconds(text: str) -> int | None:
    """The time limit `text` gives, in whole seconds (at least 1), or None for no limit (blank,
    or 0). Raises TimeLimitError for anything else: not a number, negative, over a day."""
    typed = text.strip().lower()
    if not typed:
        return None
    if match := _MINUTES_SECONDS.fullmatch(typed):
        seconds = int(match[1]) * 60 + int(match[2])
    elif (match := _AMOUNT.fullmatch(typed)) and match[2] in _UNITS:
        amount = float(match[1].replace(",", ".")) * _UNITS[match[2]]
        if not math.isfinite(amount) or amount > MAX_MINUTES * 60:
            raise TimeLimitError(text)
        seconds = max(1, round(amount)) if amount > 0 else 0
    else:
        raise TimeLimitError(text)
    if seconds > MAX_MINUTES * 60:
        raise TimeLimitError(text)
    return seconds or None


def spoken_limit(seconds: int) -> str:
    """A limit as both languages abbreviate it: "90 s" → "1 min 30 s", "600" → "10 min"."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
