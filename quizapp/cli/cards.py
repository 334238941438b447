"""`quizapp cards`: the card browser on the command line.

    quizapp cards [DECK] [--tag T]... [--state S] [--due] [--leech] [--search TEXT]
                  [--sort FIELD] [--reverse] [--json]
    quizapp cards ACTION DECK [CARD[:DIRECTION]...] [the same filters] [--days N]
    quizapp cards undo DECK

The first form lists the deck's prompts (a table of 80 columns, or JSON); the second logs an
action (suspend, unsuspend, bury, unbury, reset, set-due) on the prompts named, or on those the
filters choose; `undo` takes back the newest action on the deck's prompts. An action's word
comes first, so a deck named like one is given as a file (`./suspend.toml`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.browse import Browser, BrowseRow, Change, Query

ACTION_WORDS = ("suspend", "unsuspend", "bury", "unbury", "reset", "set-due", "undo")
"""quizapp.core.browse.ACTIONS and undo, without importing the core at start-up."""
SORTS = (
    "deck",
    "card",
    "direction",
    "question",
    "state",
    "due",
    "interval",
    "stability",
    "difficulty",
    "retrievability",
    "reps",
    "lapses",
)
STATES = ("new", "learning", "review", "relearning", "suspended", "buried")
MAX_DAYS = 36_500
JSON_VERSION = 1


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"the days must be a whole number from 0 (today) to {MAX_DAYS} (got {text!r})"
        )
    return value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "cards",
        usage="\n  quizapp cards [DECK] [--tag T]... [--state S] [--due] [--leech]\n"
        "                [--search TEXT] [--sort FIELD] [--reverse] [--json]\n"
        "  quizapp cards ACTION DECK [CARD[:DIRECTION]...] [filters] [--days N] [--json]\n"
        "  quizapp cards undo DECK [--json]",
        help="list a deck's prompts with their schedule, and suspend, bury, reset or set due",
        description="The card browser. `quizapp cards [DECK]` lists every prompt of a deck "
        "with its state, due date, interval, memory (stability, difficulty, recall now), "
        "reps, lapses and flags; the filters choose which. `quizapp cards ACTION DECK "
        "[CARD[:DIRECTION]...]` logs an action on the prompts named (a card alone: all its "
        "prompts) or, with no card named, on those the filters choose: "
        + ", ".join(ACTION_WORDS[:-1])
        + " (with --days N). `quizapp cards undo DECK` takes back the newest action on the "
        "deck's prompts. --json prints the prompts (or the change) as data (README.md).",
    )
    parser.add_argument(
        "words",
        nargs="*",
        metavar="WORDS",
        help="a deck (file, name or id); or an action ("
        + ", ".join(ACTION_WORDS)
        + "), a deck and the prompts to act on",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="prompts with this tag (any)"
    )
    parser.add_argument("--state", choices=STATES, help="prompts in this state")
    parser.add_argument("--due", action="store_true", help="prompts due today")
    parser.add_argument("--leech", action="store_true", help="leeches only (8 lapses or more)")
    parser.add_argument("--search", default="", metavar="TEXT", help="words in the card's text")
    parser.add_argument(
        "--sort", choices=SORTS, default="deck", metavar="FIELD", help=f"one of {', '.join(SORTS)}"
    )
    parser.add_argument("--reverse", action="store_true", help="sort the other way")
    parser.add_argument(
        "--days", type=_days, metavar="N", help="for set-due: due in N days (0: today)"
    )
    parser.set_defaults(handler=run)


def _usage(message: str) -> int:
    from quizapp.cli.output import warn

    warn(f"quizapp cards: error: {message}")
    return 2


def run(args: argparse.Namespace) -> int:
    words: list[str] = list(args.words)
    action = words.pop(0) if words and words[0] in ACTION_WORDS else None
    if action is None and len(words) > 1:
        return _usage(
            f"give one deck to list (got {len(words)}); to act on cards, put the action first "
            f"({', '.join(ACTION_WORDS)})"
        )
    if action is not None and not words:
        return _usage(f"{action} needs the deck: quizapp cards {action} DECK [CARD...]")
    if action == "set-due" and args.days is None:
        return _usage("set-due needs --days N (0: today)")
    if action not in (None, "set-due") and args.days is not None:
        return _usage("--days goes with set-due only")
    if action == "undo" and len(words) > 1:
        return _usage("undo takes the deck only: it takes back the newest action")
    from quizapp.cli.tui_commands import _deck_and_settings, _open_store
    from quizapp.core.browse import Browser, NothingToUndo, Query, UnknownTarget
    from quizapp.core.store import StoreError

    try:
        query = Query(
            tags=tuple(dict.fromkeys(args.tag)),
            state=args.state,
            due=args.due,
            leech=args.leech,
            search=args.search,
            sort=args.sort,
            reverse=args.reverse,
        )
    except ValueError as error:  # pragma: no cover - argparse checks the choices first
        return _usage(str(error))
    found = _deck_and_settings(words[0] if words else None)
    if isinstance(found, int):
        return found
    deck, loaded = found
    store = _open_store()
    if isinstance(store, int):
        return store
    from quizapp.cli.output import warn

    with store:
        try:
            browser = Browser.open(deck, store, loaded)
            if action is None:
                return _list(browser, query, args.json)
            if action == "undo":
                return _report(browser, browser.undo_logged(), args.json, undone=True)
            return _act(browser, action, words[1:], query, args)
        except (UnknownTarget, NothingToUndo) as error:
            warn(f"quizapp cards: {error.args[0]}")
            return 1
        except StoreError as error:
            warn(f"quizapp: {error}")
            return 1


def _list(browser: Browser, query: Query, as_json: bool) -> int:
    from quizapp.cli.cards_text import table
    from quizapp.cli.output import emit_json, say

    rows = browser.rows()
    shown = browser.select(query, rows)
    if as_json:
        emit_json(_listing_json(browser, rows, shown))
        return 0
    for line in table(browser.deck.id, rows, shown):
        say(line)
    return 0


def _listing_json(browser: Browser, rows: list[BrowseRow], shown: list[BrowseRow]) -> Any:
    from quizapp.core.schedule import from_ms

    return {
        "version": JSON_VERSION,
        "generated_at": from_ms(browser.now()).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "deck": browser.deck.id,
        "day_start_hour": browser.settings.day_start_hour,
        "total": len(rows),
        "count": len(shown),
        "prompts": [row.to_json() for row in shown],
    }


def _act(
    browser: Browser, action: str, targets: list[str], query: Query, args: argparse.Namespace
) -> int:
    from quizapp.core.browse import ACTIONS

    chosen = next(name for name in ACTIONS if name == action)
    if targets:
        keys = browser.resolve(targets)
        if query.filtered:
            allowed = {row.key for row in browser.select(query)}
            keys = [key for key in keys if key in allowed]
    elif query.filtered:
        keys = [row.key for row in browser.select(query)]
    else:
        return _usage(
            f"name the cards to {action} (CARD or CARD:DIRECTION), or choose them with "
            "--tag, --state, --due, --leech or --search"
        )
    change = browser.apply(chosen, keys, days=args.days)
    return _report(browser, change, args.json)


_DONE = {
    "suspend": "Suspended",
    "unsuspend": "Unsuspended",
    "bury": "Buried until tomorrow",
    "unbury": "Unburied",
    "reset": "Reset (new again)",
    "set-due": "Set due",
}


def _report(browser: Browser, change: Change, as_json: bool, *, undone: bool = False) -> int:
    from quizapp.cli.output import emit_json, say

    deck_id = browser.deck.id
    if as_json:
        emit_json(
            {
                "version": JSON_VERSION,
                "deck": deck_id,
                "action": change.action,
                "undone": undone,
                "days": change.days,
                "changed": [{"card": k[1], "direction": k[2]} for k in change.keys],
                "unchanged": [{"card": k[1], "direction": k[2]} for k in change.skipped],
            }
        )
        return 0
    count = len(change.keys)
    noun = "prompt" if count == 1 else "prompts"
    if undone:
        say(f"Undone: {change.action} of {count} {noun} of {deck_id}")
    else:
        when = ""
        if change.action == "set-due":
            when = " today" if change.days == 0 else f" in {change.days} day(s)"
        say(f"{_DONE[change.action]}{when}: {count} {noun} of {deck_id}")
    for key in change.keys[:20]:
        say(f"  {key[1]}:{key[2]}")
    if count > 20:
        say(f"  ... and {count - 20} more")
    if change.skipped:
        skipped = len(change.skipped)
        say(f"Already so, left alone: {skipped} prompt{'' if skipped == 1 else 's'}")
    if count and not undone:
        say(f"Undo: quizapp cards undo {deck_id}")
    return 0
