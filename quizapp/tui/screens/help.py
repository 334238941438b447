"""Help: every key of the screen below and of the app, generated from their bindings."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quizapp.core import locations
from quizapp.core.settings import Settings
from quizapp.tui.base import Localised, LocalisedModal, base_app
from quizapp.tui.format import data_text
from quizapp.tui.i18n import t
from quizapp.tui.keys import key_lines
from quizapp.tui.widgets.footer import KeyFooter


class HelpScreen(LocalisedModal[None]):
    """The keys of `below` (the screen help was asked on), then the keys that work everywhere."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 90%; max-width: 100; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; padding: 0 1; }
    HelpScreen DataTable { height: 1fr; }
    HelpScreen #help-hint { color: $text-muted; padding: 0 1; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, below: Screen[Any]) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="help-title")
            yield DataTable(id="keys", cursor_type="row", zebra_stripes=True)
            yield Static(id="help-hint")
        yield KeyFooter().data_bind(Localised.lang)

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()

    def settings_changed(self, settings: Settings) -> None:
        """The UI language or the key map changed."""
        self._fill()

    def _fill(self) -> None:
        app = base_app(self)
        lang, keymap = self.lang, app.settings.keymap
        self.query_one("#help-title", Static).update(Content(t(lang, "help.title")))
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(t(lang, "help.key"), t(lang, "help.action"), t(lang, "help.id"))
        for heading, node in (
            (t(lang, "help.this_screen"), self.below),
            (t(lang, "help.everywhere"), app),
        ):
            table.add_row(Text(heading, style="bold"), Text(""), Text(""))
            for line in key_lines(app, node, keymap, lang):
                table.add_row(
                    data_text(line.keys),
                    data_text(line.description),
                    data_text(line.binding_id, "dim"),
                )
        table.add_row(Text("^p"), Text(t(lang, "help.palette")), Text(""))
        hint = t(lang, "help.remap", path=str(locations.settings_path()))
        self.query_one("#help-hint", Static).update(Content(hint))

    def action_close(self) -> None:
        self.dismiss(None)
