"""Which rows the statistics read: one deck or all, answers or every event.

Answers are the rows of modes study, practice and quiz; suspend, bury and their undoing are
events, never counted as answers. Card-state figures (states, forecast, hardest cards) cover
the card keys a deck has now (its catalog, as the home screen counts them); keys of removed
cards keep their history in the answer counts, and a deck whose file was never opened (only
its history is known) is counted from its history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.store.database import Store

ANSWER_MODES = ("study", "practice", "quiz")
ANSWER_SQL = "mode BETWEEN 'practice' AND 'study'"
"""The answer modes, as one range test (cheaper per row than a list): of the modes a row can
have (`schedule.MODES`, enforced by the table), exactly practice, quiz and study sort between
'practice' and 'study'; bury, due-date and forget sort before, suspend, unbury and unsuspend
after."""
_DECKS_IN_LOG = (
    "WITH RECURSIVE d(id) AS (SELECT (SELECT min(deck_id) FROM reviews) UNION ALL "
    "SELECT (SELECT min(deck_id) FROM reviews WHERE deck_id > d.id) FROM d "
    "WHERE d.id IS NOT NULL) SELECT id FROM d WHERE id IS NOT NULL"
)
"""Distinct deck ids of the log, one index seek each (not a scan of the whole log)."""


@dataclass(frozen=True)
class Scope:
    deck_id: str | None
    """One deck, or None for every deck."""
    logged: tuple[str, ...]
    """Decks with rows in the log, in scope."""
    uncatalogued: tuple[str, ...] = ()
    """Decks in scope with a schedule but no catalog (their file was never opened here)."""

    def where(self, alias: str = "") -> tuple[str, tuple[Any, ...]]:
        """A condition on deck_id (always true for every deck) and its parameters."""
        prefix = f"{alias}." if alias else ""
        if self.deck_id is None:
            return "1", ()
        return f"{prefix}deck_id = ?", (self.deck_id,)


def literal(text: str) -> str:
    """A SQL string literal (quotes doubled: the one escape SQLite's strings have)."""
    return "'" + text.replace("'", "''") + "'"


_SCHEDULED_DECKS = (
    "WITH RECURSIVE d(id) AS (SELECT (SELECT min(deck_id) FROM card_state) UNION ALL "
    "SELECT (SELECT min(deck_id) FROM card_state WHERE deck_id > d.id) FROM d "
    "WHERE d.id IS NOT NULL) SELECT id FROM d WHERE id IS NOT NULL"
)


def choose_scope(store: Store, deck_id: str | None) -> Scope:
    logged = tuple(row[0] for row in store.query(_DECKS_IN_LOG))
    scheduled = {row[0] for row in store.query(_SCHEDULED_DECKS)}
    catalogued = {row[0] for row in store.query("SELECT deck_id FROM decks")}
    if deck_id is not None:
        logged = tuple(deck for deck in logged if deck == deck_id)
        scheduled &= {deck_id}
    return Scope(deck_id, logged, tuple(sorted(scheduled - catalogued)))


def deck_ids(store: Store, chosen: Scope, known: Sequence[str]) -> tuple[str, ...]:
    """Every deck the figures cover: those loaded, logged, with a schedule or a quiz."""
    if chosen.deck_id is not None:
        return (chosen.deck_id,)
    quizzed = [row[0] for row in store.query("SELECT DISTINCT deck_id FROM quiz_runs")]
    return tuple(sorted({*known, *chosen.logged, *store.deck_ids(), *quizzed}))
