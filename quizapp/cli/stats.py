"""`quizapp stats`: statistics as plain-text tables, as JSON, or the reviews as CSV."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.deck import Deck
    from quizapp.core.store import Store

MAX_DAYS = 3650  # quizapp.core.stats.MAX_DAYS, without importing the core at start-up


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if not 1 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"days must be 1-{MAX_DAYS}, not {value}")
    return value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="statistics of your reviews: today, streak, retention, forecast, hardest cards",
        description="Statistics from the review log, for one deck or all: today, the period "
        "(--days), a heatmap of the past year, the forecast of the next 30 days, true and "
        "predicted retention, tags and directions, the hardest cards, quizzes and card "
        "states. --json prints them as data (the shape is documented in README.md); --csv "
        "writes one row per review of the period, for a spreadsheet.",
    )
    parser.add_argument("--deck", metavar="DECK", help="one deck (file, name or id); default all")
    parser.add_argument(
        "--days", type=_days, default=30, metavar="N", help="the period: last N study days (30)"
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the statistics as JSON")
    output.add_argument(
        "--csv", metavar="FILE", help="write the period's reviews as CSV to FILE ('-': stdout)"
    )
    parser.add_argument("--force", action="store_true", help="with --csv: replace FILE")
    parser.set_defaults(handler=run)


def _load_decks(chosen: str | None) -> tuple[list[Deck], str | None, list[str]]:
    """Every deck that loads (for tags and card text), the chosen deck's id, and problems.

    Raises LookupError with a message when the chosen deck cannot be found or loaded.
    """
    from quizapp.core.deck import catalog, check_deck

    decks: list[Deck] = []
    problems: list[str] = []
    for entry in catalog.discover():
        result = check_deck(entry.path)
        if result.deck is not None:
            decks.append(result.deck)
        else:
            first = result.errors[0].format() if result.errors else str(entry.path)
            problems.append(f"quizapp: skipped a deck that does not load: {first}")
    if chosen is None:
        return decks, None, problems
    try:
        path = catalog.resolve(chosen)
    except catalog.UnknownDeck as error:
        raise LookupError(str(error)) from None
    result = check_deck(path)
    if result.deck is None:
        if result.errors:
            raise LookupError("\n".join(problem.format() for problem in result.errors))
        raise LookupError(f"{path}: cannot be loaded")
    if all(deck.id != result.deck.id for deck in decks):
        decks.append(result.deck)
    return decks, result.deck.id, problems


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import emit_json, warn
    from quizapp.core import settings_lenient, stats
    from quizapp.core.store import Store, StoreError

    loaded, problem = settings_lenient.load_or_defaults()
    if problem is not None:
        for line in str(problem).splitlines():  # one line per bad entry
            warn(line)
        return 1
    try:
        decks, deck_id, skipped = _load_decks(args.deck)
    except LookupError as error:
        warn(str(error) if "\n" in str(error) else f"quizapp: {error}")
        return 1
    for line in skipped:
        warn(line)
    try:
        with Store(read_only=True) as store:
            if store.notice:
                warn(store.notice)
            stats.sync_catalogs(store, decks, loaded)
            if args.csv is not None:
                return _write_csv(args, store, decks, deck_id, loaded.day_start_hour)
            result = stats.compute(
                store,
                decks,
                deck_id=deck_id,
                days=args.days,
                day_start_hour=loaded.day_start_hour,
            )
    except StoreError as error:
        warn(f"quizapp: {error}")
        return 1
    if args.json:
        # JSON keeps the real text (a typed answer is data) and stays safe on a terminal:
        # emit_json writes with ensure_ascii, so ESC is \u001b and a bidi override \u202e.
        emit_json(result.to_json())
        return 0
    from quizapp.cli.output import say
    from quizapp.cli.stats_text import report

    for line in report(result, {deck.id: deck.deck.title.en for deck in decks}):
        say(line)
    return 0


def _write_csv(
    args: argparse.Namespace, store: Store, decks: list[Deck], deck_id: str | None, hour: int
) -> int:
    import csv
    import os
    import sys
    from pathlib import Path

    from quizapp.cli.output import say, warn
    from quizapp.core.stats import review_rows

    # The rows are a data export and are written as they come. Their cells are already made
    # safe by `review_rows` (quizapp.core.stats.export): control, bidi and zero-width
    # characters escaped and formulas defused, for a spreadsheet as much as for a terminal.
    rows = review_rows(store, decks, deck_id=deck_id, days=args.days, day_start_hour=hour)
    if args.csv == "-":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows(rows)
        return 0
    target = Path(args.csv)
    if target.exists() and not args.force:
        warn(f"quizapp: {target} exists; use --force to replace it")
        return 1
    if target.is_dir():
        warn(f"quizapp: {target} is a folder")
        return 1
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    count = -1
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        warn(f"quizapp: cannot write {target}: {error.strerror or error}")
        return 1
    say(f"Wrote {count:,} reviews to {target}")
    return 0
