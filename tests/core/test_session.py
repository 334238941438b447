"""Whole days of study through the session, with a fake clock and a fake judge."""

from __future__ import annotations

import sys
import types
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from quizapp.core.deck.model import Deck
from quizapp.core.rating import Rating
from quizapp.core.schedule import Stage, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study import Session, SessionError, Turn, today_counts
from tests.progress_helpers import FakeClock, counter_ids, fake_judge, make_deck


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def session(store: Store, deck: Deck, clock: FakeClock, **settings: Any) -> Session:
    return Session(
        deck,
        store,
        Settings(**settings),
        clock=clock,
        judge=fake_judge,
        tz=timezone.utc,
        ids=counter_ids(),
    )


def study_until_done(
    s: Session, clock: FakeClock, correct: bool = True, limit: int = 500
) -> list[Turn]:
    seen: list[Turn] = []
    for _ in range(limit):
        turn = s.next()
        if turn is None:
            return seen
        seen.append(turn)
        if turn.answer_mode == "choice":
            s.choose(turn.options.index(turn.prompt.expected[0]) if correct else 0)
        else:
            s.answer(turn.prompt.expected[0] if correct else "??")
        s.grade()
        clock.advance(seconds=15)
    raise AssertionError("the session never ended")


def test_a_first_day_introduces_the_new_card_limit_and_finishes(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=30), clock, new_per_day=5)
    assert s.counts().new == 5
    seen = study_until_done(s, clock)
    assert len({t.key for t in seen}) == 5
    assert [t.key[1] for t in seen if t.is_new] == ["q0", "q1", "q2", "q3", "q4"]
    # each card went through both learning steps (1m/10m) and graduated
    states = store.states("test-deck")
    assert {st.stage for st in states.values()} == {Stage.REVIEW}
    assert s.counts() == type(s.counts())(0, 0, 0)
    assert store.check().ok


def test_learning_cards_come_back_after_their_step(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=3), clock, new_per_day=1)
    turn = s.next()
    assert turn is not None and turn.is_new
    s.answer("wrong")
    s.grade()  # again: due in one minute
    # nothing else to do but the learning card: it is shown early (learn ahead)
    again = s.next()
    assert again is not None and again.key == turn.key and again.stage == Stage.LEARNING
    assert s.counts().learning == 1


def test_the_study_day_starts_at_the_day_start_hour(store: Store) -> None:
    clock = FakeClock()
    deck = make_deck(qa=20)
    evening = clock.now.replace(hour=22)
    clock.now = evening
    s = session(store, deck, clock, new_per_day=3, day_start_hour=4)
    study_until_done(s, clock)
    clock.now = evening + timedelta(hours=3, minutes=30)  # 01:30 next calendar day
    assert s.counts().new == 0 and s.next() is None  # still the same study day
    clock.now = evening + timedelta(hours=6, minutes=1)  # 04:01
    assert s.counts().new == 3
    turn = s.next()
    assert turn is not None and turn.is_new and turn.key[1] == "q3"


def test_whole_week_of_study_reviews_come_due_and_state_matches_rebuild(store: Store) -> None:
    clock = FakeClock()
    deck = make_deck(qa=40)
    s = session(store, deck, clock, new_per_day=10)
    reviewed_days = 0
    for _day in range(8):
        seen = study_until_done(s, clock, correct=True)
        if any(t.stage == Stage.REVIEW for t in seen):
            reviewed_days += 1
        clock.advance(days=1)
    assert reviewed_days >= 3
    assert len(store.states("test-deck")) == 40
    assert store.check().ok


def test_siblings_wait_for_another_day(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(vocab=4), clock, new_per_day=20)
    seen = study_until_done(s, clock)
    cards = {t.key[1] for t in seen}
    assert cards == {"v0", "v1", "v2", "v3"}
    for card in cards:
        assert {t.key[2] for t in seen if t.key[1] == card} == {"it>en"}
    clock.advance(days=1)
    next_day = study_until_done(s, clock)
    assert {t.key[2] for t in next_day if t.is_new} == {"en>it"}


def test_reviews_most_overdue_first_interleaved_with_new(store: Store) -> None:
    clock = FakeClock()
    deck = make_deck(qa=30)
    s = session(store, deck, clock, new_per_day=4)
    study_until_done(s, clock)
    clock.advance(days=40)
    s2 = session(store, deck, clock, new_per_day=4)
    seen = study_until_done(s2, clock)
    first = [t for t in seen if t.stage == Stage.REVIEW or t.is_new]
    kinds = ["new" if t.is_new else "review" for t in first]
    assert kinds.count("new") == 4 and kinds.count("review") == 4
    assert kinds[0] == "review" and kinds != sorted(kinds)  # mixed, not all new at the end


def test_reviews_are_ordered_most_overdue_relative_to_interval_first(store: Store) -> None:
    from quizapp.core.schedule import DAY_MS, study_day
    from quizapp.core.schedule.queue import review_queue
    from quizapp.core.store import Review

    clock = FakeClock()
    now = to_ms(clock.now)
    store.sync_catalog("test-deck", [(f"q{i}", "it") for i in range(3)])
    # q0: 10-day interval, 2 days overdue (0.2); q1: 2-day interval, 1 day overdue (0.5);
    # q2: 100-day interval, 10 days overdue (0.1)
    for n, (card, interval, overdue) in enumerate([("q0", 10, 2), ("q1", 2, 1), ("q2", 100, 10)]):
        first = now - (interval + overdue) * DAY_MS
        store.record(Review(f"a{n}", "test-deck", card, "it", first, rating=4))
        state = store.state(("test-deck", card, "it"))
        assert state is not None
        store._con.execute(
            "UPDATE card_state SET due = ?, last_review = ? WHERE card_id = ?",
            (now - overdue * DAY_MS, now - (interval + overdue) * DAY_MS, card),
        )
    day = study_day(now, 4, timezone.utc)
    queue = review_queue(store, "test-deck", now, day, 10, held=frozenset())
    assert [key[1] for key in queue] == ["q1", "q0", "q2"]


def test_review_limit_per_day(store: Store) -> None:
    clock = FakeClock()
    deck = make_deck(qa=12)
    s = session(store, deck, clock, new_per_day=12)
    study_until_done(s, clock)
    clock.advance(days=60)
    s2 = session(store, deck, clock, new_per_day=0, reviews_per_day=5)
    assert s2.counts().review == 5
    seen = study_until_done(s2, clock)
    assert len([t for t in seen if t.stage == Stage.REVIEW]) == 5
    assert s2.counts().review == 0


def test_undo_restores_state_counts_and_shows_the_card_again(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=5), clock, new_per_day=2)
    first = s.next()
    assert first is not None
    s.answer(first.prompt.expected[0])
    s.grade()
    clock.advance(seconds=20)
    turn = s.next()
    assert turn is not None and turn.is_new
    state_before = store.state(turn.key)
    counts_before = s.counts()
    s.answer("nope")
    graded = s.grade(Rating.AGAIN)
    assert store.has_review(graded.review.id)
    assert s.undo_kind == "answer"
    back = s.undo()
    assert back is not None and back.key == turn.key and back.is_new
    assert store.state(turn.key) == state_before
    assert not store.has_review(graded.review.id)
    assert s.counts() == counts_before
    assert s.next() == back
    assert store.check().ok


def test_undo_with_nothing_to_undo(store: Store) -> None:
    s = session(store, make_deck(qa=1), FakeClock())
    assert s.undo() is None and not s.can_undo


def test_choice_cards_pick_an_option(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(choice=2), clock)
    turn = s.next()
    assert turn is not None and turn.answer_mode == "choice"
    assert sorted(turn.options) == sorted(turn.prompt.options)
    right = turn.options.index("giusto")
    wrong = (right + 1) % len(turn.options)
    answered = s.choose(wrong)
    assert (answered.outcome, answered.suggested) == ("wrong", Rating.AGAIN)
    answered = s.choose(right)
    assert (answered.outcome, answered.suggested) == ("correct", Rating.GOOD)
    with pytest.raises(SessionError):
        s.choose(7)
    graded = s.grade()
    assert graded.review.typed == "giusto" and graded.review.verdict == "correct"


def test_flip_mode_reveal_then_rate(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=2), clock, answer_mode="flip")
    turn = s.next()
    assert turn is not None and turn.answer_mode == "flip"
    revealed = s.reveal()
    assert revealed.outcome is None and revealed.suggested is None
    assert revealed.expected == turn.prompt.answer_display
    with pytest.raises(SessionError):
        s.grade()
    graded = s.grade(Rating.HARD)
    assert graded.review.rating == Rating.HARD and graded.review.verdict is None
    turn = s.next()
    assert turn is not None
    assert s.answer(Rating.EASY).suggested == Rating.EASY
    assert s.grade().review.rating == Rating.EASY


def test_typed_answer_verdict_and_suggestion(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=1), clock)
    turn = s.next()
    assert turn is not None
    clock.advance(seconds=4)
    answered = s.answer(turn.prompt.expected[0].upper())
    assert (answered.outcome, answered.suggested) == ("almost", Rating.HARD)
    clock.advance(seconds=2)
    graded = s.grade(Rating.GOOD)  # the learner overrides the suggestion
    assert graded.review.rating == Rating.GOOD and graded.review.verdict == "almost"
    assert graded.review.duration_ms == 4000
    assert graded.review.at == to_ms(clock.now)
    assert graded.review.retention == 0.9


def test_grading_needs_a_card(store: Store) -> None:
    s = session(store, make_deck(qa=1), FakeClock())
    with pytest.raises(SessionError):
        s.grade(Rating.GOOD)
    with pytest.raises(SessionError):
        s.answer("x")


def test_next_twice_gives_the_same_turn(store: Store) -> None:
    s = session(store, make_deck(qa=3), FakeClock())
    assert s.next() == s.next()


def test_intervals_preview_matches_what_grading_does(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=1), clock, new_per_day=1)
    s.next()
    s.grade(Rating.EASY)
    clock.advance(days=30)
    turn = s.next()
    assert turn is not None and turn.stage == Stage.REVIEW
    preview = s.intervals()
    graded = s.grade(Rating.GOOD)
    assert graded.state is not None and graded.state.due == preview[Rating.GOOD]


def test_practice_does_not_touch_the_schedule(store: Store) -> None:
    clock = FakeClock()
    deck = make_deck(qa=4)
    s = Session(
        deck,
        store,
        Settings(),
        mode="practice",
        clock=clock,
        judge=fake_judge,
        ids=counter_ids(),
        seed=1,
    )
    assert s.counts().review == 4
    first = s.next()
    assert first is not None
    s.answer("wrong")
    graded = s.grade()
    assert graded.state is None and graded.review.mode == "practice"
    seen = [first.key]
    while (turn := s.next()) is not None:
        seen.append(turn.key)
        s.answer(turn.prompt.expected[0])
        s.grade()
    assert seen.count(first.key) == 2  # again: it came back in the round
    assert store.states("test-deck") == {}
    assert {r.mode for r in store.reviews()} == {"practice"}


def test_practice_of_chosen_cards(store: Store) -> None:
    s = Session(make_deck(qa=5), store, mode="practice", judge=fake_judge, cards=["q1", "q3"])
    keys = set()
    while (turn := s.next()) is not None:
        keys.add(turn.key[1])
        s.answer(Rating.GOOD)
        s.grade()
    assert keys == {"q1", "q3"}


def test_suspend_bury_and_unsuspend(store: Store) -> None:
    clock = FakeClock()
    deck = make_deck(qa=3)
    s = session(store, deck, clock, new_per_day=10)
    turn = s.next()
    assert turn is not None and turn.key[1] == "q0"
    s.suspend()
    buried = s.next()
    assert buried is not None and buried.key[1] == "q1"
    s.bury()
    seen = study_until_done(s, clock)
    assert {t.key[1] for t in seen} == {"q2"}
    clock.advance(days=1)
    assert [t.key[1] for t in study_until_done(s, clock) if t.is_new] == ["q1"]
    assert s.unsuspend("q0") == [("test-deck", "q0", "it")]
    assert s.next() is not None and s.current.key[1] == "q0"  # type: ignore[union-attr]
    assert store.check().ok


def test_undo_a_suspend(store: Store) -> None:
    s = session(store, make_deck(qa=2), FakeClock())
    turn = s.next()
    assert turn is not None
    assert s.undo_kind is None
    s.suspend()
    assert s.undo_kind == "suspend"
    assert store.state(turn.key).suspended  # type: ignore[union-attr]
    back = s.undo()
    assert s.undo_kind is None
    assert back is not None and back.key == turn.key
    assert store.state(turn.key) is None


def test_an_edited_card_keeps_its_history_and_is_flagged(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=1), clock, new_per_day=1)
    study_until_done(s, clock)
    edited = {
        "id": "q0",
        "kind": "qa",
        "it": {"question": "Domanda riscritta?", "answers": ["risposta 0"]},
    }
    clock.advance(days=30)
    s2 = session(store, make_deck(qa=1, q0=edited), clock)
    turn = s2.next()
    assert turn is not None and turn.stage == Stage.REVIEW and turn.edited
    assert turn.prompt.question == "Domanda riscritta?"


def test_a_removed_card_keeps_its_history_and_comes_back(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=2), clock, new_per_day=5)
    study_until_done(s, clock)
    state = store.state(("test-deck", "q1", "it"))
    clock.advance(days=30)
    without = session(store, make_deck(qa=2, q1=None), clock)
    assert {t.key[1] for t in study_until_done(without, clock)} == {"q0"}
    assert store.state(("test-deck", "q1", "it")) == state
    back = session(store, make_deck(qa=2), clock)
    assert [t.key[1] for t in study_until_done(back, clock)][:1] == ["q1"]


def test_today_counts_for_the_home_screen(store: Store) -> None:
    deck = make_deck(qa=30)
    counts = today_counts(store, deck, Settings(new_per_day=7), now=FakeClock()())
    assert (counts.new, counts.learning, counts.review) == (7, 0, 0)


def test_graded_answers_are_durable_for_another_connection(store: Store) -> None:
    s = session(store, make_deck(qa=2), FakeClock())
    s.next()
    graded = s.grade(Rating.GOOD)
    with Store(store.path) as other:
        assert other.has_review(graded.review.id)
        assert other.state(graded.review.key) == graded.state


def test_the_default_judge_is_imported_when_first_needed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("quizapp.core.judge")
    calls = []
    deck = make_deck(qa=1)

    def judge_for(judged_deck):  # type: ignore[no-untyped-def]
        assert judged_deck is deck  # the judge made for the session's deck

        def judge(prompt, typed):  # type: ignore[no-untyped-def]
            calls.append(typed)
            return fake_judge(prompt, typed)

        return judge

    module.judge_for = judge_for  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quizapp.core.judge", module)
    s = Session(deck, store)
    turn = s.next()
    assert turn is not None
    assert s.answer(turn.prompt.expected[0]).outcome == "correct"
    assert calls == [turn.prompt.expected[0]]


def test_quiz_answers_are_logged_without_touching_the_schedule(store: Store) -> None:
    from quizapp.core.deck.prompts import all_prompts
    from quizapp.core.quiz.log import log_quiz_answer

    clock = FakeClock()
    deck = make_deck(qa=2)
    s = session(store, deck, clock)
    s.next()
    graded = s.grade(Rating.GOOD)
    before = store.state(graded.review.key)
    prompt = all_prompts(deck)[0]
    logged = log_quiz_answer(store, prompt, "boh", "wrong", at=to_ms(clock.now), duration_ms=5)
    assert store.state(graded.review.key) == before
    [row] = [r for r in store.reviews() if r.mode == "quiz"]
    assert row == logged and row.typed == "boh" and row.verdict == "wrong"


def test_next_due_when_the_day_is_done(store: Store) -> None:
    clock = FakeClock()
    deck = make_deck(qa=4)
    s = session(store, deck, clock, new_per_day=2)
    study_until_done(s, clock)
    # new cards are left: they come at the next study day
    assert s.next_due() == s.day().end
    s2 = session(store, deck, clock, new_per_day=10)
    study_until_done(s2, clock)
    reviews = [st.due for st in store.states("test-deck").values()]
    # no new card left: the earliest review, days away
    assert s2.next_due() == min(reviews) > s2.day().end


def test_next_due_of_a_learning_card_is_within_minutes(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=1), clock, new_per_day=1)
    assert s.next() is not None
    s.answer("wrong")
    s.grade()  # Again: back in a minute, plus Anki's learning fuzz (at most 25%)
    assert to_ms(clock.now) + 60_000 <= (s.next_due() or 0) <= to_ms(clock.now) + 75_000


def test_nothing_to_come_when_every_card_is_suspended(store: Store) -> None:
    clock = FakeClock()
    s = session(store, make_deck(qa=1), clock, new_per_day=1)
    assert s.next() is not None
    s.suspend()
    assert s.next() is None and s.next_due() is None
