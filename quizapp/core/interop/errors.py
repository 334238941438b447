"""The one error type of imports and exports: a message for people that names the file."""

from __future__ import annotations

from pathlib import Path

from quizapp.core.text import printable


class InteropError(Exception):
    """A file that cannot be imported, exported or written."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(self.format())

    def format(self) -> str:
        """`path: message`, safe to print in a terminal."""
        return printable(f"{self.path}: {self.message}")


class OutputExists(InteropError):
    """The output file exists and overwriting was not asked for."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "already exists; use --force to replace it")
