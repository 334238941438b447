"""Forecast, card states, tags and directions, hardest cards, confusions, quiz history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from quizapp.core import stats
from quizapp.core.schedule import DAY_MS, MINUTE_MS, Stage
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.core.store.records import STATE_COLUMNS
from tests.stats_helpers import (
    DECK,
    ROME,
    answer,
    event,
    learn,
    make_deck,
    qa,
    quiz,
    review_when_due,
    rome,
    vocab,
)

NOW = rome(2026, 3, 27, 12, 0)  # a Friday; the clocks change on Sunday the 29th


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened


def put_state(
    store: Store,
    card: str,
    *,
    stage: Stage = Stage.REVIEW,
    due: int = NOW,
    last: int | None = None,
    stability: float | None = 10.0,
    difficulty: float | None = 5.0,
    lapses: int = 0,
    suspended: bool = False,
    direction: str = "it",
) -> None:
    """A card_state row written by hand (a known schedule, not folded from answers)."""
    if last is None and due is not None:
        last = due - 10 * DAY_MS
    columns = STATE_COLUMNS.split(", ")
    values = dict.fromkeys(columns)
    values.update(
        stage=int(stage),
        stability=stability,
        difficulty=difficulty,
        due=due,
        last_review=last,
        reps=lapses + 1,
        lapses=lapses,
        suspended=int(suspended),
        buried_until=0,
        last_event=last or 0,
        interval=round((due - last) / DAY_MS) if due is not None and last is not None else 0,
    )
    marks = ", ".join("?" for _ in range(3 + len(columns)))
    store._con.execute(
        f"INSERT INTO card_state (deck_id, card_id, direction, {STATE_COLUMNS}) VALUES ({marks})",
        (DECK, card, direction, *(values[name] for name in columns)),
    )


def compute(store: Store, **options: object) -> stats.Stats:
    options.setdefault("now", NOW)
    return stats.compute(store, tz=ROME, **options)  # type: ignore[arg-type]


def test_forecast_puts_each_due_card_on_its_study_day(store: Store) -> None:
    put_state(store, "overdue", due=rome(2026, 3, 20, 9, 0))
    put_state(store, "today", due=rome(2026, 3, 27, 23, 0))
    put_state(store, "tonight", due=rome(2026, 3, 28, 3, 59))  # before 04:00: still the 27th
    put_state(store, "tomorrow", due=rome(2026, 3, 28, 4, 0))
    # After the clocks change: 04:00 CEST on the 30th is 02:00 UTC.
    put_state(store, "monday-early", due=rome(2026, 3, 30, 3, 30))  # the 29th's study day
    put_state(store, "monday", due=rome(2026, 3, 30, 4, 30))
    put_state(store, "learning", stage=Stage.LEARNING, due=rome(2026, 3, 27, 12, 10))
    put_state(store, "suspended", due=rome(2026, 3, 28, 9, 0), suspended=True)
    put_state(store, "new", stage=Stage.NEW, due=None, stability=None)  # type: ignore[arg-type]
    put_state(store, "far", due=rome(2026, 4, 30, 9, 0))  # beyond 30 days
    result = compute(store)
    due = {day.date: day.count for day in result.forecast}
    assert len(result.forecast) == 30 and result.forecast[0].date == date(2026, 3, 27)
    assert result.overdue == 1
    assert due[date(2026, 3, 27)] == 4  # overdue, today, tonight, learning
    assert due[date(2026, 3, 28)] == 1
    assert due[date(2026, 3, 29)] == 1
    assert due[date(2026, 3, 30)] == 1
    assert sum(due.values()) == 7


def test_card_states_and_their_spread(store: Store) -> None:
    deck = make_deck([qa(f"c{n}", ["people"]) for n in range(8)])
    stats.sync_catalogs(store, [deck], Settings(study_language="it"))
    put_state(store, "c0", stage=Stage.LEARNING, difficulty=2.5)
    put_state(store, "c1", stage=Stage.RELEARNING, difficulty=9.9)
    put_state(store, "c2", due=NOW + DAY_MS, last=NOW, difficulty=1.0)  # interval 1 day
    put_state(store, "c3", due=NOW + 45 * DAY_MS, last=NOW, difficulty=10.0)  # 45 days
    put_state(store, "c4", due=NOW + 400 * DAY_MS, last=NOW, suspended=True)
    put_state(store, "gone", due=NOW, last=NOW - DAY_MS)  # not in the deck any more
    store._con.execute("UPDATE catalog SET fresh = 0 WHERE card_id IN ('c0','c1','c2','c3','c4')")
    cards = compute(store, deck_id=DECK).cards
    assert (cards.new, cards.learning, cards.relearning, cards.review, cards.suspended) == (
        3,
        1,
        1,
        2,
        1,
    )
    assert cards.total == 8
    intervals = {bucket.label: bucket.count for bucket in cards.intervals}
    assert intervals["1d"] == 1 and intervals["1-3mo"] == 1 and sum(intervals.values()) == 2
    hardness = {bucket.label: bucket.count for bucket in cards.difficulty}
    assert hardness == {**dict.fromkeys(hardness, 0), "1-2": 1, "2-3": 1, "9-10": 2, "5-6": 0}


def test_by_tag_and_by_direction(store: Store) -> None:
    deck = make_deck(
        [
            qa("q1", ["people"]),
            qa("q2", ["people", "dates"]),
            qa("q3", ["figures"]),
            vocab("v1", ["vocab"]),
            qa("q4", []),
        ]
    )
    stats.sync_catalogs(store, [deck], Settings(study_language="it", vocab_direction="both"))
    at = rome(2026, 3, 20, 10, 0)
    answer(store, "q1", at, 3)
    answer(store, "q2", at, 1)
    answer(store, "q2", at + MINUTE_MS, 3, mode="practice")
    answer(store, "v1", at, 3, direction="it>en")
    answer(store, "v1", at, 1, direction="en>it")
    answer(store, "v1", at + MINUTE_MS, 4, direction="en>it", mode="quiz")
    result = compute(store, decks=[deck], deck_id=DECK)
    tags = {group.name: group for group in result.by_tag}
    assert list(tags) == ["dates", "figures", "people", "vocab", ""]  # untagged last
    assert (tags["people"].cards, tags["people"].studied) == (2, 2)
    assert (tags["people"].answers, tags["people"].passed) == (3, 2)
    assert tags["people"].accuracy == pytest.approx(2 / 3)
    assert (tags["dates"].answers, tags["dates"].passed) == (2, 1)
    assert (tags["figures"].cards, tags["figures"].studied, tags["figures"].answers) == (1, 0, 0)
    assert tags["figures"].accuracy is None and tags["figures"].stability is None
    assert (tags["vocab"].cards, tags["vocab"].studied, tags["vocab"].answers) == (1, 1, 3)
    states = {key[1:]: state for key, state in store.states(DECK).items()}
    q_mean = (states[("q1", "it")].stability + states[("q2", "it")].stability) / 2  # type: ignore[operator]
    assert tags["people"].stability == pytest.approx(q_mean)
    directions = {group.name: group for group in result.by_direction}
    assert set(directions) == {"it", "it>en", "en>it"}
    assert (directions["it"].cards, directions["it"].studied) == (4, 2)
    assert (directions["en>it"].answers, directions["en>it"].passed) == (2, 1)
    assert result.period.cards == 4  # q1, q2, v1 both ways


def test_a_cloze_gap_counts_in_its_language(store: Store) -> None:
    assert stats.keys.direction_group("it.2") == "it"
    assert stats.keys.direction_group("en>it") == "en>it"


def lapse(store: Store, card: str, times: int) -> None:
    """Forget a card in review `times` times (Again when due, then relearn it)."""
    for _ in range(times):
        at = review_when_due(store, card, 1)
        answer(store, card, at + 10 * MINUTE_MS, 3)


def test_leeches_and_most_lapses(store: Store) -> None:
    deck = make_deck([qa("leech", ["people"]), qa("shaky", ["people"]), qa("fine", [])])
    stats.sync_catalogs(store, [deck], Settings(study_language="it"))
    start = rome(2025, 6, 2, 9, 0)
    for card in ("leech", "shaky", "fine"):
        learn(store, card, start)
    lapse(store, "leech", 8)
    lapse(store, "shaky", 2)
    review_when_due(store, "fine", 3)
    now = store.state((DECK, "leech", "it")).last_review + DAY_MS  # type: ignore[union-attr, operator]
    hardest = compute(store, decks=[deck], now=now).hardest
    assert [card.card_id for card in hardest.lapses] == ["leech", "shaky"]
    assert [card.lapses for card in hardest.lapses] == [8, 2]
    assert [card.card_id for card in hardest.leeches] == ["leech"] and hardest.leech_count == 1
    assert hardest.lapses[0].leech and not hardest.lapses[1].leech
    assert hardest.lapses[0].question == "Domanda? (leech)"


def test_lowest_retrievability_now(store: Store) -> None:
    put_state(store, "fresh", due=NOW + 5 * DAY_MS, last=NOW - DAY_MS, stability=10.0)
    put_state(store, "fading", due=NOW - 20 * DAY_MS, last=NOW - 60 * DAY_MS, stability=10.0)
    put_state(store, "faded", due=NOW - 50 * DAY_MS, last=NOW - 90 * DAY_MS, stability=5.0)
    put_state(store, "parked", due=NOW, last=NOW - 300 * DAY_MS, suspended=True)
    hardest = compute(store).hardest
    order = [card.card_id for card in hardest.lowest_retrievability]
    assert order == ["faded", "fading", "fresh"]
    recall = [card.retrievability for card in hardest.lowest_retrievability]
    assert recall == sorted(recall)  # type: ignore[type-var]
    assert recall[0] is not None and recall[0] < 0.7 < recall[-1]  # type: ignore[operator]


def test_confusions_are_the_wrong_answers_typed_most_often_alike_once_normalised(
    store: Store,
) -> None:
    put_state(store, "capital", lapses=3)
    at = rome(2026, 3, 1, 10, 0)
    typed = ["Pechino", "pechino ", "PECHINO!", "Shanghai", "shanghai", "Canton", "Pechino"]
    for number, text in enumerate(typed):
        answer(store, "capital", at + number * MINUTE_MS, 1, mode="practice", typed=text)
    answer(store, "capital", at + DAY_MS, 1, mode="quiz", typed="false")  # a true/false answer
    answer(store, "capital", at + 2 * DAY_MS, 3, mode="practice", typed="Hangzhou")  # right
    [card] = compute(store).hardest.lapses
    assert [(c.answer, c.count) for c in card.confusions] == [
        ("Pechino", 4),
        ("Shanghai", 2),
        ("Canton", 1),
    ]


def test_quiz_history_in_the_period_oldest_first_by_study_day(store: Store) -> None:
    quiz(store, 1, rome(2026, 3, 20, 18, 0), 6)
    quiz(store, 2, rome(2026, 3, 26, 2, 0), 9)  # 02:00: the 25th's study day
    quiz(store, 3, rome(2026, 1, 2, 18, 0), 3)  # before the period
    [history] = compute(store, days=30).quizzes
    assert history.deck_id == DECK
    assert [(run.date, run.score, run.ratio) for run in history.runs] == [
        (date(2026, 3, 20), 6, 0.6),
        (date(2026, 3, 25), 9, 0.9),
    ]


def test_stray_keys_are_left_out_of_card_figures_but_not_of_history(store: Store) -> None:
    deck = make_deck([vocab("v1", []), vocab("v2", [])])
    stats.sync_catalogs(store, [deck], Settings(vocab_direction="it>en"))
    put_state(store, "v1", direction="it>en", due=NOW)
    put_state(store, "v1", direction="en>it", due=NOW)  # not asked now, but still the deck's
    put_state(store, "gone", direction="it>en", due=NOW)  # a card the deck no longer has
    store._con.execute("UPDATE catalog SET fresh = 0 WHERE card_id = 'v1'")
    answer(store, "v2", NOW - MINUTE_MS, 3, direction="en>it", mode="practice")
    result = compute(store, decks=[deck])
    assert result.forecast[0].count == 2
    assert (result.cards.review, result.cards.new) == (2, 1)
    assert {group.name for group in result.by_direction} == {"it>en", "en>it"}
    assert result.today.activity.answers == 1


def test_thousands_of_stray_keys_are_left_out_and_the_deck_keeps_its_own(store: Store) -> None:
    """A deck that lost most of its cards: every removed card's key is left out (passed to
    SQLite as one list), the direction not asked now still counts."""
    deck = make_deck([vocab("v1", [])])
    stats.sync_catalogs(store, [deck], Settings(vocab_direction="it>en"))
    put_state(store, "v1", direction="it>en", due=NOW)
    put_state(store, "v1", direction="en>it", due=NOW)
    for n in range(5_000):
        put_state(store, f"gone-{n}", direction="it>en", due=NOW)
    store._con.execute("UPDATE catalog SET fresh = 0 WHERE card_id = 'v1'")
    result = compute(store, decks=[deck])
    assert result.cards.review == 2
    assert result.forecast[0].count == 2


def test_the_json_form_is_plain_data(store: Store) -> None:
    learn(store, "a", NOW - 3 * DAY_MS)
    event(store, "a", NOW - DAY_MS, "suspend")
    data = compute(store).to_json()
    assert data["version"] == stats.model.JSON_VERSION
    assert data["timezone"] == "Europe/Rome" and data["day_start_hour"] == 4
    assert data["period"]["from"] == (date(2026, 3, 27) - timedelta(days=29)).isoformat()
    assert data["cards"]["suspended"] == 1
    assert len(data["heatmap"]) == 365 and len(data["forecast"]) == 30
