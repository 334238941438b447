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
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quizapp.core.deck.model import Card, Deck
from quizapp.core.interop import limits
from quizapp.core.interop.building import ImportedDeck, make_card
from quizapp.core.interop.csv_export import COLUMNS, card_row
from quizapp.core.interop.errors import InteropError
from quizapp.core.interop.ids import UniqueIds, is_slug, slugify
from quizapp.core.interop.options import ImportOptions, deck_info
from quizapp.core.interop.visible import Visible, merge

DELIMITERS = ("\t", ",", ";", "|")
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
        raw = path.read_bytes()
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


def _reader(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def detect_delimiter(text: str) -> str | None:
    """The delimiter that splits the first rows into the same number (2 or more) of columns."""
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS:
        sample = sample[: sample.rfind("\n") + 1] or sample
    best: tuple[float, int, int] | None = None
    choice = None
    for priority, delimiter in enumerate(DELIMITERS):
        widths: list[int] = []
        try:
            for row in _reader(sample, delimiter):
                if any(cell.strip() for cell in row):
                    widths.append(len(row))
                if len(widths) >= 50:
                    break
        except csv.Error:
            pass
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        score = (count / len(widths), -priority, width)
        if best is None or score > best:
            best, choice = score, delimiter
    return choice


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
    """Read a CSV/TSV file into a deck (not yet written anywhere)."""
    options = options or ImportOptions()
    text = read_text(path)
    if not text.strip():
        raise InteropError(path, "is empty")
    delimiter = options.delimiter or detect_delimiter(text)
    if delimiter is None:
        raise InteropError(
            path,
            "cannot tell the columns apart (no tab, comma, semicolon or '|' splits the rows); "
            "give --delimiter",
        )
    rows = _rows(path, text, delimiter)
    first = next(rows, None)
    if first is None:
        raise InteropError(path, "has no rows")
    warnings: list[str] = []
    cards: list[Card] = []
    ids = UniqueIds()
    skipped = 0

    def skip(line: int, reason: str) -> None:
        nonlocal skipped
        skipped += 1
        warnings.append(f"{path}:{line}: skipped: {reason}")

    header_cells = [cell.strip().casefold() for cell in first[1]]
    if options.header is not False and tuple(header_cells) == COLUMNS:
        for line, row in rows:
            try:
                card = _quizapp_row(row, options.tag)
            except ValueError as error:
                skip(line, str(error))
                continue
            if ids.take(card.id) is None:
                skip(line, f"card id '{card.id}' is used by an earlier row")
                continue
            cards.append(card)
        source_format = "quizapp CSV"
    else:
        has_header = options.header or (options.header is None and _is_header(first[1]))
        header = first[1] if has_header else None
        if header is None:
            rows = _chain(first, rows)
        kind = options.kind
        if kind == "auto":
            has_qa = header is not None and _is_header_of(header, ("question", "answer"))
            kind = "qa" if has_qa or options.question else "vocab"
        if kind == "qa":
            key = _column(path, options.question, header, "question", 0)
            value = _column(path, options.answer, header, "answer", 1)
        else:
            key = _column(path, options.it, header, "it", 0)
            value = _column(path, options.en, header, "en", 1)
        seen: dict[tuple[str, ...], int] = {}
        for line, row in rows:
            cells = tuple(cell.strip() for cell in row)
            if cells in seen:
                skip(line, f"the same row as line {seen[cells]}")
                continue
            seen[cells] = line
            first_text, second_text = _cell(row, key), _cell(row, value)
            if kind == "qa":
                columns = (
                    Visible(it=first_text, it_answer=second_text)
                    if options.lang == "it"
                    else Visible(en=first_text, en_answer=second_text)
                )
                missing = "question" if not first_text else "answer" if not second_text else ""
            else:
                columns = Visible(it=first_text, en=second_text)
                missing = "Italian" if not first_text else "English" if not second_text else ""
            if missing:
                skip(line, f"the {missing} cell is empty")
                continue
            card_id = ids.take(slugify(first_text), *cells)
            if card_id is None:
                skip(line, "its id is taken by an earlier row")
                continue
            base: dict[str, Any] = {"id": card_id, "tags": _tags("", options.tag)}
            try:
                cards.append(make_card(merge(base, kind, columns, options.alternatives)))
            except ValueError as error:
                skip(line, str(error))
        source_format = "TSV" if delimiter == "\t" else "CSV"
    if not cards:
        raise InteropError(path, "no card could be made from this file" + _first(warnings))
    info = deck_info(
        options,
        default_id=path.stem,
        default_title=path.stem.replace("_", " ").replace("-", " ").strip(),
        source=path.name,
        cards=cards,
    )
    return ImportedDeck(Deck(deck=info, cards=cards), source_format, warnings, [], skipped)


def _first(warnings: list[str]) -> str:
    return f" ({warnings[0]})" if warnings else ""


def _is_header_of(header: list[str], roles: tuple[str, ...]) -> bool:
    folded = {cell.strip().casefold() for cell in header}
    return all(folded & set(_NAMES[role]) for role in roles)


def _chain(
    first: tuple[int, list[str]], rest: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, list[str]]]:
    yield first
    yield from rest


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
