"""Card state in the database: the fold of each card's log rows (`schedule.fold_rows`), kept in
`card_state` in the same transaction as the rows that change it, and the `fresh` mark of the
catalog (a key not yet introduced as a new card) that follows it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import tzinfo
from pathlib import Path
from typing import Any

from quizapp.core.schedule import CardState, Stage
from quizapp.core.store import rebuild
from quizapp.core.store.records import STATE_COLUMNS, Key, state_from, state_row

UPSERT_STATE = (
    f"INSERT INTO card_state (deck_id, card_id, direction, {STATE_COLUMNS}) "
    f"VALUES (?, ?, ?, {', '.join('?' for _ in STATE_COLUMNS.split(', '))}) "
    "ON CONFLICT (deck_id, card_id, direction) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in STATE_COLUMNS.split(", "))
)
REFRESH_CATALOG = (
    "UPDATE catalog SET fresh = NOT EXISTS (SELECT 1 FROM card_state s "
    "WHERE s.deck_id = catalog.deck_id AND s.card_id = catalog.card_id "
    "AND s.direction = catalog.direction AND (s.stage <> 0 OR s.suspended <> 0))"
)
"""Mark as fresh the catalog keys that have no state, or a new and unsuspended one."""


def fresh(state: CardState | None) -> int:
    """1 when a key is still waiting to be introduced as a new card."""
    return int(state is None or (state.stage == Stage.NEW and not state.suspended))


def load_state(con: sqlite3.Connection, key: Key) -> CardState | None:
    row = con.execute(
        f"SELECT {STATE_COLUMNS} FROM card_state "
        "WHERE deck_id = ? AND card_id = ? AND direction = ?",
        key,
    ).fetchone()
    return state_from(row) if row is not None else None


def save_state(
    con: sqlite3.Connection, key: Key, old: CardState | None, new: CardState | None
) -> None:
    """Replace a key's state (`old`, as read in this transaction) by `new` (None: none)."""
    if new is None:
        con.execute(
            "DELETE FROM card_state WHERE deck_id = ? AND card_id = ? AND direction = ?", key
        )
    else:
        con.execute(UPSERT_STATE, (*key, *state_row(new)))
    mark = fresh(new)
    if mark != fresh(old):
        con.execute(
            "UPDATE catalog SET fresh = ? WHERE deck_id = ? AND card_id = ? AND direction = ?",
            (mark, *key),
        )


def refold_keys(
    con: sqlite3.Connection,
    keys: Iterable[Key],
    params: rebuild.DeckParameters | None = None,
    tz: tzinfo | None = None,
) -> None:
    """Recompute these keys' state from their rows of the log."""
    for key in keys:
        save_state(con, key, load_state(con, key), rebuild.refold(con, key, params, tz))


def rebuild_all(
    con: sqlite3.Connection,
    path: Path,
    *,
    parallel: bool = True,
    params: rebuild.DeckParameters | None = None,
    tz: tzinfo | None = None,
) -> int:
    """Inside a write transaction: replace card_state by a fold of the log; the number of
    card keys. `parallel` only when the log has no uncommitted change in this transaction
    (helper processes read the file)."""
    con.execute("DELETE FROM card_state")
    count = 0
    batch: list[tuple[Any, ...]] = []
    for row in rebuild.folded_rows(con, path, parallel=parallel, params=params, tz=tz):
        batch.append(row)
        if len(batch) >= 5_000:
            count += len(batch)
            con.executemany(UPSERT_STATE, batch)
            batch.clear()
    count += len(batch)
    con.executemany(UPSERT_STATE, batch)
    con.execute(REFRESH_CATALOG)
    return count
