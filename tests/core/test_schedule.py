"""FSRS through quizapp: steps, fuzz, the fold, the study day."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating as FsrsRating
from fsrs import Scheduler
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.rating import Rating
from quizapp.core.schedule.day import study_day
from quizapp.core.schedule.engine import (
    DAY_MS,
    MINUTE_MS,
    CardState,
    Event,
    Stage,
    apply,
    fold,
    fold_rows,
    from_ms,
    fuzz_unit,
    fuzzed_days,
    preview,
    retrievability,
    to_ms,
)

T0 = to_ms(datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc))


def study(state: CardState, rating: Rating, at: int, rid: str = "r", retention: float = 0.9):
    return apply(state, Event(rid, at, "study", int(rating), retention))


def test_times_are_whole_milliseconds_and_round_trip() -> None:
    moment = datetime(2025, 3, 1, 9, 0, 0, 123456, tzinfo=timezone.utc)
    ms = to_ms(moment)
    assert from_ms(ms) == moment.replace(microsecond=123000)
    assert from_ms(ms).tzinfo is timezone.utc
    with pytest.raises(ValueError, match="naive"):
        to_ms(datetime(2025, 1, 1))


def test_new_card_follows_ankis_learning_steps() -> None:
    again = study(CardState(), Rating.AGAIN, T0)
    assert again.stage == Stage.LEARNING and again.due == T0 + MINUTE_MS
    good = study(CardState(), Rating.GOOD, T0)
    assert good.stage == Stage.LEARNING and good.step == 1
    assert good.due == T0 + 10 * MINUTE_MS
    graduated = study(good, Rating.GOOD, T0 + 10 * MINUTE_MS)
    assert graduated.stage == Stage.REVIEW and graduated.step is None
    assert graduated.due is not None and graduated.due >= T0 + DAY_MS
    easy = study(CardState(), Rating.EASY, T0)
    assert easy.stage == Stage.REVIEW


def test_lapse_goes_to_relearning_with_a_ten_minute_step() -> None:
    state = study(study(CardState(), Rating.EASY, T0), Rating.AGAIN, T0 + 20 * DAY_MS)
    assert state.stage == Stage.RELEARNING
    assert state.due == T0 + 20 * DAY_MS + 10 * MINUTE_MS
    assert state.lapses == 1 and state.reps == 2


def test_learning_matches_the_fsrs_package_exactly() -> None:
    """Without fuzz (learning steps are never fuzzed) our fold is fsrs itself."""
    scheduler = Scheduler(enable_fuzzing=False)
    card = FsrsCard(card_id=1, due=from_ms(T0))
    state = CardState()
    at = T0
    for rating in (Rating.AGAIN, Rating.GOOD, Rating.HARD, Rating.GOOD):
        card, _ = scheduler.review_card(card, FsrsRating(int(rating)), from_ms(at))
        state = study(state, rating, at)
        assert state.stability == card.stability
        assert state.difficulty == card.difficulty
        assert int(state.stage) == int(card.state)
        if card.state != 2:
            assert state.due == to_ms(card.due)
        at = state.due or at


def test_fuzz_stays_in_fsrs_range_and_depends_only_on_the_review_id() -> None:
    assert fuzzed_days(2, 0.99) == 2  # short intervals are never fuzzed
    values = {fuzzed_days(30, fuzz_unit(f"id-{n}")) for n in range(200)}
    assert len(values) > 3, "fuzz should spread intervals"
    assert min(values) >= 27 and max(values) <= 34


@pytest.mark.parametrize("days", [1, 2, 3, 5, 8, 15, 30, 100, 400, 36500])
@pytest.mark.parametrize("unit", [0.0, 0.2, 0.5, 0.77, 0.999])
def test_fuzz_is_the_fsrs_packages_fuzz_with_a_given_draw(
    days: int, unit: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fsrs.scheduler

    monkeypatch.setattr(fsrs.scheduler, "random", lambda: unit)
    expected = Scheduler()._get_fuzzed_interval(interval=timedelta(days=days)).days
    assert fuzzed_days(days, unit) == expected
    assert fuzz_unit("same") == fuzz_unit("same")
    assert 0 <= fuzz_unit("x") < 1


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
    dues = preview(state, at, "next-id", 0.9)
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
        st.sampled_from(["study", "study", "study", "suspend", "unsuspend", "bury", "practice"]),
        st.integers(1, 4),
        st.sampled_from([0.8, 0.9, 0.95]),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(events)
def test_one_fold_equals_applying_each_event(items: list[tuple[int, str, int, float]]) -> None:
    rows = [
        (f"id{n}", T0 + gap, mode, rating, retention, None, None)
        for n, (gap, mode, rating, retention) in enumerate(sorted(items))
    ]
    stepwise = fold(Event(*row) for row in rows)
    at_once = fold_rows([row for row in rows if row[2] != "practice"])
    assert stepwise == at_once


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
