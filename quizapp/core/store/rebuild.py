"""Card state from the review log: one card (refold) or all of them (in parallel when large).

The log is read ordered by card key, then time and id, and each card's rows go through
`schedule.fold_rows`, the same code the store runs for each answer. A large log is cut into
key ranges folded by helper processes (plain `python -c`, so nothing of the calling program
runs again) while this process folds the last range.
"""

from __future__ import annotations

import itertools
import os
import pickle
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Mapping
from datetime import tzinfo
from pathlib import Path
from typing import Any

from quizapp.core.schedule import (
    DEFAULT_PARAMETERS,
    STATE_MODES,
    CardState,
    Parameters,
    fold_rows,
)
from quizapp.core.store.records import Key, state_row

_STATE_MODES_SQL = ", ".join(f"'{mode}'" for mode in STATE_MODES)
_EVENT_COLUMNS = "id, at, mode, rating, retention, until, content_hash, day_start"

DeckParameters = Mapping[str, Parameters]
"""Deck id -> the parameters its cards are folded with (absent: the defaults)."""


def refold(
    con: sqlite3.Connection,
    key: Key,
    params: DeckParameters | None = None,
    tz: tzinfo | None = None,
) -> CardState | None:
    """The state of one key from its history; None when it has no state-changing rows."""
    rows = con.execute(
        f"SELECT {_EVENT_COLUMNS} FROM reviews WHERE deck_id = ? AND card_id = ? "
        f"AND direction = ? AND mode IN ({_STATE_MODES_SQL}) ORDER BY at, id",
        key,
    ).fetchall()
    if not rows:
        return None
    return fold_rows(rows, params=(params or {}).get(key[0], DEFAULT_PARAMETERS), tz=tz)


PARALLEL_FOLD_ROWS = 300_000
"""Logs with at least this many rows are folded by several processes."""


def _workers(con: sqlite3.Connection) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if not cores or cores < 2:
        return 1
    rows = con.execute("SELECT max(seq) FROM reviews").fetchone()[0] or 0
    return min(cores, 4) if rows >= PARALLEL_FOLD_ROWS else 1


def _key_ranges(con: sqlite3.Connection, parts: int) -> list[tuple[Key | None, Key | None]]:
    """Cut the log's keys into `parts` ranges of about the same number of rows."""
    if parts <= 1:
        return [(None, None)]
    rows = con.execute("SELECT count(*) FROM reviews").fetchone()[0]
    cuts: list[Key] = []
    for part in range(1, parts):
        row = con.execute(
            "SELECT deck_id, card_id, direction FROM reviews "
            "ORDER BY deck_id, card_id, direction LIMIT 1 OFFSET ?",
            (rows * part // parts,),
        ).fetchone()
        if row is not None and (not cuts or tuple(row) > cuts[-1]):
            cuts.append((row[0], row[1], row[2]))
    bounds: list[Key | None] = [None, *cuts, None]
    return list(itertools.pairwise(bounds))


_FOLD_HELPER = "from quizapp.core.store.rebuild import fold_helper_main; fold_helper_main()"


def _start_fold(
    path: Path, low: Key | None, high: Key | None, params: DeckParameters, tz: tzinfo | None
) -> subprocess.Popen[bytes]:
    helper = subprocess.Popen(
        [sys.executable, "-c", _FOLD_HELPER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert helper.stdin is not None
    helper.stdin.write(pickle.dumps((str(path), low, high, dict(params), tz)))
    helper.stdin.close()
    helper.stdin = None  # written and closed: communicate() only reads
    return helper


def _finish_fold(
    helper: subprocess.Popen[bytes],
    con: sqlite3.Connection,
    low: Key | None,
    high: Key | None,
    params: DeckParameters,
    tz: tzinfo | None,
) -> list[tuple[Any, ...]]:
    """The helper's rows; if it failed, the same range folded here instead."""
    out, _err = helper.communicate()
    if helper.returncode == 0:
        try:
            rows: list[tuple[Any, ...]] = pickle.loads(out)
            return rows
        except (pickle.UnpicklingError, EOFError, ValueError):
            pass
    return [(*key, *state_row(state)) for key, state in fold_log(con, low, high, params, tz)]


def fold_helper_main() -> None:
    """Entry point of a fold helper process: (path, low, high) in, state rows out (pickle)."""
    path, low, high, params, tz = pickle.loads(sys.stdin.buffer.read())
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = [(*key, *state_row(state)) for key, state in fold_log(con, low, high, params, tz)]
    finally:
        con.close()
    sys.stdout.buffer.write(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def fold_log(
    con: sqlite3.Connection,
    low: Key | None = None,
    high: Key | None = None,
    params: DeckParameters | None = None,
    tz: tzinfo | None = None,
) -> Iterator[tuple[Key, CardState]]:
    """Every key's state folded from the log, in key order; keys in [low, high) if given."""
    where = [f"mode IN ({_STATE_MODES_SQL})"]
    bound: list[str] = []
    if low is not None:
        where.append("(deck_id, card_id, direction) >= (?, ?, ?)")
        bound.extend(low)
    if high is not None:
        where.append("(deck_id, card_id, direction) < (?, ?, ?)")
        bound.extend(high)
    cursor = con.execute(
        f"SELECT deck_id, card_id, direction, {_EVENT_COLUMNS} FROM reviews "
        f"WHERE {' AND '.join(where)} ORDER BY deck_id, card_id, direction, at, id",
        bound,
    )
    chosen = params or {}
    key: Key | None = None
    events: list[Any] = []
    while rows := cursor.fetchmany(20_000):
        for row in rows:
            row_key = row[:3]
            if row_key != key:
                if key is not None:
                    yield (
                        key,
                        fold_rows(events, params=chosen.get(key[0], DEFAULT_PARAMETERS), tz=tz),
                    )
                key, events = row_key, []
            events.append(row[3:])
    if key is not None:
        yield key, fold_rows(events, params=chosen.get(key[0], DEFAULT_PARAMETERS), tz=tz)


def folded_rows(
    con: sqlite3.Connection,
    path: Path,
    *,
    parallel: bool = True,
    params: DeckParameters | None = None,
    tz: tzinfo | None = None,
) -> Iterator[tuple[Any, ...]]:
    """(deck id, card id, direction, *state columns) of every key, folded from the log.

    `parallel` only when the log has no uncommitted change on `con`: helpers read the file.
    """
    chosen = dict(params or {})
    ranges = _key_ranges(con, _workers(con) if parallel else 1)
    helpers = [_start_fold(path, low, high, chosen, tz) for low, high in ranges[:-1]]
    try:
        low, high = ranges[-1]
        for key, state in fold_log(con, low, high, chosen, tz):
            yield (*key, *state_row(state))
        for helper, (low, high) in zip(helpers, ranges[:-1], strict=True):
            yield from _finish_fold(helper, con, low, high, chosen, tz)
    finally:
        for helper in helpers:
            if helper.poll() is None:
                helper.kill()
                helper.wait()
