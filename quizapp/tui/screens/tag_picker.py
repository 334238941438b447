"""Study by tag, from the home screen (`f`): the deck's tags with their cards, due and new
prompts; one or more are chosen, then studied on their schedule (`s`) or practised ahead (`p`).

A dialog dismissed with (the chosen tags, "study" or "practice"), or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.core.deck.model import Deck
from quizapp.core.study.by_tag import TagCount
from quizapp.core.text import visible
from quizapp.tui.base import LocalisedModal
from quizapp.tui.i18n import t, tn

Chosen = tuple[tuple[str, ...], str]
"""(tags, "study" or "practice")."""


class TagPickerScreen(LocalisedModal[Chosen | None]):
    """Choose tags of a deck to study or practise."""

    DEFAULT_CSS = """
    TagPickerScreen { align: center middle; }
    TagPickerScreen #dialog {
        width: 72; max-width: 96%; height: auto; max-height: 96%;
        padding: 0 1; border: thick $primary; background: $surface;
    }
    TagPickerScreen #tags-title { text-style: bold; }
    TagPickerScreen #tags-help { color: $text-muted; margin-bottom: 1; }
    TagPickerScreen SelectionList { height: auto; max-height: 12; }
    TagPickerScreen #tags-buttons { height: 3; margin-top: 1; }
    TagPickerScreen #tags-buttons Button { width: 1fr; margin-right: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('study')", "Study", id="tags.study"),
        Binding("p", "choose('practice')", "Practise", id="tags.practice"),
        Binding("escape", "cancel", "Cancel", id="tags.cancel"),
    ]

    def __init__(self, deck: Deck, counts: Sequence[TagCount], lang: str) -> None:
        super().__init__(lang)
        self.deck = deck
        self.counts = list(counts)

    def _title(self) -> Text:
        title = Text(t(self.lang, "tags.title"))
        title.append(visible(self.deck.deck.title.get(self.lang)))  # deck text, never markup
        return title

    def _selections(self) -> list[Selection[str]]:
        return [
            Selection(
                Text(
                    tn(
                        self.lang,
                        "tags.count",
                        count.cards,
                        tag=visible(count.tag),
                        due=count.due,
                        new=count.new,
                    )
                ),
                count.tag,
            )
            for count in self.counts
        ]

    def _buttons(self) -> list[tuple[str, str]]:
        return [
            ("study", f"{t(self.lang, 'key.tags.study')} (s)"),
            ("practice", f"{t(self.lang, 'key.tags.practice')} (p)"),
            ("cancel", f"{t(self.lang, 'key.tags.cancel')} (Esc)"),
        ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self._title(), id="tags-title")
            yield Static(Text(t(self.lang, "tags.help")), id="tags-help")
            if self.counts:
                yield SelectionList[str](*self._selections(), id="tags")
            else:
                yield Static(Text(t(self.lang, "tags.none")), id="no-tags")
            with Horizontal(id="tags-buttons"):
                for name, label in self._buttons():
                    idle = not self.counts and name != "cancel"  # nothing to choose
                    button = Button(label, id=name, disabled=idle)
                    if name == "study":
                        button.variant = "primary"
                    yield button

    def on_mount(self) -> None:
        if self.counts:
            self.query_one(SelectionList).focus()

    def watch_lang(self) -> None:
        """Speak the new UI language at once, keeping what was chosen."""
        if not self.is_mounted:
            return
        self.query_one("#tags-title", Static).update(self._title())
        self.query_one("#tags-help", Static).update(Text(t(self.lang, "tags.help")))
        for name, label in self._buttons():
            self.query_one(f"#{name}", Button).label = label
        if self.counts:
            tags: SelectionList[str] = self.query_one(SelectionList)
            chosen, highlighted = list(tags.selected), tags.highlighted
            tags.clear_options()
            tags.add_options(self._selections())
            for tag in chosen:
                tags.select(tag)
            tags.highlighted = highlighted

    def chosen(self) -> tuple[str, ...]:
        """The ticked tags, or the highlighted one when none is ticked."""
        if not self.counts:
            return ()
        tags: SelectionList[str] = self.query_one(SelectionList)
        if tags.selected:
            return tuple(tag for tag in (c.tag for c in self.counts) if tag in tags.selected)
        index = tags.highlighted
        return (self.counts[index].tag,) if index is not None else ()

    def action_choose(self, mode: str) -> None:
        tags = self.chosen()
        if tags:
            self.dismiss((tags, mode))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.action_cancel()
        else:
            self.action_choose(str(event.button.id))
