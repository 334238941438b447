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
        _tag_option(parser, "study" if name == "study" else "practise")
        parser.set_defaults(handler=run_study, mode=name)
    _register_quiz(subparsers)


def _tag_option(parser: Any, verb: str) -> None:
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help=f"{verb} only cards with this tag; repeat for more (cards with any of them)",
    )


def _unknown_tag(deck: Any, tags: list[str], command: str) -> int | None:
    """Exit code 2 with a message naming the first tag the deck does not have, else None."""
    from quizapp.cli.output import warn
    from quizapp.core.quiz import deck_tags

    known = [tag for tag, _ in deck_tags(deck)] if tags else []
    unknown = [tag for tag in tags if tag not in known]
    if not unknown:
        return None
    listed = ", ".join(known) if known else "none"
    warn(
        f"quizapp {command}: error: the deck {deck.id!r} has no tag {unknown[0]!r} "
        f"(its tags: {listed})"
    )
    return 2


MAX_QUESTIONS = 500


def _questions(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_QUESTIONS:
        raise argparse.ArgumentTypeError(
            f"the number of questions must be a whole number from 1 to {MAX_QUESTIONS} "
            f"(got {text!r})"
        )
    return value


def _minutes(text: str) -> int:
    """The time limit in seconds: minutes as "5", "1.5", "1,5" or "2:30" (see `limit_seconds`)."""
    from quizapp.core.quiz.time_limit import MAX_MINUTES, TimeLimitError, limit_seconds

    try:
        seconds = limit_seconds(text)
    except TimeLimitError:
        seconds = None
    if seconds is None:
        raise argparse.ArgumentTypeError(
            f"the time limit is a number of minutes above 0 and up to {MAX_MINUTES}, "
            f"as 5, 1.5 or 2:30 (got {text!r})"
        )
    return seconds


def _register_quiz(subparsers: Any) -> None:
    help_text = "take a quiz on a deck: scored, and the study schedule is not changed"
    parser = subparsers.add_parser("quiz", help=help_text, description=help_text.capitalize())
    parser.add_argument("deck", nargs="?", metavar="DECK", help="deck file, name or id")
    _tag_option(parser, "quiz")
    parser.add_argument(
        "-n",
        "--questions",
        type=_questions,
        metavar="N",
        help="number of questions (default: the quiz_length setting, 10)",
    )
    parser.add_argument(
        "--time-limit", type=_minutes, metavar="MINUTES", help="time limit in minutes"
    )
    parser.add_argument("--seed", type=int, help="the same seed gives the same questions")
    parser.set_defaults(handler=run_quiz)


NOTICE_BYTES = 4_000_000
"""A deck this large that changed since it was last opened gets a line saying so (it takes a
few seconds to check: about 6 s for 100,000 cards on two cores)."""


def _check_notice(path: Path) -> None:
    from quizapp.core.deck import cache as deck_cache

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


def _deck_and_settings(name: str | None) -> tuple[Any, Any] | int:
    """The deck named on the command line and the settings, or the exit code of a failure."""
    from quizapp.core import settings_lenient
    from quizapp.core.deck import DeckError, catalog, load_deck_cached

    try:
        path = catalog.resolve(name)
        _check_notice(path)
        deck = load_deck_cached(path)
    except catalog.UnknownDeck as error:
        return _fail(f"quizapp: {error}")
    except DeckError as error:
        for located in error.problems:
            _fail(located.format())
        return 1
    loaded, problem = settings_lenient.load_or_defaults()
    if problem is not None:
        for line in str(problem).splitlines():  # one line per bad entry
            _fail(line)
        return 1
    return deck, loaded


def _open_store() -> Any:
    """The progress store, or the exit code of a failure."""
    from quizapp.core.store import Store, StoreError

    try:
        store = Store()
    except StoreError as error:
        return _fail(f"quizapp: {error}")
    if store.notice:
        _fail(store.notice)  # shown in the app too; this line stays after it closes
    return store


def run_study(args: argparse.Namespace) -> int:
    found = _deck_and_settings(args.deck)
    if isinstance(found, int):
        return found
    deck, loaded = found
    refused = _unknown_tag(deck, args.tag, args.mode)
    if refused is not None:
        return refused
    from quizapp.core.study.lock import holder

    other = holder(deck.deck.id)
    if other is not None:
        return _fail(
            f"quizapp: another quizapp (pid {other}) is studying the deck '{deck.deck.id}'; "
            "go on there, or close it first"
        )
    if args.answer_mode:
        loaded = loaded.model_copy(update={"answer_mode": args.answer_mode})
    store = _open_store()
    if isinstance(store, int):
        return store
    from quizapp.tui.app import QuizApp
    from quizapp.tui.screens.study import StudyScreen

    options = {"tags": tuple(dict.fromkeys(args.tag))} if args.tag else None

    def start(app: QuizApp) -> StudyScreen:
        return StudyScreen(deck, store, app.settings, mode=args.mode, session_options=options)

    _settle()
    with store:
        app = QuizApp(settings=loaded, store=store, start=start)
        app.run()
    return app.return_code or 0


def run_quiz(args: argparse.Namespace) -> int:
    from quizapp.core.quiz import QuizOptions

    found = _deck_and_settings(args.deck)
    if isinstance(found, int):
        return found
    deck, loaded = found
    refused = _unknown_tag(deck, args.tag, "quiz")
    if refused is not None:
        return refused
    if not deck.cards:
        return _fail(f"quizapp: the deck {deck.id!r} has no cards to quiz")
    options = QuizOptions(
        length=args.questions,
        tags=tuple(dict.fromkeys(args.tag)),
        time_limit_s=args.time_limit,
    )
    store = _open_store()
    if isinstance(store, int):
        return store
    with store:
        return open_quiz(deck, store, loaded, options, seed=args.seed)


def open_quiz(deck: Any, store: Any, settings: Any, options: Any, *, seed: int | None) -> int:
    """Run the app straight on a quiz; it exits when the quiz screen closes."""
    from quizapp.tui.app import QuizApp
    from quizapp.tui.screens.quiz import QuizScreen

    def start(app: QuizApp) -> QuizScreen:
        return QuizScreen(deck, store, app.settings, options, seed=seed)

    _settle()
    app = QuizApp(settings=settings, store=store, start=start)
    app.run()
    return app.return_code or 0


def run_home(args: argparse.Namespace) -> int:
    """The app on its home screen. A settings file or a database from a newer quizapp stops
    it here, with the reason; any other problem with them is shown in the app."""
    from quizapp.core import settings, settings_lenient
    from quizapp.core.deck import CheckResult, catalog, check_deck_cached
    from quizapp.core.store import NewerDatabaseError, Store, StoreError

    loaded, problem = settings_lenient.load_or_defaults()
    if isinstance(problem, settings.NewerSettingsError):
        return _fail(f"quizapp: {problem}")
    # any other problem: the app starts with the defaults and shows it
    try:
        store: Store | None = Store()
    except NewerDatabaseError as error:
        return _fail(f"quizapp: {error}")
    except StoreError:
        store = None  # the app says why when it first needs the store
    # Checked before the app starts: a large deck that changed is then built for the cache by
    # several processes, which the app's threads would rule out, and the home screen opens
    # with every deck ready.
    checked: dict[Path, CheckResult] = {}
    for entry in catalog.discover():
        _check_notice(entry.path)
        checked[entry.path] = check_deck_cached(entry.path)
    from quizapp.tui.app import QuizApp

    _settle()
    app = QuizApp(settings=loaded, settings_problem=problem, store=store, checked=checked)
    try:
        app.run()
    finally:
        if store is not None:
            store.close()
    return app.return_code or 0
