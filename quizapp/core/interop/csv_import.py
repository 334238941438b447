"""CSV/TSV (Quizlet exports, spreadsheets) -> deck.

Each row becomes a vocab card (an Italian and an English column) or a qa card (a question and
an answer column, in one language). The delimiter and a header row are worked out from the
file unless given. Card ids are derived from the row's key text, so importing the same file
again gives the same ids. A CSV written by `quizapp export --to csv` is recognised by its
header and comes back card for card.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quizapp.core.deck.model import Card, Deck
from quizapp.core.files import open_regular
from quizapp.core.interop import delimited, limits
from quizapp.core.interop.building import ImportedDeck, make_card
from quizapp.core.interop.csv_export import COLUMNS, card_row
from quizapp.core.interop.errors import InteropError
from quizapp.core.interop.ids import UniqueIds, is_slug, slugify
from quizapp.core.interop.options import ImportOptions, deck_info
from quizapp.core.interop.visible import Visible, merge

_NAMES = {
    "it": ("italian", "italiano", "it", "ita", "term", "termine"),
    "en": ("english", "inglese", "en", "eng", "definition", "definizione"),
    "question": ("question", "domanda"),
    "answer": ("answer", "answers", "risposta", "risposte"),
}
_SAMPLE_CHARS = 64 * 1024


def read_text(path: Path, max_bytes: int = limits.MAX_CSV_BYTES) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InteropError(
                path, f"is {size:,} bytes; CSV files are read up to {max_bytes // 2**20} MiB"
            )
        with open_regular(path) as handle:
            raw = handle.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InteropError(path, f"CSV files are read up to {max_bytes // 2**20} MiB")
    except FileNotFoundError:
        raise InteropError(path, "no such file") from None
    except IsADirectoryError:
        raise InteropError(path, "is a folder, not a file") from None
    except OSError as error:
        raise InteropError(path, f"cannot read: {error.strerror or error}") from None
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InteropError(
            path, f"line {line}: not UTF-8 text (save the file as UTF-8 CSV)"
        ) from None


def _is_header(row: list[str]) -> bool:
    names = {cell.strip().casefold() for cell in row}
    known = {name for group in _NAMES.values() for name in group}
    return len(names & known) >= 2


def _column(path: Path, spec: str | None, header: list[str] | None, role: str, default: int) -> int:
    if spec is None:
        if header:
            folded = [cell.strip().casefold() for cell in header]
            for name in _NAMES[role]:
                if name in folded:
                    return folded.index(name)
        return default
    if spec.isdigit():
        if int(spec) < 1:
            raise InteropError(path, f"column {spec}: columns are numbered from 1")
        return int(spec) - 1
    if header:
        folded = [cell.strip().casefold() for cell in header]
        if spec.casefold() in folded:
            return folded.index(spec.casefold())
    columns = ", ".join(repr(cell) for cell in header) if header else "the file has no header row"
    raise InteropError(path, f"no column named {spec!r} ({columns})")


def _rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InteropError(path, f"line {reader.line_num}: {error}") from None
        if len(row) > limits.MAX_COLUMNS:
            raise InteropError(
                path,
                f"line {reader.line_num} has {len(row):,} columns; "
                f"at most {limits.MAX_COLUMNS:,} are read",
            )
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        if count > limits.MAX_ROWS:
            raise InteropError(path, f"more than {limits.MAX_ROWS:,} rows")
        yield reader.line_num, row


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _tags(text: str, extra: str | None) -> list[str]:
    tags = [slugify(word, 100) for word in text.split()]
    if extra:
        tags.append(extra)
    return [tag for tag in dict.fromkeys(tags) if tag and is_slug(tag)]


def import_csv(path: Path, options: ImportOptions | None = None) -> ImportedDeck:
    """Read a CSV/TSV file or a Quizlet export into a deck (not yet written anywhere)."""
    options = options or ImportOptions()
    text = read_text(path)
    if not text.strip():
        raise InteropError(path, "is empty")
    if options.header is not False and _is_quizapp_csv(text):
        return _import_quizapp_csv(path, text, options)
    layout = _layout(path, text, options)
    try:
        first = next(_cut(text, layout, pairs=False), None)
        if first is None:
            raise InteropError(path, "has no rows")
        has_header = options.header or (options.header is None and _is_header(first.cells))
        header = first.cells if has_header else None
        columns_given = any((options.it, options.en, options.question, options.answer))
        pairs = not (header or columns_given or layout.csv)
        found: list[delimited.Row] = []
        for row in _cut(text, layout, pairs=pairs):
            found.append(row)
            if len(found) > limits.MAX_ROWS + 1:
                raise InteropError(path, f"more than {limits.MAX_ROWS:,} rows")
    except delimited.TooManyColumns as error:
        raise InteropError(path, f"{error}; at most {limits.MAX_COLUMNS:,} are read") from None
    body = found[1:] if header is not None else found
    reader = _Rows(path, layout, options, header)
    for row in body:
        reader.add(row)
    cards = reader.cards
    if not cards:
        raise InteropError(path, "no card could be made from this file" + _first(reader.warnings))
    info = deck_info(
        options,
        default_id=path.stem,
        default_title=path.stem.replace("_", " ").replace("-", " ").strip(),
        source=path.name,
        cards=cards,
    )
    notices = [*_continued(path, layout, body), *reader.unused_columns(body)]
    return ImportedDeck(
        Deck(deck=info, cards=cards),
        layout.describe(pairs=pairs),
        reader.warnings,
        [],
        reader.skipped,
        notices=notices,
        read=len(body),
    )


def _cut(text: str, layout: delimited.Layout, *, pairs: bool) -> Iterator[delimited.Row]:
    return delimited.rows(text, layout, pairs=pairs, max_columns=limits.MAX_COLUMNS)


def _layout(path: Path, text: str, options: ImportOptions) -> delimited.Layout:
    try:
        columns_given = any((options.it, options.en, options.question, options.answer))
        return delimited.detect(
            text,
            options.delimiter,
            options.row_separator,
            table=lambda first: columns_given or options.header is True or _is_header(first),
        )
    except delimited.LayoutError:
        raise InteropError(
            path,
            "cannot tell how terms, definitions and rows are separated; give --delimiter "
            "(tab, comma or the text between term and definition) and --row-separator "
            "(newline, semicolon or the text between rows), as chosen in Quizlet's export",
        ) from None


def _where(layout: delimited.Layout, row: delimited.Row) -> str:
    if layout.rows == delimited.NEWLINE:
        return f"line {row.line}"
    return f"row {row.number} (line {row.line})"


class _Rows:
    """Rows -> cards, with every row that does not become one listed and why."""

    def __init__(
        self,
        path: Path,
        layout: delimited.Layout,
        options: ImportOptions,
        header: list[str] | None,
    ) -> None:
        self.path = path
        self.layout = layout
        self.options = options
        kind = options.kind
        if kind == "auto":
            has_qa = header is not None and _is_header_of(header, ("question", "answer"))
            kind = "qa" if has_qa or options.question else "vocab"
        self.kind = kind
        if kind == "qa":
            self.key = _column(path, options.question, header, "question", 0)
            self.value = _column(path, options.answer, header, "answer", 1)
        else:
            self.key = _column(path, options.it, header, "it", 0)
            self.value = _column(path, options.en, header, "en", 1)
        self.header = header
        self.cards: list[Card] = []
        self.warnings: list[str] = []
        self.skipped = 0
        self.ids = UniqueIds()
        self.seen: dict[tuple[str, ...], str] = {}

    def skip(self, row: delimited.Row, reason: str) -> None:
        self.skipped += 1
        if self.layout.rows == delimited.NEWLINE:
            self.warnings.append(f"{self.path}:{row.line}: skipped: {reason}")
        else:
            self.warnings.append(f"{self.path}:{row.line}: row {row.number}: skipped: {reason}")

    def add(self, row: delimited.Row) -> None:
        cells = tuple(cell.strip() for cell in row.cells)
        if cells in self.seen:
            self.skip(row, f"the same row as {self.seen[cells]}")
            return
        self.seen[cells] = _where(self.layout, row)
        first_text, second_text = _cell(row.cells, self.key), _cell(row.cells, self.value)
        if self.kind == "qa":
            columns = (
                Visible(it=first_text, it_answer=second_text)
                if self.options.lang == "it"
                else Visible(en=first_text, en_answer=second_text)
            )
            missing = "question" if not first_text else "answer" if not second_text else ""
        else:
            columns = Visible(it=first_text, en=second_text)
            missing = "Italian" if not first_text else "English" if not second_text else ""
        if missing:
            if len(row.cells) == 1:
                separator = delimited.name(self.layout.cells)
                self.skip(row, f"no {separator} in it, so no {missing} side")
            else:
                self.skip(row, f"the {missing} cell is empty")
            return
        card_id = self.ids.take(slugify(first_text), *cells)
        if card_id is None:
            self.skip(row, "its id is taken by an earlier row")
            return
        base: dict[str, Any] = {"id": card_id, "tags": _tags("", self.options.tag)}
        try:
            self.cards.append(make_card(merge(base, self.kind, columns, self.options.alternatives)))
        except ValueError as error:
            self.skip(row, str(error))

    def unused_columns(self, rows: list[delimited.Row]) -> list[str]:
        """A note for the columns that hold text but are not imported."""
        used = {self.key, self.value}
        width = max((len(row.cells) for row in rows), default=0)
        unused = [
            index
            for index in range(width)
            if index not in used and any(_cell(row.cells, index) for row in rows)
        ]
        if not unused:
            return []
        names = ", ".join(self._column_name(index) for index in unused[:10])
        more = ", ..." if len(unused) > 10 else ""
        return [
            f"{self.path}: not imported: column{'s' if len(unused) > 1 else ''} {names}{more} "
            "(choose the columns with --it/--en or --question/--answer)"
        ]

    def _column_name(self, index: int) -> str:
        if self.header and index < len(self.header) and self.header[index].strip():
            return f"{index + 1} ({self.header[index].strip()!r})"
        return str(index + 1)


def _continued(path: Path, layout: delimited.Layout, rows: list[delimited.Row]) -> list[str]:
    """A note for the pieces read as the rest of a definition (or the start of a term)."""
    joined = [where for row in rows for where in row.joined]
    if not joined:
        return []
    places = ", ".join(str(where) for where in joined[:10]) + (", ..." if len(joined) > 10 else "")
    several = len(joined) > 1
    has = "have" if several else "has"
    separator = delimited.name(layout.cells)
    if layout.rows == delimited.NEWLINE:
        what = f"line{'s' if several else ''} {places} {has} no {separator}"
        how = "read as the rest of the definition above (a definition on several lines)"
    else:
        between = delimited.name(layout.rows)
        what = f"piece{'s' if several else ''} {places} between {between}s {has} no {separator}"
        how = f"read as the rest of the definition before (which held a {between})"
    hint = ", or give --delimiter and --row-separator" if layout.detected else ""
    return [f"{path}: {what}: {how}; check {'those cards' if several else 'that card'}{hint}"]


def _is_quizapp_csv(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().casefold()
    return tuple(cell.strip() for cell in first.split(",")) == COLUMNS


def _import_quizapp_csv(path: Path, text: str, options: ImportOptions) -> ImportedDeck:
    """quizapp's own CSV (its export): real CSV, each row a card, coming back exactly."""
    rows = _rows(path, text, ",")
    next(rows, None)
    warnings: list[str] = []
    cards: list[Card] = []
    ids = UniqueIds()
    skipped = read = 0
    for line, row in rows:
        read += 1
        try:
            card = _quizapp_row(row, options.tag)
        except ValueError as error:
            skipped += 1
            warnings.append(f"{path}:{line}: skipped: {error}")
            continue
        if ids.take(card.id) is None:
            skipped += 1
            warnings.append(
                f"{path}:{line}: skipped: card id '{card.id}' is used by an earlier row"
            )
            continue
        cards.append(card)
    if not cards:
        raise InteropError(path, "no card could be made from this file" + _first(warnings))
    info = deck_info(
        options,
        default_id=path.stem,
        default_title=path.stem.replace("_", " ").replace("-", " ").strip(),
        source=path.name,
        cards=cards,
    )
    return ImportedDeck(
        Deck(deck=info, cards=cards), "quizapp CSV", warnings, [], skipped, read=read
    )


def _first(warnings: list[str]) -> str:
    return f" ({warnings[0]})" if warnings else ""


def _is_header_of(header: list[str], roles: tuple[str, ...]) -> bool:
    folded = {cell.strip().casefold() for cell in header}
    return all(folded & set(_NAMES[role]) for role in roles)


def _quizapp_row(row: list[str], extra_tag: str | None) -> Card:
    """A row of quizapp's own CSV: the JSON card when the row is unchanged, else the edit."""
    cells = [*row, *[""] * (len(COLUMNS) - len(row))][: len(COLUMNS)]
    card_id, kind, tags, it, en, it_answer, en_answer, data = (cell.strip() for cell in cells)
    base: dict[str, Any] = {}
    if data:
        try:
            loaded = json.loads(data)
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            base = loaded
    if base:
        try:
            original = make_card(base)
        except ValueError:
            original = None
        if original is not None and card_row(original) == [cell.strip() for cell in cells]:
            if extra_tag and extra_tag not in original.tags:
                return original.model_copy(update={"tags": [*original.tags, extra_tag]})
            return original
    if not card_id:
        raise ValueError("the id cell is empty")
    base["id"] = card_id
    base["tags"] = _tags(tags, extra_tag)
    columns = Visible(it=it, en=en, it_answer=it_answer, en_answer=en_answer)
    return make_card(merge(base, kind or str(base.get("kind", "")), columns))
