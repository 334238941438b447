"""`quizapp new PATH`: a commented starter deck with one card of each kind."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a starter deck to edit, with one card of each kind",
        description="Write a commented starter deck (one card of each kind) that validates. "
        "An existing file is never replaced without --force.",
    )
    parser.add_argument(
        "path", metavar="PATH", help="the new deck file (.toml is added if missing)"
    )
    parser.add_argument("--id", dest="deck_id", help="the deck id (default: from the file name)")
    parser.add_argument("--title", help="the deck title (default: from the file name)")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import say, warn
    from quizapp.core.interop import InteropError
    from quizapp.core.interop.ids import is_slug
    from quizapp.core.interop.schema_file import place_schema
    from quizapp.core.interop.starter import write_starter

    path = Path(args.path).expanduser()
    if path.suffix.lower() != ".toml":
        path = path.with_name(path.name + ".toml")
    if args.deck_id is not None and not is_slug(args.deck_id):
        warn(f"quizapp new: error: --id {args.deck_id!r} must be a slug (e.g. my-deck)")
        return 2
    try:
        deck_id = write_starter(path, deck_id=args.deck_id, title=args.title, force=args.force)
    except InteropError as error:
        warn(f"error: {error.format()}")
        return 1
    say(f"Wrote {path} (deck '{deck_id}', one card of each kind).")
    placed = place_schema(path.parent)
    if placed:
        say(placed)
    say(f"Edit it, then check it with: quizapp validate {path}")
    return 0
