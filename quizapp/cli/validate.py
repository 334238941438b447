"""`quizapp validate DECK...`: every problem in every file, located, then a summary.

`--lint` adds the deck lint (`quizapp.core.lint`) to the same report: lint warnings are
problems like the others, located `path:line:column`, each followed by its fix. It is a flag
of `validate` rather than a command of its own because it needs what validation gives it (a
deck without errors, read once, with positions), and because a teacher runs one command and
reads one report; with `--strict`, lint warnings fail it like any other warning.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.deck import CheckResult
    from quizapp.core.lint import SourceText


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check deck files and report every problem with its line and column",
        description="Check deck files. Exit status: 0 when every deck is valid, 1 when a deck "
        "has errors (or warnings, with --strict), 2 for a usage error or a source text that "
        "cannot be read.",
    )
    parser.add_argument(
        "decks", nargs="+", metavar="DECK", help="deck files (.toml), file names or deck ids"
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--lint",
        action="store_true",
        help="also look for faults a valid deck can have (answers given away by other cards, "
        "prompts that look alike, figures without units, telltale choice options, answers the "
        "judge rejects), each with a fix",
    )
    parser.add_argument(
        "--source",
        metavar="FILE",
        help="with --lint: the text the deck is written from; wrong answers it never "
        "mentions and notes citing paragraphs it does not match are reported",
    )
    parser.add_argument(
        "--source-lang",
        choices=("it", "en"),
        help="the language of --source (default: the deck's first language)",
    )
    parser.set_defaults(handler=run, validate_parser=parser)


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import emit_json, say, warn
    from quizapp.core.interop.schema_file import missing_schema
    from quizapp.core.lint import LintProblem

    parser: argparse.ArgumentParser = args.validate_parser
    if (args.source or args.source_lang) and not args.lint:
        parser.error("--source and --source-lang need --lint")
    source = None
    if args.lint and args.source:
        from quizapp.core.lint import SourceError, read_source

        try:
            source = read_source(args.source)
        except SourceError as error:
            warn(f"quizapp validate: --source {error}")
            return 2
    results = [
        _check(reference, lint=args.lint, source=source, source_lang=args.source_lang)
        for reference in args.decks
    ]
    failed = [r for r in results if r.errors or (args.strict and r.warnings)]
    if args.json:
        emit_json(
            {
                "valid": not failed,
                "strict": args.strict,
                "lint": args.lint,
                "source": args.source,
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
            if isinstance(problem, LintProblem):
                say(problem.fix_line())
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


def _check(
    reference: str, *, lint: bool, source: SourceText | None, source_lang: str | None
) -> CheckResult:
    """The deck a reference names (a file, a file name or a deck id), checked (and linted)."""
    from quizapp.core.deck import CheckResult, Problem, check_deck
    from quizapp.core.deck.catalog import UnknownDeck, resolve

    try:
        path = resolve(reference)
    except UnknownDeck as error:
        problem = Problem(reference, None, None, f"no such file, and {error}")
        return CheckResult(Path(reference), None, [problem])
    if not lint:
        return check_deck(path)
    from quizapp.core.lint import check_and_lint

    return check_and_lint(path, source_text=source, source_lang=source_lang)
