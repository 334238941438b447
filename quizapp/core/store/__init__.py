"""Progress in SQLite: the append-only review log (the truth), card state, quiz results.

`Store` is the database (`database` assembles it from `connection`, `log`, `state`, `catalog`,
`queues`, `quizzes`, `maintenance` and the statistics' named queries); `records` holds its rows
as Python values; `schema` its tables and migrations; `rebuild` folds the whole log.
"""

from quizapp.core.store.connection import NewerDatabaseError, StoreError
from quizapp.core.store.database import Store
from quizapp.core.store.records import (
    MAX_DURATION_MS,
    RETRY_KIND,
    CheckReport,
    Key,
    QuizAnswer,
    QuizRun,
    QuizSummary,
    Review,
    new_id,
    now_ms,
)
from quizapp.core.store.schema import schema_version
from quizapp.core.store.stats_state import StateScope

__all__ = [
    "MAX_DURATION_MS",
    "RETRY_KIND",
    "CheckReport",
    "Key",
    "NewerDatabaseError",
    "QuizAnswer",
    "QuizRun",
    "QuizSummary",
    "Review",
    "StateScope",
    "Store",
    "StoreError",
    "new_id",
    "now_ms",
    "schema_version",
]
