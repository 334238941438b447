"""`quizapp doctor [--rebuild]`: check the progress database; rebuild card state from the log."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the progress database (integrity, card state against the review log)",
        description="Check the progress database: SQLite's integrity check, then that every "
        "card's state equals a rebuild from the review log. Exit status 0 when all is well, "
        "1 when a problem was found (or fixed with --rebuild).",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="recompute all card state from the review log"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=run)


def _key(key: tuple[str, str, str]) -> str:
    return "/".join(key)


def run(args: argparse.Namespace) -> int:
    import time

    from quizapp.cli.output import emit_json, say, warn
    from quizapp.core.store import Store, StoreError, schema_version

    try:
        store = Store()
    except StoreError as error:
        warn(f"quizapp: {error}")
        return 1
    problems = 0
    with store:
        if store.notice:
            warn(store.notice)
            problems += 1
        rebuilt: dict[str, Any] | None = None
        try:
            if args.rebuild:
                start = time.perf_counter()
                cards = store.rebuild()
                rebuilt = {"cards": cards, "seconds": round(time.perf_counter() - start, 3)}
            report = store.check()
        except StoreError as error:
            warn(f"quizapp: {error}")
            return 1
    state_ok = not (report.mismatched or report.missing or report.extra)
    if report.integrity or not state_ok:
        problems += 1
    if args.json:
        emit_json(
            {
                "database": str(store.path),
                "schema": schema_version(),
                "moved_aside": str(store.moved_to) if store.moved_to else None,
                "reviews": report.reviews,
                "cards": report.cards,
                "integrity": report.integrity or ["ok"],
                "rebuilt": rebuilt,
                "mismatched": [_key(k) for k in report.mismatched],
                "missing": [_key(k) for k in report.missing],
                "extra": [_key(k) for k in report.extra],
                "ok": problems == 0,
            }
        )
        return 1 if problems else 0
    say(f"Database: {store.path} (schema {schema_version()})")
    if report.integrity:
        count = len(report.integrity)
        more = f" (and {count - 1} more)" if 1 < count < 20 else " (and more)" if count else ""
        say(f"Integrity: FAILED: {report.integrity[0]}{more}")
        say(
            "The file is damaged. Save what can still be read with `quizapp export-progress "
            f"FILE`, move {store.path} aside, then run `quizapp import-progress FILE`."
        )
        return 1
    say("Integrity: ok")
    if rebuilt is not None:
        say(
            f"Rebuilt the state of {rebuilt['cards']:,} cards from {report.reviews:,} "
            f"reviews in {rebuilt['seconds']:.2f} s."
        )
    if state_ok:
        say(
            f"Card state: ok ({report.cards:,} cards match a rebuild from "
            f"{report.reviews:,} reviews)"
        )
    else:
        wrong = report.mismatched + report.missing + report.extra
        say(
            f"Card state: {len(wrong):,} cards differ from a rebuild from the review log "
            f"(first: {_key(wrong[0])}). Run `quizapp doctor --rebuild` to fix it."
        )
    return 1 if problems else 0
