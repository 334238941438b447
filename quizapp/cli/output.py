"""Printing for the plain-terminal commands: card text is escaped, never interpreted.

Every message a command prints goes through `say` (stdout) or `warn` (stderr), which escape
control, bidi and zero-width characters (`quizapp.core.text.printable`), so that a deck, a
settings file or an import file cannot control the terminal. Text that is not a message but
data (a deck exported to standard output) goes through `write_data`: exact bytes when the
output is a file or a pipe, escaped when it is a terminal.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from quizapp.core.text import printable, visible


def say(text: str = "") -> None:
    """Print one line of text to stdout, with terminal control characters escaped."""
    print(printable(text))


def warn(text: str) -> None:
    """Print one line to stderr, escaped like `say`."""
    print(printable(text), file=sys.stderr)


def emit_json(data: Any) -> None:
    """JSON is escaped by its own rules (ensure_ascii keeps control characters out)."""
    json.dump(data, sys.stdout, ensure_ascii=True, indent=2)
    sys.stdout.write("\n")


def to_terminal() -> bool:
    """True when standard output is a terminal (not a file or a pipe)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def write_data(data: bytes) -> None:
    """Write data (UTF-8) to stdout: byte for byte into a file or a pipe, and with control
    characters escaped (newlines and tabs kept) when stdout is a terminal."""
    sys.stdout.flush()
    if to_terminal():
        sys.stdout.write(visible(data.decode("utf-8", errors="replace")))
        sys.stdout.flush()
        return
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
