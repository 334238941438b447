"""Figures as shown to people: percentages and time spent."""

from __future__ import annotations

import pytest

from quizapp.core.stats.units import duration, percent


@pytest.mark.parametrize(
    ("value", "shown"), [(None, "-"), (0.0, "0%"), (0.004, "0%"), (0.666, "67%"), (1.0, "100%")]
)
def test_percent(value: float | None, shown: str) -> None:
    assert percent(value) == shown


@pytest.mark.parametrize(
    ("ms", "shown"),
    [(0, "0s"), (45_400, "45s"), (59_600, "1m 00s"), (185_000, "3m 05s"), (4_800_000, "1h 20m")],
)
def test_duration(ms: int, shown: str) -> None:
    assert duration(ms) == shown
