"""The quiz screens on the bundled deck, for snapshot tests and for trying them by hand.

QUIZAPP_TEST_UI picks the UI language (default en); QUIZAPP_TEST_SCREEN picks what opens:
"quiz" (default), "setup" (the quiz setup dialog) or "timed" (a quiz with a time limit).
The clock is fixed and the seed too, so the same questions come every time.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from textual.app import App

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.quiz.run import QuizOptions
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.quiz_setup import QuizSetupScreen

DECK = os.path.join(os.path.dirname(__file__), "..", "..", "decks", "deepseek_it.toml")
SEED = 3


def fixed_clock() -> datetime:
    return datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


class QuizSnapshot(App[None]):
    TITLE = "quizapp"

    def on_mount(self) -> None:
        lang = os.environ.get("QUIZAPP_TEST_UI", "en")
        what = os.environ.get("QUIZAPP_TEST_SCREEN", "quiz")
        settings = Settings(ui_language=lang)  # type: ignore[arg-type]
        deck = load_deck(DECK)
        store = Store(locations.database_path())
        if what == "setup":
            # As the home screen does it: the dialog, then a quiz with the chosen options.
            def start(options: QuizOptions | None) -> None:
                if options is None:
                    self.exit()
                    return
                quiz = QuizScreen(deck, store, settings, options, seed=SEED)
                self.push_screen(quiz, lambda _: self.exit())

            self.push_screen(QuizSetupScreen(deck, settings), start)
            return
        limit = 300 if what == "timed" else None
        options = QuizOptions(length=5, time_limit_s=limit)
        self.push_screen(
            QuizScreen(deck, store, settings, options, clock=fixed_clock, seed=SEED),
            lambda _: self.exit(),
        )


app = QuizSnapshot()

if __name__ == "__main__":
    app.run()
