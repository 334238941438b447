"""Home: the decks, bundled and the user's, with broken decks shown with their errors."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from quizapp.core import catalog
from quizapp.core.loading import CheckResult, check_deck


class HomeScreen(Screen[None]):
    """The list of decks and the selected deck's details."""

    DEFAULT_CSS = """
    HomeScreen #decks { height: auto; max-height: 60%; }
    HomeScreen #details { height: 1fr; padding: 1 2; border-top: solid $primary; }
    HomeScreen .deck-errors { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "study('study')", "Study", id="home.study"),
        Binding("p", "study('practice')", "Practice", id="home.practice"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    def __init__(self, extra_decks: list[Path] | None = None) -> None:
        super().__init__()
        self.extra_decks = list(extra_decks or [])
        self.results: list[CheckResult] = []
        self.origins: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="details"):
                yield Static(id="deck-info")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        table.add_columns("Deck", "Cards", "Origin")
        for entry in catalog.discover(self.extra_decks):
            result = check_deck(entry.path)
            self.results.append(result)
            self.origins.append(entry.origin)
            if result.deck is not None:
                title = Text(result.deck.deck.title.it)
                count = Text(str(len(result.deck.cards)), justify="right")
            else:
                title = Text(f"{entry.path.name} (cannot be loaded)", style="bold red")
                count = Text("-", justify="right")
            table.add_row(title, count, Text(entry.origin))
        table.focus()
        self._show(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def action_study(self, mode: str) -> None:
        """Study (or practise) the highlighted deck; a broken deck cannot be opened."""
        from quizapp.core import settings as user_settings
        from quizapp.core.store import Store, StoreError
        from quizapp.tui.screens.study import StudyScreen

        index = self.query_one("#decks", DataTable).cursor_row
        if not 0 <= index < len(self.results) or self.results[index].deck is None:
            self.notify("This deck cannot be loaded; fix the errors shown.", severity="error")
            return
        loaded, problem = user_settings.load_or_defaults()
        if problem is not None:
            self.notify(str(problem), severity="error", markup=False)
        try:
            store = Store()
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        deck = self.results[index].deck
        assert deck is not None
        self.app.push_screen(StudyScreen(deck, store, loaded, mode=mode), lambda _: store.close())

    def _origin(self, index: int) -> str:
        return self.origins[index] if 0 <= index < len(self.origins) else "path"

    def _show(self, index: int) -> None:
        info = self.query_one("#deck-info", Static)
        if not 0 <= index < len(self.results):
            info.update(Content("No decks found."))
            return
        result = self.results[index]
        info.set_class(result.deck is None, "deck-errors")
        if result.deck is None:
            lines = [f"{result.path}: this deck cannot be loaded."]
            lines += [problem.format() for problem in result.errors]
            info.update(Content("\n".join(lines)))
            return
        deck = result.deck
        kinds = Counter(card.kind for card in deck.cards)
        tags = Counter(tag for card in deck.cards for tag in card.tags)
        lines = [
            f"{deck.deck.title.it} / {deck.deck.title.en}",
            "",
            deck.deck.description.it,
            deck.deck.description.en,
            "",
            "Cards: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())),
            "Tags: " + ", ".join(f"{tag} {count}" for tag, count in tags.most_common()),
            f"Author: {deck.deck.author} · Licence: {deck.deck.license}",
            f"File: {result.path.name if self._origin(index) == 'bundled' else result.path}",
        ]
        info.update(Content("\n".join(lines)))
