"""The card browser, as Anki's Browse: every prompt of a deck with its schedule state, found by
tag, state, due date, leech or text, and the actions a learner takes on them by hand.

Modules: `listing` (one row per prompt: its question and its state), `query` (filtering,
search and sorting of those rows), `actions` (suspend, unsuspend, bury, unbury, reset and set
due date on chosen prompts, each logged as a row of the review log, and undo).
"""

from quizapp.core.browse.actions import (
    ACTIONS,
    MAX_DUE_DAYS,
    BrowseAction,
    Browser,
    Change,
    NothingToUndo,
    UnknownTarget,
)
from quizapp.core.browse.listing import BrowseRow, list_rows
from quizapp.core.browse.query import SORT_FIELDS, STATE_FILTERS, Query, select
from quizapp.core.stats.model import LEECH_LAPSES

__all__ = [
    "ACTIONS",
    "LEECH_LAPSES",
    "MAX_DUE_DAYS",
    "SORT_FIELDS",
    "STATE_FILTERS",
    "BrowseAction",
    "BrowseRow",
    "Browser",
    "Change",
    "NothingToUndo",
    "Query",
    "UnknownTarget",
    "list_rows",
    "select",
]
