"""`quizapp export DECK --to apkg|csv|json`: a deck out to Anki, a spreadsheet or JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

FORMATS = ("apkg", "csv", "json")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write a deck as an Anki package, CSV or JSON",
        description="Export a deck: --to apkg (Anki; importing a newer export updates the "
        "notes instead of duplicating them), csv (one row per card, for spreadsheets; "
        "`quizapp import` reads it back) or json (validates against `quizapp schema`).",
    )
    parser.add_argument("deck", metavar="DECK", help="a deck file, or the name or id of a deck")
    parser.add_argument("--to", choices=FORMATS, required=True, help="the format to write")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write (default: <deck id>.<format> here; '-' for standard output, "
        "csv and json only)",
    )
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import say, warn, write_data
    from quizapp.core.deck import DeckError, catalog, load_deck
    from quizapp.core.interop import InteropError
    from quizapp.core.interop.files import write_file

    try:
        deck = load_deck(catalog.resolve(args.deck))
    except catalog.UnknownDeck as error:
        warn(f"error: {error}")
        return 1
    except DeckError as error:
        for problem in error.problems:
            warn(problem.format())
        warn("The deck has errors; nothing was exported.")
        return 1

    if args.to == "apkg" and args.output == "-":
        warn("error: an Anki package is a binary file; give a file name with -o")
        return 2
    output = Path(args.output).expanduser() if args.output else Path(f"{deck.id}.{args.to}")
    try:
        if args.to == "apkg":
            _write_apkg(deck, output, force=args.force)
        else:
            data = _text_data(deck, args.to, bom=args.output != "-")
            if args.output == "-":
                write_data(data)
                return 0
            write_file(output, data, force=args.force)
    except InteropError as error:
        warn(f"error: {error.format()}")
        return 1
    count = len(deck.cards)
    say(f"Wrote {output}: deck '{deck.id}', {count} card{'s' if count != 1 else ''} ({args.to}).")
    if args.to == "apkg":
        say("In Anki: File > Import. Importing a newer export updates these notes.")
    return 0


def _write_apkg(deck: Any, output: Path, *, force: bool) -> None:
    """The package written straight into the output file (a large deck is never held whole)."""
    from quizapp.core.interop.apkg_write import write_apkg
    from quizapp.core.interop.files import atomic_output

    with atomic_output(output, force=force) as out:
        write_apkg(deck, out)


def _text_data(deck: Any, form: str, *, bom: bool) -> bytes:
    if form == "csv":
        from quizapp.core.interop.csv_export import deck_to_csv

        return deck_to_csv(deck, bom=bom)
    from quizapp.core.interop.json_export import deck_to_json

    return deck_to_json(deck)
