"""FSRS through quizapp, counted in study days as Anki counts them: steps, fuzz, the fold."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import fsrs_rs_python
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.rating import Rating
from quizapp.core.schedule import (
    DAY_MS,
    DEFAULT_WEIGHTS,
    MINUTE_MS,
    CardState,
    Event,
    Stage,
    anki_rules,
    apply,
    days_elapsed,
    fold,
    fold_rows,
    from_ms,
    fuzz_unit,
    next_day_at,
    preview,
    retrievability,
    to_ms,
)
from quizapp.core.schedule.day import study_day

ROME = ZoneInfo("Europe/Rome")

T0 = to_ms(datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc))


def study(
    state: CardState, rating: Rating, at: int, rid: str = "r", retention: float = 0.9
) -> CardState:
    return apply(state, Event(rid, at, "study", int(rating), retention, day_start=4), tz=ROME)


def learning_due(at: int, secs: int) -> range:
    """The due times Anki's learning fuzz allows for a step (up to 25%, at most 5 minutes)."""
    return range(at + secs * 1000, at + (secs + min(secs // 4, 300)) * 1000 + 1)


def test_times_are_whole_milliseconds_and_round_trip() -> None:
    moment = datetime(2025, 3, 1, 9, 0, 0, 123456, tzinfo=timezone.utc)
    ms = to_ms(moment)
    assert from_ms(ms) == moment.replace(microsecond=123000)
    assert from_ms(ms).tzinfo is timezone.utc
    with pytest.raises(ValueError, match="naive"):
        to_ms(datetime(2025, 1, 1))


def test_new_card_follows_ankis_learning_steps() -> None:
    again = study(CardState(), Rating.AGAIN, T0)
    assert again.stage == Stage.LEARNING and again.due in learning_due(T0, 60)
    hard = study(CardState(), Rating.HARD, T0)
    assert hard.stage == Stage.LEARNING and hard.due in learning_due(T0, 330)  # 1m/10m halfway
    good = study(CardState(), Rating.GOOD, T0)
    assert good.stage == Stage.LEARNING and good.step == 1
    assert good.due in learning_due(T0, 600)
    graduated = study(good, Rating.GOOD, T0 + 10 * MINUTE_MS)
    assert graduated.stage == Stage.REVIEW and graduated.step is None
    assert graduated.interval == 2  # S 2.3065 at 90%: round(2.31) = 2, never fuzzed under 2.5
    assert graduated.due == to_ms(datetime(2025, 3, 3, 4, 0, tzinfo=ROME))
    easy = study(CardState(), Rating.EASY, T0)
    assert easy.stage == Stage.REVIEW and easy.interval >= 7


def test_lapse_goes_to_relearning_with_a_ten_minute_step() -> None:
    state = study(study(CardState(), Rating.EASY, T0), Rating.AGAIN, T0 + 20 * DAY_MS)
    assert state.stage == Stage.RELEARNING and state.step == 0
    assert state.due in learning_due(T0 + 20 * DAY_MS, 600)
    assert state.lapses == 1 and state.reps == 2


def test_the_repro_of_study_days_gives_the_same_memory_for_both_gaps() -> None:
    """Good, Good 10 minutes later, Good 23.9 or 24.1 hours later: both are one study day,
    so both give Anki's stability 7.3193 (the 24-hour count gave 2.31 for the first)."""
    results = []
    for hours in (23.9, 24.1):
        state = study(CardState(), Rating.GOOD, T0, rid="a")
        state = study(state, Rating.GOOD, T0 + 10 * MINUTE_MS, rid="b")
        state = study(state, Rating.GOOD, T0 + 10 * MINUTE_MS + int(hours * 3_600_000), rid="c")
        results.append(state)
    assert [r.stability for r in results] == [pytest.approx(7.3193, abs=1e-4)] * 2
    assert [r.difficulty for r in results] == [pytest.approx(2.104, abs=1e-6)] * 2


def test_days_elapsed_are_study_days_across_the_day_start() -> None:
    evening = to_ms(datetime(2025, 3, 1, 23, 0, tzinfo=ROME))
    before_four = to_ms(datetime(2025, 3, 2, 3, 59, tzinfo=ROME))
    after_four = to_ms(datetime(2025, 3, 2, 4, 1, tzinfo=ROME))
    assert days_elapsed(before_four, evening, 4, ROME) == 0
    assert days_elapsed(after_four, evening, 4, ROME) == 1
    assert days_elapsed(after_four, evening, 0, ROME) == 1
    assert days_elapsed(before_four, evening, 0, ROME) == 1
    assert next_day_at(evening, 4, ROME) * 1000 == study_day(evening, 4, ROME).end


def test_anki_fuzz_ranges() -> None:
    assert anki_rules.constrained_fuzz_bounds(2.0, 1, 36500) == (2, 2)
    assert anki_rules.constrained_fuzz_bounds(7.3193, 1, 36500) == (6, 9)
    assert anki_rules.constrained_fuzz_bounds(30.0, 1, 36500) == (27, 33)
    # The minimum moves the interval before its range is taken.
    assert anki_rules.constrained_fuzz_bounds(7.3193, 8, 36500) == (8, 10)
    assert anki_rules.with_review_fuzz(0.0, 30.0, 1, 36500) == 27
    assert anki_rules.with_review_fuzz(0.999, 30.0, 1, 36500) == 33
    values = {anki_rules.with_review_fuzz(fuzz_unit(f"id-{n}"), 30.0, 1, 36500) for n in range(200)}
    assert values == set(range(27, 34))


def test_hard_good_easy_are_each_a_day_apart_at_least() -> None:
    for unit in (0.0, 0.5, 0.999):
        hard, good, easy = anki_rules.passing_review_intervals(unit, 3.0, 3.1, 3.2, 2, 36500)
        assert hard < good < easy
        assert hard >= 3  # a day more than the previous interval of 2


histories = st.lists(
    st.tuples(
        st.integers(1, 4),
        st.sampled_from(
            [MINUTE_MS, 10 * MINUTE_MS, 3 * 3_600_000, 86_040_000, 86_760_000, 3 * DAY_MS]
        )
        | st.integers(1, 40 * DAY_MS),
    ),
    min_size=1,
    max_size=20,
)


@settings(max_examples=150, deadline=None)
@given(histories)
def test_memory_is_the_crate_anki_runs_fed_study_days_and_anki_rounding(
    history: list[tuple[int, int]],
) -> None:
    engine = fsrs_rs_python.FSRS(list(DEFAULT_WEIGHTS))
    state = CardState()
    memory = None
    last: int | None = None
    at = T0
    for number, (rating, gap) in enumerate(history):
        at += gap
        state = study(state, Rating(rating), at, rid=f"r{number}")
        elapsed = 0 if last is None else days_elapsed(at, last, 4, ROME)
        chosen = getattr(engine.next_states(memory, 0.9, elapsed), Rating(rating).name.lower())
        memory = fsrs_rs_python.MemoryState(
            anki_rules.rounded_to_places(chosen.memory.stability, 4),
            anki_rules.rounded_to_places(chosen.memory.difficulty, 3),
        )
        last = at
        assert state.stability == memory.stability
        assert state.difficulty == memory.difficulty


def test_same_review_id_gives_the_same_interval() -> None:
    base = study(CardState(), Rating.EASY, T0, rid="a")
    later = T0 + 30 * DAY_MS
    one = study(base, Rating.GOOD, later, rid="fixed")
    two = study(base, Rating.GOOD, later, rid="fixed")
    assert one == two


def test_higher_retention_gives_shorter_intervals() -> None:
    base = study(CardState(), Rating.EASY, T0, rid="a", retention=0.9)
    later = T0 + 10 * DAY_MS
    low = study(base, Rating.GOOD, later, rid="b", retention=0.75)
    high = study(base, Rating.GOOD, later, rid="b", retention=0.97)
    assert high.due is not None and low.due is not None
    assert high.due < low.due


def test_suspend_bury_and_practice_events() -> None:
    state = study(CardState(), Rating.GOOD, T0)
    suspended = apply(state, Event("s", T0 + 1, "suspend"))
    assert suspended.suspended and suspended.due == state.due
    assert not apply(suspended, Event("u", T0 + 2, "unsuspend")).suspended
    buried = apply(state, Event("b", T0 + 3, "bury", until=T0 + DAY_MS))
    assert buried.is_buried(T0 + 5) and not buried.is_buried(T0 + DAY_MS)
    assert apply(buried, Event("ub", T0 + 4, "unbury")).buried_until == 0
    for mode in ("practice", "quiz"):
        assert apply(state, Event("p", T0 + 9, mode, 1)) is state


def test_preview_gives_one_due_time_per_rating_matching_the_answer() -> None:
    state = study(CardState(), Rating.EASY, T0)
    at = T0 + 5 * DAY_MS
    dues = preview(state, at, "next-id", 0.9, 4, tz=ROME)
    assert set(dues) == set(Rating)
    assert dues[Rating.AGAIN] < dues[Rating.HARD] <= dues[Rating.GOOD] <= dues[Rating.EASY]
    assert dues[Rating.GOOD] == study(state, Rating.GOOD, at, rid="next-id").due


def test_retrievability() -> None:
    assert retrievability(CardState(), T0) is None
    state = study(CardState(), Rating.EASY, T0)
    soon = retrievability(state, T0 + DAY_MS)
    late = retrievability(state, T0 + 60 * DAY_MS)
    assert soon is not None and late is not None and 0 < late < soon <= 1


events = st.lists(
    st.tuples(
        st.integers(0, 40 * DAY_MS),
        st.sampled_from(
            [
                "study",
                "study",
                "study",
                "suspend",
                "unsuspend",
                "bury",
                "practice",
                "forget",
                "due-date",
            ]
        ),
        st.integers(1, 4),
        st.sampled_from([0.8, 0.9, 0.95]),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(events)
def test_one_fold_equals_applying_each_event(items: list[tuple[int, str, int, float]]) -> None:
    rows = [
        (
            f"id{n}",
            T0 + gap,
            mode,
            rating,
            retention,
            rating if mode == "due-date" else None,
            None,
            4,
        )
        for n, (gap, mode, rating, retention) in enumerate(sorted(items))
    ]
    stepwise = fold(Event(*row) for row in rows)
    at_once = fold_rows([row for row in rows if row[2] != "practice"])
    state = CardState()
    for row in rows:
        state = apply(state, Event(*row))
    assert stepwise == at_once == state


def test_reset_is_ankis_forget_and_set_due_keeps_the_memory() -> None:
    studied = study(study(CardState(), Rating.GOOD, T0), Rating.GOOD, T0 + 10 * MINUTE_MS)
    reset = apply(studied, Event("f", T0 + DAY_MS, "forget", day_start=4), tz=ROME)
    assert reset.stage == Stage.NEW and reset.stability is None and reset.due is None
    assert reset.reps == studied.reps  # the counts stay, as Anki's Forget does by default
    again = study(reset, Rating.GOOD, T0 + 2 * DAY_MS, rid="x")
    assert again.stability == pytest.approx(2.3065)  # a new card's first Good
    moved = apply(studied, Event("d", T0 + DAY_MS, "due-date", until=5, day_start=4), tz=ROME)
    assert moved.stage == Stage.REVIEW
    assert (moved.stability, moved.difficulty) == (studied.stability, studied.difficulty)
    assert moved.due == to_ms(datetime(2025, 3, 7, 4, 0, tzinfo=ROME))
    assert moved.interval == 1 + 5  # a study day since the last review, plus the 5 set


def test_study_day_starts_at_the_chosen_local_hour() -> None:
    rome = ZoneInfo("Europe/Rome")
    late = to_ms(datetime(2025, 3, 2, 2, 30, tzinfo=rome))  # 02:30 counts as March 1st
    day = study_day(late, 4, rome)
    assert from_ms(day.start) == datetime(2025, 3, 1, 4, 0, tzinfo=rome)
    assert from_ms(day.end) == datetime(2025, 3, 2, 4, 0, tzinfo=rome)
    assert late in day
    morning = to_ms(datetime(2025, 3, 2, 4, 0, tzinfo=rome))
    assert study_day(morning, 4, rome).start == day.end
    assert study_day(morning, 0, rome).start == to_ms(datetime(2025, 3, 2, 0, 0, tzinfo=rome))


def test_study_day_over_a_daylight_saving_change_is_23_hours() -> None:
    rome = ZoneInfo("Europe/Rome")
    day = study_day(to_ms(datetime(2025, 3, 29, 12, 0, tzinfo=rome)), 4, rome)
    assert day.end - day.start == 23 * 3600 * 1000
    with pytest.raises(ValueError):
        study_day(T0, 24)


def test_study_day_with_the_system_time_zone() -> None:
    day = study_day(T0, 4)
    assert (day.end - day.start) // 3_600_000 in (23, 24, 25)
    assert day.start <= T0 < day.end
    assert from_ms(day.start).astimezone().hour == 4


@settings(max_examples=300, deadline=None)
@given(st.floats(0.0, 40_000.0, allow_nan=False), st.integers(0, 9))
def test_the_quick_f64_paths_give_the_f32_results(value: float, shift: int) -> None:
    interval = anki_rules.f32(value)
    assert anki_rules.fuzz_bounds(interval) == anki_rules.exact_fuzz_bounds(interval)
    half = anki_rules.f32(round(value) + 0.5 + shift * 1e-7)  # right at a rounding edge
    assert anki_rules.fuzz_bounds(half) == anki_rules.exact_fuzz_bounds(half)
    factor = anki_rules.f32(10.0**4)
    stored = anki_rules.f32(anki_rules.round_half_away(anki_rules.f32(interval * factor)) / factor)
    assert anki_rules.rounded_to_places(interval, 4) == stored


@pytest.mark.parametrize(
    "zone", ["Europe/Rome", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Amsterdam"]
)
def test_the_day_start_cached_per_quarter_hour_is_the_one_computed_for_the_moment(
    zone: str,
) -> None:
    from quizapp.core.schedule import day as schedule

    tz = ZoneInfo(zone)
    rng = __import__("random").Random(zone)
    # Amsterdam kept +00:20 until 1937: offsets that are not whole quarter hours.
    starts = [to_ms(datetime(1935, 3, 1, tzinfo=timezone.utc)), T0]
    for start in starts:
        for _ in range(400):
            now = start + rng.randrange(0, 400 * DAY_MS)
            direct = schedule._next_day_at(now // 1000, 4, tz, ())
            assert next_day_at(now, 4, tz) == direct
            assert schedule.day_start_after(now, 3, 4, tz) == schedule._day_start_after(
                now // 1000, 3, 4, tz, ()
            )
