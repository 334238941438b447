"""Quizzes: questions in three formats, distractors, scoring, the quiz log.

Modules: `questions` (a quiz's questions and their formats), `run` (taking a quiz: answers
scored and logged, the finished run), `distractors` (wrong answers that look right, from
`candidates` of the same type and generated `near_misses`), `log` (quiz answers in the log).
"""

from quizapp.core.quiz.log import log_quiz_answer
from quizapp.core.quiz.questions import (
    FORMATS,
    NoQuestions,
    Question,
    QuizError,
    QuizOptions,
    build_questions,
    deck_tags,
)
from quizapp.core.quiz.run import UNANSWERED, Quiz, Result, TimeUp

__all__ = [
    "FORMATS",
    "UNANSWERED",
    "NoQuestions",
    "Question",
    "Quiz",
    "QuizError",
    "QuizOptions",
    "Result",
    "TimeUp",
    "build_questions",
    "deck_tags",
    "log_quiz_answer",
]
