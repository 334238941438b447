"""The prompt of a card as the learner meets it: a label above it (what kind of question), the
question, the question in the other language (shown on request), a proposed answer (true or
false), and lines under it (an example, the options, how many items are expected).

A screen describes the card as a `Card`. The card's own text is data: shown as it is, never
markup, with control, bidi and zero-width characters shown as their escapes; the UI's words
are Phrases, drawn in the view's `lang` (a language switch redraws them by itself). Each part
that has nothing to show takes no room.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from quizapp.core.bilingual import Phrase
from quizapp.core.text import visible
from quizapp.tui.format import data, highlighted
from quizapp.tui.i18n import t

Line = str | Phrase
"""A line from the card (a str: data) or of the UI (a Phrase)."""


@dataclass(frozen=True)
class Card:
    """What a CardView shows."""

    question: Line
    label: Phrase | None = None
    """Above the question, muted (a quiz says "True or false?")."""
    highlight: tuple[int, int] | None = None
    """Characters [start, end) of the question to underline (a claim put into a sentence)."""
    claim: str | None = None
    """An answer proposed under the question, to be judged true or false."""
    lines: Sequence[Line] = field(default_factory=tuple)
    """Under the question, muted: an example, the options, a count of items..."""
    ask: Phrase | None = None
    """After the question, on its line and muted: how to answer ("→ in English")."""


class CardView(Vertical):
    """Shows a `Card` (see the module docstring); `show_peek` adds the other language."""

    DEFAULT_CSS = """
    CardView { height: auto; }
    CardView > #format { color: $text-muted; }
    CardView > #question { text-style: bold; }
    CardView > #peek { color: $text-muted; text-style: italic; }
    CardView > #claim { margin-top: 1; }
    CardView > #extra { color: $text-muted; margin-top: 1; }
    CardView > .-empty { display: none; }
    """
    PARTS: ClassVar[tuple[str, ...]] = ("format", "question", "peek", "claim", "extra")

    lang: var[str] = var("en")
    card: var[Card | None] = var(None, always_update=True)
    """The card shown (None: nothing); assign a new Card to show it, the peek hidden."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._peek: str | None = None

    def compose(self) -> ComposeResult:
        for name in self.PARTS:
            yield Static(id=name, classes="-empty")

    @property
    def peek_shown(self) -> bool:
        return self._peek is not None

    def show_peek(self, text: str | None) -> None:
        """Show `text` (the question in the other language) under the question; None hides it."""
        self._peek = text
        self._set("peek", data(text) if text is not None else None)

    def watch_card(self) -> None:
        self._peek = None
        self._draw()

    def watch_lang(self) -> None:
        self._draw()

    def _set(self, name: str, shown: Content | Text | None) -> None:
        part = self.query_one(f"#{name}", Static)
        part.set_class(shown is None, "-empty")
        part.update(shown if shown is not None else "")

    def _text(self, line: Line) -> str:
        return line.text(self.lang) if isinstance(line, Phrase) else line

    def _draw(self) -> None:
        card = self.card
        if not self.children:
            return  # not composed yet: drawn once it is
        if card is None:
            for name in self.PARTS:
                self._set(name, None)
            return
        lang = self.lang
        self._set("format", data(card.label.text(lang)) if card.label is not None else None)
        self._set("question", self._question(card))
        self._set("peek", data(self._peek) if self._peek is not None else None)
        claim = None
        if card.claim is not None:
            claim = Text(f"{t(lang, 'quiz.claim')}: ")
            claim.append(visible(card.claim), style="bold underline")
        self._set("claim", claim)
        lines = "\n".join(self._text(line) for line in card.lines)
        self._set("extra", data(lines) if lines else None)

    def _question(self, card: Card) -> Content | Text:
        question = self._text(card.question)
        if card.ask is None:
            return (
                data(question) if card.highlight is None else highlighted(question, *card.highlight)
            )
        shown = (
            Text(visible(question))
            if card.highlight is None
            else highlighted(question, *card.highlight)
        )
        shown.append(f"  {card.ask.text(self.lang)}", style="not bold italic")
        return shown
