"""Before a quiz: how many questions, which topic (a tag of the deck, or all), a time limit.

A dialog dismissed with the chosen QuizOptions, or None when cancelled. Enter in the number
field (or the Start button) starts; Escape cancels.
"""

from __future__ import annotations

from typing import ClassVar

from annotated_types import Le
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.validation import Number
from textual.widgets import Button, Input, Label, Select, Static

from quizapp.core.deck.model import Deck
from quizapp.core.quiz.run import QuizOptions, deck_tags
from quizapp.core.settings import Settings
from quizapp.core.text import visible
from quizapp.tui.base import LocalisedModal
from quizapp.tui.i18n import t, tn

MAX_LENGTH: int = next(
    bound.le
    for bound in Settings.model_fields["quiz_length"].metadata
    if isinstance(bound, Le) and isinstance(bound.le, int)
)
"""The most questions a quiz may have (the bound of the quiz_length setting)."""
TIME_LIMITS = (0, 5, 10, 20)
"""Time limits offered, in minutes (0: none)."""
ALL = ""
"""The Select value for "all tags"."""


class QuizSetupScreen(LocalisedModal[QuizOptions | None]):
    """Choose a quiz's length, topic and time limit."""

    DEFAULT_CSS = """
    QuizSetupScreen { align: center middle; }
    QuizSetupScreen #dialog {
        width: 64; max-width: 96%; height: auto; max-height: 96%;
        padding: 1 2; border: thick $primary; background: $surface;
    }
    QuizSetupScreen #setup-title { text-style: bold; margin-bottom: 1; }
    QuizSetupScreen #fields { grid-size: 2; grid-columns: 18 1fr; grid-rows: 3; height: auto; }
    QuizSetupScreen #fields Label { padding: 1 0; }
    QuizSetupScreen #available { color: $text-muted; margin-top: 1; height: auto; }
    QuizSetupScreen #available.error { color: $error; }
    QuizSetupScreen #setup-buttons { height: 3; margin-top: 1; }
    QuizSetupScreen #setup-buttons Button { width: 1fr; margin-right: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="quiz_setup.cancel"),
        Binding("ctrl+s", "start", "Start", id="quiz_setup.start", priority=True),
    ]

    def __init__(self, deck: Deck, settings: Settings) -> None:
        super().__init__(settings.ui_language)
        self.deck = deck
        self.settings = settings
        self.tags = deck_tags(deck)

    def _tag_options(self) -> list[tuple[Text, str]]:
        everything = Text(f"{t(self.lang, 'setup.all_tags')} ({len(self.deck.cards)})")
        # Tags are deck text: shown literally (never markup) and with hidden characters escaped.
        return [(everything, ALL)] + [(Text(f"{visible(tag)} ({n})"), tag) for tag, n in self.tags]

    def _title(self) -> Text:
        """The dialog's title with the deck's title, which is deck text (see `_tag_options`)."""
        title = Text(t(self.lang, "setup.title", deck=""))
        title.append(visible(self.deck.deck.title.get(self.lang)))
        return title

    def _time_options(self) -> list[tuple[str, int]]:
        return [
            (tn(self.lang, "setup.minutes", m) if m else t(self.lang, "setup.no_limit"), m)
            for m in TIME_LIMITS
        ]

    def compose(self) -> ComposeResult:
        title = self._title()
        with Vertical(id="dialog"):
            yield Static(title, id="setup-title")
            with Grid(id="fields"):
                yield Label(t(self.lang, "setup.length"), id="length-label")
                yield Input(
                    str(self.settings.quiz_length),
                    id="length",
                    type="integer",
                    validators=[Number(minimum=1, maximum=MAX_LENGTH)],
                )
                yield Label(t(self.lang, "setup.tag"), id="tag-label")
                yield Select(self._tag_options(), id="tag", allow_blank=False, value=ALL)
                yield Label(t(self.lang, "setup.time"), id="time-label")
                yield Select(self._time_options(), id="time", allow_blank=False, value=0)
            yield Static(id="available")
            with Horizontal(id="setup-buttons"):
                yield Button(
                    f"{t(self.lang, 'key.quiz_setup.start')} (⏎)", id="start", variant="primary"
                )
                yield Button(f"{t(self.lang, 'key.quiz_setup.cancel')} (Esc)", id="cancel")

    def on_mount(self) -> None:
        self._update_available()
        self.query_one("#length", Input).focus()

    def watch_lang(self) -> None:
        """Speak the new UI language at once, keeping what was chosen."""
        title = self._title()
        self.query_one("#setup-title", Static).update(title)
        for name in ("length", "tag", "time"):
            self.query_one(f"#{name}-label", Label).update(t(self.lang, f"setup.{name}"))
        for name, options in (("tag", self._tag_options()), ("time", self._time_options())):
            select: Select[object] = self.query_one(f"#{name}", Select)
            value = select.value
            select.set_options(options)
            select.value = value
        self.query_one("#start", Button).label = f"{t(self.lang, 'key.quiz_setup.start')} (⏎)"
        self.query_one("#cancel", Button).label = f"{t(self.lang, 'key.quiz_setup.cancel')} (Esc)"
        self._update_available()

    # -- reading the fields ----------------------------------------------------------------

    def _cards_for(self, tag: str) -> int:
        if tag == ALL:
            return len(self.deck.cards)
        return dict(self.tags).get(tag, 0)

    def _length(self) -> int | None:
        field = self.query_one("#length", Input)
        validation = field.validate(field.value)
        if validation is not None and not validation.is_valid:
            return None
        try:
            return int(field.value)
        except ValueError:
            return None

    def _tag(self) -> str:
        value = self.query_one("#tag", Select).value
        return value if isinstance(value, str) else ALL

    def _update_available(self) -> None:
        available = self._cards_for(self._tag())
        length = self._length()
        line = self.query_one("#available", Static)
        line.set_class(length is None, "error")
        if length is None:
            line.update(Text(t(self.lang, "setup.bad_length", most=MAX_LENGTH)))
        elif length > available:
            line.update(Text(tn(self.lang, "setup.shorter", available)))
        else:
            key = "setup.available_all" if self._tag() == ALL else "setup.available"
            line.update(Text(tn(self.lang, key, available)))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._update_available()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._update_available()

    # -- actions ---------------------------------------------------------------------------

    def options(self) -> QuizOptions | None:
        """The options as chosen now, or None when the number of questions is not valid."""
        length = self._length()
        if length is None:
            return None
        tag = self._tag()
        minutes = self.query_one("#time", Select).value
        limit = int(minutes) * 60 if isinstance(minutes, int) and minutes else None
        return QuizOptions(length=length, tags=(tag,) if tag != ALL else (), time_limit_s=limit)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_cancel()

    def action_start(self) -> None:
        options = self.options()
        if options is None:
            self.query_one("#length", Input).focus()
            self.notify(t(self.lang, "setup.bad_length", most=MAX_LENGTH), severity="error")
            return
        self.dismiss(options)

    def action_cancel(self) -> None:
        self.dismiss(None)
