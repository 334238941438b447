"""`quizapp schema`: the deck JSON Schema, generated from the models."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the deck JSON Schema (for editors)",
        description="Print the JSON Schema of the deck format, generated from quizapp's models. "
        "Save it and point your editor at it with a '#:schema ./deck.schema.json' first line.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.core.deck import json_schema

    json.dump(json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
