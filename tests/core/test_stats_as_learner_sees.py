"""The statistics as a learner reads them after a walk-through: the card counts do not change
with the language questions are asked in; a card answered Again is among the forgotten ones
even before it is learnt; "least likely recalled" lists only cards below 100%."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.core import stats
from quizapp.core.schedule import DAY_MS, MINUTE_MS
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from tests.stats_helpers import DECK, answer, learn, make_deck, qa, rome

NOW = rome(2026, 3, 27, 12, 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened


def _compute(store: Store, deck: object, language: str) -> stats.Stats:
    decks = [deck]
    stats.sync_catalogs(store, decks, Settings(study_language=language))  # type: ignore[arg-type]
    return stats.compute(store, decks, deck_id=DECK, now=NOW)  # type: ignore[arg-type]


def test_card_counts_do_not_change_with_the_question_language(store: Store) -> None:
    deck = make_deck([qa(f"c{n}", ["t"]) for n in range(5)])
    for n in range(3):
        learn(store, f"c{n}", NOW - 5 * DAY_MS + n * MINUTE_MS)  # three cards in review
    italian = _compute(store, deck, "it")
    english = _compute(store, deck, "en")  # `l` on home: questions now asked in English
    assert italian.cards.review == english.cards.review == 3
    groups = {group.name: group for group in english.by_direction}
    assert groups["it"].cards >= 3, "the cards studied in Italian are still counted"
    assert groups["it"].answers == 6


def test_a_card_answered_again_while_learning_is_among_the_forgotten(store: Store) -> None:
    deck = make_deck([qa("easy", []), qa("hard", []), qa("harder", [])])
    start = NOW - 2 * 60 * MINUTE_MS
    answer(store, "easy", start, 3)
    answer(store, "hard", start, 1)
    answer(store, "harder", start + MINUTE_MS, 1)
    answer(store, "harder", start + 3 * MINUTE_MS, 1)
    result = _compute(store, deck, "it")
    forgotten = result.hardest.lapses
    assert [(card.card_id, card.again) for card in forgotten] == [("harder", 2), ("hard", 1)]
    assert all(card.lapses == 0 for card in forgotten), "not lapses as Anki counts them"
    assert result.hardest.to_json()["lapses"][0]["again"] == 2


def test_lapses_come_before_again_answers_in_learning(store: Store) -> None:
    deck = make_deck([qa("lapsed", []), qa("stumbled", [])])
    done = learn(store, "lapsed", NOW - 10 * DAY_MS)
    state = store.state((DECK, "lapsed", "it"))
    assert state is not None and state.due is not None and done < state.due
    answer(store, "lapsed", state.due, 1)  # forgotten once learnt: a lapse
    for n in range(3):
        answer(store, "stumbled", NOW - 60 * MINUTE_MS + n * MINUTE_MS, 1)
    forgotten = _compute(store, deck, "it").hardest.lapses
    assert [card.card_id for card in forgotten] == ["lapsed", "stumbled"]
    assert forgotten[0].lapses == 1 and forgotten[1].again == 3


def test_least_likely_recalled_lists_only_cards_below_certain(store: Store) -> None:
    deck = make_deck([qa("today", []), qa("old", [])])
    learn(store, "old", NOW - 40 * DAY_MS)
    learn(store, "today", NOW - 60 * MINUTE_MS)
    listed = _compute(store, deck, "it").hardest.lowest_retrievability
    assert [card.card_id for card in listed] == ["old"]
    assert all(round((card.retrievability or 1) * 100) < 100 for card in listed)


def test_nothing_at_risk_lists_nothing(store: Store) -> None:
    deck = make_deck([qa("today", [])])
    learn(store, "today", NOW - 60 * MINUTE_MS)
    assert _compute(store, deck, "it").hardest.lowest_retrievability == ()
