""" "New due date": the number of days for the set-due action of the Browse screen.

Dismissed with the days (0 = today) or None. A value that is not a whole number in range is
refused in the dialog, which says why, and stays open."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from quizapp.core.browse import MAX_DUE_DAYS
from quizapp.tui.base import LocalisedModal
from quizapp.tui.i18n import t, tn


class SetDueScreen(LocalisedModal[int | None]):
    """Asks in how many days the chosen cards are due."""

    DEFAULT_CSS = """
    SetDueScreen { align: center middle; }
    SetDueScreen #dialog {
        width: 60; max-width: 90%; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    SetDueScreen #due-title { text-style: bold; }
    SetDueScreen #due-body { margin: 1 0 0 0; }
    SetDueScreen #due-problem { color: $error; height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="browse_due.cancel"),
    ]

    def __init__(self, count: int, lang: str | None = None) -> None:
        super().__init__(lang)
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(id="due-title")
            yield Static(id="due-body")
            yield Input(value="0", id="due-days", restrict=r"[0-9]*", max_length=5)
            yield Static(id="due-problem")

    def on_mount(self) -> None:
        self.watch_lang()
        self.query_one("#due-days", Input).focus()

    def watch_lang(self) -> None:
        lang = self.lang
        self.query_one("#due-title", Static).update(tn(lang, "browse_due.title", self.count))
        self.query_one("#due-body", Static).update(t(lang, "browse_due.body"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text.isdigit() and 0 <= int(text) <= MAX_DUE_DAYS:
            self.dismiss(int(text))
            return
        problem = t(self.lang, "browse_due.invalid", max=MAX_DUE_DAYS)
        self.query_one("#due-problem", Static).update(problem)

    def action_cancel(self) -> None:
        self.dismiss(None)
