"""Statistics of activity: heatmap, today, the period, streaks; the day boundary and DST."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from quizapp.core import stats
from quizapp.core.schedule import study_day
from quizapp.core.stats.calendar import study_calendar
from quizapp.core.store.database import Store
from tests.stats_helpers import DECK, ROME, answer, event, rome


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened


def heatmap(result: stats.Stats) -> dict[date, int]:
    return {day.date: day.count for day in result.heatmap if day.count}


def compute(store: Store, now: int, **options: object) -> stats.Stats:
    return stats.compute(store, now=now, tz=ROME, **options)  # type: ignore[arg-type]


def test_an_answer_before_the_day_start_hour_counts_for_the_evening_before(store: Store) -> None:
    answer(store, "a", rome(2026, 3, 10, 10, 0))
    answer(store, "b", rome(2026, 3, 11, 2, 30))  # before 04:00: still 10 March
    answer(store, "c", rome(2026, 3, 11, 4, 0))  # 04:00 sharp: 11 March
    result = compute(store, rome(2026, 3, 12, 12, 0))
    assert heatmap(result) == {date(2026, 3, 10): 2, date(2026, 3, 11): 1}
    # With the day starting at midnight the same answers fall on calendar days.
    midnight = compute(store, rome(2026, 3, 12, 12, 0), day_start_hour=0)
    assert heatmap(midnight) == {date(2026, 3, 10): 1, date(2026, 3, 11): 2}


def test_practice_and_quiz_answers_count_suspend_and_bury_do_not(store: Store) -> None:
    at = rome(2026, 5, 4, 18, 0)
    answer(store, "a", at, 3)
    answer(store, "a", at + 60_000, 1, mode="practice")
    answer(store, "b", at + 120_000, 4, mode="quiz")
    event(store, "c", at + 180_000, "suspend")
    event(store, "d", at + 240_000, "bury")
    result = compute(store, at + 3_600_000)
    assert heatmap(result) == {date(2026, 5, 4): 3}
    today = result.today
    assert today.date == date(2026, 5, 4)
    assert (today.activity.answers, today.activity.cards) == (3, 2)
    assert today.activity.again == 1 and today.activity.again_rate == pytest.approx(1 / 3)
    assert today.activity.time_ms == 3 * 4_000
    assert today.activity.new_cards == 1  # only the scheduled first answer of "a"


def test_the_heatmap_covers_365_study_days_ending_today(store: Store) -> None:
    now = rome(2026, 6, 30, 20, 0)
    answer(store, "old", rome(2025, 7, 1, 12, 0))  # 364 days before today: the first cell
    answer(store, "older", rome(2025, 6, 30, 12, 0))  # 365 days before: outside
    result = compute(store, now)
    assert len(result.heatmap) == 365
    assert result.heatmap[0].date == date(2025, 7, 1) and result.heatmap[-1].date == date(
        2026, 6, 30
    )
    assert heatmap(result) == {date(2025, 7, 1): 1}


def test_the_period_sums_the_last_n_study_days(store: Store) -> None:
    now = rome(2026, 6, 30, 20, 0)
    answer(store, "a", rome(2026, 6, 30, 9, 0), duration_ms=2_000)
    answer(store, "b", rome(2026, 6, 24, 9, 0), 1, duration_ms=3_000)  # 7th day back
    answer(store, "c", rome(2026, 6, 23, 9, 0), duration_ms=5_000)  # 8th day back
    week = compute(store, now, days=7)
    assert (week.period_from, week.period_to) == (date(2026, 6, 24), date(2026, 6, 30))
    assert (week.period.answers, week.period.time_ms, week.period.again) == (2, 5_000, 1)
    assert (week.period.days_studied, week.period.cards, week.period.new_cards) == (2, 2, 2)
    longer = compute(store, now, days=8)
    assert (longer.period.answers, longer.period.days_studied) == (3, 3)


def test_streak_counts_days_in_a_row_up_to_today_or_yesterday(store: Store) -> None:
    for day in (5, 6, 7):
        answer(store, f"c{day}", rome(2026, 9, day, 21, 0))
    answer(store, "late", rome(2026, 9, 9, 3, 30))  # 03:30 on the 9th: the 8th's study day
    answer(store, "gap", rome(2026, 9, 3, 12, 0))  # the 4th is missing
    # On the 9th at noon, before any answer of the 9th: 5, 6, 7, 8 -> a streak of 4.
    assert compute(store, rome(2026, 9, 9, 12, 0)).today.streak == 4
    # Answering on the 9th makes it 5.
    answer(store, "today", rome(2026, 9, 9, 12, 30))
    assert compute(store, rome(2026, 9, 9, 13, 0)).today.streak == 5
    # On the 11th, the 10th was missed: no streak.
    assert compute(store, rome(2026, 9, 11, 12, 0)).today.streak == 0


def test_streak_longer_than_the_heatmap_is_counted_back(store: Store) -> None:
    start = rome(2025, 1, 1, 12, 0)
    day = study_day(start, 4, ROME)
    for _ in range(400):
        answer(store, "daily", day.start + 3_600_000)
        day = study_day(day.end, 4, ROME)
    now = day.start - 3_600_000  # the evening of the 400th day
    assert compute(store, now).today.streak == 400


def test_spring_forward_day_is_23_hours_and_answers_land_on_the_right_day(
    store: Store,
) -> None:
    # 29 March 2026: clocks go from 02:00 to 03:00 in Rome. With the day starting at 04:00,
    # the study day of the 28th ends at 04:00 CEST = 02:00 UTC, not 03:00 UTC.
    answer(store, "a", rome(2026, 3, 29, 3, 30))  # 01:30 UTC: the 28th
    answer(store, "b", rome(2026, 3, 29, 4, 30))  # 02:30 UTC: the 29th
    result = compute(store, rome(2026, 3, 30, 12, 0))
    assert heatmap(result) == {date(2026, 3, 28): 1, date(2026, 3, 29): 1}
    days = study_calendar(rome(2026, 3, 30, 12, 0), 5, 0, 4, ROME)
    lengths = {
        d: (day.end - day.start) / 3_600_000 for d, day in zip(days.dates, days.days, strict=True)
    }
    assert lengths[date(2026, 3, 28)] == 23 and lengths[date(2026, 3, 27)] == 24
    assert result.today.streak == 2


def test_fall_back_day_is_25_hours_and_streaks_run_across_it(store: Store) -> None:
    # 25 October 2026: clocks go from 03:00 back to 02:00. The study day of the 24th runs
    # from 04:00 CEST (02:00 UTC) to 04:00 CET (03:00 UTC): 25 hours.
    answer(store, "a", rome(2026, 10, 23, 20, 0))
    answer(store, "b", rome(2026, 10, 24, 20, 0))
    answer(store, "c", rome(2026, 10, 25, 3, 30))  # 02:30 UTC: still the 24th
    answer(store, "d", rome(2026, 10, 25, 4, 30))  # the 25th
    result = compute(store, rome(2026, 10, 25, 12, 0))
    assert heatmap(result) == {
        date(2026, 10, 23): 1,
        date(2026, 10, 24): 2,
        date(2026, 10, 25): 1,
    }
    days = study_calendar(rome(2026, 10, 25, 12, 0), 2, 0, 4, ROME)
    assert [(day.end - day.start) // 3_600_000 for day in days.days] == [24, 25, 24]
    assert result.today.streak == 3


def test_one_deck_or_all(store: Store) -> None:
    at = rome(2026, 2, 2, 10, 0)
    answer(store, "a", at)
    answer(store, "x", at + 60_000, deck="other-deck")
    both = compute(store, at + 3_600_000)
    mine = compute(store, at + 3_600_000, deck_id=DECK)
    assert both.today.activity.answers == 2 and mine.today.activity.answers == 1
    assert both.decks == ("other-deck", DECK) and mine.decks == (DECK,)
    assert compute(store, at, deck_id="nowhere").today.activity.answers == 0


def test_days_out_of_range_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="days"):
        stats.compute(store, days=0)


def test_the_answer_range_holds_exactly_the_answer_modes() -> None:
    from quizapp.core.schedule import MODES
    from quizapp.core.stats.scope import ANSWER_MODES

    assert {mode for mode in MODES if "practice" <= mode <= "study"} == set(ANSWER_MODES)
