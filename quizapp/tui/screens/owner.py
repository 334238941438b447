"""The app a screen belongs to, typed: screens reach settings and the store through it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp


def quiz_app(node: DOMNode) -> QuizApp:
    """`node.app` as a QuizApp (imported here, not at module level: app.py imports screens)."""
    from quizapp.tui.app import QuizApp

    app = node.app
    assert isinstance(app, QuizApp), f"{type(node).__name__} needs to run inside QuizApp"
    return app
