"""The dialogs of editing a card by hand (see `quizapp.tui.editing`).

`CopyDeckScreen`: a bundled deck is read-only; copy it into the user's decks folder to edit
it (True) or not (False). `BrokenEditScreen`: the edited file has errors, each located as
file:line:column; edit again ("again") or put the text back ("discard"). `PickCardScreen`:
which of several cards to edit (the quiz results), its card id or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from quizapp.core.deck.problems import Problem
from quizapp.core.text import visible
from quizapp.tui.base import LocalisedModal
from quizapp.tui.i18n import t, tn
from quizapp.tui.keys import live_key

SHOWN_PROBLEMS = 5
"""Errors listed in the dialog; the rest are counted (the file has them all)."""

_DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} #dialog {{
    width: 76; max-width: 96%; height: auto; max-height: 90%; padding: 1 2;
    border: thick {border}; background: $surface;
}}
{name} .title {{ text-style: bold; }}
{name} .body {{ margin: 1 0 0 0; height: auto; }}
{name} .buttons {{ height: 3; margin-top: 1; }}
{name} Button {{ width: 1fr; margin-right: 1; }}
"""


def _label(screen: LocalisedModal[Any], binding_id: str, key: str) -> str:
    """A button's label: what it does and its key (as the user's keymap has it, else `key`)."""
    shown = live_key(screen, binding_id) or key
    return f"{t(screen.lang, f'key.{binding_id}')} ({shown})"


class CopyDeckScreen(LocalisedModal[bool]):
    """Copy a bundled deck to edit it? True: copy; False: leave it."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="CopyDeckScreen", border="$primary")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer(True)", "Copy and edit", id="edit_copy.confirm"),
        Binding("escape", "answer(False)", "Cancel", id="edit_copy.cancel"),
    ]

    def __init__(self, folder: Path, lang: str | None = None) -> None:
        super().__init__(lang)
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(id="copy-title", classes="title")
            yield Static(id="copy-body", classes="body")
            with Horizontal(classes="buttons"):
                yield Button(id="copy", variant="primary")
                yield Button(id="cancel")

    def on_mount(self) -> None:
        self.watch_lang()
        self.set_focus(None)

    def watch_lang(self) -> None:
        lang = self.lang
        self.query_one("#copy-title", Static).update(Content(t(lang, "edit.copy_title")))
        body = t(lang, "edit.copy_body", folder=visible(str(self.folder)))
        self.query_one("#copy-body", Static).update(Content(body))
        self.query_one("#copy", Button).label = _label(self, "edit_copy.confirm", "⏎")
        self.query_one("#cancel", Button).label = _label(self, "edit_copy.cancel", "Esc")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "copy")

    def action_answer(self, copy: bool) -> None:
        self.dismiss(copy)


class BrokenEditScreen(LocalisedModal[str]):
    """The edited deck does not load: "again" (edit it again) or "discard" (put it back)."""

    DEFAULT_CSS = (
        _DIALOG_CSS.format(name="BrokenEditScreen", border="$error")
        + "BrokenEditScreen #problems { color: $error; height: auto; max-height: 10; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e,enter", "answer('again')", "Edit again", id="edit_broken.again"),
        Binding("escape,d", "answer('discard')", "Discard the edit", id="edit_broken.discard"),
    ]

    def __init__(self, path: Path, problems: Sequence[Problem], lang: str | None = None) -> None:
        super().__init__(lang)
        self.path = path
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(id="broken-title", classes="title")
            yield Static(id="broken-body", classes="body")
            with VerticalScroll(id="problems"):
                yield Static(id="problem-lines")
            yield Static(id="broken-hint", classes="body")
            with Horizontal(classes="buttons"):
                yield Button(id="again", variant="primary")
                yield Button(id="discard", variant="error")

    def on_mount(self) -> None:
        self.watch_lang()
        self.set_focus(None)

    def problem_lines(self) -> list[str]:
        """Each error as `file:line:column: message` (the file by its name; the body names
        the whole path)."""
        lines = [
            Problem(self.path.name, p.line, p.column, p.message).format()
            for p in self.problems[:SHOWN_PROBLEMS]
        ]
        if len(self.problems) > SHOWN_PROBLEMS:
            lines.append(tn(self.lang, "edit.broken_more", len(self.problems) - SHOWN_PROBLEMS))
        return lines

    def watch_lang(self) -> None:
        lang = self.lang
        self.query_one("#broken-title", Static).update(Content(t(lang, "edit.broken_title")))
        body = t(lang, "edit.broken_body", file=visible(str(self.path)))
        self.query_one("#broken-body", Static).update(Content(body))
        self.query_one("#problem-lines", Static).update(Content("\n".join(self.problem_lines())))
        self.query_one("#broken-hint", Static).update(Content(t(lang, "edit.broken_hint")))
        self.query_one("#again", Button).label = _label(self, "edit_broken.again", "e")
        self.query_one("#discard", Button).label = _label(self, "edit_broken.discard", "Esc")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(str(event.button.id))

    def action_answer(self, choice: str) -> None:
        self.dismiss(choice)


class PickCardScreen(LocalisedModal[str | None]):
    """Which card to edit: each given as (card id, what is shown); its id, or None."""

    DEFAULT_CSS = (
        _DIALOG_CSS.format(name="PickCardScreen", border="$primary")
        + "PickCardScreen OptionList { height: auto; max-height: 16; margin-top: 1; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="edit_pick.cancel"),
    ]

    def __init__(
        self, cards: Sequence[tuple[str, str]], highlight: int = 0, lang: str | None = None
    ) -> None:
        super().__init__(lang)
        self.cards = list(cards)
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(id="pick-title", classes="title")
            yield OptionList(
                *(
                    Option(Content(visible(shown)), id=str(i))
                    for i, (_, shown) in enumerate(self.cards)
                )
            )

    def on_mount(self) -> None:
        self.watch_lang()
        options = self.query_one(OptionList)
        options.highlighted = self.highlight
        options.focus()

    def watch_lang(self) -> None:
        self.query_one("#pick-title", Static).update(Content(t(self.lang, "edit.pick_title")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.cards[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
