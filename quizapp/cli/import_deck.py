"""`quizapp import FILE`: a CSV/TSV file or an Anki package -> a TOML deck a person can edit."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

_SHOWN_WARNINGS = 10
_DELIMITERS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
_ROW_SEPARATORS = {"newline": "\n", "new-line": "\n", "semicolon": ";"}
_ESCAPES = {"\\t": "\t", "\\n": "\n", "\\\\": "\\"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="turn a CSV/TSV file (Quizlet, spreadsheets) or an Anki .apkg into a deck",
        description="Import a CSV/TSV file (a Quizlet export, a spreadsheet) or an Anki "
        "package (.apkg) as a TOML deck you can edit. The deck is checked before it is "
        "written; an existing file is never replaced without --force.",
        epilog="Columns and Anki fields are given by number (from 1) or by name. CSV rows "
        "become vocab cards (Italian and English columns) unless --kind qa. Anki notes: "
        "Basic -> qa, Basic (and reversed card) -> vocab, Cloze -> cloze.",
    )
    parser.add_argument("file", metavar="FILE", help="a .csv/.tsv/.txt file or an .apkg package")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DECK.toml",
        help="where to write the deck (default: <deck id>.toml in your decks folder)",
    )
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument(
        "--kind",
        choices=("auto", "vocab", "qa"),
        default="auto",
        help="vocab: term and translation, studied both ways; qa: question and answer in one "
        "language (default: CSV rows are vocab unless the header says question/answer; Anki "
        "notes with a reverse card are vocab, others qa)",
    )
    parser.add_argument("--it", metavar="COL", help="the Italian column or field (default: 1)")
    parser.add_argument("--en", metavar="COL", help="the English column or field (default: 2)")
    parser.add_argument("--question", metavar="COL", help="the question column (qa; default: 1)")
    parser.add_argument("--answer", metavar="COL", help="the answer column (qa; default: 2)")
    parser.add_argument(
        "--lang",
        choices=("it", "en"),
        default="it",
        help="the language of qa and cloze cards (default: it)",
    )
    parser.add_argument("--tag", help="a tag for every card, e.g. lesson-3")
    parser.add_argument(
        "--alternatives",
        metavar="SEP",
        help="split a cell into accepted alternatives at SEP, e.g. ';' or '/'",
    )
    parser.add_argument(
        "--delimiter",
        metavar="D",
        help="between term and definition (CSV: between columns): tab, comma, semicolon, "
        "pipe, or the custom text chosen in Quizlet, e.g. ' - ' (default: detected)",
    )
    parser.add_argument(
        "--row-separator",
        metavar="R",
        help="between rows: newline, semicolon, or the custom text chosen in Quizlet; "
        "\\n and \\t stand for a new line and a tab (default: detected)",
    )
    header = parser.add_mutually_exclusive_group()
    header.add_argument(
        "--header", dest="header", action="store_true", default=None, help="the first row names"
    )
    header.add_argument(
        "--no-header", dest="header", action="store_false", help="the first row is a card"
    )
    parser.add_argument(
        "--deck-id", metavar="ID", help="the new deck's id (default: from the file)"
    )
    parser.add_argument("--title", help="the new deck's title")
    parser.add_argument("--author", default="unknown", help="the deck's author")
    parser.add_argument("--license", default="unknown", help="the deck's license")
    parser.add_argument(
        "--with-history",
        action="store_true",
        help="Anki: also save the review log as your progress, so the schedule carries on",
    )
    parser.set_defaults(handler=run)


def _separator(option: str, value: str | None, names: dict[str, str]) -> str | None:
    """A separator as typed on the command line: a name, or text with \\t and \\n escapes."""
    if value is None:
        return None
    if value.lower() in names:
        return names[value.lower()]
    text = value
    for escape, char in _ESCAPES.items():
        text = text.replace(escape, char)
    if not text:
        raise ValueError(f"{option} cannot be empty")
    return text


def _is_anki(path: Path) -> bool:
    from quizapp.core.files import open_regular

    if path.suffix.lower() in (".apkg", ".colpkg"):
        return True
    try:
        with open_regular(path) as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    from quizapp.cli.output import say, warn
    from quizapp.core import locations
    from quizapp.core.interop import InteropError
    from quizapp.core.interop.ids import is_slug, slugify
    from quizapp.core.interop.options import ImportOptions

    source = Path(args.file).expanduser()
    try:
        tag = None
        if args.tag is not None:
            tag = slugify(args.tag, 100)
            if not tag:
                raise ValueError(f"--tag {args.tag!r} has no letters or digits")
        if args.deck_id is not None and not is_slug(args.deck_id):
            raise ValueError(
                f"--deck-id {args.deck_id!r} must be a slug (lower-case letters, digits, '-')"
            )
        options = ImportOptions(
            kind=args.kind,
            it=args.it,
            en=args.en,
            question=args.question,
            answer=args.answer,
            lang=args.lang,
            tag=tag,
            alternatives=args.alternatives,
            delimiter=_separator("--delimiter", args.delimiter, _DELIMITERS),
            row_separator=_separator("--row-separator", args.row_separator, _ROW_SEPARATORS),
            header=args.header,
            deck_id=args.deck_id,
            title=args.title,
            author=args.author,
            license=args.license,
        )
    except ValueError as error:
        warn(f"quizapp import: error: {error}")
        return 2

    try:
        if _is_anki(source):
            from quizapp.core.interop.anki_import import import_apkg

            imported, package = import_apkg(source, options, with_history=args.with_history)
        else:
            from quizapp.core.interop.csv_import import import_csv

            if args.with_history:
                warn("note: --with-history applies to Anki packages only")
            imported, package = import_csv(source, options), None
        deck = imported.deck
        output = (
            Path(args.output).expanduser()
            if args.output
            else locations.user_decks_dir() / f"{deck.id}.toml"
        )
        comments = [f"Imported from {source.name} ({imported.source_format}) by quizapp import."]
        if "unknown" in (deck.deck.author, deck.deck.license):
            comments.append("Fill in the author and license in [deck] below.")
        history = _history(package, imported) if package is not None and args.with_history else None
        from quizapp.core.interop.toml_write import write_deck

        deck_warnings = write_deck(deck, output, force=args.force, comments=comments)
    except InteropError as error:
        warn(f"error: {error.format()}")
        warn("Nothing was written.")
        return 1

    kinds: dict[str, int] = {}
    for card in deck.cards:
        kinds[card.kind] = kinds.get(card.kind, 0) + 1
    summary = ", ".join(f"{count} {kind}" for kind, count in kinds.items())
    noun = "row" if package is None else "note"
    read, skipped = imported.read, imported.skipped
    say(
        f"Read {source.name} ({imported.source_format}): {_count(read, noun)}, "
        f"{_count(len(deck.cards), 'card')} ({summary}), "
        + (f"{skipped} skipped:" if skipped else "none skipped.")
    )
    for line in imported.warnings:  # every row or note skipped is listed, with why
        say(f"  {line}")
    if imported.notices:
        say("Worth checking:")
        _listed(imported.notices)
    if imported.media:
        names = ", ".join(imported.media[:5]) + (", ..." if len(imported.media) > 5 else "")
        count = len(imported.media)
        say(f"Not imported: {count} media file{'s' if count != 1 else ''} ({names}).")
    for line in deck_warnings[:_SHOWN_WARNINGS]:
        say(line)
    say(f"Wrote {output} (deck '{deck.id}').")
    _say_if_replacing_bundled(output, deck.id)
    from quizapp.core.interop.schema_file import place_schema

    placed = place_schema(output.parent)
    if placed:
        say(placed)
    if history is not None:
        return _save_history(history)
    return 0


def _say_if_replacing_bundled(output: Path, deck_id: str) -> None:
    """A deck written into the decks folder with a bundled deck's id takes its place."""
    from quizapp.cli.output import say
    from quizapp.core.deck import catalog

    for entry in catalog.discover():
        if entry.replaces is not None and entry.path.resolve() == output.resolve():
            say(
                f"It has the id of the bundled deck '{deck_id}': this copy is used from now on, "
                "with the same progress."
            )
            return


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' if number != 1 else ''}"


def _listed(lines: list[str]) -> None:
    from quizapp.cli.output import say

    for line in lines[:_SHOWN_WARNINGS]:
        say(f"  {line}")
    if len(lines) > _SHOWN_WARNINGS:
        say(f"  ... and {len(lines) - _SHOWN_WARNINGS} more")


def _history(package: Any, imported: Any) -> Any:
    """The package's history as progress-store rows (read before anything is written)."""
    from quizapp.core.interop.anki_history import import_history
    from quizapp.core.store.records import now_ms

    return import_history(package, imported, now_ms())


def _save_history(history: Any) -> int:
    """Save Anki's FSRS parameters and desired retention for the deck in the settings, then
    merge the rows into the progress store in one transaction (the store refolds the cards
    with those parameters). Rows already there (same ids) are skipped."""
    from quizapp.cli.output import say, warn
    from quizapp.core import settings as settings_file
    from quizapp.core import settings_lenient
    from quizapp.core.store import Store, StoreError

    deck_id = history.reviews[0].deck_id if history.reviews else None
    if deck_id is None:
        say("Review history: Anki has no answers for these cards.")
        return 0
    params = history.parameters
    chosen, problem = settings_lenient.load_or_defaults()
    if problem is None:
        weights = dict(chosen.fsrs_parameters)
        if history.deck.weights:
            weights[deck_id] = list(params.weights)
        else:
            weights.pop(deck_id, None)
        retention = {**chosen.deck_retention, deck_id: history.deck.desired_retention}
        try:
            settings_file.save(
                chosen.model_copy(update={"fsrs_parameters": weights, "deck_retention": retention})
            )
        except (OSError, settings_file.SettingsError) as error:
            warn(f"quizapp import: Anki's FSRS parameters were not saved in the settings: {error}")
    else:
        warn(f"quizapp import: {problem}; Anki's FSRS parameters were not saved in the settings")
    try:
        with Store() as store:
            if store.notice:
                warn(store.notice)
            store.use_parameters(deck_id, params)
            added = store.merge(history.reviews)
    except StoreError as error:
        warn(f"quizapp import: error: {error}")
        warn("The deck was written but its review history was not saved; run again with --force.")
        return 1
    extra = [
        f"{history.count(mode)} {label}"
        for mode, label in (
            ("forget", "Forget"),
            ("due-date", "Set due date"),
            ("suspend", "suspended"),
            ("bury", "buried"),
        )
        if history.count(mode)
    ]
    say(
        f"Review history: {history.answers} answers for {history.cards} cards read from Anki"
        + (f" ({', '.join(extra)})" if extra else "")
        + f"; {added} new rows saved to your progress."
    )
    say(
        "Schedule: Anki's "
        + ("FSRS parameters" if history.deck.weights else "default FSRS parameters")
        + f", desired retention {history.deck.desired_retention:.2f}, day starts at "
        f"{history.rollover}:00."
    )
    return 0
