"""The commands that open the Textual app. textual is imported only when they run."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """The study and quiz commands are added with the study screens."""


def run_home(args: argparse.Namespace) -> int:
    from quizapp.tui.app import QuizApp

    QuizApp().run()
    return 0
