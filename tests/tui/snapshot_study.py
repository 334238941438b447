"""The study screen on the bundled deck, for snapshot tests (language from QUIZAPP_TEST_UI)."""

from __future__ import annotations

import os
from datetime import datetime, timezone

from textual.app import App

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.screens.study import StudyScreen

DECK = os.path.join(os.path.dirname(__file__), "..", "..", "decks", "deepseek_it.toml")


class StudySnapshot(App[None]):
    def on_mount(self) -> None:
        lang = os.environ.get("QUIZAPP_TEST_UI", "en")
        store = Store(locations.database_path())
        new_per_day = int(os.environ.get("QUIZAPP_TEST_NEW", "20"))
        order = os.environ.get("QUIZAPP_TEST_ORDER", "deck")  # the deck's first card
        learn = os.environ.get("QUIZAPP_TEST_LEARN") == "1"
        settings = Settings(
            ui_language=lang,  # type: ignore[arg-type]
            new_per_day=new_per_day,
            new_order=order,  # type: ignore[arg-type]
            learn_mode=learn,
        )
        fixed = {
            "clock": lambda: datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc),
            "ids": lambda ms: f"snapshot-{ms}",
            "tz": timezone.utc,
        }
        tags = os.environ.get("QUIZAPP_TEST_TAGS")
        if tags:
            fixed["tags"] = tuple(tags.split(","))
        self.push_screen(StudyScreen(load_deck(DECK), store, settings, session_options=fixed))


app = StudySnapshot()
