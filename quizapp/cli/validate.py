"""`quizapp validate DECK...`: every problem in every file, located, then a summary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.deck.loading import CheckResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check deck files and report every problem with its line and column",
        description="Check deck files. Exit status: 0 when every deck is valid, 1 when a deck "
        "has errors (or warnings, with --strict), 2 for a usage error.",
    )
    parser.add_argument(
        "decks", nargs="+", metavar="DECK", help="deck files (.toml), file names or deck ids"
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import emit_json, say
    from quizapp.core.interop.schema_file import missing_schema

    results = [_check(reference) for reference in args.decks]
    failed = [r for r in results if r.errors or (args.strict and r.warnings)]
    if args.json:
        emit_json(
            {
                "valid": not failed,
                "strict": args.strict,
                "files": [
                    {
                        "file": str(r.path),
                        "valid": r not in failed,
                        "deck": r.deck.id if r.deck else None,
                        "cards": len(r.deck.cards) if r.deck else None,
                        "errors": len(r.errors),
                        "warnings": len(r.warnings),
                        "problems": [p.as_dict() for p in r.problems],
                    }
                    for r in results
                ],
            }
        )
        return 1 if failed else 0
    for result in results:
        for problem in result.problems:
            say(problem.format())
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    for result in results:
        if result.deck is not None:
            state = "ok" if result not in failed else "fails (--strict)"
            say(f"{result.path}: {state}: deck '{result.deck.id}', {len(result.deck.cards)} cards")
            schema = missing_schema(result.path)
            if schema is not None:
                say(
                    f"{result.path}: note: its #:schema line names {schema}, which is not "
                    f"there, so editors cannot check it: quizapp schema > {schema}"
                )
    plural = "s" if len(results) != 1 else ""
    say(
        f"{len(results)} file{plural} checked: {len(results) - len(failed)} valid, "
        f"{len(failed)} with problems ({errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''})"
    )
    return 1 if failed else 0


def _check(reference: str) -> CheckResult:
    """The deck a reference names (a file, a file name or a deck id), checked."""
    from quizapp.core.deck.catalog import UnknownDeck, resolve
    from quizapp.core.deck.loading import CheckResult, Problem, check_deck

    try:
        return check_deck(resolve(reference))
    except UnknownDeck as error:
        problem = Problem(reference, None, None, f"no such file, and {error}")
        return CheckResult(Path(reference), None, [problem])
