"""When a card comes back: the FSRS fold of its history, the study day, the day's queue.

Modules: `engine` (FSRS as Anki runs it: the fold of a card's events into its state, `apply`
for one event), `anki_rules` (Anki's fuzz, interval limits and steps), `parameters` (FSRS
weights, steps and the forgetting curve), `state` (a card's state and the events that change
it), `modes` (what a row of the log records), `day` (times, the study day and Anki's count of
days), `queue` (the order of a study day and today's counts), `limits` (new cards and reviews
per day), `siblings` (one direction of a card a day).
"""

from quizapp.core.schedule.day import (
    DAY_MS,
    DEFAULT_DAY_START_HOUR,
    EPOCH,
    MINUTE_MS,
    Day,
    day_start_after,
    days_elapsed,
    from_ms,
    next_day_at,
    study_day,
    to_ms,
)
from quizapp.core.schedule.engine import (
    Row,
    apply,
    event_row,
    fold,
    fold_rows,
    fuzz_unit,
    preview,
    retrievability,
)
from quizapp.core.schedule.limits import Counts, Left, Limits
from quizapp.core.schedule.modes import ANSWER_MODES, MODES, STATE_MODES, Mode
from quizapp.core.schedule.parameters import (
    DEFAULT_PARAMETERS,
    DEFAULT_RETENTION,
    DEFAULT_WEIGHTS,
    LEARNING_STEPS,
    MAX_RETENTION,
    MAXIMUM_INTERVAL_DAYS,
    MIN_RETENTION,
    RELEARNING_STEPS,
    Parameters,
    forgetting_curve,
    fsrs_engine,
    parameters,
)
from quizapp.core.schedule.queue import QueueSource, StudyQueue, counts_today, next_due
from quizapp.core.schedule.state import LEARN_AHEAD_MS, NEW_CARD, CardState, Event, Stage

__all__ = [
    "ANSWER_MODES",
    "DAY_MS",
    "DEFAULT_DAY_START_HOUR",
    "DEFAULT_PARAMETERS",
    "DEFAULT_RETENTION",
    "DEFAULT_WEIGHTS",
    "EPOCH",
    "LEARNING_STEPS",
    "LEARN_AHEAD_MS",
    "MAXIMUM_INTERVAL_DAYS",
    "MAX_RETENTION",
    "MINUTE_MS",
    "MIN_RETENTION",
    "MODES",
    "NEW_CARD",
    "RELEARNING_STEPS",
    "STATE_MODES",
    "CardState",
    "Counts",
    "Day",
    "Event",
    "Left",
    "Limits",
    "Mode",
    "Parameters",
    "QueueSource",
    "Row",
    "Stage",
    "StudyQueue",
    "apply",
    "counts_today",
    "day_start_after",
    "days_elapsed",
    "event_row",
    "fold",
    "fold_rows",
    "forgetting_curve",
    "from_ms",
    "fsrs_engine",
    "fuzz_unit",
    "next_day_at",
    "next_due",
    "parameters",
    "preview",
    "retrievability",
    "study_day",
    "to_ms",
]
