"""Waits and decimals are written as each language writes them: Anki's short forms on the
grade buttons (10min, 4g, 2me, 1,5a in Italian), a decimal comma in Italian."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, Static

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.base import BaseApp
from quizapp.tui.format import decimal, interval, interval_phrase
from quizapp.tui.screens.study import StudyScreen
from tests.conftest import BUNDLED_DECK
from tests.hostile import BIG_HEADER, card

MINUTE = 60_000
DAY = 24 * 60 * MINUTE


@pytest.mark.parametrize(
    ("ms", "english", "italian"),
    [
        (20_000, "<1m", "<1min"),
        (10 * MINUTE, "10m", "10min"),
        (3 * 60 * MINUTE, "3h", "3h"),
        (4 * DAY, "4d", "4g"),
        (61 * DAY, "2mo", "2me"),
        (548 * DAY, "1.5y", "1,5a"),
    ],
)
def test_an_interval_in_each_language(ms: int, english: str, italian: str) -> None:
    assert interval(ms, "en") == english
    assert interval(ms, "it") == italian
    both = interval_phrase(ms)
    assert (both.it, both.en) == (italian, english)


def test_a_decimal_has_a_comma_in_italian() -> None:
    assert decimal(0.0512, 2, "it") == "0,05"
    assert decimal(0.0512, 2, "en") == "0.05"


class _Host(BaseApp):
    def __init__(self, screen: StudyScreen) -> None:
        super().__init__(Settings(ui_language=screen.lang))
        self._study = screen

    def on_mount(self) -> None:
        self.push_screen(self._study)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


def _waits(screen: StudyScreen) -> list[str]:
    return [str(screen.query_one(f"#grade-{n}", Button).label) for n in range(1, 5)]


@pytest.mark.parametrize(("lang", "minute", "day"), [("it", "min)", "g)"), ("en", "m)", "d)")])
async def test_the_grade_buttons_speak_the_uis_language(
    store: Store, lang: str, minute: str, day: str
) -> None:
    settings = Settings(ui_language=lang, answer_mode="flip", new_order="deck")
    screen = StudyScreen(load_deck(BUNDLED_DECK), store, settings)
    async with _Host(screen).run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        waits = _waits(screen)
        assert waits[0].endswith(minute), waits  # Again on a new card: a learning step
        assert waits[3].endswith(day), waits  # Easy on a new card: days


def _shown(screen: StudyScreen) -> str:
    return " ".join(" ".join(str(w.content) for w in screen.query(Static)).split())


async def test_the_done_card_says_when_the_next_card_is_due_in_the_uis_language(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "one.toml"
    path.write_text(BIG_HEADER + card("only"), encoding="utf-8")
    settings = Settings(ui_language="it", answer_mode="flip")
    screen = StudyScreen(load_deck(path), store, settings)
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "4")  # Easy: the only card is due in days
        await pilot.pause()
        done = _shown(screen)
        assert re.search(r"Prossima carta tra \d+g\.", done), done
        screen.lang = "en"  # what ctrl+l does to every screen of the app
        await pilot.pause()
        done = _shown(screen)
        assert re.search(r"Next card in \d+d\.", done), done
