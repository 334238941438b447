"""Progress in SQLite: an append-only review log (the truth) and card state (a fold of it).

One database file in the data directory (`locations.database_path()`), WAL journal,
`synchronous=FULL` (a commit survives a power cut), a busy timeout so that two quizapp
processes can write to it at once.

Tables:

* `reviews`: one row per answer and per suspend/bury action, written once and never updated.
  Undo deletes the rows of the action it undoes (an undone answer was never given).
* `card_state`: FSRS state per card key, derived from `reviews` by `schedule.fold_rows`. It is
  updated in the same transaction as the row that changes it, and `rebuild()` recomputes it.
* `catalog` and `decks`: the card keys of each opened deck in deck order (so that new cards and
  the counts of the home screen come from SQL); `catalog.fresh` marks keys not yet introduced.
* `quiz_runs` and `quiz_answers`: finished quizzes, for results and best/last scores.

An unreadable file is moved aside with a timestamped name, never deleted or overwritten; the
store then starts a fresh database and says so in `Store.notice`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any

from quizapp.core import locations
from quizapp.core.schedule.engine import (
    DEFAULT_PARAMETERS,
    MODES,
    STATE_MODES,
    CardState,
    Day,
    Parameters,
    Stage,
    apply,
)
from quizapp.core.store import rebuild
from quizapp.core.store import schema as store_schema
from quizapp.core.store.records import (
    RETRY_KIND,
    REVIEW_COLUMNS,
    STATE_COLUMNS,
    CheckReport,
    Counts,
    Key,
    QuizAnswer,
    QuizRun,
    QuizSummary,
    Review,
    new_id,
    now_ms,
    review_row,
    state_from,
    state_row,
)
from quizapp.core.store.schema import schema_version

BUSY_TIMEOUT_S = 10.0


class StoreError(Exception):
    """A problem with the progress database that the user must see: one clear line."""


class NewerDatabaseError(StoreError):
    """A database written by a newer quizapp: not opened for writing, never moved aside."""


# -- the store -----------------------------------------------------------------------------


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def _aside_name(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    return candidate


def _fresh(state: CardState | None) -> int:
    """1 when a key is still waiting to be introduced as a new card."""
    return int(state is None or (state.stage == Stage.NEW and not state.suspended))


class _Corrupt(Exception):
    pass


def _is_storage_error(error: BaseException) -> bool:
    """A problem of the file or the disk (busy, read-only, damaged), not of quizapp's SQL."""
    return isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError


def _looks_like_sqlite(path: Path) -> bool:
    """False for a non-empty file without SQLite's header; True when absent or empty."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except FileNotFoundError:
        return True
    except OSError as error:
        raise StoreError(f"cannot read {path}: {_reason(error)}") from None
    return not header or header == b"SQLite format 3\x00"


class Store:
    """The progress database. Open it with `Store()` (the user's) or `Store(path)`."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        timeout: float = BUSY_TIMEOUT_S,
        tz: tzinfo | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else locations.database_path()
        self.timeout = timeout
        self.tz = tz
        """The time zone study days are counted in (None: the system's)."""
        self._parameters: dict[str, Parameters] = {}
        self.notice: str | None = None
        """Set when an unreadable database was moved aside: tell the user."""
        self.moved_to: Path | None = None
        self._lock = threading.RLock()
        self._con = self._open()
        self._parameters = store_schema.load_parameters(self._con)

    # -- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the data folder {folder}: {_reason(error)} "
                "(set QUIZAPP_DATA_DIR to a folder you can write to)"
            ) from None
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder; quizapp keeps its progress in that file")
        if not os.access(folder, os.W_OK | os.X_OK) or (
            self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK)
        ):
            raise StoreError(self._read_only_message())
        try:
            if not _looks_like_sqlite(self.path):
                # Caught before SQLite opens it (and its -wal), so nothing is touched.
                raise _Corrupt("it is not a SQLite database")
            return self._connect()
        except _Corrupt as error:
            self._move_aside(str(error))
            try:
                return self._connect()
            except _Corrupt as again:  # pragma: no cover - a fresh file cannot be corrupt
                raise StoreError(f"cannot start a fresh database at {self.path}: {again}") from None

    def _read_only_message(self) -> str:
        return (
            f"cannot write to {self.path}: the data folder is read-only. quizapp keeps every "
            "answer there; set QUIZAPP_DATA_DIR to a folder you can write to"
        )

    def _connect(self) -> sqlite3.Connection:
        try:
            con = sqlite3.connect(
                self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot open {self.path}: {error}") from None
        try:
            self._prepare(con)
        except sqlite3.OperationalError as error:
            con.close()
            text = str(error)
            if "readonly" in text or "read-only" in text:
                raise StoreError(self._read_only_message()) from None
            raise StoreError(f"cannot open {self.path}: {text}") from None
        except sqlite3.DatabaseError as error:
            con.close()
            raise _Corrupt(str(error)) from None
        except (_Corrupt, StoreError):
            con.close()
            raise
        return con

    def _prepare(self, con: sqlite3.Connection) -> None:
        con.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        # One statement, one snapshot: another quizapp may be creating the file right now.
        application_id, version, tables = con.execute(
            "SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master) "
            "FROM pragma_application_id AS a, pragma_user_version AS v"
        ).fetchone()
        if application_id != store_schema.APPLICATION_ID and tables:
            raise _Corrupt("it is not a quizapp database")
        if version > schema_version():
            raise NewerDatabaseError(
                f"{self.path} was written by a newer quizapp (schema {version}; this one reads "
                f"up to {schema_version()}). Update quizapp; the file was left as it is"
            )
        mode = self._journal_mode_wal(con)
        if str(mode).lower() != "wal":
            raise StoreError(f"cannot use write-ahead logging for {self.path} (got {mode})")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA cache_size = -65536")  # up to 64 MiB of pages, allocated as used
        con.execute("PRAGMA foreign_keys = ON")
        if version < schema_version():
            self._migrate(con)

    def _journal_mode_wal(self, con: sqlite3.Connection) -> str:
        """Switch to WAL; a switch needs a moment alone with the file, so wait for it."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return str(con.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _migrate(self, con: sqlite3.Connection) -> None:
        con.execute("BEGIN IMMEDIATE")
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, schema_version()):
                store_schema.MIGRATIONS[number](con)
            con.execute(f"PRAGMA application_id = {store_schema.APPLICATION_ID}")
            con.execute(f"PRAGMA user_version = {schema_version()}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _move_aside(self, reason: str) -> None:
        now = datetime.now(timezone.utc)
        target = _aside_name(self.path, now)
        try:
            for suffix in ("", "-wal", "-shm"):
                source = self.path.with_name(self.path.name + suffix)
                if source.exists():
                    source.rename(target.with_name(target.name + suffix))
        except OSError as error:
            raise StoreError(
                f"{self.path} cannot be read ({reason}) and could not be moved aside: "
                f"{_reason(error)}. Nothing was deleted; move it yourself to start afresh"
            ) from None
        self.moved_to = target
        self.notice = (
            f"The progress database {self.path} could not be read ({reason}); it was moved to "
            f"{target} and quizapp started a fresh one."
        )

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run `work` in one immediate transaction; committed (durably) when this returns."""
        with self._lock:
            con = self._con
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise self._error(error) from None
            try:
                result = work(con)
                con.execute("COMMIT")
            except BaseException as error:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                if _is_storage_error(error):
                    raise self._error(error) from None
                raise
            return result

    def _error(self, error: BaseException) -> StoreError:
        text = str(error)
        if "readonly" in text:
            return StoreError(self._read_only_message())
        if "locked" in text or "busy" in text:
            return StoreError(f"{self.path} is busy (another quizapp is writing); try again")
        if "disk is full" in text:
            return StoreError(
                f"cannot write to {self.path}: the disk is full. Free some space; what was "
                "saved before is kept"
            )
        if "disk I/O error" in text:
            return StoreError(
                f"cannot write to {self.path}: the disk refused the write (disk I/O error; is "
                "it full, read-only or gone?). What was saved before is kept"
            )
        if isinstance(error, sqlite3.OperationalError):
            return StoreError(f"cannot write to {self.path}: {text}")
        return StoreError(
            f"the progress database {self.path} is damaged ({text}); run `quizapp doctor`"
        )

    def _read(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._con.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as error:
                if not _is_storage_error(error):
                    raise
                raise self._error(error) from None

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        """The rows of one read-only query, for reports (statistics) that sum in SQL."""
        return self._read(sql, params)

    def iter_query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = (), batch: int = 5_000
    ) -> Iterator[Any]:
        """The rows of one read-only query, a batch at a time (an export of the log)."""
        with self._lock:
            try:
                cursor = self._con.execute(sql, params)
                while rows := cursor.fetchmany(batch):
                    yield from rows
            except sqlite3.DatabaseError as error:
                if not _is_storage_error(error):
                    raise
                raise self._error(error) from None

    # -- the log ---------------------------------------------------------------------------

    def record(self, review: Review) -> CardState | None:
        """Append one row and update the card's state, in one durable transaction.

        Returns the card's new state for state-changing modes (study, suspend, bury...), None
        for practice and quiz answers, which are only logged. A study answer gets its `prior`
        stage filled in here, from the state read under the write lock.
        """
        if review.mode not in MODES:
            raise ValueError(f"unknown review mode {review.mode!r}")
        if review.mode == "study" and review.rating is None:
            raise ValueError("a study answer needs a rating")

        def work(con: sqlite3.Connection) -> CardState | None:
            if review.mode not in STATE_MODES:
                con.execute(_INSERT_REVIEW, review_row(review))
                return None
            old = _load_state(con, review.key)
            current = old or CardState()
            row = review
            if review.mode == "study":
                row = replace(review, prior=int(current.stage))
            con.execute(_INSERT_REVIEW, review_row(row))
            if old is not None and review.at <= old.last_event:
                # Arrived out of order: replay the history.
                state = rebuild.refold(con, review.key, self._parameters, self.tz)
            else:
                state = apply(current, row.event(), self.parameters(review.deck_id), self.tz)
            _save_state(con, review.key, old, state)
            return state

        result: CardState | None = self._write(work)
        return result

    def undo(self, review_ids: Sequence[str]) -> None:
        """Remove these rows from the log and recompute the state of their cards."""

        def work(con: sqlite3.Connection) -> None:
            keys: set[Key] = set()
            for review_id in review_ids:
                row = con.execute(
                    "SELECT deck_id, card_id, direction FROM reviews WHERE id = ?", (review_id,)
                ).fetchone()
                if row is not None:
                    keys.add((row[0], row[1], row[2]))
                    con.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            for key in keys:
                old = _load_state(con, key)
                _save_state(con, key, old, rebuild.refold(con, key, self._parameters, self.tz))

        self._write(work)

    def state(self, key: Key) -> CardState | None:
        with self._lock:
            try:
                return _load_state(self._con, key)
            except sqlite3.DatabaseError as error:
                if not _is_storage_error(error):
                    raise
                raise self._error(error) from None

    def states(self, deck_id: str) -> dict[Key, CardState]:
        rows = self._read(
            f"SELECT card_id, direction, {STATE_COLUMNS} FROM card_state WHERE deck_id = ?",
            (deck_id,),
        )
        return {(deck_id, row[0], row[1]): state_from(row[2:]) for row in rows}

    def reviews(self, key: Key | None = None, *, deck_id: str | None = None) -> list[Review]:
        """Rows of the log in log order (time, then id): all, one deck's, or one key's."""
        if key is not None:
            rows = self._read(
                f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE deck_id = ? AND card_id = ? "
                "AND direction = ? ORDER BY at, id",
                key,
            )
        elif deck_id is not None:
            rows = self._read(
                f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE deck_id = ? ORDER BY at, id",
                (deck_id,),
            )
        else:
            rows = self._read(f"SELECT {REVIEW_COLUMNS} FROM reviews ORDER BY at, id")
        return [Review(*row) for row in rows]

    def iter_reviews(self, batch: int = 10_000) -> Iterator[Review]:
        """Every row of the log in log order, without holding them all in memory."""
        with self._lock:
            try:
                cursor = self._con.execute(f"SELECT {REVIEW_COLUMNS} FROM reviews ORDER BY at, id")
                while rows := cursor.fetchmany(batch):
                    for row in rows:
                        yield Review(*row)
            except sqlite3.DatabaseError as error:
                if not _is_storage_error(error):
                    raise
                raise self._error(error) from None

    def review_count(self) -> int:
        return int(self._read("SELECT count(*) FROM reviews")[0][0])

    def has_review(self, review_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM reviews WHERE id = ?", (review_id,)))

    def merge(self, reviews: Iterable[Review]) -> int:
        """Add the rows whose ids are not in the log yet (idempotent); refold their cards.

        Returns how many rows were added.
        """

        def work(con: sqlite3.Connection) -> int:
            keys: set[Key] = set()

            def rows() -> Iterator[tuple[Any, ...]]:
                for review in reviews:
                    if review.mode in STATE_MODES:
                        keys.add(review.key)
                    yield review_row(review)

            before = con.total_changes
            con.executemany(_INSERT_REVIEW.replace("INSERT", "INSERT OR IGNORE", 1), rows())
            added = con.total_changes - before
            if not added:
                return 0
            if len(keys) > _REFOLD_LIMIT:
                # In this process only: helper processes would not see the uncommitted rows.
                self._rebuild(con, parallel=False)
            else:
                for key in keys:
                    state = rebuild.refold(con, key, self._parameters, self.tz)
                    _save_state(con, key, _load_state(con, key), state)
            return added

        result: int = self._write(work)
        return result

    # -- rebuild and check -----------------------------------------------------------------

    def rebuild(self) -> int:
        """Recompute every card's state from the log. Returns the number of card keys."""
        result: int = self._write(self._rebuild)
        return result

    def _rebuild(self, con: sqlite3.Connection, *, parallel: bool = True) -> int:
        """Inside a write transaction: replace card_state by a fold of the log.

        `parallel` only when the log itself has no uncommitted change in this transaction.
        """
        con.execute("DELETE FROM card_state")
        count = 0
        batch: list[tuple[Any, ...]] = []
        for row in self._folded_rows(con, parallel=parallel):
            batch.append(row)
            if len(batch) >= 5_000:
                count += len(batch)
                con.executemany(_UPSERT_STATE, batch)
                batch.clear()
        count += len(batch)
        con.executemany(_UPSERT_STATE, batch)
        con.execute(_REFRESH_CATALOG)
        return count

    def _folded_rows(
        self, con: sqlite3.Connection, *, parallel: bool = True
    ) -> Iterator[tuple[Any, ...]]:
        return rebuild.folded_rows(
            con, self.path, parallel=parallel, params=self._parameters, tz=self.tz
        )

    # -- FSRS parameters ---------------------------------------------------------------------

    def parameters(self, deck_id: str) -> Parameters:
        """The parameters this deck's card state is folded with."""
        return self._parameters.get(deck_id, DEFAULT_PARAMETERS)

    def use_parameters(self, deck_id: str, params: Parameters) -> bool:
        """Fold this deck's cards with `params` from now on (kept in the database, so that a
        rebuild or a check uses the same); refolds the deck when they changed. True if so."""
        if self.parameters(deck_id) == params:
            return False

        def work(con: sqlite3.Connection) -> None:
            store_schema.save_parameters(con, deck_id, params)
            self._parameters = store_schema.load_parameters(con)
            keys = con.execute(
                "SELECT DISTINCT deck_id, card_id, direction FROM reviews WHERE deck_id = ?",
                (deck_id,),
            ).fetchall()
            for row in keys:
                key = (row[0], row[1], row[2])
                state = rebuild.refold(con, key, self._parameters, self.tz)
                _save_state(con, key, _load_state(con, key), state)

        try:
            self._write(work)
        except BaseException:
            self._parameters = store_schema.load_parameters(self._con)
            raise
        return True

    def check(self, *, integrity: bool = True) -> CheckReport:
        """Check the file's integrity and that card state equals a fold of the log."""
        report = CheckReport()
        with self._lock:
            if integrity:
                rows = self._read("PRAGMA integrity_check(20)")
                problems = [
                    line.strip()
                    for row in rows
                    for line in str(row[0]).splitlines()
                    if line.strip() and not line.startswith("***")
                ]
                if problems != ["ok"]:
                    report.integrity = problems
                    return report
            stored = {
                tuple(row[:3]): tuple(row)
                for row in self._read(
                    f"SELECT deck_id, card_id, direction, {STATE_COLUMNS} FROM card_state"
                )
            }
            report.reviews = self.review_count()
            report.cards = len(stored)
            try:
                for row in self._folded_rows(self._con):
                    key = (row[0], row[1], row[2])
                    have = stored.pop(key, None)
                    if have is None:
                        report.missing.append(key)
                    elif have != row:
                        report.mismatched.append(key)
            except sqlite3.DatabaseError as error:
                raise self._error(error) from None
            report.extra = sorted((k[0], k[1], k[2]) for k in stored)
        return report

    # -- the deck catalog ------------------------------------------------------------------

    def sync_catalog(self, deck_id: str, keys: Sequence[tuple[str, str]]) -> bool:
        """Record the (card id, direction) keys of a deck in deck order. Returns True when the
        stored list changed. Cheap when nothing changed: one fingerprint comparison."""
        import hashlib

        text = "".join([f"{card_id}\x1f{direction}\x1e" for card_id, direction in keys])
        fingerprint = hashlib.sha256(text.encode()).hexdigest()
        stored = self._read("SELECT fingerprint FROM decks WHERE deck_id = ?", (deck_id,))
        if stored and stored[0][0] == fingerprint:
            return False

        def work(con: sqlite3.Connection) -> None:
            con.execute("DELETE FROM catalog WHERE deck_id = ?", (deck_id,))
            con.executemany(
                "INSERT OR IGNORE INTO catalog (deck_id, card_id, direction, position, fresh) "
                "VALUES (?, ?, ?, ?, 1)",
                ((deck_id, card_id, direction, i) for i, (card_id, direction) in enumerate(keys)),
            )
            con.execute(_REFRESH_CATALOG + " WHERE deck_id = ?", (deck_id,))
            con.execute(
                "INSERT INTO decks (deck_id, fingerprint, cards, synced_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (deck_id) DO UPDATE SET fingerprint = excluded.fingerprint, "
                "cards = excluded.cards, synced_at = excluded.synced_at",
                (deck_id, fingerprint, len(keys), time.time_ns() // 1_000_000),
            )

        self._write(work)
        return True

    def deck_ids(self) -> list[str]:
        """Decks that have a catalog or any history."""
        rows = self._read(
            "SELECT deck_id FROM decks UNION SELECT DISTINCT deck_id FROM card_state ORDER BY 1"
        )
        return [row[0] for row in rows]

    # -- queues and counts -----------------------------------------------------------------

    def next_learning(self, deck_id: str, now: int, before: int) -> tuple[Key, CardState] | None:
        """The learning or relearning card due first, if it is due before `before`."""
        rows = self._read(
            f"SELECT card_id, direction, {STATE_COLUMNS} FROM card_state "
            "WHERE deck_id = ? AND stage IN (1, 3) AND due < ? AND suspended = 0 "
            f"AND buried_until <= ? AND {_IN_CATALOG} ORDER BY due LIMIT 1",
            (deck_id, before, now),
        )
        if not rows:
            return None
        row = rows[0]
        return (deck_id, row[0], row[1]), state_from(row[2:])

    def next_learning_due(self, deck_id: str, now: int) -> int | None:
        """When the next learning card comes due (for "come back in 5 minutes")."""
        rows = self._read(
            "SELECT min(due) FROM card_state WHERE deck_id = ? AND stage IN (1, 3) "
            f"AND suspended = 0 AND buried_until <= ? AND {_IN_CATALOG}",
            (deck_id, now),
        )
        value = rows[0][0]
        return int(value) if value is not None else None

    def next_scheduled(self, deck_id: str) -> int | None:
        """When the next scheduled card (learning or review, not suspended) comes due, or
        comes back from being buried: whichever is later for each card, the earliest of all."""
        rows = self._read(
            "SELECT min(max(due, buried_until)) FROM card_state WHERE deck_id = ? "
            f"AND stage IN (1, 2, 3) AND suspended = 0 AND due IS NOT NULL AND {_IN_CATALOG}",
            (deck_id,),
        )
        value = rows[0][0]
        return int(value) if value is not None else None

    def has_new(self, deck_id: str) -> bool:
        """Whether the deck has keys never studied (they come, new_per_day a day)."""
        rows = self._read(
            "SELECT EXISTS (SELECT 1 FROM catalog WHERE deck_id = ? AND fresh = 1)", (deck_id,)
        )
        return bool(rows[0][0])

    def review_queue(self, deck_id: str, now: int, day: Day, limit: int) -> list[Key]:
        """Today's due reviews, the most overdue relative to their interval first.

        A review whose sibling (another direction of the same card) was answered today waits.
        """
        if limit <= 0:
            return []
        rows = self._read(
            f"SELECT s.card_id, s.direction FROM card_state s WHERE {_DUE_REVIEW} "
            "ORDER BY CAST(:now - s.due AS REAL) / max(s.due - s.last_review, 1) DESC, s.due "
            "LIMIT :limit",
            {"deck": deck_id, "end": day.end, "now": now, "start": day.start, "limit": limit},
        )
        return [(deck_id, row[0], row[1]) for row in rows]

    def next_new(self, deck_id: str, now: int, day: Day, limit: int = 1) -> list[Key]:
        """The next keys never studied, in deck order, skipping buried ones and siblings of
        cards answered today."""
        rows = self._read(
            "SELECT c.card_id, c.direction FROM catalog c "
            "WHERE c.deck_id = :deck AND c.fresh = 1 AND NOT EXISTS (SELECT 1 FROM card_state o "
            "WHERE o.deck_id = c.deck_id AND o.card_id = c.card_id AND ("
            "(o.direction <> c.direction AND o.last_review >= :start) OR "
            "(o.direction = c.direction AND o.buried_until > :now))) "
            "ORDER BY c.position LIMIT :limit",
            {"deck": deck_id, "start": day.start, "now": now, "limit": limit},
        )
        return [(deck_id, row[0], row[1]) for row in rows]

    def done_today(self, deck_id: str, day: Day) -> tuple[int, int]:
        """(new cards introduced, reviews answered) in this deck's study answers today."""
        rows = self._read(
            "SELECT prior, count(*) FROM reviews WHERE deck_id = ? AND at >= ? AND at < ? "
            "AND mode = 'study' AND prior IN (0, 2) GROUP BY prior",
            (deck_id, day.start, day.end),
        )
        done = {row[0]: row[1] for row in rows}
        return int(done.get(0, 0)), int(done.get(2, 0))

    def counts(
        self, deck_id: str, now: int, day: Day, new_per_day: int = 20, reviews_per_day: int = 200
    ) -> Counts:
        """New, learning and review cards left today in one deck, all from SQL."""
        new_done, reviews_done = self.done_today(deck_id, day)
        new_left = max(0, new_per_day - new_done)
        reviews_left = max(0, reviews_per_day - reviews_done)
        new = len(self.next_new(deck_id, now, day, new_left)) if new_left else 0
        learning = self._read(
            "SELECT count(*) FROM card_state WHERE deck_id = ? AND stage IN (1, 3) AND due < ? "
            f"AND suspended = 0 AND buried_until <= ? AND {_IN_CATALOG}",
            (deck_id, day.end, now),
        )[0][0]
        review = 0
        if reviews_left:
            review = self._read(
                f"SELECT count(*) FROM (SELECT 1 FROM card_state s WHERE {_DUE_REVIEW} "
                "LIMIT :limit)",
                {
                    "deck": deck_id,
                    "end": day.end,
                    "now": now,
                    "start": day.start,
                    "limit": reviews_left,
                },
            )[0][0]
        return Counts(new, int(learning), int(review))

    # -- quizzes ---------------------------------------------------------------------------

    def save_quiz(self, run: QuizRun) -> None:
        """Keep a finished quiz and its answers (saving the same id twice keeps the first)."""

        def work(con: sqlite3.Connection) -> None:
            cursor = con.execute(
                "INSERT OR IGNORE INTO quiz_runs (id, deck_id, kind, started_at, finished_at, "
                "score, total) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    run.id,
                    run.deck_id,
                    run.kind,
                    run.started_at,
                    run.finished_at,
                    run.score,
                    run.total,
                ),
            )
            if not cursor.rowcount:
                return
            con.executemany(
                "INSERT INTO quiz_answers (quiz_id, position, card_id, direction, question, "
                "given, expected, verdict, score, format, claim) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        run.id,
                        i,
                        a.card_id,
                        a.direction,
                        a.question,
                        a.given,
                        a.expected,
                        a.verdict,
                        a.score,
                        a.format,
                        a.claim,
                    )
                    for i, a in enumerate(run.answers)
                ],
            )

        self._write(work)

    def quiz_runs(self, deck_id: str | None = None, *, answers: bool = False) -> list[QuizRun]:
        """Finished quizzes, newest first."""
        where, params = ("WHERE deck_id = ?", (deck_id,)) if deck_id else ("", ())
        rows = self._read(
            "SELECT id, deck_id, started_at, finished_at, score, total, kind FROM quiz_runs "
            f"{where} ORDER BY finished_at DESC, id DESC",
            params,
        )
        runs = [QuizRun(*row) for row in rows]
        if answers:
            runs = [self.quiz_run(run.id) or run for run in runs]
        return runs

    def quiz_run(self, quiz_id: str) -> QuizRun | None:
        rows = self._read(
            "SELECT id, deck_id, started_at, finished_at, score, total, kind FROM quiz_runs "
            "WHERE id = ?",
            (quiz_id,),
        )
        if not rows:
            return None
        answers = self._read(
            "SELECT card_id, direction, question, given, expected, verdict, score, format, claim "
            "FROM quiz_answers WHERE quiz_id = ? ORDER BY position",
            (quiz_id,),
        )
        run: QuizRun = QuizRun(*rows[0])
        return replace(run, answers=tuple(QuizAnswer(*row) for row in answers))

    def quiz_summary(self, deck_id: str) -> QuizSummary:
        """How many quizzes, the best (highest score ratio, latest on ties) and the last.

        Retries of missed questions (kind "retry") are left out: three questions answered
        again right after seeing them are not a score to compare with a whole quiz.
        """
        columns = "id, deck_id, started_at, finished_at, score, total, kind"
        where = f"WHERE deck_id = ? AND kind <> '{RETRY_KIND}'"
        count = self._read(f"SELECT count(*) FROM quiz_runs {where}", (deck_id,))[0][0]
        best = self._read(
            f"SELECT {columns} FROM quiz_runs {where} "
            "ORDER BY score / max(total, 1) DESC, finished_at DESC LIMIT 1",
            (deck_id,),
        )
        last = self._read(
            f"SELECT {columns} FROM quiz_runs {where} ORDER BY finished_at DESC, id DESC LIMIT 1",
            (deck_id,),
        )
        return QuizSummary(
            int(count),
            QuizRun(*best[0]) if best else None,
            QuizRun(*last[0]) if last else None,
        )


# -- statements shared by the methods above ------------------------------------------------

_IN_CATALOG = (
    "EXISTS (SELECT 1 FROM catalog c WHERE c.deck_id = card_state.deck_id "
    "AND c.card_id = card_state.card_id AND c.direction = card_state.direction)"
)
"""Only keys of the deck as last opened: removed cards keep their history but are not shown."""
_DUE_REVIEW = (
    "s.deck_id = :deck AND s.stage = 2 AND s.due < :end AND s.suspended = 0 "
    "AND s.buried_until <= :now AND EXISTS (SELECT 1 FROM catalog c WHERE c.deck_id = s.deck_id "
    "AND c.card_id = s.card_id AND c.direction = s.direction) "
    "AND NOT EXISTS (SELECT 1 FROM card_state o WHERE o.deck_id = s.deck_id "
    "AND o.card_id = s.card_id AND o.direction <> s.direction AND o.last_review >= :start)"
)
"""A review due today whose sibling (another direction of its card) was not answered today."""
_REFOLD_LIMIT = 2_000
"""A merge touching more cards than this rebuilds all state instead of refolding each card."""
_INSERT_REVIEW = (
    f"INSERT INTO reviews ({REVIEW_COLUMNS}) "
    f"VALUES ({', '.join('?' for _ in REVIEW_COLUMNS.split(', '))})"
)
_UPSERT_STATE = (
    f"INSERT INTO card_state (deck_id, card_id, direction, {STATE_COLUMNS}) "
    f"VALUES (?, ?, ?, {', '.join('?' for _ in STATE_COLUMNS.split(', '))}) "
    "ON CONFLICT (deck_id, card_id, direction) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in STATE_COLUMNS.split(", "))
)
_REFRESH_CATALOG = (
    "UPDATE catalog SET fresh = NOT EXISTS (SELECT 1 FROM card_state s "
    "WHERE s.deck_id = catalog.deck_id AND s.card_id = catalog.card_id "
    "AND s.direction = catalog.direction AND (s.stage <> 0 OR s.suspended <> 0))"
)


def _load_state(con: sqlite3.Connection, key: Key) -> CardState | None:
    row = con.execute(
        f"SELECT {STATE_COLUMNS} FROM card_state "
        "WHERE deck_id = ? AND card_id = ? AND direction = ?",
        key,
    ).fetchone()
    return state_from(row) if row is not None else None


def _save_state(
    con: sqlite3.Connection, key: Key, old: CardState | None, new: CardState | None
) -> None:
    if new is None:
        con.execute(
            "DELETE FROM card_state WHERE deck_id = ? AND card_id = ? AND direction = ?", key
        )
    else:
        con.execute(_UPSERT_STATE, (*key, *state_row(new)))
    fresh = _fresh(new)
    if fresh != _fresh(old):
        con.execute(
            "UPDATE catalog SET fresh = ? WHERE deck_id = ? AND card_id = ? AND direction = ?",
            (fresh, *key),
        )


__all__ = [
    "CheckReport",
    "Counts",
    "Key",
    "NewerDatabaseError",
    "QuizAnswer",
    "QuizRun",
    "QuizSummary",
    "Review",
    "Store",
    "StoreError",
    "new_id",
    "now_ms",
    "schema_version",
]
