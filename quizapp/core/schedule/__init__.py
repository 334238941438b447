"""When a card comes back: the FSRS fold of its history, the study day, the day's queue.

Modules: `engine` (FSRS: the fold of a card's events into its state, `apply` for one event),
`modes` (what a row of the log records), `day` (the study day), `queue` (the order of a study
day and today's counts), `limits` (new cards and reviews per day), `siblings` (one direction
of a card a day).
"""

from quizapp.core.schedule.day import Day, study_day
from quizapp.core.schedule.engine import (
    DAY_MS,
    DEFAULT_RETENTION,
    LEARN_AHEAD_MS,
    MAX_RETENTION,
    MIN_RETENTION,
    MINUTE_MS,
    CardState,
    Event,
    Stage,
    apply,
    fold,
    fold_rows,
    from_ms,
    preview,
    retrievability,
    to_ms,
)
from quizapp.core.schedule.limits import Counts, Left, Limits
from quizapp.core.schedule.modes import ANSWER_MODES, MODES, STATE_MODES, Mode
from quizapp.core.schedule.queue import QueueSource, StudyQueue, counts_today, next_due

__all__ = [
    "ANSWER_MODES",
    "DAY_MS",
    "DEFAULT_RETENTION",
    "LEARN_AHEAD_MS",
    "MAX_RETENTION",
    "MINUTE_MS",
    "MIN_RETENTION",
    "MODES",
    "STATE_MODES",
    "CardState",
    "Counts",
    "Day",
    "Event",
    "Left",
    "Limits",
    "Mode",
    "QueueSource",
    "Stage",
    "StudyQueue",
    "apply",
    "counts_today",
    "fold",
    "fold_rows",
    "from_ms",
    "next_due",
    "preview",
    "retrievability",
    "study_day",
    "to_ms",
]
