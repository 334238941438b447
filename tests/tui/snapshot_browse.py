"""The Browse screen over the small deck with a leech, for snapshot tests (language from
QUIZAPP_TEST_UI). The deck and the log are made in the test's data folder, before a fixed
clock, in a fixed time zone."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from quizapp.core import locations
from quizapp.core.deck import load_deck
from quizapp.core.schedule import DAY_MS, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.tui import app as app_module
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.browse import BrowseScreen
from tests.browse_helpers import SMALL_DECK, make_leech, study_some, write_small_deck

NOW = datetime(2026, 3, 20, 17, 30, tzinfo=timezone.utc)
ROME = ZoneInfo("Europe/Rome")


class BrowseSnapshot(QuizApp):
    """The app itself (its footer keys too), started on the Browse screen; the language, the
    deck and the log are made when it starts (in the test's folders)."""

    CSS_PATH = str(Path(app_module.__file__).parent / "app.tcss")

    def __init__(self) -> None:
        super().__init__(settings=Settings())

    def on_mount(self) -> None:
        lang = os.environ.get("QUIZAPP_TEST_UI", "en")
        path = write_small_deck(locations.user_decks_dir() / "small.toml")
        store = Store(locations.database_path(), tz=ROME)
        if not store.review_count():
            now = to_ms(NOW)
            make_leech(store, (SMALL_DECK, "users", "it"), now - 60 * DAY_MS)
            keys = [(SMALL_DECK, "liang", "it"), (SMALL_DECK, "cost", "it")]
            study_some(store, keys, now - DAY_MS)
        self.settings = Settings(ui_language=lang)  # type: ignore[arg-type]
        deck = load_deck(path)
        self.start = lambda app: BrowseScreen(deck, store, app.settings, clock=lambda: NOW, tz=ROME)
        super().on_mount()


app = BrowseSnapshot()
