"""The FSRS parameters each deck's cards are folded with, kept in the database (table
`schedule_parameters`) so that a rebuild or a check folds with the same ones."""

from __future__ import annotations

import sqlite3

from quizapp.core.schedule import Parameters
from quizapp.core.store import schema as store_schema
from quizapp.core.store.connection import Connection
from quizapp.core.store.state import refold_keys


class ParametersStore(Connection):
    def use_parameters(self, deck_id: str, params: Parameters) -> bool:
        """Fold this deck's cards with `params` from now on (kept in the database, so that a
        rebuild or a check uses the same); refolds the deck when they changed. True if so."""
        if self.parameters(deck_id) == params:
            return False

        def work(con: sqlite3.Connection) -> None:
            store_schema.save_parameters(con, deck_id, params)
            self._parameters = store_schema.load_parameters(con)
            rows = con.execute(
                "SELECT DISTINCT deck_id, card_id, direction FROM reviews WHERE deck_id = ?",
                (deck_id,),
            ).fetchall()
            refold_keys(con, [(row[0], row[1], row[2]) for row in rows], self._parameters, self.tz)

        try:
            self._write(work)
        except BaseException:
            self._parameters = store_schema.load_parameters(self._con)
            raise
        return True
