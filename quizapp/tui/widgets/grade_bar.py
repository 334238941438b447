"""The four grades of a studied card (Again, Hard, Good, Easy), each with the interval it would
give and the key that chooses it.

The key shown on each button is the key bound now to its binding (`study.again`...), found in
the screen's live bindings: a key remapped in the settings' keymap shows as remapped. A click
posts `GradeBar.Graded`; the suggested grade is marked (`-suggested`); the bar is hidden until
`show` (`-shown`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import var
from textual.widgets import Button

from quizapp.core.rating import Rating
from quizapp.tui.format import interval
from quizapp.tui.i18n import t
from quizapp.tui.keys import live_key


class GradeBar(Horizontal):
    """Four grade buttons (see the module docstring)."""

    DEFAULT_CSS = """
    GradeBar { height: 1; padding: 0 1; display: none; }
    GradeBar.-shown { display: block; }
    /* One line: the room goes to the card's note. */
    GradeBar > Button { width: 1fr; min-width: 0; height: 1; margin: 0 1; padding: 0; }
    GradeBar.-tall { height: 2; }
    GradeBar.-tall > Button { height: 2; }
    GradeBar > Button.-suggested { text-style: bold reverse; }
    """

    class Graded(Message):
        """A grade button was pressed."""

        def __init__(self, rating: Rating) -> None:
            super().__init__()
            self.rating = rating

    BINDING_IDS: ClassVar[Mapping[Rating, str]] = {
        Rating.AGAIN: "study.again",
        Rating.HARD: "study.hard",
        Rating.GOOD: "study.good",
        Rating.EASY: "study.easy",
    }
    """The binding that chooses each grade (its key is shown on the button)."""

    lang: var[str] = var("en")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._intervals: Mapping[Rating, int] = {}
        self._suggested: Rating | None = None
        self._shown = False

    def compose(self) -> ComposeResult:
        for rating in Rating:
            label = t(self.lang, f"rating.{rating.label}")
            yield Button(label, id=f"grade-{rating.value}", compact=True)  # one line high

    @property
    def shown(self) -> bool:
        return self._shown

    def show(self, suggested: Rating | None, intervals: Mapping[Rating, int]) -> None:
        """Show the grades, `suggested` marked; `intervals`: ms each grade would wait (none in
        practice)."""
        self._suggested, self._intervals, self._shown = suggested, dict(intervals), True
        self._label()
        self.add_class("-shown")

    def hide(self) -> None:
        self._shown = False
        self.remove_class("-shown")

    def watch_lang(self) -> None:
        if self.children:
            self._label()

    def _label(self) -> None:
        labels: dict[Rating, tuple[str, str]] = {}
        for rating in Rating:
            name, wait = t(self.lang, f"rating.{rating.label}"), ""
            if self._shown:
                if rating in self._intervals:
                    wait = f"({interval(max(0, self._intervals[rating]), self.lang)})"
                key = live_key(self.screen, self.BINDING_IDS[rating]) or str(rating.value)
                name = f"{key} {name}"
            labels[rating] = (name, wait)
        # Too narrow a button (its width less its line padding, 1 each side; a quarter of the
        # bar less margins before the first layout): the wait goes on a second line.
        guess = (self.size.width - 2) // 4 - 4 if self.size.width else 80
        buttons = {r: self.query_one(f"#grade-{r.value}", Button) for r in Rating}
        room = {r: b.size.width - 2 if b.size.width else guess for r, b in buttons.items()}
        tall = any(len(f"{n} {w}") > room[r] for r, (n, w) in labels.items() if w)
        self.set_class(tall, "-tall")
        for rating, (name, wait) in labels.items():
            button = buttons[rating]
            button.label = f"{name}\n{wait}" if tall and wait else f"{name} {wait}".rstrip()
            button.set_class(rating == self._suggested, "-suggested")

    def on_resize(self) -> None:
        if self.children and self._shown:
            self._label()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("grade-"):
            self.post_message(self.Graded(Rating(int(event.button.id.removeprefix("grade-")))))
