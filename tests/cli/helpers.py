"""Run `quizapp` as a user does: a separate process, temporary folders, real exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_quizapp(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    environment.setdefault("PYTHONIOENCODING", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=timeout,
        check=False,
    )
