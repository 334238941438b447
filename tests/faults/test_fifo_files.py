"""A named pipe where quizapp expects a file (the database, the settings, a deck): opening one
waits for a writer forever. Every command says so in one line naming the file and exits 1,
at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.files import NotRegularFile, open_regular
from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

TIMEOUT = 30
"""Seconds: a command that waits on the pipe fails the test instead of hanging the suite."""


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _assert_refused(args: list[str], pipe: Path) -> None:
    result = run_quizapp(*args, timeout=TIMEOUT)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if str(pipe) in line]
    assert any("not a regular file (it is a named pipe)" in line for line in lines), output


@pytest.mark.parametrize(
    "args",
    [
        ["study", str(BUNDLED_DECK)],
        ["doctor"],
        ["doctor", "--json"],
        ["stats"],
        ["export-progress", "-"],
    ],
)
def test_a_named_pipe_as_the_database(args: list[str]) -> None:
    pipe = _fifo(locations.database_path())
    _assert_refused(args, pipe)
    assert pipe.is_fifo()  # left where it was, not moved aside as "damaged"


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_a_named_pipe_beside_the_database(suffix: str) -> None:
    database = locations.database_path()
    assert run_quizapp("stats", timeout=TIMEOUT).returncode == 0  # creates the database
    pipe = database.with_name(database.name + suffix)
    pipe.unlink(missing_ok=True)
    _fifo(pipe)
    _assert_refused(["doctor"], pipe)


@pytest.mark.parametrize("args", [["study", str(BUNDLED_DECK)], ["stats"]])
def test_a_named_pipe_as_the_settings(args: list[str]) -> None:
    pipe = _fifo(locations.settings_path())
    _assert_refused(args, pipe)


async def test_a_named_pipe_as_the_settings_on_the_home_screen() -> None:
    """The home screen starts with the defaults and names the file, as for broken settings."""
    from quizapp.tui.app import QuizApp

    pipe = _fifo(locations.settings_path())
    app = QuizApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [str(note.message) for note in app._notifications]
    assert any(str(pipe) in m and "named pipe" in m for m in messages), messages


@pytest.mark.parametrize("command", ["validate", "study", "quiz", "export"])
def test_a_named_pipe_as_a_deck(command: str, tmp_path: Path) -> None:
    pipe = _fifo(tmp_path / "deck.toml")
    args = [command, str(pipe)] + (["--to", "json", "-o", "-"] if command == "export" else [])
    _assert_refused(args, pipe)


def test_a_named_pipe_as_a_progress_file(tmp_path: Path) -> None:
    pipe = _fifo(tmp_path / "progress.jsonl")
    _assert_refused(["import-progress", str(pipe)], pipe)


def test_open_regular_refuses_pipes_and_devices_without_waiting(tmp_path: Path) -> None:
    pipe = _fifo(tmp_path / "pipe")
    with pytest.raises(NotRegularFile, match="named pipe"):
        open_regular(pipe)
    if sys.platform != "win32" and Path("/dev/null").exists():
        with pytest.raises(NotRegularFile, match="a device"):
            open_regular("/dev/null")
    with pytest.raises(IsADirectoryError):
        open_regular(tmp_path)
    plain = tmp_path / "plain"
    plain.write_bytes(b"data")
    with open_regular(plain) as handle:
        assert handle.read() == b"data"
