"""`quizapp optimize [DECK] [--all]`: FSRS parameters fitted to your own review log.

Prints how many reviews (and cards) the fit used and the log loss and RMSE of the current and
the fitted parameters on them; a better fit is saved in the settings (for the deck, or with
--all for every deck without its own) and the deck's cards are refolded with it. Fewer than
`MIN_REVIEWS` reviews: one line and exit 1, nothing changed.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.store import Store
    from quizapp.core.study.optimize import Fit


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "optimize",
        help="fit FSRS parameters to your own reviews, as Anki's Optimize",
        description="Fit the FSRS parameters of a deck (or, with --all, of every deck) to "
        "your own review log, show how well the current and the fitted parameters predict "
        "your answers (log loss, RMSE: lower is better), and save the fitted ones in the "
        "settings when they are better, so that the schedule uses them from then on.",
    )
    parser.add_argument("deck", nargs="?", metavar="DECK", help="a deck (file, name or id)")
    parser.add_argument("--all", action="store_true", help="fit one set for all decks")
    parser.set_defaults(handler=run)


def _deck_id(name: str, store: Store) -> str | None:
    """The id of the deck named (a file, name or id), or a deck id the log has rows of (a deck
    whose file is gone still has its history)."""
    from quizapp.core.deck import DeckError, catalog, load_deck_cached

    try:
        return load_deck_cached(catalog.resolve(name)).id
    except (catalog.UnknownDeck, DeckError):
        if store.reviews(deck_id=name):
            return name
        return None


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import say, warn
    from quizapp.core import settings as settings_file
    from quizapp.core.settings_lenient import load_or_defaults
    from quizapp.core.store import Store, StoreError
    from quizapp.core.study import optimize as opt

    if (args.deck is None) == (not args.all):
        warn("quizapp optimize: give one deck, or --all for every deck (not both)")
        return 2
    loaded, problem = load_or_defaults()
    if problem is not None:
        warn(str(problem))
        return 1
    try:
        with Store() as store:
            if store.notice:
                warn(store.notice)
            deck_id = None if args.all else _deck_id(args.deck, store)
            if not args.all and deck_id is None:
                warn(f"quizapp optimize: no deck or review history named {args.deck!r}")
                return 1
            name = "all decks" if deck_id is None else deck_id
            try:
                fit = opt.optimize(store, loaded, deck_id)
            except opt.TooFewReviews as few:
                warn(
                    f"quizapp optimize: {name} has {few.reviews} reviews to learn from; "
                    f"at least {few.minimum} are needed, so nothing was changed"
                )
                return 1
            for line in report_lines(fit, name):
                say(line)
            if not fit.better:
                say("The fit is not better than the current parameters: they are kept.")
                return 0
            opt.save_fit(store, fit)
    except StoreError as error:
        warn(f"quizapp optimize: {error}")
        return 1
    except settings_file.SettingsError as error:
        warn(f"quizapp optimize: the parameters were not saved: {error}")
        return 1
    say(f"Saved: {name} is scheduled with the fitted parameters from now on.")
    return 0


def report_lines(fit: Fit, name: str) -> list[str]:
    """The fit as a few lines of plain text."""
    cards = "card" if fit.cards == 1 else "cards"
    return [
        f"{name}: {fit.reviews} reviews of {fit.cards} {cards} ({fit.seconds:.2f} s)",
        f"{'':10}{'log loss':>10}{'RMSE':>9}",
        f"{'current':10}{fit.before.log_loss:>10.4f}{fit.before.rmse:>9.2%}",
        f"{'fitted':10}{fit.after.log_loss:>10.4f}{fit.after.rmse:>9.2%}",
        *textwrap.wrap("parameters: " + " ".join(f"{w:.4f}" for w in fit.chosen), 78),
    ]
