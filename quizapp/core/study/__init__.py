"""One study or practice session: the next prompt, the answer, the grade, undo.

Modules: `session` (the Session), `turns` (what it hands out), `answering` (the judge's
verdict of a typed answer, a choice, a flip), `deck_prompts` (a deck's prompts by key),
`practice` (a practice round), `rows` (the rows a session writes to the log, and the FSRS
parameters it studies with), `today` (a deck's day for the home screen).
"""

from quizapp.core.study.answering import Answered
from quizapp.core.study.deck_prompts import DeckPrompts, deck_keys, deck_prompts
from quizapp.core.study.session import Session
from quizapp.core.study.today import counts, sync_deck, today_counts
from quizapp.core.study.turns import Graded, SessionError, Turn

__all__ = [
    "Answered",
    "DeckPrompts",
    "Graded",
    "Session",
    "SessionError",
    "Turn",
    "counts",
    "deck_keys",
    "deck_prompts",
    "sync_deck",
    "today_counts",
]
