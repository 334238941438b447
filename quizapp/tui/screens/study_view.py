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


def turn_card(turn: Turn, *, flip: bool = False) -> Card:
    """The card of a turn: the question (a vocabulary one says which language to answer in),
    then the example, what is expected and, flipped, a choice card's options (not numbered:
    in flip mode the digits grade; otherwise the options are the OptionPicker's)."""
    prompt = turn.prompt
    lines: list[Line] = []
    if turn.edited:
        lines.append(phrase("study.edited"))
    if prompt.example:
        lines.append(prompt.example)
    if turn.right_option is not None:
        lines.append(phrase("learn.choose"))
    if turn.options and flip:
        lines += [f"· {option}" for option in turn.options]
    if prompt.items:
        lines.append(phrase_n("study.items", len(prompt.items)))
    ask = None
    if prompt.kind == "vocab":
        ask = phrase("study.answer_in", lang=phrase(f"lang.{prompt.answer_lang}"))
    return Card(prompt.question, lines=lines, ask=ask)


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
    if "full" in prompt.extra:  # a cloze gap: the whole sentence, filled in
        parts.append(Labelled(phrase("study.sentence"), prompt.extra["full"]))
    parts.append(Labelled(phrase("study.expected"), prompt.answer_display))
    if prompt.note:
        parts.append(Note(prompt.note))
    return Feedback(answered.outcome, tuple(parts))
