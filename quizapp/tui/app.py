"""The quizapp Textual application: theme, key map, first screen. Screens live in screens/."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from quizapp.tui.screens.home import HomeScreen


class QuizApp(App[None]):
    """quizapp in the terminal."""

    TITLE = "quizapp"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False)
    ]

    def __init__(
        self, extra_decks: list[Path] | None = None, *, study: tuple[Any, ...] | None = None
    ) -> None:
        super().__init__()
        self.extra_decks = list(extra_decks or [])
        self.study = study

    def on_mount(self) -> None:
        if self.study is not None:
            from quizapp.tui.screens.study import StudyScreen

            deck, store, settings, mode = self.study
            self.push_screen(StudyScreen(deck, store, settings, mode=mode), lambda _: self.exit())
            return
        self.push_screen(HomeScreen(self.extra_decks))
