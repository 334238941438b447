""" "Leave the quiz?": asked when Escape is pressed once an answer was given, because leaving
drops the quiz's score (the answers stay in the history). Enter leaves, Escape goes back."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from quizapp.tui.base import LocalisedModal
from quizapp.tui.i18n import t


class LeaveQuizScreen(LocalisedModal[bool]):
    """Dismissed with True to leave the quiz, False to go on with it."""

    DEFAULT_CSS = """
    LeaveQuizScreen { align: center middle; }
    LeaveQuizScreen #dialog {
        width: 60; max-width: 90%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    LeaveQuizScreen #leave-title { text-style: bold; }
    LeaveQuizScreen #leave-body { margin: 1 0; }
    LeaveQuizScreen #leave-buttons { height: 3; }
    LeaveQuizScreen Button { width: 1fr; margin-right: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "leave", "Leave", id="quiz_leave.confirm"),
        Binding("escape", "stay", "Keep going", id="quiz_leave.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(id="leave-title")
            yield Static(id="leave-body")
            with Horizontal(id="leave-buttons"):
                yield Button(id="leave", variant="warning")
                yield Button(id="stay")

    def on_mount(self) -> None:
        self.watch_lang()
        self.set_focus(None)

    def watch_lang(self) -> None:
        lang = self.lang
        self.query_one("#leave-title", Static).update(t(lang, "quiz.leave_title"))
        self.query_one("#leave-body", Static).update(t(lang, "quiz.leave_body"))
        self.query_one("#leave", Button).label = f"{t(lang, 'key.quiz_leave.confirm')} (⏎)"
        self.query_one("#stay", Button).label = f"{t(lang, 'key.quiz_leave.cancel')} (Esc)"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "leave")

    def action_leave(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)
