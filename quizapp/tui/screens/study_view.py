"""How a study turn and its verdict are shown: what the study screen gives its CardView and
its VerdictView."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.study.session import Answered, Turn
from quizapp.tui.i18n import phrase, phrase_n
from quizapp.tui.widgets.card_view import Card, Line
from quizapp.tui.widgets.verdict_view import (
    Feedback,
    Headline,
    Labelled,
    Note,
    Part,
    TypedDiff,
    said,
)

if TYPE_CHECKING:
    pass


def turn_card(turn: Turn) -> Card:
    """The card of a turn: the question, then the example, the options and what is expected."""
    prompt = turn.prompt
    lines: list[Line] = []
    if turn.edited:
        lines.append(phrase("study.edited"))
    if prompt.example:
        lines.append(prompt.example)
    if turn.right_option is not None:
        lines.append(phrase("learn.choose"))
    if turn.options:
        lines += [f"{i}. {option}" for i, option in enumerate(turn.options, start=1)]
        lines.append(phrase("study.options", n=len(turn.options)))
    if prompt.items:
        lines.append(phrase_n("study.items", len(prompt.items)))
    return Card(prompt.question, lines=lines)


def answer_feedback(answered: Answered) -> Feedback:
    """The verdict on an answer (a flip answer has none: the answer and the note)."""
    prompt = answered.turn.prompt
    verdict = answered.verdict
    parts: list[Part] = []
    if answered.outcome:
        outcome = phrase(f"outcome.{answered.outcome}")
        parts.append(Headline(said(verdict.reason if verdict else None, outcome)))
        if verdict is not None and answered.typed:
            parts.append(TypedDiff(verdict.diff.typed))
    parts.append(Labelled(phrase("study.expected"), prompt.answer_display))
    if prompt.note:
        parts.append(Note(prompt.note))
    return Feedback(answered.outcome, tuple(parts))
