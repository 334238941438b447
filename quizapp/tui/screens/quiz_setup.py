"""Before a quiz: how many questions, a time limit, and which topics (tags of the deck).

What the command line takes, the dialog takes too: any time limit up to a day, typed as
minutes ("5", "1,5", "2:30"; blank or 0 for none), and any number of topics, a card being
asked when it has any of the ticked ones (none ticked: every card). A dialog dismissed with
the chosen QuizOptions, or None when cancelled. Enter in a field or the start key (ctrl+s,
anywhere) starts; Escape cancels.
"""

from __future__ import annotations

from typing import ClassVar

from annotated_types import Le
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.validation import Number, ValidationResult, Validator
from textual.widgets import Button, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from quizapp.core.deck.model import Deck
from quizapp.core.quiz.run import QuizOptions, deck_tags
from quizapp.core.quiz.time_limit import MAX_MINUTES, TimeLimitError, limit_seconds, spoken_limit
from quizapp.core.settings import Settings
from quizapp.core.text import visible
from quizapp.tui.base import LocalisedModal
from quizapp.tui.i18n import t, tn
from quizapp.tui.keys import spoken

MAX_LENGTH: int = next(
    bound.le
    for bound in Settings.model_fields["quiz_length"].metadata
    if isinstance(bound, Le) and isinstance(bound.le, int)
)
"""The most questions a quiz may have (the bound of the quiz_length setting)."""

COUNTED_CARDS = 20_000
"""Decks up to this size have their cards' tags read to count a choice of several topics."""
ROWS_AROUND_TOPICS = 16
"""Lines the dialog needs besides its topic list; the list takes what the terminal has left."""


class TimeLimit(Validator):
    """A time limit `limit_seconds` can read (blank is valid: no limit)."""

    def validate(self, value: str) -> ValidationResult:
        try:
            limit_seconds(value)
        except TimeLimitError:
            return self.failure()
        return self.success()


class QuizSetupScreen(LocalisedModal[QuizOptions | None]):
    """Choose a quiz's length, time limit and topics."""

    DEFAULT_CSS = """
    QuizSetupScreen { align: center middle; }
    QuizSetupScreen #dialog {
        width: 72; max-width: 96%; height: auto; max-height: 96%;
        padding: 0 1; border: thick $primary; background: $surface;
    }
    QuizSetupScreen #setup-title { text-style: bold; margin-bottom: 1; }
    QuizSetupScreen #fields {
        grid-size: 4; grid-columns: auto 9 auto 14; grid-rows: 3; grid-gutter: 0 1;
        height: auto;
    }
    QuizSetupScreen #fields Label { padding: 1 0; }
    QuizSetupScreen #topics-label { color: $text-muted; }
    QuizSetupScreen #topics { height: 8; scrollbar-size-vertical: 1; }
    QuizSetupScreen .line { color: $text-muted; height: auto; }
    QuizSetupScreen #available { margin-top: 1; }
    QuizSetupScreen .line.error { color: $error; }
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
        self._card_tags: list[frozenset[str]] | None = None  # read once two topics are ticked

    # -- what is shown ---------------------------------------------------------------------

    def _title(self) -> Text:
        """The dialog's title with the deck's title, which is deck text: shown literally (never
        markup) and with hidden characters escaped, as the tags are."""
        title = Text(t(self.lang, "setup.title", deck=""))
        title.append(visible(self.deck.deck.title.get(self.lang)))
        return title

    def _topics(self) -> list[Selection[str]]:
        return [Selection(Text(f"{visible(tag)} ({n})"), tag) for tag, n in self.tags]

    def _topics_label(self) -> str:
        return t(self.lang, "setup.topics" if self.tags else "setup.no_topics")

    def _button_label(self, name: str) -> str:
        key = spoken(self, f"quiz_setup.{name}", self.lang)
        return f"{t(self.lang, f'key.quiz_setup.{name}')} ({key})"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self._title(), id="setup-title")
            with Grid(id="fields"):
                yield Label(t(self.lang, "setup.length"), id="length-label")
                yield Input(
                    str(self.settings.quiz_length),
                    id="length",
                    type="integer",
                    validators=[Number(minimum=1, maximum=MAX_LENGTH)],
                )
                yield Label(t(self.lang, "setup.time"), id="time-label")
                yield Input(
                    id="time",
                    placeholder=t(self.lang, "setup.no_limit"),
                    validators=[TimeLimit()],
                    max_length=12,
                )
            yield Static(self._topics_label(), id="topics-label")
            topics = SelectionList[str](*self._topics(), id="topics")
            topics.display = bool(self.tags)  # a deck without tags: the label says so
            yield topics
            yield Static(id="available", classes="line")
            yield Static(id="limit", classes="line")
            with Horizontal(id="setup-buttons"):
                yield Button(self._button_label("start"), id="start", variant="primary")
                yield Button(self._button_label("cancel"), id="cancel")

    def on_mount(self) -> None:
        self._fit_topics(self.app.size.height)
        self._update_lines()
        self.query_one("#length", Input).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_topics(event.size.height)

    def _fit_topics(self, height: int) -> None:
        """Every topic when the terminal has room, else as many as fit (the list scrolls)."""
        rows = max(3, min(len(self.tags) + 2, height - ROWS_AROUND_TOPICS))
        self.query_one("#topics", SelectionList).styles.height = rows

    def watch_lang(self) -> None:
        """Speak the new UI language at once, keeping what was chosen."""
        self.query_one("#setup-title", Static).update(self._title())
        for name in ("length", "time"):
            self.query_one(f"#{name}-label", Label).update(t(self.lang, f"setup.{name}"))
        self.query_one("#time", Input).placeholder = t(self.lang, "setup.no_limit")
        self.query_one("#topics-label", Static).update(self._topics_label())
        for name in ("start", "cancel"):
            self.query_one(f"#{name}", Button).label = self._button_label(name)
        self._update_lines()

    # -- reading the fields ----------------------------------------------------------------

    def _length(self) -> int | None:
        field = self.query_one("#length", Input)
        validation = field.validate(field.value)
        if validation is not None and not validation.is_valid:
            return None
        try:
            return int(field.value)
        except ValueError:
            return None

    def _limit(self) -> int | None:
        """The time limit in seconds; None for none. Raises TimeLimitError."""
        return limit_seconds(self.query_one("#time", Input).value)

    def _chosen_tags(self) -> tuple[str, ...]:
        """The ticked topics, in the deck's order of tags."""
        ticked = set(self.query_one("#topics", SelectionList).selected)
        return tuple(tag for tag, _ in self.tags if tag in ticked)

    def _cards_for(self, tags: tuple[str, ...]) -> tuple[int, bool]:
        """How many cards a quiz on `tags` draws from (those with any of them; every card for
        none), and whether that is exact: on a deck over COUNTED_CARDS cards, two or more
        topics give an upper bound (the sum of their counts), so that ticking reads no card."""
        if not tags:
            return len(self.deck.cards), True
        counts = dict(self.tags)
        if len(tags) == 1:
            return counts[tags[0]], True
        if len(self.deck.cards) > COUNTED_CARDS:
            return min(len(self.deck.cards), sum(counts[tag] for tag in tags)), False
        if self._card_tags is None:
            self._card_tags = [frozenset(card.tags) for card in self.deck.cards]
        wanted = set(tags)
        return sum(1 for card_tags in self._card_tags if not wanted.isdisjoint(card_tags)), True

    def _update_lines(self) -> None:
        self._update_available()
        self._update_limit()

    def _update_available(self) -> None:
        tags = self._chosen_tags()
        available, exact = self._cards_for(tags)
        length = self._length()
        line = self.query_one("#available", Static)
        line.set_class(length is None, "error")
        if length is None:
            line.update(Text(t(self.lang, "setup.bad_length", most=MAX_LENGTH)))
        elif length > available and exact:
            line.update(Text(tn(self.lang, "setup.shorter", available)))
        elif not tags:
            line.update(Text(tn(self.lang, "setup.available_all", available)))
        elif len(tags) == 1:
            line.update(Text(tn(self.lang, "setup.available", available)))
        else:
            key = "setup.available_any" if exact else "setup.available_any_at_most"
            line.update(Text(tn(self.lang, key, available, k=len(tags))))

    def _update_limit(self) -> None:
        line = self.query_one("#limit", Static)
        try:
            limit = self._limit()
        except TimeLimitError:
            line.add_class("error")
            line.update(Text(t(self.lang, "setup.bad_time", most=MAX_MINUTES)))
            return
        line.remove_class("error")
        if limit is None:
            line.update(Text(t(self.lang, "setup.limit_none")))
        else:
            line.update(Text(t(self.lang, "setup.limit", limit=spoken_limit(limit))))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._update_lines()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        self._update_available()

    # -- actions ---------------------------------------------------------------------------

    def options(self) -> QuizOptions | None:
        """The options as chosen now, or None when a field does not hold a valid value."""
        length = self._length()
        if length is None:
            return None
        try:
            limit = self._limit()
        except TimeLimitError:
            return None
        return QuizOptions(length=length, tags=self._chosen_tags(), time_limit_s=limit)

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
        if options is not None:
            self.dismiss(options)
            return
        if self._length() is None:
            field, problem = "#length", t(self.lang, "setup.bad_length", most=MAX_LENGTH)
        else:
            field, problem = "#time", t(self.lang, "setup.bad_time", most=MAX_MINUTES)
        self.query_one(field, Input).focus()
        self.notify(problem, severity="error")

    def action_cancel(self) -> None:
        self.dismiss(None)
