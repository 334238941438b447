"""Six weeks of study in Anki (FSRS on, the deck's own parameters), for the reference tests
and for `benchmarks/schedule_vs_anki.py`."""

from __future__ import annotations

import random
from datetime import datetime

from quizapp.core.schedule import DAY_MS, MINUTE_MS, to_ms
from tests.anki_reference.anki_process import AnkiProcess
from tests.anki_reference.compare import ROME

START = to_ms(datetime(2024, 3, 1, 11, 0, tzinfo=ROME))
"""Daylight saving starts on 2024-03-31, inside the six weeks."""
HOUR_MS = 3_600_000
WEIGHTS = [0.3, 1.4, 2.5, 8.0, 6.4, 0.83, 3.0, 0.001, 1.9, 0.17, 0.8, 1.5, 0.06, 0.26, 1.6, 0.6]
WEIGHTS += [1.9, 0.54, 0.09, 0.066, 0.15]
"""The deck's own FSRS parameters in the simulated weeks (not Anki's defaults)."""


def study_weeks(
    anki: AnkiProcess, weights: list[float], cards: int = 12, days: int = 42
) -> tuple[list[int], int]:
    """A learner's six weeks in Anki: every due card answered each day at changing hours
    (some just before and after the day start), with Forget, Set due date, suspend and bury.
    Returns the Anki card ids and the time at the end."""
    rng = random.Random(14)
    ids = [anki.call("add", front=f"card {n}", at=START) for n in range(cards)]
    anki.call(
        "config",
        desired_retention=0.85,
        params=weights,
    )
    due_day = dict.fromkeys(ids, 0)
    learning_due: dict[int, int] = {}
    for day in range(days):
        hour = rng.choice([3.5, 4.5, 9, 13, 20, 23.5])
        at = START - 11 * HOUR_MS + day * DAY_MS + int(hour * HOUR_MS)
        for card in ids:
            if due_day.get(card, 10**9) > day and card not in learning_due:
                continue
            at += rng.randint(5_000, 60_000)
            for _step in range(4):  # a learning card is answered until it leaves learning
                ease = rng.choices([1, 2, 3, 4], weights=[15, 10, 65, 10])[0]
                state = anki.call("answer", cid=card, ease=ease, at=at)
                if state["queue"] == 1:
                    at = max(at + 60_000, state["due"] * 1000)
                    continue
                if state["queue"] == 3:  # a step past the day start: another day
                    due_day[card] = day + 1
                    learning_due[card] = 1
                    break
                learning_due.pop(card, None)
                due_day[card] = day + state["due"] - state["today"]
                break
            else:
                learning_due[card] = 1
                due_day[card] = day + 1
        if day == 10:
            anki.call("forget", cid=ids[0], at=at + MINUTE_MS)
            due_day[ids[0]] = day + 1
        if day == 12:
            state = anki.call("set_due", cid=ids[1], days=3, at=at + MINUTE_MS)
            due_day[ids[1]] = day + 3
        if day == 20:
            anki.call("suspend", cid=ids[2], at=at + MINUTE_MS)
            due_day.pop(ids[2])
    end = START - 11 * HOUR_MS + days * DAY_MS + 10 * HOUR_MS
    anki.call("bury", cid=ids[3], at=end)
    return ids, end
