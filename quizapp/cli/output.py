"""Printing for the plain-terminal commands: card text is escaped, never interpreted."""

from __future__ import annotations

import json
import sys
from typing import Any

from quizapp.core.text import printable


def say(text: str = "") -> None:
    """Print one line of text to stdout, with terminal control characters escaped."""
    print(printable(text))


def warn(text: str) -> None:
    print(printable(text), file=sys.stderr)


def emit_json(data: Any) -> None:
    """JSON is escaped by its own rules (ensure_ascii keeps control characters out)."""
    json.dump(data, sys.stdout, ensure_ascii=True, indent=2)
    sys.stdout.write("\n")
