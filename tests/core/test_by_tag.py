"""Study by tag: a study session over the cards with some tags, on their schedule (due
learning cards and reviews, new cards within the day's limit), and practice of them ahead of it."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path
from typing import Any

import pytest

from quizapp.core.deck import load_deck
from quizapp.core.deck.model import Deck
from quizapp.core.rating import Rating
from quizapp.core.schedule import Stage
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study import Session, Turn
from tests.progress_helpers import FakeClock, fixed_session, make_deck

BUNDLED = Path(__file__).resolve().parents[2] / "decks" / "deepseek_it.toml"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def session(store: Store, deck: Deck, clock: FakeClock, **options: Any) -> Session:
    return fixed_session(store, deck, clock, Settings(**options.pop("settings", {})), **options)


def study(
    s: Session, clock: FakeClock, rating: Rating = Rating.GOOD, limit: int = 500
) -> list[Turn]:
    seen: list[Turn] = []
    for _ in range(limit):
        turn = s.next()
        if turn is None:
            return seen
        seen.append(turn)
        s.answer(rating)
        s.grade()
        clock.advance(seconds=15)
    raise AssertionError("the session never ended")


def tagged(deck: Deck, turn: Turn, tag: str) -> bool:
    return tag in deck.card(turn.key[1]).tags


def test_new_cards_of_a_tag_only_within_the_days_limit(store: Store) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    s = session(store, deck, clock, tags=["people"], settings={"new_per_day": 5})
    assert s.counts().new == 5
    seen = study(s, clock)
    assert seen and all(tagged(deck, turn, "people") for turn in seen)
    assert len({turn.key for turn in seen if turn.is_new}) == 5
    # the limit is the deck's: the whole deck has nothing new left today
    assert session(store, deck, clock, settings={"new_per_day": 5}).counts().new == 0


def test_due_reviews_of_a_tag_and_nothing_else(store: Store) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    study(session(store, deck, clock, settings={"new_per_day": 40}), clock)
    clock.advance(days=30)
    due = {
        key
        for key, state in store.states(deck.id).items()
        if state.stage == Stage.REVIEW and "vocab" in deck.card(key[1]).tags
    }
    assert due
    s = session(store, deck, clock, tags=["vocab"], settings={"new_per_day": 0})
    assert s.counts().review == len(due)
    seen = study(s, clock)
    assert {turn.key for turn in seen} == due
    others = session(store, deck, clock, settings={"new_per_day": 0}).counts()
    assert others.review > 0  # the other families are still due


def test_a_card_answered_again_comes_back_in_the_tag_session(store: Store) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    s = session(store, deck, clock, tags=["figures"], settings={"new_per_day": 1})
    first = s.next()
    assert first is not None
    s.answer(Rating.AGAIN)
    s.grade()
    assert s.counts().learning == 1
    clock.advance(minutes=2)
    again = s.next()
    assert again is not None and again.key == first.key and again.stage == Stage.LEARNING


def test_tag_cards_far_down_the_deck_are_found(store: Store) -> None:
    tagged_card = {
        "id": "q29",
        "kind": "qa",
        "tags": ["late"],
        "it": {"question": "Ultima?", "answers": ["sì"]},
    }
    deck = make_deck(qa=30, q29=tagged_card)
    clock = FakeClock()
    for order in ("deck", "random"):
        s = session(store, deck, clock, tags=["late"], settings={"new_order": order})
        turn = s.next()
        assert turn is not None and turn.key[1] == "q29", order
        assert s.counts().new == 1


def test_nothing_due_then_practice_of_the_tag_ahead(store: Store) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    s = session(store, deck, clock, tags=["dates"], settings={"new_per_day": 0})
    assert s.next() is None and s.counts().total == 0
    practice = session(store, deck, clock, tags=["dates"], mode="practice", seed=1)
    seen = study(practice, clock)
    assert {turn.key[1] for turn in seen} == {
        card.id for card in deck.cards if "dates" in card.tags
    }
    assert store.states(deck.id) == {}  # practice leaves the schedule alone


def test_several_tags_take_cards_with_any_of_them(store: Store) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    s = session(store, deck, clock, tags=["dates", "people"], settings={"new_per_day": 60})
    shown = [set(deck.card(turn.key[1]).tags) for turn in study(s, clock) if turn.is_new]
    assert all(tags & {"dates", "people"} for tags in shown)
    assert any("dates" in tags for tags in shown) and any("people" in tags for tags in shown)


def test_the_deck_is_not_read_again_per_answer(store: Store, monkeypatch: Any) -> None:
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    study(session(store, deck, clock, settings={"new_per_day": 30}), clock)
    clock.advance(days=20)
    reads = []
    whole = store.states
    monkeypatch.setattr(store, "states", lambda deck_id: reads.append(deck_id) or whole(deck_id))
    seen = study(session(store, deck, clock, tags=["vocab"]), clock)
    assert len(seen) > 5
    assert reads == [deck.id]  # once, when the day began


def test_a_tag_sessions_counts_kept_up_to_date_equal_a_count_from_scratch(store: Store) -> None:
    """The counts a tag session keeps answer by answer are those a new session counts."""
    deck = load_deck(BUNDLED)
    clock = FakeClock()
    study(session(store, deck, clock, settings={"new_per_day": 30}), clock)
    clock.advance(days=3)
    settings = {"new_per_day": 5}
    s = session(store, deck, clock, tags=["vocab", "people"], settings=settings)
    for step in range(40):
        counts = s.counts()
        fresh = session(store, deck, clock, tags=["vocab", "people"], settings=settings).counts()
        assert counts == fresh, step
        assert min(counts.new, counts.learning, counts.review) >= 0
        turn = s.next()
        if turn is None:
            break
        s.answer(Rating.AGAIN if step % 3 == 0 else Rating.GOOD)
        s.grade()
        clock.advance(seconds=40)
    assert step > 5


def test_each_tag_with_its_cards_due_and_new_prompts_today(store: Store) -> None:
    from quizapp.core.study.by_tag import tags_today

    deck = load_deck(BUNDLED)
    clock = FakeClock()
    settings = Settings(new_per_day=20)
    before = {
        count.tag: count for count in tags_today(store, deck, settings, clock(), timezone.utc)
    }
    assert list(before)[:3] == ["figures", "level-1", "intro"]  # in order of first use
    assert (before["dates"].cards, before["dates"].due, before["dates"].new) == (5, 0, 5)
    assert before["vocab"].new == 20  # within the day's new cards
    s = session(store, deck, clock, tags=["dates"], settings={"new_per_day": 20})
    for _ in range(2):
        assert s.next() is not None
        s.answer(Rating.AGAIN)
        s.grade()
    after = {count.tag: count for count in tags_today(store, deck, settings, clock(), timezone.utc)}
    assert (after["dates"].due, after["dates"].new) == (2, 3)
