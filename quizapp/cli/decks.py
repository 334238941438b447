"""`quizapp decks`: the bundled decks, the user's decks and any paths given, with card counts."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "decks",
        help="list the bundled decks, your decks and any deck files given",
        description="List decks: those bundled with quizapp, those in <data dir>/decks, and "
        "any paths given.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="DECK", help="more decks to list: files, file names or ids"
    )
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import emit_json, say, warn
    from quizapp.core import locations
    from quizapp.core.deck import catalog, check_deck_cached

    extra = []
    for reference in args.paths:
        try:
            extra.append(catalog.resolve(reference))
        except catalog.UnknownDeck as error:
            warn(f"quizapp decks: {error}")
            return 1
    rows: list[dict[str, Any]] = []
    for entry in catalog.discover(extra):
        result = check_deck_cached(entry.path)  # errors only, as check_deck reports them
        deck = result.deck
        rows.append(
            {
                "id": deck.id if deck else None,
                "title": {"it": deck.deck.title.it, "en": deck.deck.title.en} if deck else None,
                "cards": len(deck.cards) if deck else None,
                "origin": entry.origin,
                "path": str(entry.path),
                "replaces": str(entry.replaces) if entry.replaces else None,
                "errors": [p.format() for p in result.errors],
            }
        )
    if args.json:
        emit_json({"user_decks_dir": str(locations.user_decks_dir()), "decks": rows})
        return 0 if all(not row["errors"] for row in rows) else 1
    if not rows:
        say(f"No decks found. Put deck files in {locations.user_decks_dir()}")
        return 0
    width = max(len("DECK"), *(len(row["id"] or "(broken)") for row in rows))
    say(f"{'DECK':<{width}}  {'CARDS':>5}  {'ORIGIN':<7}  TITLE / PATH")
    for row in rows:
        if row["errors"]:
            say(f"{'(broken)':<{width}}  {'-':>5}  {row['origin']:<7}  {row['path']}")
            for problem in row["errors"][:3]:
                say(f"    {problem}")
            if len(row["errors"]) > 3:
                say(f"    ... and {len(row['errors']) - 3} more (quizapp validate {row['path']})")
            continue
        say(f"{row['id']:<{width}}  {row['cards']:>5}  {row['origin']:<7}  {row['title']['en']}")
        say(f"{'':<{width}}  {'':>5}  {'':<7}  {row['path']}")
        if row["replaces"]:
            say(f"{'':<{width}}  {'':>5}  {'':<7}  (your copy: used instead of the bundled deck)")
    say()
    say(f"Your own decks go in {locations.user_decks_dir()}")
    return 0 if all(not row["errors"] for row in rows) else 1
