"""The field a typed answer is written in: it keeps out what a terminal would act on (see
SafeInput), says what to do in the UI language, and posts `AnswerInput.Submitted` on Enter."""

from __future__ import annotations

from textual.reactive import var
from textual.widgets import Input

from quizapp.tui.i18n import t
from quizapp.tui.widgets.safe_input import SafeInput


class AnswerInput(SafeInput):
    """The answer field of the study and quiz screens."""

    DEFAULT_CSS = """
    AnswerInput { margin: 0 2; }
    """

    class Submitted(Input.Submitted):
        """Enter in the answer field; `value` is the answer as typed."""

    lang: var[str] = var("en")

    def watch_lang(self) -> None:
        self.placeholder = t(self.lang, "study.placeholder")
