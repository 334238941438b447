"""`quizapp doctor [--rebuild | --repair] [--json]`: check the progress database; rebuild card
state from the log; save what a damaged file still holds into a fresh one."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the progress database (integrity, card state against the review log)",
        description="Check the progress database: SQLite's integrity check, then that every "
        "card's state equals a rebuild from the review log. Exit status 0 when all is well, "
        "1 when a problem was found (or fixed with --rebuild or --repair).",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--rebuild", action="store_true", help="recompute all card state from the review log"
    )
    group.add_argument(
        "--repair",
        action="store_true",
        help="when the file is damaged: copy every review that can still be read into a "
        "fresh database, and keep the damaged file aside",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=run)


def _key(key: tuple[str, str, str]) -> str:
    return "/".join(key)


def _failed(args: argparse.Namespace, path: Any, message: str) -> int:
    from quizapp.cli.output import emit_json, warn

    if args.json:
        emit_json({"database": str(path), "error": message, "ok": False})
    else:
        warn(f"quizapp: {message}")
    return 1


def _repair(path: Any) -> dict[str, Any]:
    from quizapp.core.store.salvage import salvage

    saved = salvage(path)
    return {
        "reviews": saved.reviews,
        "quizzes": saved.quizzes,
        "cards": saved.cards,
        "moved_aside": str(saved.moved_to),
        "unreadable": saved.unreadable,
    }


def run(args: argparse.Namespace) -> int:
    import time

    from quizapp.cli.output import emit_json, say, warn
    from quizapp.core import locations
    from quizapp.core.store import Store, StoreError, schema_version

    path = locations.database_path()
    try:
        # Only checking reads: a read-only data folder (a mounted backup) can be checked.
        store = Store(read_only=not (args.rebuild or args.repair))
    except StoreError as error:
        return _failed(args, path, str(error))
    problems = 0
    rebuilt: dict[str, Any] | None = None
    repaired: dict[str, Any] | None = None
    moved = store.moved_to
    try:
        with store:
            if store.notice:
                warn(store.notice)
                problems += 1
            report = store.check()
            if args.rebuild and not report.integrity:
                start = time.perf_counter()
                cards = store.rebuild()
                rebuilt = {"cards": cards, "seconds": round(time.perf_counter() - start, 3)}
                report = store.check()
        if args.repair and report.integrity:
            problems += 1
            damage = report.integrity
            repaired = _repair(store.path)
            with Store() as again:
                report = again.check()
            repaired["damage"] = damage
    except StoreError as error:
        return _failed(args, store.path, str(error))
    state_ok = not (report.mismatched or report.missing or report.extra)
    if report.integrity or not state_ok:
        problems += 1
    if args.json:
        emit_json(
            {
                "database": str(store.path),
                "schema": schema_version(),
                "moved_aside": str(moved) if moved else None,
                "reviews": report.reviews,
                "cards": report.cards,
                "integrity": report.integrity or ["ok"],
                "rebuilt": rebuilt,
                "repaired": repaired,
                "mismatched": [_key(k) for k in report.mismatched],
                "missing": [_key(k) for k in report.missing],
                "extra": [_key(k) for k in report.extra],
                "ok": problems == 0,
            }
        )
        return 1 if problems else 0
    say(f"Database: {store.path} (schema {schema_version()})")
    if repaired is not None:
        _say_repaired(repaired)
    if report.integrity:
        count = len(report.integrity)
        more = f" (and {count - 1} more)" if 1 < count < 20 else " (and more)" if count > 1 else ""
        say(f"Integrity: FAILED: {report.integrity[0]}{more}")
        say(
            "The file is damaged. Run `quizapp doctor --repair` to copy every review that can "
            f"still be read into a fresh database ({store.path.name} is kept aside)."
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


def _say_repaired(repaired: dict[str, Any]) -> None:
    from quizapp.cli.output import say

    quizzes = repaired["quizzes"]
    say(
        f"Repaired: the file was damaged ({repaired['damage'][0]}). Recovered "
        f"{repaired['reviews']:,} review{'s' if repaired['reviews'] != 1 else ''} and "
        f"{quizzes:,} quiz{'zes' if quizzes != 1 else ''} into a fresh database, and rebuilt "
        f"the state of {repaired['cards']:,} cards; the damaged file was kept as "
        f"{repaired['moved_aside']}."
    )
    if repaired["unreadable"]:
        say(
            "Some pages of " + ", ".join(repaired["unreadable"]) + " could not be read: the "
            "rows on them are not in the fresh database (the damaged file still holds them)."
        )
