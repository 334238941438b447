"""quizapp's fold of a log Anki wrote, and the intervals Anki's fuzz (or its load balancer)
could have chosen, for comparing quizapp's state with Anki's."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from quizapp.core.schedule import (
    DAY_MS,
    DEFAULT_PARAMETERS,
    CardState,
    Parameters,
    Row,
    Stage,
    days_elapsed,
    fold_rows,
    fsrs_engine,
    study_day,
)
from quizapp.core.schedule import anki_rules as rules

ROME = ZoneInfo("Europe/Rome")


def rows_from_revlog(
    revlog: list[list[int]], retention: float, hour: int = 4, *, anki_intervals: bool = False
) -> list[Row]:
    """Anki's answers (revlog: id, ease, ivl, lastIvl, factor, type) as quizapp study rows;
    with Anki's chosen intervals, or without (quizapp draws its own fuzz)."""
    return [
        (
            f"{entry[0]:012x}",
            entry[0],
            "study",
            entry[1],
            retention,
            entry[2] if anki_intervals and entry[2] > 0 else None,
            None,
            hour,
        )
        for entry in revlog
        if entry[1] > 0
    ]


def study_days_between(start: int, end: int, hour: int = 4) -> int:
    """Whole study days from the day of `start` to the day of `end`."""
    first = study_day(start, hour, ROME).start
    last = study_day(end, hour, ROME).start
    return round((last - first) / DAY_MS)


def possible_days(
    before: CardState,
    rating: int,
    at: int,
    retention: float,
    params: Parameters = DEFAULT_PARAMETERS,
    hour: int = 4,
) -> set[int]:
    """Every interval Anki could give this answer: its fuzz or its load balancer picks one
    day in the same ranges, and each of Hard, Good, Easy is at least a day after the one
    before (states/review.rs, states/learning.rs)."""
    memory = None
    if before.stability is not None and before.difficulty is not None:
        import fsrs_rs_python

        memory = fsrs_rs_python.MemoryState(before.stability, before.difficulty)
    elapsed = days_elapsed(at, before.last_review, hour, ROME)
    states = fsrs_engine(params.weights).next_states(memory, retention, elapsed)
    maximum = params.maximum_interval

    def span(interval: float, minimum: int) -> set[int]:
        low, high = rules.constrained_fuzz_bounds(interval, max(minimum, 1), maximum)
        return set(range(low, high + 1))

    if before.stage == Stage.REVIEW:
        previous = before.interval

        def least(interval: float) -> int:
            return rules.minimum_review_fuzz_interval(interval, previous, maximum)

        hard = span(states.hard.interval, max(least(states.hard.interval), 1))
        good: set[int] = set()
        for day in hard:
            good |= span(states.good.interval, max(least(states.good.interval), day + 1))
        easy: set[int] = set()
        for day in good:
            easy |= span(states.easy.interval, max(least(states.easy.interval), day + 1))
        return {2: hard, 3: good, 4: easy}.get(rating, set())
    if rating == 4:
        easy = set()
        for day in span(states.good.interval, 1):
            easy |= span(rules.rounded_days(states.easy.interval), day + 1)
        return easy
    chosen = (None, states.again, states.hard, states.good)[rating]
    assert chosen is not None
    return span(rules.rounded_days(chosen.interval), 1)


def fold_revlog(
    revlog: list[list[int]],
    retention: float,
    hour: int = 4,
    *,
    anki_intervals: bool = False,
    params: Parameters = DEFAULT_PARAMETERS,
) -> CardState:
    rows = rows_from_revlog(revlog, retention, hour, anki_intervals=anki_intervals)
    return fold_rows(rows, params=params, tz=ROME)
