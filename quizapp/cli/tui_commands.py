"""The commands that open the Textual app. textual is imported only when they run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    for name, help_text in (
        ("study", "study a deck's cards due today (spaced repetition)"),
        ("practice", "practise any cards of a deck without changing the schedule"),
    ):
        parser = subparsers.add_parser(name, help=help_text, description=help_text.capitalize())
        parser.add_argument("deck", nargs="?", metavar="DECK", help="deck file, name or id")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--typed",
            dest="answer_mode",
            action="store_const",
            const="typed",
            help="type each answer (the default)",
        )
        mode.add_argument(
            "--flip",
            dest="answer_mode",
            action="store_const",
            const="flip",
            help="reveal the answer and rate yourself",
        )
        parser.set_defaults(handler=run_study, mode=name)


NOTICE_BYTES = 4_000_000
"""A deck this large that changed since it was last opened gets a line saying so (it takes a
few seconds to check: about 6 s for 100,000 cards on two cores)."""


def _check_notice(path: Path) -> None:
    from quizapp.core import deck_cache

    try:
        size = path.stat().st_size
    except OSError:
        return
    if size >= NOTICE_BYTES and not deck_cache.is_fresh(path):
        print(
            f"quizapp: checking {path.name} ({size / 1e6:.0f} MB), new or changed since it was "
            "last opened...",
            file=sys.stderr,
            flush=True,
        )


def _settle() -> None:
    """The decks just loaded live as long as the app: the garbage collector need not walk
    their objects again and again (with a large deck, each walk is a pause). No collection
    first: a full one costs 50 ms before the first card, for the little garbage of start-up."""
    import gc

    gc.freeze()


def _fail(message: str) -> int:
    from quizapp.cli.output import warn

    warn(message)
    return 1


def run_study(args: argparse.Namespace) -> int:
    from quizapp.core import catalog, settings
    from quizapp.core.loading import DeckError, load_deck_cached
    from quizapp.core.store import Store, StoreError

    try:
        path = catalog.resolve(args.deck)
        _check_notice(path)
        deck = load_deck_cached(path)
    except catalog.UnknownDeck as error:
        return _fail(f"quizapp: {error}")
    except DeckError as error:
        for problem in error.problems:
            _fail(problem.format())
        return 1
    loaded, problem = settings.load_or_defaults()
    if problem is not None:
        _fail(str(problem))
        return 1
    if args.answer_mode:
        loaded = loaded.model_copy(update={"answer_mode": args.answer_mode})
    try:
        store = Store()
    except StoreError as error:
        return _fail(f"quizapp: {error}")
    if store.notice:
        print(store.notice, file=sys.stderr)
    from quizapp.tui.app import QuizApp

    _settle()
    with store:
        QuizApp(study=(deck, store, loaded, args.mode)).run()
    return 0


def run_home(args: argparse.Namespace) -> int:
    from quizapp.core import catalog
    from quizapp.core.loading import CheckResult, check_deck_cached

    # Checked before the app starts: a large deck that changed is then built for the cache by
    # several processes, which the app's threads would rule out, and the home screen opens
    # with every deck ready.
    checked: dict[Path, CheckResult] = {}
    for entry in catalog.discover():
        _check_notice(entry.path)
        checked[entry.path] = check_deck_cached(entry.path)
    from quizapp.tui.app import QuizApp

    _settle()
    QuizApp(checked=checked).run()
    return 0
