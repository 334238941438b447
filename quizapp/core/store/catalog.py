"""The card keys of each deck as last opened, in deck order (`catalog` and `decks`), so that new
cards and today's counts come from SQL; `catalog.fresh` marks keys not yet introduced."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Sequence

from quizapp.core.store.connection import Connection
from quizapp.core.store.state import REFRESH_CATALOG


class CatalogStore(Connection):
    def sync_catalog(self, deck_id: str, keys: Sequence[tuple[str, str]]) -> bool:
        """Record the (card id, direction) keys of a deck in deck order. Returns True when the
        stored list changed. Cheap when nothing changed: one fingerprint comparison."""
        text = "".join([f"{card_id}\x1f{direction}\x1e" for card_id, direction in keys])
        fingerprint = hashlib.sha256(text.encode()).hexdigest()
        stored = self._read("SELECT fingerprint FROM decks WHERE deck_id = ?", (deck_id,))
        if stored and stored[0][0] == fingerprint:
            return False

        def work(con: sqlite3.Connection) -> None:
            con.execute("DELETE FROM catalog WHERE deck_id = ?", (deck_id,))
            con.executemany(
                "INSERT OR IGNORE INTO catalog (deck_id, card_id, direction, position, fresh) "
                "VALUES (?, ?, ?, ?, 1)",
                ((deck_id, card_id, direction, i) for i, (card_id, direction) in enumerate(keys)),
            )
            con.execute(REFRESH_CATALOG + " WHERE deck_id = ?", (deck_id,))
            con.execute(
                "INSERT INTO decks (deck_id, fingerprint, cards, synced_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (deck_id) DO UPDATE SET fingerprint = excluded.fingerprint, "
                "cards = excluded.cards, synced_at = excluded.synced_at",
                (deck_id, fingerprint, len(keys), time.time_ns() // 1_000_000),
            )

        self._write(work)
        return True

    def deck_ids(self) -> list[str]:
        """Decks that have a catalog or any history."""
        rows = self._read(
            "SELECT deck_id FROM decks UNION SELECT DISTINCT deck_id FROM card_state ORDER BY 1"
        )
        return [row[0] for row in rows]
