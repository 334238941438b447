"""The progress database's file: opening it (WAL, `synchronous=FULL`, a busy timeout so that
two quizapp processes can write to it at once), bringing an older one up to date, moving an
unreadable one aside, and running reads and durable write transactions on it.

An unreadable file is moved aside with a timestamped name, never deleted or overwritten; a
fresh database is started and `notice` says so.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any, TypeVar

from quizapp.core import locations
from quizapp.core.files import check_regular, open_regular
from quizapp.core.schedule import DEFAULT_PARAMETERS, Parameters
from quizapp.core.store import schema as store_schema
from quizapp.core.store.schema import schema_version

BUSY_TIMEOUT_S = 10.0
T = TypeVar("T")
C = TypeVar("C", bound="Connection")


class StoreError(Exception):
    """A problem with the progress database that the user must see: one clear line."""


class NewerDatabaseError(StoreError):
    """A database written by a newer quizapp: not opened for writing, never moved aside."""


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def aside_name(path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    return candidate


class _Corrupt(Exception):
    pass


def is_storage_error(error: BaseException) -> bool:
    """A problem of the file or the disk (busy, read-only, damaged), not of quizapp's SQL."""
    return isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError


def _looks_like_sqlite(path: Path) -> bool:
    """False for a non-empty file without SQLite's header; True when absent or empty."""
    try:
        with open_regular(path) as handle:
            header = handle.read(16)
    except FileNotFoundError:
        return True
    except OSError as error:
        raise StoreError(f"cannot read {path}: {_reason(error)}") from None
    return not header or header == b"SQLite format 3\x00"


class Connection:
    """The open database file. Open it with `Store()` (the user's) or `Store(path)`."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        timeout: float = BUSY_TIMEOUT_S,
        tz: tzinfo | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else locations.database_path()
        self.read_only = read_only
        """Read through a read-only connection into a private copy in memory: see `_snapshot`."""
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

    def parameters(self, deck_id: str) -> Parameters:
        """The FSRS parameters this deck's card state is folded with."""
        return self._parameters.get(deck_id, DEFAULT_PARAMETERS)

    # -- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.read_only:
            try:
                return self._snapshot()
            except _Corrupt:
                pass  # opened for writing below: moved aside, and a fresh one started
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
        self._check_regular()
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

    def _check_regular(self) -> None:
        """The database and its -wal and -shm files, when present, must be regular files:
        SQLite would wait forever on a named pipe."""
        for suffix in ("", "-wal", "-shm"):
            name = self.path.with_name(self.path.name + suffix)
            try:
                check_regular(name)
            except OSError as error:
                raise StoreError(
                    f"cannot open {name}: {_reason(error)}; quizapp keeps its progress in a "
                    "regular file (move it aside, or set QUIZAPP_DATA_DIR to another folder)"
                ) from None

    def _snapshot(self) -> sqlite3.Connection:
        """The database copied into memory through a read-only connection (`mode=ro`, or
        `immutable=1` where SQLite cannot even make its shared-memory file): commands that
        only read never write to the data folder, so they work on a read-only folder (a
        mounted backup) or a full disk, and what they do write (a deck's card list, an older
        file's migration) stays in the copy. An absent file reads as an empty database."""
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder; quizapp keeps its progress in that file")
        self._check_regular()
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        if self.path.exists():
            if not _looks_like_sqlite(self.path):
                raise _Corrupt("it is not a SQLite database")
            uri = self.path.resolve().as_uri()
            for flags in ("mode=ro", "mode=ro&immutable=1"):
                try:
                    source = sqlite3.connect(f"{uri}?{flags}", uri=True, timeout=self.timeout)
                    try:
                        source.backup(memory)
                    finally:
                        source.close()
                    break
                except sqlite3.OperationalError as error:
                    failure = str(error)
                except sqlite3.DatabaseError as error:
                    raise _Corrupt(str(error)) from None
            else:
                raise StoreError(f"cannot read {self.path}: {failure}")
        version = self._version(memory)
        memory.execute("PRAGMA foreign_keys = ON")
        if version < schema_version():
            self._migrate(memory)
        return memory

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
        version = self._version(con)
        mode = self._journal_mode_wal(con)
        if str(mode).lower() != "wal":
            raise StoreError(f"cannot use write-ahead logging for {self.path} (got {mode})")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA cache_size = -65536")  # up to 64 MiB of pages, allocated as used
        con.execute("PRAGMA foreign_keys = ON")
        if version < schema_version():
            self._migrate(con)

    def _version(self, con: sqlite3.Connection) -> int:
        """The file's schema version, once it is known to be quizapp's and not newer."""
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
        return int(version)

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
        target = aside_name(self.path, now)
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

    def __enter__(self: C) -> C:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------------

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
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
                if is_storage_error(error):
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
                if not is_storage_error(error):
                    raise
                raise self._error(error) from None

    def _rows(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = (), batch: int = 5_000
    ) -> Iterator[Any]:
        """The rows of one read-only query, a batch at a time (never all in memory)."""
        with self._lock:
            try:
                cursor = self._con.execute(sql, params)
                while rows := cursor.fetchmany(batch):
                    yield from rows
            except sqlite3.DatabaseError as error:
                if not is_storage_error(error):
                    raise
                raise self._error(error) from None
