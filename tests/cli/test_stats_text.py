"""`quizapp stats` text: counts with their nouns in the singular or the plural."""

from __future__ import annotations

from quizapp.cli.stats_text import counted


def test_one_answer_one_card_one_day() -> None:
    assert [counted(1, "answer"), counted(1, "card"), counted(1, "day")] == [
        "1 answer",
        "1 card",
        "1 day",
    ]
    assert [counted(0, "answer"), counted(2, "card")] == ["0 answers", "2 cards"]
