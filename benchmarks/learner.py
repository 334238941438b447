"""A simulated learner: review rows of a deck made from a known set of FSRS parameters.

Each card is learnt once (Again or Good on the first day, then Good ten minutes later), then
reviewed on later study days: the learner recalls it with FSRS's probability for the true
parameters, and the next review comes after the interval those parameters give at 90%
retention, spread by up to +-30%. Every review is at 10:00 UTC plus a few minutes, so the study
days between two reviews (day start 04:00, UTC) are whole days. The same seed gives the same
rows; the parameters are chosen far from FSRS's defaults (initial stabilities about 3x, more
forgetting per day), so a fit should find them clearly better than the defaults.
"""

from __future__ import annotations

import random

import fsrs_rs_python as fsrs

from quizapp.core.schedule import DAY_MS, MINUTE_MS, forgetting_curve, parameters
from quizapp.core.store import Review

TRUE_WEIGHTS: tuple[float, ...] = (
    0.8, 3.5, 7.0, 25.0, 6.8, 0.6, 2.2, 0.01, 1.2, 0.12, 0.9,
    1.6, 0.08, 0.35, 1.5, 0.25, 2.6, 0.5, 0.3, 0.1, 0.35,
)  # fmt: skip
"""The learner's own memory: far from the defaults (stabilities 0.8/3.5/7/25 days after a
first Again/Hard/Good/Easy instead of 0.2/1.3/2.3/8.3; decay 0.35 instead of 0.15)."""

START = 1_767_261_600_000
"""2026-01-01 10:00 UTC, the first study day."""


def simulate(
    reviews: int, seed: int = 7, deck_id: str = "sim", weights: tuple[float, ...] = TRUE_WEIGHTS
) -> list[Review]:
    """At least `reviews` study rows (whole cards, so a few more), in log order."""
    rng = random.Random(seed)
    engine = fsrs.FSRS(list(weights))
    params = parameters(weights)
    rows: list[Review] = []
    card = 0
    while len(rows) < reviews:
        card += 1
        first_day = rng.randrange(0, 60)
        at = START + first_day * DAY_MS + rng.randrange(0, 60) * MINUTE_MS
        key = (deck_id, f"c{card}", "fwd")
        first = 1 if rng.random() < 0.3 else 3
        states = engine.next_states(None, 0.9, 0)
        memory = (states.again if first == 1 else states.good).memory
        rows.append(_row(key, at, first, len(rows)))
        at += 10 * MINUTE_MS
        memory = engine.next_states(memory, 0.9, 0).good.memory
        rows.append(_row(key, at, 3, len(rows)))
        for _ in range(rng.randrange(4, 12)):
            interval = engine.next_interval(memory.stability, 0.9, 3)
            days = max(1, round(interval * rng.uniform(0.7, 1.3)))
            at = START + (_days_since_start(at) + days) * DAY_MS
            at += rng.randrange(0, 60) * MINUTE_MS
            recalled = rng.random() < forgetting_curve(days, memory.stability, params)
            rating = rng.choices((2, 3, 4), (0.15, 0.75, 0.10))[0] if recalled else 1
            states = engine.next_states(memory, 0.9, days)
            memory = (states.again, states.hard, states.good, states.easy)[rating - 1].memory
            rows.append(_row(key, at, rating, len(rows)))
    rows.sort(key=lambda row: (row.at, row.id))
    return rows


def _days_since_start(at: int) -> int:
    return (at - START) // DAY_MS


def _row(key: tuple[str, str, str], at: int, rating: int, n: int) -> Review:
    return Review(
        f"{at:012x}{n:016x}", *key, at=at, mode="study", rating=rating, retention=0.9, day_start=4
    )
