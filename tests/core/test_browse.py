"""The card browser's core: the listing, its filters, each action on prompts, undo, and the
state after them equal to a rebuild from the log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from quizapp.core.browse import BrowseAction, Browser, NothingToUndo, Query, UnknownTarget
from quizapp.core.deck import Deck, load_deck
from quizapp.core.rating import Rating
from quizapp.core.schedule import CardState, Mode, Stage, day_start_after, from_ms, study_day, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from tests.browse_helpers import answer, days, make_leech, study_some
from tests.conftest import BUNDLED_DECK

ROME = ZoneInfo("Europe/Rome")
START = to_ms(datetime(2026, 1, 5, 9, tzinfo=timezone.utc))


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(BUNDLED_DECK)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "progress.sqlite3", tz=ROME) as opened:
        yield opened


class Clock:
    def __init__(self, at: int) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return from_ms(self.at)


def _browser(deck: Deck, store: Store, at: int) -> tuple[Browser, Clock]:
    clock = Clock(at)
    return Browser.open(deck, store, Settings(), clock=clock, tz=ROME), clock


def _leech_deck(deck: Deck, store: Store) -> tuple[Browser, Clock, tuple[str, str, str]]:
    leech = (deck.id, "v3-training-cost", "it")
    last = make_leech(store, leech, START)
    keys = [(deck.id, card.id, "it") for card in deck.cards if card.kind == "qa"][1:7]
    study_some(store, keys, last + 1000)
    browser, clock = _browser(deck, store, last + days(1))
    return browser, clock, leech


def _consistent(store: Store) -> None:
    """Rebuild equals incremental: the stored state is what a fold of the log gives."""
    before = dict(store.states("deepseek-it"))
    report = store.check()
    assert report.ok, report
    store.rebuild()
    assert dict(store.states("deepseek-it")) == before


# -- the listing -------------------------------------------------------------------------------


def test_every_prompt_is_listed_in_deck_order_with_its_state(deck: Deck, store: Store) -> None:
    browser, _, leech = _leech_deck(deck, store)
    rows = browser.rows()
    study = Settings()
    from quizapp.core.study import deck_keys

    assert [(row.card_id, row.direction) for row in rows] == deck_keys(deck, study)
    by_key = {row.key: row for row in rows}
    row = by_key[leech]
    assert (row.state, row.lapses, row.leech, row.suspended) == ("review", 8, True, False)
    assert row.reps == 17
    assert row.interval is not None and row.interval >= 1
    assert row.stability is not None and row.difficulty is not None
    assert row.retrievability is not None and 0 < row.retrievability < 1
    state = store.state(leech)
    assert state is not None and state.due is not None
    assert row.due_date == from_ms(study_day(state.due, 4, ROME).start).astimezone(ROME).date()
    new = next(r for r in rows if r.stage == Stage.NEW)
    assert (new.due, new.due_date, new.interval, new.retrievability) == (None, None, None, None)
    assert sum(r.leech for r in rows) == 1
    assert {r.state for r in rows} >= {"new", "learning", "review"}


def test_a_row_as_json_has_every_field(deck: Deck, store: Store) -> None:
    browser, _, leech = _leech_deck(deck, store)
    row = next(r for r in browser.rows() if r.key == leech).to_json()
    assert set(row) == {
        "deck", "card", "direction", "kind", "tags", "question", "answer", "state", "due",
        "due_at", "interval", "stability", "difficulty", "retrievability", "reps", "lapses",
        "suspended", "buried", "leech",
    }  # fmt: skip
    assert row["leech"] is True and row["state"] == "review" and row["tags"][0] == "figures"
    assert len(row["due"]) == 10 and row["due_at"].endswith("Z")


# -- filters, search and order -----------------------------------------------------------------


def test_filters_by_tag_state_due_and_leech(deck: Deck, store: Store) -> None:
    browser, _, leech = _leech_deck(deck, store)
    rows = browser.rows()
    people = browser.select(Query(tags=("people",)), rows)
    assert people and all("people" in row.tags for row in people)
    assert [row.key for row in browser.select(Query(leech=True), rows)] == [leech]
    learning = browser.select(Query(state="learning"), rows)
    assert learning and all(row.state == "learning" for row in learning)
    due = browser.select(Query(due=True), rows)
    assert due and all(row.stage != Stage.NEW for row in due)
    day_end = browser.day().end
    assert all(row.due is not None and row.due < day_end for row in due)
    assert browser.select(Query(state="suspended"), rows) == []


def test_search_sets_case_and_accents_aside_and_needs_every_word(deck: Deck, store: Store) -> None:
    browser, _, _ = _leech_deck(deck, store)
    found = browser.select(Query(search="PERCHE"))
    assert found and all("perché" in row.question.casefold() + row.answer.casefold()
                          or "perche" in row.card_id for row in found)  # fmt: skip
    both = browser.select(Query(search="deepseek v3"))
    assert both
    assert all("v3" in (row.question + row.answer + row.card_id).casefold() for row in both)
    assert browser.select(Query(search="deepseek zzzqqq")) == []


def test_sorting_puts_rows_without_a_value_last_either_way(deck: Deck, store: Store) -> None:
    browser, _, leech = _leech_deck(deck, store)
    by_lapses = browser.select(Query(sort="lapses", reverse=True))
    assert by_lapses[0].key == leech
    for reverse in (False, True):
        by_due = browser.select(Query(sort="due", reverse=reverse))
        values = [row.due for row in by_due]
        known = [value for value in values if value is not None]
        assert values[: len(known)] == sorted(known, reverse=reverse)
        assert all(value is None for value in values[len(known) :])
    with pytest.raises(ValueError, match="cannot sort by"):
        Query(sort="colour")


# -- actions and undo --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "check"),
    [
        ("suspend", lambda s, b: s.suspended),
        ("bury", lambda s, b: s.buried_until == b.day().end),
        ("reset", lambda s, b: s.stage == Stage.NEW and s.stability is None and s.reps == 17),
        (
            "set-due",
            lambda s, b: s.stage == Stage.REVIEW and s.due == day_start_after(b.now(), 3, 4, ROME),
        ),
    ],
)
def test_each_action_is_a_logged_row_and_undo_gives_back_the_state(
    deck: Deck, store: Store, action: BrowseAction, check: Callable[[CardState, Browser], bool]
) -> None:
    browser, _, leech = _leech_deck(deck, store)
    before = store.state(leech)
    logged = store.review_count()
    change = browser.apply(action, [leech], days=3 if action == "set-due" else None)
    assert change.keys == (leech,) and len(change.review_ids) == 1
    after = store.state(leech)
    assert after is not None and check(after, browser)
    rows = store.reviews(leech)
    assert rows[-1].mode == {"reset": Mode.FORGET, "set-due": Mode.DUE_DATE}.get(action, action)
    assert store.review_count() == logged + 1
    _consistent(store)
    assert browser.undo() == change
    assert store.state(leech) == before
    assert store.review_count() == logged
    _consistent(store)
    assert browser.undo() is None


def test_unsuspend_and_unbury_take_back_the_state_and_are_undone_too(
    deck: Deck, store: Store
) -> None:
    browser, clock, leech = _leech_deck(deck, store)
    browser.apply("suspend", [leech])
    browser.apply("bury", [leech])
    clock.at += 1
    unsuspended = browser.apply("unsuspend", [leech])
    unburied = browser.apply("unbury", [leech])
    state = store.state(leech)
    assert state is not None and not state.suspended and not state.is_buried(browser.now())
    assert unsuspended.review_ids and unburied.review_ids
    browser.undo()
    browser.undo()
    state = store.state(leech)
    assert state is not None and state.suspended and state.is_buried(browser.now())
    _consistent(store)


def test_a_prompt_already_as_asked_gets_no_row(deck: Deck, store: Store) -> None:
    browser, _, leech = _leech_deck(deck, store)
    fresh = (deck.id, deck.cards[-1].id, browser.resolve([deck.cards[-1].id])[0][2])
    browser.apply("suspend", [leech])
    logged = store.review_count()
    again = browser.apply("suspend", [leech])
    assert (again.keys, again.review_ids, again.skipped) == ((), (), (leech,))
    reset = browser.apply("reset", [fresh])
    assert reset.skipped == (fresh,)
    assert store.review_count() == logged
    assert browser.last_change is not None and browser.last_change.action == "suspend"


def test_actions_at_the_same_millisecond_keep_their_order(deck: Deck, store: Store) -> None:
    """A fixed clock (or a fast hand): suspend then unsuspend in the same ms must end
    unsuspended after a rebuild too, which orders same-time rows by their random ids."""
    browser, _, leech = _leech_deck(deck, store)
    for _ in range(6):
        browser.apply("suspend", [leech])
        browser.apply("unsuspend", [leech])
    times = [row.at for row in store.reviews(leech)[-12:]]
    assert times == sorted(set(times))
    state = store.state(leech)
    assert state is not None and not state.suspended
    _consistent(store)


def test_an_action_on_several_prompts_is_undone_whole(deck: Deck, store: Store) -> None:
    browser, _, _ = _leech_deck(deck, store)
    keys = browser.resolve(["addestramento", "v3-training-cost"])
    assert [key[2] for key in keys] == ["it>en", "en>it", "it"]
    change = browser.apply("set-due", keys, days=0)
    today = browser.day()
    for key in keys:
        state = store.state(key)
        assert state is not None and state.stage == Stage.REVIEW and state.due == today.start
    assert browser.select(Query(due=True, search="addestramento"))
    browser.undo()
    assert store.state(keys[0]) is None
    _consistent(store)
    assert change.days == 0


def test_set_due_refuses_days_out_of_range(deck: Deck, store: Store) -> None:
    browser, _, leech = _leech_deck(deck, store)
    for wrong in (None, -1, 36_501):
        with pytest.raises(ValueError, match="number of days"):
            browser.apply("set-due", [leech], days=wrong)
    with pytest.raises(ValueError, match="no action"):
        browser.apply("delete", [leech])  # type: ignore[arg-type]


def test_targets_name_a_card_or_one_of_its_directions(deck: Deck, store: Store) -> None:
    browser, _, _ = _leech_deck(deck, store)
    assert browser.resolve(["addestramento:en>it", "addestramento"]) == [
        (deck.id, "addestramento", "en>it"),
        (deck.id, "addestramento", "it>en"),
    ]
    with pytest.raises(UnknownTarget, match="no card 'nope'"):
        browser.resolve(["nope"])
    with pytest.raises(UnknownTarget, match=r"no direction 'en' \(its directions: it>en, en>it\)"):
        browser.resolve(["addestramento:en"])


# -- undo from the log (the command line) ------------------------------------------------------


def test_undo_from_the_log_takes_back_the_newest_action_whole(deck: Deck, store: Store) -> None:
    browser, clock, leech = _leech_deck(deck, store)
    other = browser.resolve(["addestramento"])
    first = browser.apply("suspend", [leech])
    clock.at += 5_000
    second = browser.apply("bury", other)
    later = Browser(deck, store, Settings(), clock=clock, tz=ROME)  # another run: no memory
    undone = later.undo_logged()
    assert (undone.action, set(undone.review_ids)) == ("bury", set(second.review_ids))
    assert all(not (store.state(key) or CardState()).is_buried(clock.at) for key in other)
    assert later.undo_logged().review_ids == first.review_ids
    state = store.state(leech)
    assert state is not None and not state.suspended
    with pytest.raises(NothingToUndo, match="no action"):
        later.undo_logged()
    _consistent(store)


def test_undo_from_the_log_refuses_when_the_prompt_was_answered_since(
    deck: Deck, store: Store
) -> None:
    browser, clock, leech = _leech_deck(deck, store)
    browser.apply("reset", [leech])
    answer(store, leech, clock.at + 60_000, Rating.GOOD, 99_999)
    logged = store.review_count()
    with pytest.raises(NothingToUndo, match="answered or changed since"):
        browser.undo_logged()
    assert store.review_count() == logged


def test_rows_refreshed_after_an_action_equal_rows_read_again(deck: Deck, store: Store) -> None:
    browser, _, leech = _leech_deck(deck, store)
    rows = browser.rows()
    keys = [leech, *browser.resolve(["addestramento"])]
    for action in ("suspend", "reset", "bury"):
        browser.apply(action, keys)  # type: ignore[arg-type]
        rows = browser.refreshed(rows, keys)
        assert rows == browser.rows()
    browser.undo()
    assert browser.refreshed(rows, keys) == browser.rows() != rows
