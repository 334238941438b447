"""The order of new cards (`schedule.new_order`): deck order, random, interleaved by kind or
by tag; stable for a day across restarts and undo; the bundled deck's first day mixed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizapp.core.deck import load_deck
from quizapp.core.deck.model import Deck
from quizapp.core.rating import Rating
from quizapp.core.schedule import Day
from quizapp.core.schedule.new_order import day_seed, ordered
from quizapp.core.settings import Settings
from quizapp.core.store import Key, Store
from quizapp.core.study import Session
from tests.progress_helpers import FakeClock, fixed_session, make_deck

BUNDLED = Path(__file__).resolve().parents[2] / "decks" / "deepseek_it.toml"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def session(store: Store, deck: Deck, clock: FakeClock, **settings: Any) -> Session:
    return fixed_session(store, deck, clock, Settings(**settings))


def new_keys(s: Session, clock: FakeClock, count: int) -> list[Key]:
    """Study on (every answer right) until `count` new cards have been shown."""
    shown: list[Key] = []
    while len(shown) < count:
        turn = s.next()
        if turn is None:
            break
        if turn.is_new:
            shown.append(turn.key)
        s.answer(Rating.GOOD)
        s.grade()
        clock.advance(seconds=15)
    return shown


def keys(*names: str) -> list[Key]:
    return [("d", name, "it") for name in names]


def test_deck_order_is_kept_and_random_is_a_permutation() -> None:
    given = keys(*(f"c{i}" for i in range(50)))
    assert ordered(given, "deck", 1, str) == given
    shuffled = ordered(given, "random", 1, str)
    assert sorted(shuffled) == sorted(given) and shuffled != given
    assert ordered(given, "random", 2, str) != shuffled  # another day, another order


def test_random_order_of_what_is_left_does_not_depend_on_what_was_taken() -> None:
    given = keys(*(f"c{i}" for i in range(30)))
    full = ordered(given, "random", 7, str)
    left = [key for key in given if key not in full[:10]]
    assert ordered(left, "random", 7, str) == full[10:]


def test_interleaving_takes_one_of_each_group_in_turn_each_in_deck_order() -> None:
    given = keys("a1", "a2", "a3", "b1", "b2", "c1")
    result = ordered(given, "kind", 0, lambda card_id: card_id[0])
    assert [key[1] for key in result] == ["a1", "b1", "c1", "a2", "b2", "a3"]
    rotated = ordered(given, "tag", 1, lambda card_id: card_id[0])
    assert [key[1] for key in rotated] == ["b1", "c1", "a1", "b2", "a2", "a3"]


def test_the_seed_is_the_deck_and_the_day() -> None:
    day, other = Day(0, 10), Day(10, 20)
    assert day_seed("a", day) == day_seed("a", Day(0, 10))
    assert len({day_seed("a", day), day_seed("b", day), day_seed("a", other)}) == 3


def test_the_bundled_deck_mixes_its_first_day_by_default(store: Store) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    first_day = [deck.card(key[1]) for key in new_keys(session(store, deck, clock), clock, 20)]
    assert len(first_day) == 20
    families = {card.tags[0] for card in first_day}
    assert {"figures", "people", "companies", "concepts", "vocab"} <= families
    assert len({card.kind for card in first_day}) >= 3
    assert sum(card.tags[0] == "figures" for card in first_day) <= 5


def test_deck_order_on_the_bundled_deck_is_figures_first(tmp_path: Path) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    with Store(tmp_path / "deck-order.sqlite3") as store:
        shown = new_keys(session(store, deck, clock, new_order="deck"), clock, 20)
    assert {deck.card(key[1]).tags[0] for key in shown} <= {"figures", "concepts"}


def test_interleaving_by_kind(store: Store) -> None:
    deck = make_deck(qa=6, vocab=6, choice=6)
    clock = FakeClock()
    shown = new_keys(session(store, deck, clock, new_order="kind", new_per_day=6), clock, 6)
    assert (
        sorted(deck.card(key[1]).kind for key in shown)
        == ["choice"] * 2 + ["qa"] * 2 + ["vocab"] * 2
    )


@pytest.mark.parametrize("order", ["random", "kind", "tag"])
def test_a_restart_keeps_the_days_order(tmp_path: Path, order: str) -> None:
    deck = load_deck(BUNDLED)
    with Store(tmp_path / "once.sqlite3") as store:
        clock = FakeClock()
        whole = new_keys(session(store, deck, clock, new_order=order), clock, 12)
    with Store(tmp_path / "twice.sqlite3") as store:
        clock = FakeClock()
        first = new_keys(session(store, deck, clock, new_order=order), clock, 5)
        # vocabulary siblings wait: a restart must see the cards introduced as today's
        rest = new_keys(session(store, deck, clock, new_order=order), clock, 7)
    assert first + rest == whole


def test_undo_brings_back_the_same_new_card_and_the_order_goes_on(store: Store) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    s = session(store, deck, clock, new_order="random")
    shown = new_keys(s, clock, 3)
    s.undo()
    again = s.next()
    assert again is not None and again.key == shown[-1]
    s.answer(Rating.GOOD)
    s.grade()
    with Store(store.path.with_name("other.sqlite3")) as fresh:
        other_clock = FakeClock()
        assert (
            new_keys(session(fresh, deck, other_clock, new_order="random"), other_clock, 6)[:3]
            == shown
        )


def test_another_day_another_random_order(store: Store) -> None:
    deck = make_deck(qa=40)
    clock = FakeClock()
    s = session(store, deck, clock, new_order="random")
    today = s.next()
    assert today is not None
    s.answer(Rating.EASY)  # graduates: nothing of today's is due tomorrow
    s.grade()
    day_one = s.day()
    clock.advance(days=1)
    tomorrow = session(store, deck, clock, new_order="random")
    first = tomorrow.next()
    assert first is not None and first.is_new
    left = [key for key in tomorrow.prompts if key != today.key]
    assert first.key == ordered(left, "random", day_seed(deck.id, tomorrow.day()), str)[0]
    assert first.key != ordered(left, "random", day_seed(deck.id, day_one), str)[0]


def test_a_card_new_again_since_the_day_began_still_comes(store: Store) -> None:
    deck = make_deck(qa=3)
    clock = FakeClock()
    s = session(store, deck, clock, new_order="random")
    first = s.next()
    assert first is not None
    s.suspend()
    clock.advance(seconds=5)
    s2 = session(store, deck, clock, new_order="random")  # the day starts with it suspended
    s2.unsuspend(first.key[1])
    seen = {key[1] for key in new_keys(s2, clock, 3)}
    assert first.key[1] in seen
