"""How a quiz question, its verdict and the quiz's progress are shown: what the quiz screen
gives its CardView and its VerdictView, and its status line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizapp.core.bilingual import Phrase
from quizapp.core.quiz.run import Question, Quiz, Result
from quizapp.tui.i18n import phrase, phrase_n, t
from quizapp.tui.screens.results import minutes_seconds, score_text
from quizapp.tui.widgets.card_view import Card, Line
from quizapp.tui.widgets.verdict_view import (
    OUTCOMES,
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

HURRY_MS = 60_000
"""In the last minute of a timed quiz the time left is shown as a warning."""


def status_line(quiz: Quiz | None, *, answered: bool, lang: str) -> tuple[str, bool]:
    """ "Question 3 of 10 · Score 2 · Time 4:12", and whether time is running out."""
    if quiz is None:
        return "", False
    total = len(quiz.questions)
    number = min(total, quiz.position + (0 if answered else 1))
    parts = [
        t(lang, "quiz.status", n=max(1, number), total=total),
        t(lang, "quiz.points", score=score_text(quiz.score, lang)),
    ]
    remaining = quiz.remaining_ms()
    if remaining is not None:
        # Rounded up, as a countdown does: 5:00 at the start, 0:01 in the last second.
        parts.append(t(lang, "quiz.time_left", time=minutes_seconds(remaining + 999)))
    return " · ".join(parts), remaining is not None and remaining < HURRY_MS


def question_card(question: Question) -> Card:
    """A question as the card view shows it: what kind of question, the question (a true or
    false statement with its claim underlined, or the question and the proposed answer), the
    example and how many items are expected."""
    fmt = question.format
    if fmt == "choice":
        label = phrase("quiz.format.choice", n=len(question.options))
    else:
        label = phrase(f"quiz.format.{fmt}")
    highlight = None
    if question.statement and question.claim_at >= 0:
        highlight = (question.claim_at, question.claim_at + len(question.claim))
    claim = question.claim if fmt == "truefalse" and not question.statement else None
    prompt = question.prompt
    lines: list[Line] = []
    if prompt.example and fmt != "truefalse":
        lines.append(prompt.example)
    if prompt.items:
        lines.append(phrase_n("study.items", len(prompt.items)))
    return Card(question.text, label=label, highlight=highlight, claim=claim, lines=lines)


def feedback(question: Question, result: Result) -> Feedback:
    """The verdict on an answer: right or why not, what was typed, the right answer (unless it
    is on screen already), the card's note."""
    verdict = result.verdict
    outcome = result.outcome
    if outcome == "correct":  # with the judge's reason when it gives one, as study does
        headline = said(verdict.reason if verdict is not None else None, phrase("quiz.right"))
    else:
        otherwise = phrase("quiz.wrong" if outcome == "wrong" else f"outcome.{outcome}")
        headline = said(verdict.reason if verdict is not None else None, otherwise)
    aside: Phrase | None = None
    if question.format == "truefalse":
        aside = phrase("quiz.was_true" if question.claim_true else "quiz.was_false")
    parts: list[Part] = [Headline(headline, aside)]
    if question.format == "typed" and verdict is not None:  # what was typed, right or not
        parts.append(TypedDiff(verdict.diff.typed))
    if question.format == "choice" and outcome != "correct":
        parts.append(Labelled(phrase("quiz.picked"), result.given))
    if question.format == "truefalse":
        # A true statement already showed the answer; a false one did not.
        show_expected = not question.claim_true
    else:
        show_expected = outcome != "correct"
    if show_expected:
        parts.append(Labelled(phrase("quiz.expected"), question.expected))
    if question.prompt.note:
        parts.append(Note(question.prompt.note))
    return Feedback(outcome if outcome in OUTCOMES else "wrong", tuple(parts))
