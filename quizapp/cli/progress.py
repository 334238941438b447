"""`quizapp export-progress` and `quizapp import-progress`: the review log as JSON Lines."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export-progress",
        help="write your review log (and quiz results) as JSON Lines",
        description="Write the whole review log and quiz results as JSON Lines, to FILE or to "
        "standard output. The file can be imported on another device with import-progress.",
    )
    export.add_argument("file", nargs="?", metavar="FILE", help="where to write (default: stdout)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(handler=run_export)
    imp = subparsers.add_parser(
        "import-progress",
        help="merge a review log written by export-progress",
        description="Merge an exported review log into yours. Reviews are matched by their "
        "unique ids: importing the same file twice adds nothing. A file with any bad line is "
        "refused as a whole.",
    )
    imp.add_argument("file", metavar="FILE", help="a file written by export-progress")
    imp.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from quizapp.cli.output import say, to_terminal, warn
    from quizapp.core.interop import InteropError
    from quizapp.core.interop.progress_io import export_file, export_to
    from quizapp.core.store import Store, StoreError, now_ms

    try:
        with Store(read_only=True) as store:
            if store.notice:
                warn(store.notice)
            if args.file in (None, "-"):
                # On a terminal, typed answers are shown as JSON escapes, never raw.
                export_to(store, sys.stdout, now_ms(), ascii_only=to_terminal())
                return 0
            target = Path(args.file).expanduser()
            try:
                result = export_file(store, target, now_ms(), force=args.force)
            except InteropError as error:
                warn(f"quizapp: {error.format()}")
                return 1
    except StoreError as error:
        warn(f"quizapp: {error}")
        return 1
    say(f"Wrote {result.reviews:,} reviews and {result.quizzes:,} quizzes to {target}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizapp.cli.output import say, warn
    from quizapp.core.interop.progress_io import ProgressFileError, import_file
    from quizapp.core.store import Store, StoreError

    try:
        with Store() as store:
            if store.notice:
                warn(store.notice)
            result = import_file(store, Path(args.file))
    except ProgressFileError as error:
        for problem in error.problems:
            warn(problem)
        warn("Nothing was imported.")
        return 1
    except StoreError as error:
        warn(f"quizapp: {error}")
        return 1
    say(
        f"Read {result.reviews_read:,} reviews: {result.reviews_added:,} added, "
        f"{result.reviews_read - result.reviews_added:,} already in your log."
    )
    if result.quizzes_read:
        say(f"Read {result.quizzes_read:,} quizzes: {result.quizzes_added:,} added.")
    if result.repaired_lines:
        lines = ", ".join(str(number) for number in result.repaired_lines[:10])
        more = ", ..." if len(result.repaired_lines) > 10 else ""
        count = len(result.repaired_lines)
        say(
            f"Note: {count} line{'s' if count != 1 else ''} ({lines}{more}) held a lone "
            "surrogate escape (such as \\ud800), which is not a character; it was read as "
            "U+FFFD, the replacement character."
        )
    return 0
