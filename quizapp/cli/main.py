"""`quizapp` and its subcommands (argparse; each command is a module of this package)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, Protocol

from quizapp import __version__
from quizapp.cli import (
    cards,
    decks,
    doctor,
    export,
    import_deck,
    judge,
    new,
    optimize,
    progress,
    schema,
    stats,
    tui_commands,
    validate,
)

# name -> module in quizapp.cli; each module has `register(subparsers)` and `run(args) -> int`.
COMMANDS: dict[str, str] = {
    "study": "tui_commands",
    "practice": "tui_commands",
    "quiz": "tui_commands",
    "decks": "decks",
    "validate": "validate",
    "schema": "schema",
    "judge": "judge",
    "doctor": "doctor",
    "export-progress": "progress",
    "import-progress": "progress",
    "import": "import_deck",
    "export": "export",
    "new": "new",
    "stats": "stats",
    "cards": "cards",
    "optimize": "optimize",
}


class _Command(Protocol):
    """A module of this package that adds its subcommands to the parser."""

    def register(self, subparsers: Any) -> None: ...


_MODULES: dict[str, _Command] = {
    "tui_commands": tui_commands,
    "decks": decks,
    "validate": validate,
    "schema": schema,
    "judge": judge,
    "doctor": doctor,
    "progress": progress,
    "import_deck": import_deck,
    "export": export,
    "new": new,
    "stats": stats,
    "cards": cards,
    "optimize": optimize,
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="quizapp",
        description="Learn from bilingual (Italian/English) decks: flashcards and quizzes.",
        epilog="With no command, quizapp opens the app on its home screen.",
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    registered: set[str] = set()
    for module_name in COMMANDS.values():
        if module_name in registered:
            continue
        registered.add(module_name)
        _MODULES[module_name].register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return tui_commands.run_home(args)
    handler = args.handler
    try:
        result: int = handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `quizapp schema | head`: the reader went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    return result
