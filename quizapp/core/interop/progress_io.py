"""The review log as JSON Lines, for backups and for merging two devices' progress.

The first line says what the file is; then one line per review and one per finished quiz:

    {"format": "quizapp-progress", "version": 2, "exported_at": "2025-03-01T09:00:00.000Z"}
    {"type": "review", "id": "...", "deck": "deepseek-it", "card": "liang-wenfeng", ...}
    {"type": "quiz", "id": "...", "deck": "deepseek-it", "score": 8.5, "total": 10, ...}

Importing merges by id: a row already in the log is skipped, so importing a file twice adds
nothing and two devices that import each other's files end up with the same history. A file
with any bad line is refused as a whole, with the line (and column) of each problem.

The lines are read by the models of `progress_lines`. Version 2 added to review lines
`day_start` (the day-start hour the row was counted with) and `days` (a due-date row's days, an
imported Anki answer's interval); version 1 files still read.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import (
    ValidationError,
)

from quizapp.core.files import open_regular
from quizapp.core.interop.progress_lines import Header, QuizLine, ReviewLine, iso
from quizapp.core.rating import Rating
from quizapp.core.schedule import Stage
from quizapp.core.store import QuizRun, Review, Store
from quizapp.core.surrogates import (
    ESCAPED_SURROGATE,
    has_lone_surrogate,
)
from quizapp.core.text import printable, shorten

FORMAT = "quizapp-progress"
VERSION = 2
MAX_LINE_ERRORS = 20
MAX_LINE_CHARS = 4 * 1024 * 1024
"""A line longer than this is refused: a review is well under 1 KiB, a 500-question quiz
well under 1 MiB."""

# -- export --------------------------------------------------------------------------------


def review_dict(review: Review) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": "review",
        "id": review.id,
        "deck": review.deck_id,
        "card": review.card_id,
        "direction": review.direction,
        "at": iso(review.at),
        "mode": review.mode,
        "rating": Rating(review.rating).label if review.rating else None,
        "verdict": review.verdict,
        "typed": review.typed,
        "duration_ms": review.duration_ms,
        "content_hash": review.content_hash,
        "retention": review.retention,
        "prior": Stage(review.prior).label if review.prior is not None else None,
        "until": iso(review.until) if review.until is not None and review.mode == "bury" else None,
        "days": review.until if review.until is not None and review.mode != "bury" else None,
        "day_start": review.day_start,
    }
    return {k: v for k, v in data.items() if v is not None}


def quiz_dict(run: QuizRun) -> dict[str, Any]:
    return {
        "type": "quiz",
        "id": run.id,
        "deck": run.deck_id,
        "kind": run.kind,
        "started_at": iso(run.started_at),
        "finished_at": iso(run.finished_at),
        "score": run.score,
        "total": run.total,
        "answers": [
            {
                "card": a.card_id,
                "direction": a.direction,
                "question": a.question,
                "given": a.given,
                "expected": a.expected,
                "verdict": a.verdict,
                "score": a.score,
                **({"format": a.format} if a.format else {}),
                **({"claim": a.claim} if a.claim else {}),
            }
            for a in run.answers
        ],
    }


def export_lines(store: Store, now: int, *, ascii_only: bool = False) -> Iterator[str]:
    """The lines of an export (each without its newline). `ascii_only` writes every
    non-ASCII character as a JSON escape (for a terminal: typed text may hold anything)."""
    yield json.dumps({"format": FORMAT, "version": VERSION, "exported_at": iso(now)})
    for review in store.iter_reviews():
        yield json.dumps(review_dict(review), ensure_ascii=ascii_only)
    for run in reversed(store.quiz_runs(answers=True)):
        yield json.dumps(quiz_dict(run), ensure_ascii=ascii_only)


@dataclass(frozen=True)
class ExportResult:
    reviews: int
    quizzes: int


def export_to(store: Store, out: IO[str], now: int, *, ascii_only: bool = False) -> ExportResult:
    reviews = quizzes = 0
    for line in export_lines(store, now, ascii_only=ascii_only):
        out.write(line + "\n")
        if line.startswith('{"type": "review"'):
            reviews += 1
        elif line.startswith('{"type": "quiz"'):
            quizzes += 1
    return ExportResult(reviews, quizzes)


def export_file(store: Store, path: Path, now: int, *, force: bool = False) -> ExportResult:
    """Write an export atomically: the target appears complete or not at all. An existing
    file (or link) is not replaced unless `force`: InteropError (OutputExists) instead."""
    from quizapp.core.interop.files import atomic_output

    with atomic_output(path, force=force) as raw:
        handle = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        result = export_to(store, handle, now)
        handle.flush()
        handle.detach()  # atomic_output syncs and closes the file itself
    return result


# -- import --------------------------------------------------------------------------------


class ProgressFileError(Exception):
    """A progress file that cannot be imported; `problems` are located lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(problems[0] if problems else "cannot import")


def _pydantic_message(error: ValidationError) -> str:
    first = error.errors()[0]
    where = shorten(".".join(str(part) for part in first["loc"]))
    message = first["msg"]
    if first["type"] == "value_error" and "error" in first.get("ctx", {}):
        message = str(first["ctx"]["error"])  # without pydantic's "Value error, " prefix
    return f"'{where}': {message}" if where else message


def entries(
    path: Path, problems: list[str], repaired_lines: list[int] | None = None
) -> Iterator[Review | QuizRun]:
    """The reviews and quizzes of a progress file, one line at a time.

    Problems are appended to `problems` (located, printable) and their lines skipped; reading
    stops at a wrong header or after MAX_LINE_ERRORS problems. The numbers of lines whose
    text held a lone surrogate (read as U+FFFD) go to `repaired_lines`.
    """
    name = str(path)
    try:
        handle = io.TextIOWrapper(open_regular(path), encoding="utf-8")
    except FileNotFoundError:
        problems.append(printable(f"{name}: no such file"))
        return
    except IsADirectoryError:
        problems.append(printable(f"{name}: is a folder, not a progress file"))
        return
    except OSError as error:
        problems.append(printable(f"{name}: cannot read: {error.strerror}"))
        return

    def problem(number: int, message: str, column: int | None = None) -> None:
        where = f"{name}:{number}" + (f":{column}" if column else "")
        problems.append(printable(f"{where}: {message}"))

    number = 0
    header_seen = False
    with handle:
        try:
            for number, raw in enumerate(_lines(handle), start=1):
                if len(problems) >= MAX_LINE_ERRORS:
                    return
                if raw is None:
                    problem(number, f"line longer than {MAX_LINE_CHARS:,} characters")
                    return
                text = raw.strip()
                if not text:
                    continue
                try:
                    data = json.loads(text)
                except json.JSONDecodeError as error:
                    problem(number, f"not valid JSON: {error.msg}", error.colno)
                    if not header_seen:
                        return
                    continue
                except RecursionError:
                    problem(number, "JSON nested too deeply")
                    return
                if not header_seen:
                    try:
                        header = Header.model_validate(data)
                    except ValidationError:
                        problem(number, "not a quizapp progress file (see quizapp export-progress)")
                        return
                    if header.version > VERSION:
                        problem(number, f"made by a newer quizapp (format {header.version})")
                        return
                    header_seen = True
                    continue
                kind = data.get("type") if isinstance(data, dict) else None
                try:
                    if kind == "review":
                        entry: Review | QuizRun = ReviewLine.model_validate(data).review()
                    elif kind == "quiz":
                        entry = QuizLine.model_validate(data).run()
                    else:
                        problem(number, 'each line needs "type": "review" or "quiz"')
                        continue
                except ValidationError as error:
                    problem(number, _pydantic_message(error))
                    continue
                if (
                    repaired_lines is not None
                    and ESCAPED_SURROGATE.search(text)
                    and has_lone_surrogate(json.dumps(data, ensure_ascii=False))
                ):
                    repaired_lines.append(number)
                yield entry
        except UnicodeDecodeError:
            problem(number + 1, "is not valid UTF-8 text")
    if not header_seen and not problems:
        problems.append(printable(f"{name}: is empty, not a progress file"))


def _lines(handle: IO[str]) -> Iterator[str | None]:
    """The lines of a file, each read up to MAX_LINE_CHARS; None for a longer line (and
    then nothing more: a hostile file must not fill the memory with one endless line)."""
    while True:
        line = handle.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        if len(line) > MAX_LINE_CHARS:
            yield None
            return
        yield line


@dataclass(frozen=True)
class Checked:
    reviews: int
    quizzes: int
    repaired_lines: tuple[int, ...] = ()
    """Lines whose text held lone surrogates, read as U+FFFD."""


def check_file(path: Path) -> Checked:
    """Validate a whole progress file without keeping it in memory; ProgressFileError lists
    every problem found."""
    problems: list[str] = []
    repaired_lines: list[int] = []
    reviews = quizzes = 0
    for entry in entries(path, problems, repaired_lines):
        if isinstance(entry, Review):
            reviews += 1
        else:
            quizzes += 1
    if problems:
        raise ProgressFileError(problems)
    return Checked(reviews, quizzes, tuple(repaired_lines))


@dataclass(frozen=True)
class ImportResult:
    reviews_read: int
    reviews_added: int
    quizzes_read: int
    quizzes_added: int
    repaired_lines: tuple[int, ...] = ()


def import_file(store: Store, path: Path) -> ImportResult:
    """Merge a progress file into the store; nothing is written unless every line is good.

    The file is read twice (check, then merge) so that a large log is never all in memory.
    """
    checked = check_file(path)
    problems: list[str] = []
    quizzes: list[QuizRun] = []

    def reviews() -> Iterator[Review]:
        for entry in entries(path, problems):
            if isinstance(entry, Review):
                yield entry
            else:
                quizzes.append(entry)
        if problems:  # the file changed since it was checked: the merge is rolled back
            raise ProgressFileError(problems)

    added = store.merge(reviews())
    before = {run.id for run in store.quiz_runs()}
    for run in quizzes:
        store.save_quiz(run)
    quizzes_added = len({run.id for run in quizzes} - before)
    return ImportResult(
        checked.reviews, added, checked.quizzes, quizzes_added, checked.repaired_lines
    )
