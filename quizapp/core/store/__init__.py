"""Progress in SQLite: the append-only review log (the truth), card state, quiz results."""

from quizapp.core.store.database import NewerDatabaseError, Store, StoreError
from quizapp.core.store.records import Counts, Key, QuizAnswer, QuizRun, Review, new_id

__all__ = [
    "Counts",
    "Key",
    "NewerDatabaseError",
    "QuizAnswer",
    "QuizRun",
    "Review",
    "Store",
    "StoreError",
    "new_id",
]
