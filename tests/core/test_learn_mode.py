"""Learn mode: a new card is first asked as multiple choice (the quiz's distractors), then typed
once it has been answered right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizapp.core.deck import load_deck
from quizapp.core.deck.model import Deck
from quizapp.core.judge import Outcome
from quizapp.core.quiz.candidates import figure_class
from quizapp.core.quiz.learn import LearnChoices
from quizapp.core.rating import Rating
from quizapp.core.schedule import Stage
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study import Session, Turn
from tests.progress_helpers import FakeClock, fake_judge, fixed_session, make_deck

BUNDLED = Path(__file__).resolve().parents[2] / "decks" / "deepseek_it.toml"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened  # type: ignore[misc]


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(BUNDLED)


def session(store: Store, deck: Deck, clock: FakeClock, learn: bool = True, **kw: Any) -> Session:
    settings = Settings(new_order="deck", new_per_day=kw.pop("new_per_day", 1))
    choices = LearnChoices(deck, settings) if learn else None
    return fixed_session(store, deck, clock, settings, choices=choices, **kw)


def shown(s: Session) -> Turn:
    turn = s.next()
    assert turn is not None
    return turn


def test_a_new_card_is_asked_as_multiple_choice_with_wrong_answers_of_its_type(
    store: Store, deck: Deck
) -> None:
    turn = shown(session(store, deck, FakeClock()))
    assert turn.prompt.card.id == "v3-training-cost" and turn.is_new
    assert turn.answer_mode == "choice" and turn.right_option in turn.options
    assert len(set(turn.options)) == 4
    # a sum of money, in dollars, for a sum of money: the quiz's rules
    assert {figure_class(option)[0] for option in turn.options} == {"money:USD"}


def test_right_then_typed_from_then_on(store: Store, deck: Deck) -> None:
    clock = FakeClock()
    s = session(store, deck, clock)
    turn = shown(s)
    answered = s.choose(turn.options.index(turn.right_option or ""))
    assert answered.outcome == Outcome.CORRECT and answered.suggested == Rating.GOOD
    s.grade()
    clock.advance(minutes=15)
    again = shown(s)
    assert again.key == turn.key and again.stage == Stage.LEARNING
    assert again.answer_mode == "typed" and again.options == ()
    s.answer("no")
    s.grade(Rating.AGAIN)  # wrong when typed: still typed next time
    clock.advance(minutes=2)
    third = shown(s)
    assert third.key == turn.key and third.answer_mode == "typed"


def test_a_wrong_choice_keeps_it_multiple_choice(store: Store, deck: Deck) -> None:
    clock = FakeClock()
    s = session(store, deck, clock)
    turn = shown(s)
    wrong = next(i for i, option in enumerate(turn.options) if option != turn.right_option)
    answered = s.choose(wrong)
    assert answered.outcome == Outcome.WRONG and answered.suggested == Rating.AGAIN
    s.grade()
    clock.advance(minutes=2)
    again = shown(s)
    assert again.key == turn.key and again.answer_mode == "choice"
    # a new session (a restart) knows it from the log
    restarted = shown(session(store, deck, clock))
    assert restarted.key == turn.key and restarted.answer_mode == "choice"


def test_off_practice_and_lists_are_as_before(store: Store, deck: Deck) -> None:
    assert shown(session(store, deck, FakeClock(), learn=False)).answer_mode == "typed"
    practice = session(store, deck, FakeClock(), mode="practice", cards=["v3-training-cost"])
    assert shown(practice).answer_mode == "typed"
    a_list = next(card.id for card in deck.cards if card.kind == "list")
    practice_list = LearnChoices(deck, Settings())
    prompt = Session(deck, store).prompts_of(a_list)[0]
    assert practice_list(prompt, "seed") is None


def test_a_choice_card_keeps_its_own_options(store: Store) -> None:
    deck = make_deck(choice=1)
    settings = Settings(new_order="deck")
    s = Session(deck, store, settings, choices=LearnChoices(deck, settings), judge=fake_judge)
    turn = shown(s)
    assert turn.answer_mode == "choice" and turn.right_option is None
    assert sorted(turn.options) == sorted(turn.prompt.options)
    assert s.choose(turn.options.index("giusto")).outcome == Outcome.CORRECT


def test_the_same_seed_gives_the_same_options(deck: Deck, store: Store) -> None:
    prompt = Session(deck, store).prompts_of("v3-training-cost")[0]
    maker = LearnChoices(deck, Settings())
    assert maker(prompt, "a") == maker(prompt, "a")


def test_a_large_deck_lends_the_answers_of_cards_spread_over_it() -> None:
    from quizapp.core.quiz.learn import pool_prompts

    deck = make_deck(qa=10)
    assert [p.card.id for p in pool_prompts(deck, Settings())] == [f"q{i}" for i in range(10)]
    assert [p.card.id for p in pool_prompts(deck, Settings(), limit=4)] == ["q0", "q3", "q6", "q9"]
