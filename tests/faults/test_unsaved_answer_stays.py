""" "Answer NOT saved" stays on screen while the disk stays full, however long, and goes once an
answer is saved (Pilot, with a store whose commits fail)."""

from __future__ import annotations

import time

import pytest
import textual.notifications

from quizapp.core.store.database import Store
from tests.faults.faulty import inject
from tests.faults.test_study_screen_faults import (
    DISK_FULL,
    _answer,
    _Host,
    _messages,
    _screen,
    store,  # noqa: F401 - the fixture
)

LATER = 3600.0
"""Seconds: an hour after the failure, the learner still sees it."""


def _unsaved(messages: list[str]) -> list[str]:
    return [m for m in messages if m.startswith("Answer NOT saved")]


async def test_answer_not_saved_stays_until_an_answer_is_saved(
    store: Store,  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = _screen(store)
    app = _Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _answer(pilot, screen)
        with inject(store, DISK_FULL, on=r"^COMMIT"):
            await pilot.press("3")
            await pilot.pause()
            await pilot.press("3")  # tried again, still full: one message, not two
            await pilot.pause()
        assert len(_unsaved(_messages(app))) == 1
        with monkeypatch.context() as later:
            later.setattr(textual.notifications, "time", lambda: time.time() + LATER)
            assert len(_unsaved(_messages(app))) == 1, "the message went while unsaved"
        app.notify("something else")  # other messages are left alone until the save
        await pilot.press("3")  # the disk has room again
        await pilot.pause()
        assert store.review_count() == 1
        assert _unsaved(_messages(app)) == []
