"""Undo while an answer waits for its grade, and a choice card brought back by undo."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest

from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study import Session
from tests.progress_helpers import FakeClock, counter_ids, fake_judge, make_deck


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def _session(store: Store, **kinds: int) -> Session:
    deck = make_deck(**kinds)
    return Session(
        deck, store, Settings(), clock=FakeClock(), judge=fake_judge, tz=timezone.utc,
        ids=counter_ids(),
    )  # fmt: skip


def test_withdraw_takes_back_the_pending_answer_and_keeps_the_card(store: Store) -> None:
    s = _session(store, qa=2)
    first = s.next()
    assert first is not None
    s.answer(first.prompt.expected[0])
    s.grade()
    second = s.next()
    assert second is not None
    s.answer("something")
    taken = s.withdraw()
    assert taken is not None and taken.typed == "something"
    assert s.current == second and s.next() == second  # the same card, asked again
    assert s.withdraw() is None  # nothing pending any more
    assert len(s.answered_ids()) == 1  # the graded answer is still in the log
    with pytest.raises(Exception, match="rating"):
        s.grade()  # the withdrawn answer cannot be graded


def test_undo_keeps_the_options_in_the_order_they_were_shown(store: Store) -> None:
    s = _session(store, choice=1)
    for _ in range(5):
        turn = s.next()
        assert turn is not None and turn.options
        s.choose(0)
        s.grade()
        back = s.undo()
        assert back is not None and back.options == turn.options
