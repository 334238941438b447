"""`quizapp schema`: the deck JSON Schema, generated from the models."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the deck JSON Schema (for editors)",
        description="Print the JSON Schema of the deck format, generated from quizapp's models. "
        "Save it beside a deck as deck.schema.json: decks quizapp writes start with a "
        "'#:schema ./deck.schema.json' line that editors such as Taplo read.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.core.interop.schema_file import schema_text

    sys.stdout.write(schema_text())
    return 0
