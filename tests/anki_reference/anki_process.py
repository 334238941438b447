"""Start Anki's backend in a process of its own under libfaketime, and talk to it.

`AnkiProcess` skips the calling test (with the reason) when `anki` or `libfaketime` cannot be
imported: both are in the `test` extra.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

DRIVER = Path(__file__).with_name("driver.py")
TIME_ZONE = "Europe/Rome"
"""The zone both Anki and quizapp count days in here (it has daylight saving)."""


def _faketime_library() -> Path:
    try:
        import libfaketime
    except ImportError as error:
        pytest.skip(f"libfaketime cannot be imported ({error}); it moves Anki's clock")
    folder = Path(libfaketime.__file__).parent / "vendor" / "libfaketime" / "src"
    library = folder / "libfaketime.so.1"
    if not library.exists():
        pytest.skip(f"libfaketime has no library at {library}")
    return library


def require_anki() -> None:
    try:
        import anki.collection  # noqa: F401
    except ImportError as error:
        pytest.skip(f"Anki's backend (`anki`) cannot be imported: {error}")


class AnkiProcess:
    """One Anki collection (FSRS on) in a child process whose clock the commands set."""

    def __init__(self, start_ms: int, rollover: int = 4) -> None:
        require_anki()
        library = _faketime_library()
        env = dict(os.environ)
        env.update(
            {
                "LD_PRELOAD": str(library),
                "FAKETIME_NO_CACHE": "1",
                "FAKETIME_FMT": "%s",
                "DONT_FAKE_MONOTONIC": "1",
                "FAKETIME": f"@{start_ms // 1000}",
                "TZ": TIME_ZONE,
                "QUIZAPP_ANKI_START_MS": str(start_ms),
                "QUIZAPP_ANKI_ROLLOVER": str(rollover),
            }
        )
        self._process = subprocess.Popen(
            [sys.executable, str(DRIVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def call(self, op: str, **arguments: Any) -> Any:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps({"op": op, **arguments}) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"Anki's process ended (exit code {self._process.wait()})")
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(f"Anki: {reply['error']}")
        return reply["ok"]

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> AnkiProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
