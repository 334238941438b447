"""True retention (young and mature, by week) beside the retention FSRS predicted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core import stats
from quizapp.core.schedule import (
    DAY_MS,
    MINUTE_MS,
    CardState,
    Stage,
    apply,
    fold_rows,
    retrievability,
)
from quizapp.core.stats import memory
from quizapp.core.store.database import Store
from tests.stats_helpers import DECK, ROME, answer, learn, review_when_due, rome


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened


histories = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=4),
        st.sampled_from(
            [MINUTE_MS, 10 * MINUTE_MS, 3 * 3_600_000, DAY_MS, 5 * DAY_MS, 40 * DAY_MS]
        ),
        st.sampled_from([0.8, 0.9, 0.95]),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(histories)
def test_replay_equals_the_schedulers_fold_to_the_last_bit(
    history: list[tuple[int, int, float]],
) -> None:
    at = 1_767_225_600_000
    rows = []
    for number, (rating, gap, retention) in enumerate(history):
        rows.append((f"{at:012x}{number:08d}", at, "study", rating, retention, None, None, 4))
        at += gap
    found: list[memory.Recalled] = []
    replayed = memory.replay(rows, 0, at + 1, found)
    assert replayed == fold_rows(rows)
    in_review = [row for row, state in _states_before(rows) if state.stage == Stage.REVIEW]
    assert [recalled.at for recalled in found] == [row[1] for row in in_review]


def _states_before(rows: list[tuple]) -> list[tuple[tuple, CardState]]:
    state = CardState()
    result = []
    for row in rows:
        result.append((row, state))
        state = fold_rows([row], state)
    return result


def _before_each(store: Store, card: str) -> list[tuple[int, int, CardState]]:
    """(time, rating, state before) of every scheduled answer, folded by the scheduler."""
    state = CardState()
    result = []
    for review in store.reviews((DECK, card, "it")):
        result.append((review.at, int(review.rating or 0), state))
        state = apply(state, review.event())
    return result


def test_true_and_predicted_retention_of_a_hand_built_log(store: Store) -> None:
    start = rome(2026, 1, 5, 9, 0)  # a Monday
    learn(store, "a", start)
    learn(store, "b", start)
    learn(store, "c", start)
    review_when_due(store, "a", 3)
    review_when_due(store, "b", 1)  # forgotten
    review_when_due(store, "c", 3, late_days=2)  # late: lower predicted recall
    review_when_due(store, "a", 3)
    now = rome(2026, 3, 1, 12, 0)
    result = stats.compute(store, now=now, tz=ROME, days=60)
    retention = result.retention
    expected = [
        (at, rating, state)
        for card in "abc"
        for at, rating, state in _before_each(store, card)
        if state.stage == Stage.REVIEW
    ]
    assert retention.total.reviews == len(expected) == 4
    assert retention.total.passed == sum(1 for _at, rating, _s in expected if rating > 1) == 3
    assert retention.total.rate == pytest.approx(0.75)
    predicted = [retrievability(state, at) for at, _rating, state in expected]
    assert retention.total.predicted == pytest.approx(sum(predicted) / len(predicted), abs=1e-12)
    # The late review was predicted lower than the ones on time.
    late = [
        recall
        for (at, _rating, state), recall in zip(expected, predicted, strict=True)
        if at - (state.last_review or 0) > (state.interval_days or 0) * DAY_MS
    ]
    assert len(late) == 1
    assert late[0] < min(r for r in predicted if r != late[0])
    # Every interval here is under 21 days: all young.
    assert retention.young.reviews == 4 and retention.mature.reviews == 0
    assert retention.cards == retention.sample_cards == 3
    # Weeks: the weekly totals add up to the whole.
    assert sum(week.total.reviews for week in retention.weeks) == 4
    assert all(week.week.weekday() == 0 for week in retention.weeks)
    assert retention.weeks[0].week == date(2025, 12, 29)  # the period starts in that week


def test_mature_cards_are_those_with_an_interval_of_21_days_or_more(store: Store) -> None:
    at = learn(store, "m", rome(2025, 1, 6, 9, 0))
    for _ in range(6):
        at = review_when_due(store, "m", 3)
    before = [s for _at, _r, s in _before_each(store, "m") if s.stage == Stage.REVIEW]
    mature_expected = sum(1 for s in before if (s.interval_days or 0) >= 21)
    young_expected = len(before) - mature_expected
    assert mature_expected > 0 and young_expected > 0
    result = stats.compute(store, now=at + DAY_MS, tz=ROME, days=stats.MAX_DAYS)
    assert result.retention.mature.reviews == mature_expected
    assert result.retention.young.reviews == young_expected
    assert result.retention.mature.rate == 1.0


def test_practice_and_quiz_answers_are_not_retention(store: Store) -> None:
    learn(store, "a", rome(2026, 4, 6, 9, 0))
    due = review_when_due(store, "a", 3)
    answer(store, "a", due + 60_000, 1, mode="practice")
    answer(store, "a", due + 120_000, 1, mode="quiz")
    result = stats.compute(store, now=due + DAY_MS, tz=ROME)
    assert (result.retention.total.reviews, result.retention.total.passed) == (1, 1)
    assert result.period.answers == 5 and result.period.again == 2


def test_a_large_log_is_replayed_on_a_fixed_sample(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = rome(2026, 2, 2, 9, 0)
    for number in range(9):
        learn(store, f"k{number}", start)
        review_when_due(store, f"k{number}", 3 if number % 3 else 1)
    now = rome(2026, 3, 1, 12, 0)
    full = stats.compute(store, now=now, tz=ROME).retention
    monkeypatch.setattr(memory, "SAMPLE_KEYS", 3)
    sampled = stats.compute(store, now=now, tz=ROME).retention
    again = stats.compute(store, now=now, tz=ROME).retention
    assert (full.cards, full.sample_cards) == (9, 9)
    assert (sampled.cards, sampled.sample_cards) == (9, 3)
    # The totals are always counted in full; the split comes from the sample.
    assert sampled.total.reviews == full.total.reviews == 9
    assert sampled.total.passed == full.total.passed == 6
    assert sampled.young.reviews + sampled.mature.reviews == 3
    assert again == sampled  # the same sample every time
