"""The wheel carries the bundled decks: install it into a fresh venv and use it elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

HEADLESS_OPEN = textwrap.dedent(
    """
    import asyncio
    from quizapp.tui.app import QuizApp
    from textual.widgets import DataTable

    async def main():
        app = QuizApp()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#decks", DataTable)
            print(table.row_count, str(table.get_row_at(0)[0]))

    asyncio.run(main())
    """
)


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_wheel_installs_and_finds_its_bundled_deck(tmp_path: Path) -> None:
    env = {**os.environ}
    dist = tmp_path / "dist"
    _run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(REPO),
        ],
        tmp_path,
        env,
    )
    (wheel,) = dist.glob("quizapp-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "quizapp/decks/deepseek_it.toml" in names
    assert "quizapp/tui/app.tcss" in names

    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path, env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listed = _run([str(target / "bin" / "quizapp"), "decks", "--json"], elsewhere, env)
    decks = json.loads(listed.stdout)["decks"]
    bundled = [d for d in decks if d["origin"] == "bundled"]
    assert [d["id"] for d in bundled] == ["deepseek-it"]
    assert "site-packages" in bundled[0]["path"]

    checked = _run(
        [str(target / "bin" / "quizapp"), "validate", bundled[0]["path"]], elsewhere, env
    )
    assert "deck 'deepseek-it'" in checked.stdout

    opened = _run([str(python), "-c", HEADLESS_OPEN], elsewhere, env)
    rows, first_title = opened.stdout.split(maxsplit=1)
    assert int(rows) >= 1
    assert "DeepSeek" in first_title
