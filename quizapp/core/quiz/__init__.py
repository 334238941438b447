"""Quizzes: questions in three formats, distractors, scoring, the quiz log."""
