"""The progress database: one SQLite file in the data directory (`locations.database_path()`),
assembled from one part per concern.

Tables:

* `reviews`: one row per answer and per action on a card (suspend, bury, forget, due-date),
  written once and never updated (`log`). Undo deletes the rows of the action it undoes (an
  undone answer was never given).
* `card_state`: FSRS state per card key, derived from `reviews` by `schedule.fold_rows`
  (`state`). It is updated in the same transaction as the row that changes it, and
  `rebuild()` recomputes it (`maintenance`).
* `catalog` and `decks`: the card keys of each opened deck in deck order (`catalog`), so that
  new cards and the counts of the home screen come from SQL (`queues`).
* `quiz_runs` and `quiz_answers`: finished quizzes, for results and best/last scores
  (`quizzes`).
* `schedule_parameters`: the FSRS parameters of decks that have their own (`parameters`);
  the time zone study days are counted in is given when the store opens (`Store(tz=...)`).

The statistics read the log and card state through named queries (`stats_log`,
`stats_state`).

Opening, recovery (an unreadable file is moved aside, never deleted) and transactions are in
`connection`; the tables and their migrations in `schema`.
"""

from __future__ import annotations

from quizapp.core.store.catalog import CatalogStore
from quizapp.core.store.connection import NewerDatabaseError, StoreError
from quizapp.core.store.log import LogStore
from quizapp.core.store.maintenance import MaintenanceStore
from quizapp.core.store.parameters import ParametersStore
from quizapp.core.store.queues import QueueStore
from quizapp.core.store.quizzes import QuizStore
from quizapp.core.store.stats_log import StatsLogStore
from quizapp.core.store.stats_state import StatsStateStore


class Store(
    LogStore,
    CatalogStore,
    QueueStore,
    QuizStore,
    MaintenanceStore,
    ParametersStore,
    StatsLogStore,
    StatsStateStore,
):
    """The progress database. Open it with `Store()` (the user's) or `Store(path)`.

    Store errors (`StoreError`: disk full, read-only, damaged file) are one clear line each.
    """


__all__ = ["NewerDatabaseError", "Store", "StoreError"]  # the names the TUI reads from here
