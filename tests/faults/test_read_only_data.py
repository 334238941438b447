"""Progress can always be rescued: on a read-only data folder (a mounted backup) and on a disk
that takes no more bytes, the commands that only read (`stats`, `doctor`, `export-progress`)
run, and nothing in the data folder changes."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.store import Store
from tests.cli.test_progress_cli import fill, read_only
from tests.faults.test_storage_faults import immutable

COUNT = 25


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _run(*args: str, preexec: object = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=preexec,  # type: ignore[arg-type]
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def _assert_reading_commands_work(preexec: object = None) -> None:
    exported = _run("export-progress", preexec=preexec)
    assert exported.returncode == 0, exported.stderr
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert sum(1 for line in lines if line.get("type") == "review") == COUNT
    doctor = _run("doctor", "--json", preexec=preexec)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert json.loads(doctor.stdout)["reviews"] == COUNT
    stats = _run("stats", "--json", preexec=preexec)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)


@contextmanager
def _everything_immutable(data: Path) -> Iterator[None]:
    files = sorted(data.iterdir())
    with immutable(*files, data):
        yield


@pytest.mark.parametrize("how", ["folder", "folder-and-files"])
def test_a_read_only_data_folder_can_still_be_read(how: str) -> None:
    fill(COUNT)
    data = locations.data_dir()
    before = _folder_state(data)
    with read_only(data) if how == "folder" else _everything_immutable(data):
        probe = data / "probe"
        try:
            probe.write_bytes(b"")
        except OSError:
            pass
        else:  # pragma: no cover - the folder was not made read-only after all
            probe.unlink()
            pytest.skip("the data folder stays writable here")
        _assert_reading_commands_work()
        # Writing still needs a folder it can write to, and says so.
        writing = _run("doctor", "--rebuild")
        assert writing.returncode == 1 and "read-only" in writing.stderr
    assert _folder_state(data) == before


def _no_bytes_written() -> None:
    """In the child: any write to a file fails (as on a full disk); pipes still work."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_export_progress_works_when_no_byte_can_be_written() -> None:
    fill(COUNT)
    with Store() as store:
        assert store.review_count() == COUNT
    data = locations.data_dir()
    before = _folder_state(data)
    _assert_reading_commands_work(preexec=_no_bytes_written)
    after = _folder_state(data)
    empty = hashlib.sha256(b"").hexdigest()
    # SQLite may leave its (empty) -wal and -shm files beside the file: nothing else changed.
    assert {name: sha for name, sha in after.items() if sha != empty} == before
