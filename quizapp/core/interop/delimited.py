"""Delimited text -> rows of cells: Quizlet's exports and spreadsheets' CSV.

Quizlet's *Export* writes each card as its term, a separator, its definition, then a separator
between rows. Between term and definition it offers a tab, a comma or a custom text; between
rows a new line, a semicolon or a custom text. It quotes and escapes nothing: a comma in a
definition, a `"` at the start of a term and a line break inside a definition are written as
they are. So such text is read as Quizlet writes it:

* a row is split at its first term separator only (`ciao,hello, goodbye` is "ciao" and
  "hello, goodbye");
* quotes are text (`"Ciao" tra amici` keeps them; an unclosed `"` swallows nothing);
* a piece without a term separator continues the definition before it (a definition on
  several lines, or a definition holding the row separator), and the import says so.

A spreadsheet's CSV quotes a cell that holds the separator, a quote or a line break (`"a, b"`,
`""` for a quote) or quotes every cell: text whose quotes follow those rules exactly is read as
CSV, every column a cell. The separators are worked out from the text when not given, where
one reading clearly fits better than the others; otherwise the import asks for them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

NEWLINE = "\n"
TERM_SEPARATORS = ("\t", ",", ";", "|")
"""Between term and definition (or columns), in the order preferred when readings tie."""
CUSTOM_TERM_SEPARATORS = (" - ", " – ", " — ", " = ", " : ", " / ")
"""Custom separators people choose in Quizlet, tried after the usual ones."""
ROW_SEPARATORS = (NEWLINE, ";")
NAMES = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "'|'", NEWLINE: "new line"}
_SAMPLE_CHARS = 64 * 1024
_FITS = 0.6
"""The `_quality` a reading needs to be chosen without asking."""
_REGULAR = 0.9
"""A table: nearly every row (this share) has the same number of separators..."""
_TABLE_ROWS = 3
"""... and there are at least this many rows (two lines of a Quizlet export that holds
semicolons between rows can look like a table of two rows), or a header row names columns."""


def name(separator: str) -> str:
    return NAMES.get(separator, repr(separator))


@dataclass(frozen=True)
class Layout:
    """How the text is cut: rows at `rows`, cells at `cells`; `csv` for quoted CSV."""

    cells: str
    rows: str = NEWLINE
    csv: bool = False
    detected: str = ""
    """What was worked out from the text: "" (both given), "the separator", "rows", "all"."""

    def describe(self, *, pairs: bool = False) -> str:
        """`text, tab between term and definition, new line between rows` and the like."""
        if self.csv:
            what = f"CSV, {name(self.cells)} between columns"
        elif pairs:
            what = f"text, {name(self.cells)} between term and definition"
        else:
            what = f"text, {name(self.cells)} between columns"
        if not self.csv:
            what += f", {name(self.rows)} between rows"
        suffix = {"all": ", detected", "rows": ", rows detected"}.get(self.detected, "")
        if self.detected == "the separator":
            suffix = ", separator detected"
        if self.csv:
            suffix = ", detected" if self.detected in ("all", "the separator") else ""
        return what + suffix


@dataclass(frozen=True)
class Row:
    number: int
    """The row's place in the file (from 1), counting only rows that hold something."""
    line: int
    """The line the row starts on (from 1)."""
    cells: list[str]
    joined: tuple[int, ...] = ()
    """Lines (or, between rows other than new lines, row places) of the pieces without a
    term separator that were read as the definition's continuation."""


class LayoutError(ValueError):
    """No reading of the text fits well enough to be chosen for the person."""


class TooManyColumns(ValueError):
    """A row with more cells than are read (counted before the row is cut)."""

    def __init__(self, line: int, cells: int) -> None:
        self.line = line
        self.cells = cells
        super().__init__(f"line {line} has {cells:,} columns")


def _normal(text: str) -> str:
    return text.replace("\r\n", NEWLINE).replace("\r", NEWLINE)


def _pieces(text: str, rows: str) -> list[tuple[int, str]]:
    """(line, piece) for each piece between row separators that holds something."""
    out: list[tuple[int, str]] = []
    line = 1
    for piece in text.split(rows):
        if piece.strip():
            leading = len(piece) - len(piece.lstrip(NEWLINE))
            out.append((line + leading, piece.strip(NEWLINE) if rows != NEWLINE else piece))
        line += piece.count(NEWLINE) + rows.count(NEWLINE)
    return out


# -- quoted CSV ------------------------------------------------------------------------------


def _cell_pattern(cells: str) -> re.Pattern[str]:
    separator = re.escape(cells)
    ends = rf"(?={separator}|\n|\Z)"
    return re.compile(rf'"((?:[^"]|"")*)"{ends}|((?:(?!{separator})[^"\n])*){ends}')


def _quoted_rows(
    text: str, cells: str, max_columns: int | None = None
) -> list[tuple[int, list[str]]] | None:
    """The rows of `text` read as CSV, when its quotes follow CSV's rules exactly; None when
    they do not, and its quotes are text.

    CSV's rules, as spreadsheets write them: a cell that starts with a quote ends with one
    right before a separator or a line end, a quote inside it is doubled, an unquoted cell has
    no quote; and either every cell is quoted, or every text cell is, or only the cells that
    need it (those holding the separator, a quote or a line break).
    """
    if '"' not in text:
        return None
    pattern = _cell_pattern(cells)
    found: list[tuple[int, list[str], list[bool]]] = []
    row: list[str] = []
    quoted: list[bool] = []
    position, line, start, end = 0, 1, 1, len(text)
    while True:
        match = pattern.match(text, position)
        if match is None:
            return None
        is_quoted = match.group(1) is not None
        row.append(match.group(1).replace('""', '"') if is_quoted else match.group(2))
        quoted.append(is_quoted)
        if max_columns is not None and len(row) > max_columns:
            raise TooManyColumns(start, len(row))
        line += text.count(NEWLINE, position, match.end())
        position = match.end()
        if position >= end:
            found.append((start, row, quoted))
            break
        separator = text.startswith(cells, position)
        position += len(cells) if separator else 1
        if not separator:
            found.append((start, row, quoted))
            line += 1
            start, row, quoted = line, [], []
            if position >= end:
                break
    pairs = [
        (value, flag)
        for _, values, flags in found
        for value, flag in zip(values, flags, strict=True)
    ]
    if not any(flag for _, flag in pairs):
        return None

    def needs(value: str) -> bool:
        return cells in value or '"' in value or NEWLINE in value

    def text_cell(value: str) -> bool:
        return not _NUMBER.fullmatch(value.strip())

    every = all(flag for _, flag in pairs)
    texts = all(flag for value, flag in pairs if value and text_cell(value))
    minimal = all(flag == needs(value) for value, flag in pairs if value)
    if not (every or texts or minimal):
        return None
    return [(first, values) for first, values, _ in found]


_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*")


# -- detection -------------------------------------------------------------------------------


def _quality(
    counts: Sequence[int], spanning: Sequence[bool] = (), table_rows: int = _TABLE_ROWS
) -> float:
    """How well a reading cuts the pieces into cards, from 0 to 1, given the number of term
    separators in each piece (and, when rows are not cut at new lines, whether it spans
    lines).

    Each piece scores: 1 for a row with one term separator (or, in a table, with as many as
    nearly every row); 1/2 for a piece without one after a row (a definition continued) and
    for a row with more than one where a comma or a custom text may be part of a definition;
    0 for more than one tab (`counts` of tabs are passed negative), or for a piece before any
    row. A row that spans lines although rows are not cut at new lines scores half as much.
    """
    held = [abs(count) for count in counts if count]
    if not held:
        return 0.0
    modal, times = Counter(held).most_common(1)[0]
    table = modal >= 2 and len(held) >= table_rows and times / len(held) >= _REGULAR
    total = 0.0
    seen_row = False
    for index, count in enumerate(counts):
        if count == 0:
            score = 0.5 if seen_row else 0.0
        elif abs(count) == 1 or (table and abs(count) == modal):
            score = 1.0
        else:
            score = 0.0 if count < 0 else 0.5
        if count and index < len(spanning) and spanning[index]:
            score /= 2
        seen_row = seen_row or count != 0
        total += score
    return total / len(counts)


def _reading_quality(
    sample: str, rows: str, cells: str, table: Callable[[list[str]], bool]
) -> tuple[float, int]:
    """The `_quality` of cutting `sample` at `rows` and `cells`, and how many cards it makes;
    quoted CSV is read as CSV when its quotes follow CSV's rules. `table` says whether a first
    row (cut at every separator) names columns: a table, then, from two rows on."""
    sign = -1 if cells == "\t" else 1
    if rows == NEWLINE:
        quoted = _quoted_rows(sample, cells)
        if quoted is not None:
            filled = [found for _, found in quoted if any(cell.strip() for cell in found)]
            counts = [sign * (len(found) - 1) for found in filled]
            table_rows = 2 if filled and table(filled[0]) else _TABLE_ROWS
            return _quality(counts, (), table_rows), sum(1 for count in counts if count)
    pieces = [piece for _, piece in _pieces(sample, rows)]
    counts = [sign * piece.count(cells) for piece in pieces]
    spanning = [rows != NEWLINE and NEWLINE in piece.strip() for piece in pieces]
    table_rows = 2 if pieces and table(pieces[0].split(cells)) else _TABLE_ROWS
    quality = _quality(counts, spanning, table_rows)
    return quality, sum(1 for count in counts if count)


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    sample = text[:_SAMPLE_CHARS]
    cut = max(sample.rfind(NEWLINE), sample.rfind(";"))
    return sample[: cut + 1] if cut > 0 else sample


def detect(
    text: str,
    cells: str | None = None,
    rows: str | None = None,
    *,
    table: Callable[[list[str]], bool] = lambda first: False,
) -> Layout:
    """The layout of `text`; the separators given are kept, the others worked out: the
    reading of the best `_quality`, then of the most rows, then the usual separators first.

    With neither separator given, a reading must reach `_FITS`: otherwise LayoutError, and
    the person is asked for them.
    """
    text = _normal(text)
    if cells and rows:
        return as_given(text, cells, rows)
    sample = _sample(text)
    cell_options: Sequence[str] = (cells,) if cells else (*TERM_SEPARATORS, *CUSTOM_TERM_SEPARATORS)
    row_options: Sequence[str] = (rows,) if rows else (*ROW_SEPARATORS, *_custom_rows(sample))
    best: tuple[float, int, int, Layout] | None = None
    order = 0
    for row_separator in row_options:
        needed = 0.0 if cells or rows else _FITS
        for cell_separator in cell_options:
            order += 1
            if cell_separator == row_separator or cell_separator in row_separator:
                continue
            quality, cards = _reading_quality(sample, row_separator, cell_separator, table)
            if cell_separator != "\t" and "\t" in sample:
                quality /= 2  # no one types a tab into a card: where there is one, it separates
            quality = round(quality, 3)
            key = (quality, cards, -order, Layout(cell_separator, row_separator))
            if quality > needed - 1e-9 and quality > 0 and (best is None or key[:3] > best[:3]):
                best = key
    if best is None:
        raise LayoutError("no reading fits")
    found = "rows" if cells else "the separator" if rows else "all"
    layout = Layout(best[3].cells, best[3].rows, detected=found)
    if layout.rows == NEWLINE and _quoted_rows(text, layout.cells) is not None:
        return Layout(layout.cells, NEWLINE, csv=True, detected=found)
    return layout


_RUN = re.compile(r"[^\w\s\"'“”«»‘’]{2,8}|\n{2,}")


def _custom_rows(sample: str) -> list[str]:
    """Custom texts that may separate rows: a run of two or more symbols other than quotes
    (`##`, `|||`) or blank lines, seen more than once; the most frequent first. One is chosen
    only when it reads the text better than a new line or a semicolon does."""
    runs = Counter(_RUN.findall(sample))
    return [run for run, count in runs.most_common(3) if count >= 2]


def as_given(text: str, cells: str, rows: str = NEWLINE) -> Layout:
    """The layout with both separators given (CSV when its quotes follow CSV's rules)."""
    quoted = rows == NEWLINE and _quoted_rows(_normal(text), cells) is not None
    return Layout(cells, rows, csv=quoted)


# -- rows --------------------------------------------------------------------------------------


def rows(text: str, layout: Layout, *, pairs: bool, max_columns: int) -> Iterator[Row]:
    """The rows of `text` cut by `layout`. With `pairs` (Quizlet's term and definition) a row
    is cut at its first term separator only; otherwise at every one (a table), and a row of
    more than `max_columns` cells raises TooManyColumns before it is cut."""
    text = _normal(text)
    if layout.csv:
        quoted = _quoted_rows(text, layout.cells, max_columns) or []
        number = 0
        for line, cells in quoted:
            if any(cell.strip() for cell in cells):
                number += 1
                yield Row(number, line, cells)
        return
    pending: list[tuple[int, str]] = []  # pieces before the first row: the start of a term
    current: Row | None = None
    number = 0
    position = 0
    for line, piece in _pieces(text, layout.rows):
        position += 1
        where = line if layout.rows == NEWLINE else position
        if layout.cells not in piece:
            if current is None:
                pending.append((where, piece))
            else:
                cells = list(current.cells)
                cells[-1] = f"{cells[-1]}{_joiner(layout)}{piece}"
                current = Row(current.number, current.line, cells, (*current.joined, where))
            continue
        if current is not None:
            yield current
        number += 1
        if not pairs and piece.count(layout.cells) >= max_columns:
            raise TooManyColumns(line, piece.count(layout.cells) + 1)
        cells = piece.split(layout.cells, 1) if pairs else piece.split(layout.cells)
        joined: tuple[int, ...] = ()
        if pending:
            cells[0] = NEWLINE.join([*(text for _, text in pending), cells[0]])
            joined = tuple(where for where, _ in pending)
            line = pending[0][0] if layout.rows == NEWLINE else line
            pending = []
        current = Row(number, line, cells, joined)
    if current is not None:
        yield current
    for where, piece in pending:  # no row at all held the term separator
        number += 1
        yield Row(number, where, [piece])


def _joiner(layout: Layout) -> str:
    return NEWLINE if layout.rows == NEWLINE else layout.rows
