"""A quiz's time limit as typed in the setup dialog and after `quizapp quiz --time-limit`."""

from __future__ import annotations

import pytest

from quizapp.core.quiz.time_limit import TimeLimitError, limit_seconds, spoken_limit


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("5", 300),
        (" 7 ", 420),
        ("1.5", 90),
        ("1,5", 90),  # the Italian decimal comma
        (",5", 30),
        ("2:30", 150),
        ("0:45", 45),
        ("3 min", 180),
        ("3m", 180),
        ("90 s", 90),
        ("45 secondi", 45),
        ("1 h", 3600),
        ("2 ore", 7200),
        ("1,5 ore", 5400),
        ("10 minuti", 600),
        ("0.001", 1),  # never a limit of 0 seconds
        ("1440", 86_400),
        ("24:00", 1440),  # minutes:seconds, never hours:minutes
    ],
)
def test_a_limit_reads_as_people_type_it(typed: str, seconds: int) -> None:
    assert limit_seconds(typed) == seconds


@pytest.mark.parametrize("typed", ["", "   ", "0", "0,0", "0:00"])
def test_blank_or_zero_is_no_limit(typed: str) -> None:
    assert limit_seconds(typed) is None


@pytest.mark.parametrize(
    "typed",
    ["-5", "nan", "inf", "five", "1e3", "1441", "1440.5", "2:75", "1:2", "25 h", "5 days", "1,5,0"],
)
def test_anything_else_is_refused(typed: str) -> None:
    with pytest.raises(TimeLimitError):
        limit_seconds(typed)


@pytest.mark.parametrize(
    ("seconds", "spoken"), [(30, "30 s"), (60, "1 min"), (90, "1 min 30 s"), (1200, "20 min")]
)
def test_a_limit_is_spoken_in_minutes_and_seconds(seconds: int, spoken: str) -> None:
    assert spoken_limit(seconds) == spoken
