"""The "broken edit" dialog over the study screen, for snapshot tests (language from
QUIZAPP_TEST_UI): the bundled deck with two mistakes, as a learner's copy would have them."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from textual.app import App

from quizapp.core import locations
from quizapp.core.deck.loading import check_text, load_deck
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.editing.dialogs import BrokenEditScreen
from quizapp.tui.screens.study import StudyScreen

DECK = Path(__file__).parent.parent.parent / "decks" / "deepseek_it.toml"
SHOWN = Path("/home/learner/.local/share/quizapp/decks/deepseek_it.toml")


def broken_problems() -> list:  # type: ignore[type-arg]
    text = DECK.read_text(encoding="utf-8")
    text = text.replace('kind = "choice"', 'kind = "chioce"', 1)
    text = text.replace('question = "According to DeepSeek', 'questoin = "According to DeepSeek', 1)
    return check_text(SHOWN, text).errors


class EditSnapshot(App[None]):
    def on_mount(self) -> None:
        lang = os.environ.get("QUIZAPP_TEST_UI", "en")
        store = Store(locations.database_path())
        settings = Settings(ui_language=lang)  # type: ignore[arg-type]
        fixed = {
            "clock": lambda: datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc),
            "ids": lambda ms: f"snapshot-{ms}",
            "tz": timezone.utc,
        }
        self.push_screen(StudyScreen(load_deck(DECK), store, settings, session_options=fixed))
        self.push_screen(BrokenEditScreen(SHOWN, broken_problems(), lang))


app = EditSnapshot()
