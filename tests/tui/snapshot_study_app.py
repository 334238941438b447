"""The study screen inside the whole app (its footer with the app's keys), for snapshot tests:
bundled deck, fixed clock and ids; UI language from QUIZAPP_TEST_UI, answer mode from
QUIZAPP_TEST_MODE, practice of the cards in QUIZAPP_TEST_CARDS (comma separated) if set."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Any

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.study import StudyScreen

DECK = os.path.join(os.path.dirname(__file__), "..", "..", "decks", "deepseek_it.toml")

settings = Settings(
    ui_language=os.environ.get("QUIZAPP_TEST_UI", "en"),  # type: ignore[arg-type]
    answer_mode=os.environ.get("QUIZAPP_TEST_MODE", "typed"),  # type: ignore[arg-type]
    new_order="deck",  # the deck's own first cards, whatever the default order
)
cards = [c for c in os.environ.get("QUIZAPP_TEST_CARDS", "").split(",") if c]
fixed: dict[str, Any] = {
    "clock": lambda: datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc),
    "ids": lambda ms: f"snapshot-{ms}",
    "tz": timezone.utc,
}
if cards:
    fixed.update(cards=cards, seed=1)


def _study(app: QuizApp) -> StudyScreen:
    store = Store(locations.database_path())
    mode = "practice" if cards else "study"
    return StudyScreen(load_deck(DECK), store, settings, mode=mode, session_options=fixed)


app = QuizApp(settings=settings, start=_study)
