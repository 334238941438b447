"""The per-answer path: what one answer asks of the database, and the counts it keeps.

One answer (next, judge, grade, and the counts the study screen shows after it) reads and
writes through indexes only: no query may scan the whole card state, catalog or log. The
counts the session keeps up to date after each answer equal a count from scratch.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import timezone
from pathlib import Path

import pytest

from quizapp.core.deck.model import Deck
from quizapp.core.schedule import DAY_MS, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Review, Store
from quizapp.core.study import Session, counts
from tests.progress_helpers import FakeClock, counter_ids, fake_judge, make_deck

TABLES = ("card_state", "catalog", "reviews")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "progress.sqlite3", tz=timezone.utc) as opened:
        yield opened


def open_session(store: Store, deck: Deck, clock: FakeClock, settings: Settings) -> Session:
    return Session.open(
        deck, store, settings, clock=clock, judge=fake_judge, tz=timezone.utc, ids=counter_ids()
    )


def answer(session: Session, rng: random.Random) -> bool:
    turn = session.next()
    if turn is None:
        return False
    if turn.answer_mode == "choice":
        session.choose(0)
    else:
        expected = turn.prompt.expected[0]
        session.answer(rng.choice([expected, expected, expected.upper(), "??"]))
    session.grade()
    return True


def from_scratch(store: Store, deck: Deck, settings: Settings, clock: FakeClock) -> object:
    return counts(store, deck.id, settings, now=clock(), tz=timezone.utc)


def scans(con: sqlite3.Connection, statements: list[str]) -> list[str]:
    """The statements among these whose plan scans a whole table of the progress database."""
    found = []
    for sql in statements:
        if not sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE")):
            continue
        plan = [row[3] for row in con.execute(f"EXPLAIN QUERY PLAN {sql}")]
        if any(
            step.startswith(f"SCAN {table}") or f"SCAN {table} " in step
            for table in TABLES
            for step in plan
        ) or any(step.startswith("SCAN") and step.split()[1] in ("s", "c", "o") for step in plan):
            found.append(f"{sql}\n    {plan}")
    return found


def test_one_answer_reads_and_writes_through_indexes(store: Store) -> None:
    deck = make_deck(qa=300, vocab=100)
    clock = FakeClock()
    settings = Settings(new_per_day=200, reviews_per_day=500)
    rng = random.Random(5)
    session = open_session(store, deck, clock, settings)
    for _ in range(300):  # a first day: new cards, learning cards, a few reviews tomorrow
        answer(session, rng)
        clock.advance(seconds=20)
    clock.advance(days=3)
    session = open_session(store, deck, clock, settings)
    session.counts()
    statements: list[str] = []
    store._con.set_trace_callback(statements.append)
    try:
        for _ in range(30):
            assert answer(session, rng)
            session.counts()
            clock.advance(seconds=20)
    finally:
        store._con.set_trace_callback(None)
    assert statements
    assert scans(store._con, statements) == []


def test_the_home_counts_read_through_indexes(store: Store) -> None:
    deck = make_deck(qa=200, vocab=50)
    clock = FakeClock()
    settings = Settings(new_per_day=100)
    rng = random.Random(6)
    session = open_session(store, deck, clock, settings)
    for _ in range(150):
        answer(session, rng)
    clock.advance(days=2)
    statements: list[str] = []
    store._con.set_trace_callback(statements.append)
    try:
        from_scratch(store, deck, settings, clock)
    finally:
        store._con.set_trace_callback(None)
    assert statements
    assert scans(store._con, statements) == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_after_each_answer_equal_a_count_from_scratch(store: Store, seed: int) -> None:
    """Answers (new, learning, reviews, siblings held back), suspend, bury, unsuspend and
    undo over several days: the session's counts are always those of a fresh count."""
    deck = make_deck(qa=25, vocab=15, choice=5)
    clock = FakeClock()
    settings = Settings(new_per_day=12, reviews_per_day=15)
    rng = random.Random(seed)
    for _day in range(6):
        session = open_session(store, deck, clock, settings)
        for _ in range(60):
            roll = rng.random()
            if roll < 0.05 and session.next() is not None:
                session.suspend()
            elif roll < 0.1 and session.next() is not None:
                session.bury()
            elif roll < 0.15 and session.can_undo:
                session.undo()
            elif roll < 0.18:
                card = rng.choice(deck.cards).id
                session.unsuspend(card)
            elif not answer(session, rng):
                clock.advance(minutes=5)
            clock.advance(seconds=rng.randrange(5, 120))
            assert session.counts() == from_scratch(store, deck, settings, clock)
        clock.advance(days=1, hours=rng.randrange(0, 5))
    assert store.check().ok


def test_undoing_yesterdays_answer_today_gives_back_nothing_of_today(store: Store) -> None:
    deck = make_deck(qa=10)
    clock = FakeClock()
    settings = Settings(new_per_day=3)
    session = open_session(store, deck, clock, settings)
    rng = random.Random(2)
    for _ in range(3):
        answer(session, rng)
    clock.advance(days=1)
    assert session.counts() == from_scratch(store, deck, settings, clock)
    answer(session, rng)
    session.undo()
    session.undo()  # an answer of the day before
    assert session.counts() == from_scratch(store, deck, settings, clock)


def overdue_store(path: Path, deck: Deck, clock: FakeClock) -> Store:
    """A store where every card of `deck` was studied once a month ago: about a third are
    learning cards (Again), the rest reviews, all due."""
    store = Store(path, tz=timezone.utc)
    at = to_ms(clock()) - 30 * DAY_MS
    rng = random.Random(len(deck.cards))
    store.merge(
        Review(
            f"{at + i:012x}{i:08d}",
            deck.id,
            card.id,
            "it",
            at + i,
            "study",
            1 if rng.random() < 0.3 else 3,
            retention=0.9,
            prior=0,
            day_start=4,
        )
        for i, card in enumerate(deck.cards)
    )
    return store


def sqlite_work_per_answer(tmp_path: Path, cards: int) -> float:
    """SQLite's virtual machine steps (in hundreds) for one answer and the counts after it."""
    deck = make_deck(qa=cards)
    clock = FakeClock()
    settings = Settings(new_per_day=0, reviews_per_day=9999)
    with overdue_store(tmp_path / f"{cards}.sqlite3", deck, clock) as store:
        session = open_session(store, deck, clock, settings)
        session.counts()
        steps = [0]

        def tick() -> int:
            steps[0] += 1
            return 0

        store._con.set_progress_handler(tick, 100)
        rng = random.Random(1)
        for _ in range(40):
            assert answer(session, rng)
            session.counts()
            clock.advance(seconds=10)
        store._con.set_progress_handler(None, 100)
    return steps[0] / 40


def test_the_work_of_one_answer_does_not_grow_with_the_deck(tmp_path: Path) -> None:
    small = sqlite_work_per_answer(tmp_path, 200)
    large = sqlite_work_per_answer(tmp_path, 4000)
    assert large <= small * 1.5 + 5, (small, large)
