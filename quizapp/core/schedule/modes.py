"""What one row of the review log records: an answer, or an action on a card."""

from __future__ import annotations

from enum import Enum


class Mode(str, Enum):
    """The mode of a row of the log (stored as its value).

    Answers: `study` (scheduled), `practice` and `quiz` (logged, the schedule untouched).
    Actions on a card: `suspend` / `unsuspend`, `bury` / `unbury`, `forget` and `due-date`.

    `forget` is Anki's Forget: the card is new again and its memory is gone (its counts stay).
    `due-date` is Anki's Set due date: the card becomes a review due `until` study days after
    the day of the event, its memory unchanged. A study answer may carry in `until` the
    interval its scheduler gave it (whole days, or minus seconds for a learning step): answers
    imported from Anki do, so their due dates are Anki's own instead of a new fuzz draw.
    """

    STUDY = "study"
    PRACTICE = "practice"
    QUIZ = "quiz"
    SUSPEND = "suspend"
    UNSUSPEND = "unsuspend"
    BURY = "bury"
    UNBURY = "unbury"
    FORGET = "forget"
    DUE_DATE = "due-date"

    def __str__(self) -> str:
        return self.value

    @property
    def changes_state(self) -> bool:
        """Whether a row of this mode changes the card's state (see STATE_MODES)."""
        return self in STATE_MODES


MODES: tuple[Mode, ...] = tuple(Mode)
STATE_MODES: tuple[Mode, ...] = (
    Mode.STUDY,
    Mode.SUSPEND,
    Mode.UNSUSPEND,
    Mode.BURY,
    Mode.UNBURY,
    Mode.FORGET,
    Mode.DUE_DATE,
)
"""Events that change a card's state; practice and quiz answers are only logged."""
ANSWER_MODES: tuple[Mode, ...] = (Mode.STUDY, Mode.PRACTICE, Mode.QUIZ)
"""The modes of answers (as counted by the statistics); the others are actions on a card."""
