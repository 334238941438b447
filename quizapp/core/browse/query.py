"""Which rows of the browser to show, and in what order: by tag, by state, due today, leeches,
a text to search for, and a sort field. The command line and the Browse screen both filter
through `select`, so they show the same rows for the same choice."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from quizapp.core.browse.listing import BrowseRow
from quizapp.core.schedule import Stage

SORT_FIELDS: tuple[str, ...] = (
    "deck",
    "card",
    "direction",
    "question",
    "state",
    "due",
    "interval",
    "stability",
    "difficulty",
    "retrievability",
    "reps",
    "lapses",
)
"""`deck` is the deck's own order; the others sort by that column (rows without a value, such
as the due date of a new card, come last either way)."""

STATE_FILTERS: tuple[str, ...] = (
    "new",
    "learning",
    "review",
    "relearning",
    "suspended",
    "buried",
)

_KEYS: dict[str, Callable[[BrowseRow], Any]] = {
    "deck": lambda row: row.position,
    "card": lambda row: row.card_id,
    "direction": lambda row: row.direction,
    "question": lambda row: folded(row.question),
    "state": lambda row: int(row.stage),
    "due": lambda row: row.due,
    "interval": lambda row: row.interval,
    "stability": lambda row: row.stability,
    "difficulty": lambda row: row.difficulty,
    "retrievability": lambda row: row.retrievability,
    "reps": lambda row: row.reps,
    "lapses": lambda row: row.lapses,
}


def folded(text: str) -> str:
    """`text` for comparing: case and accents set aside (`Perché` finds `perche`)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Query:
    """What to show. `tags`: any of them; `state`: one of STATE_FILTERS; `due`: due by the end
    of today (`day_end`, ms), not suspended or buried; `leech`: leeches only; `search`: words
    that must all appear in the card id, question, answer or tags (case and accents aside)."""

    tags: tuple[str, ...] = ()
    state: str | None = None
    due: bool = False
    leech: bool = False
    search: str = ""
    sort: str = "deck"
    reverse: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORT_FIELDS:
            raise ValueError(f"cannot sort by {self.sort!r} (fields: {', '.join(SORT_FIELDS)})")
        if self.state is not None and self.state not in STATE_FILTERS:
            raise ValueError(f"no state {self.state!r} (states: {', '.join(STATE_FILTERS)})")

    @property
    def filtered(self) -> bool:
        """Whether the query leaves any prompt out (beyond the order)."""
        return bool(self.tags or self.state or self.due or self.leech or self.search.strip())


def _state_matches(row: BrowseRow, state: str) -> bool:
    if state == "suspended":
        return row.suspended
    if state == "buried":
        return row.buried
    return row.state == state


def matches(row: BrowseRow, query: Query, day_end: int) -> bool:
    """Whether `row` passes every filter of `query` (`day_end`: the end of today, ms)."""
    if query.tags and not set(query.tags) & set(row.tags):
        return False
    if query.state is not None and not _state_matches(row, query.state):
        return False
    if query.leech and not row.leech:
        return False
    if query.due and (
        row.stage == Stage.NEW
        or row.suspended
        or row.buried
        or row.due is None
        or row.due >= day_end
    ):
        return False
    words = folded(query.search).split()
    if words:
        haystack = folded(" ".join((row.card_id, row.question, row.answer, *row.tags)))
        if not all(word in haystack for word in words):
            return False
    return True


def select(rows: Iterable[BrowseRow], query: Query, day_end: int) -> list[BrowseRow]:
    """The rows that pass `query`, in its order."""
    chosen = sorted(
        (row for row in rows if matches(row, query, day_end)), key=lambda row: row.position
    )
    key = _KEYS[query.sort]
    present = [row for row in chosen if key(row) is not None]
    missing = [row for row in chosen if key(row) is None]
    present.sort(key=key, reverse=query.reverse)  # stable: ties keep the deck's order
    return present + missing
