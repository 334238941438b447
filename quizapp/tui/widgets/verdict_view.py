"""What the learner is told after an answer: the verdict, the reason, what was typed (with the
characters that differ marked), the expected answer and the card's note.

A screen describes the verdict as a `Feedback`: an outcome and a sequence of parts, each a
small typed value (a headline, a diff of what was typed, a labelled value, a sentence with a
part underlined, a note, a hint).
The UI's words in it are Phrases, in both languages, and everything from a card or typed by
the learner is data, shown as it is (never markup, hidden characters escaped); the view draws
it in its `lang`, so a language switch redraws it with no help from the screen. The outcome is
a CSS class (`-correct`, `-almost`, `-partial`, `-wrong`) and every colour comes from the
theme: the characters of a typed answer that differ are marked on the theme's muted error (or,
for what is missing, success) background, so they stand out in a verdict already in red. A new
kind of line (what was picked for a choice, a cloze sentence filled in) is a new part, or a
`Labelled` one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from rich.style import Style
from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from quizapp.core.bilingual import Phrase
from quizapp.core.text import visible
from quizapp.tui.format import highlighted
from quizapp.tui.i18n import t

if TYPE_CHECKING:
    from quizapp.core.judge.diff import Segment

OUTCOMES = ("correct", "almost", "partial", "wrong")
"""The outcomes with a look of their own (a CSS class each, `-correct`...)."""

StyleOf = Callable[[str], Style]
"""The style of a component class of the view, by its short name ("wrong", "missing"...)."""


@dataclass(frozen=True)
class Headline:
    """The verdict in a few words, in bold; `aside` follows it in plain text. Either may
    quote what was typed: both are shown as data."""

    text: Phrase
    aside: Phrase | None = None

    def render(self, text: Text, lang: str, style_of: StyleOf) -> None:
        text.append(visible(self.text.text(lang)), style="bold")
        if self.aside is not None:
            text.append(" ")
            text.append(visible(self.aside.text(lang)))


@dataclass(frozen=True)
class TypedDiff:
    """What was typed, each segment marked as the diff tags it (wrong, extra, missing)."""

    segments: tuple[Segment, ...]

    def render(self, text: Text, lang: str, style_of: StyleOf) -> None:
        text.append(f"{t(lang, 'study.typed')}: ")
        for segment in self.segments:
            style = style_of(segment.tag) if segment.tag != "ok" else ""
            text.append(visible(segment.text), style=style)


@dataclass(frozen=True)
class Labelled:
    """A value from the card (the expected answer, what was picked...) after a bold label."""

    label: Phrase
    value: str

    def render(self, text: Text, lang: str, style_of: StyleOf) -> None:
        text.append(f"{self.label.text(lang)}: ", style="bold")
        text.append(visible(self.value))


@dataclass(frozen=True)
class Sentence:
    """A sentence from the card, as data, with characters [start, end) underlined: a cloze
    sentence with its gap filled in, say."""

    text: str
    highlight: tuple[int, int] | None = None

    def render(self, text: Text, lang: str, style_of: StyleOf) -> None:
        if self.highlight is None:
            text.append(visible(self.text))
        else:
            text.append_text(highlighted(self.text, *self.highlight))


@dataclass(frozen=True)
class Note:
    """The card's note, after a blank line, in italics."""

    text: str

    def render(self, text: Text, lang: str, style_of: StyleOf) -> None:
        text.append("\n")
        text.append(visible(self.text), style="italic")


@dataclass(frozen=True)
class Hint:
    """A line of the UI's own, where a verdict will be (flip: think, then press Space)."""

    text: Phrase

    def render(self, text: Text, lang: str, style_of: StyleOf) -> None:
        text.append(self.text.text(lang))


Part: TypeAlias = Headline | TypedDiff | Labelled | Sentence | Note | Hint


def said(reason: Mapping[str, str] | None, otherwise: Phrase) -> Phrase:
    """The judge's reason ({"it": ..., "en": ...}) as a Phrase; `otherwise` in a language it
    does not give."""
    reason = reason or {}
    return Phrase(reason.get("it") or otherwise.it, reason.get("en") or otherwise.en)


@dataclass(frozen=True)
class Feedback:
    """A verdict to show: its outcome (None for a self-rated answer) and its parts, in order."""

    outcome: str | None = None
    parts: tuple[Part, ...] = ()


class VerdictView(Static):
    """Shows a `Feedback` (see the module docstring); empty until it has one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "verdict-view--wrong",
        "verdict-view--extra",
        "verdict-view--missing",
    }
    DEFAULT_CSS = """
    VerdictView { margin-top: 1; }
    VerdictView.-correct { color: $success; }
    VerdictView.-almost, VerdictView.-partial { color: $warning; }
    VerdictView.-wrong { color: $error; }
    VerdictView > .verdict-view--wrong {
        color: $text-error; background: $error-muted; text-style: bold;
    }
    VerdictView > .verdict-view--extra {
        color: $text-error; background: $error-muted; text-style: bold strike;
    }
    VerdictView > .verdict-view--missing {
        color: $text-success; background: $success-muted; text-style: bold;
    }
    """

    lang: var[str] = var("en")
    feedback: var[Feedback] = var(Feedback, always_update=True)
    """What is shown; assign a new Feedback (or call `show`/`clear`) to change it."""

    def show(self, feedback: Feedback) -> None:
        self.feedback = feedback

    def clear(self) -> None:
        self.feedback = Feedback()

    @property
    def outcome(self) -> str | None:
        return self.feedback.outcome

    def watch_feedback(self, feedback: Feedback) -> None:
        for outcome in OUTCOMES:
            self.set_class(feedback.outcome == outcome, f"-{outcome}")
        self._draw()

    def watch_lang(self) -> None:
        self._draw()

    def _draw(self) -> None:
        parts = self.feedback.parts
        if not parts:
            self.update("")
            return
        text = Text()
        for index, part in enumerate(parts):
            if index:
                text.append("\n")
            part.render(text, self.lang, self._style_of)
        self.update(text)

    def _style_of(self, tag: str) -> Style:
        return self.get_component_rich_style(f"verdict-view--{tag}", partial=True)
