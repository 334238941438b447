"""Every command that takes a deck takes it as a file, a file name or a deck id, through one
resolver: what a user of an installed quizapp types is the id."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK


def _user_deck() -> Path:
    """A deck in the decks folder whose file name is not its id."""
    folder = Path(os.environ["QUIZAPP_DATA_DIR"]) / "decks"
    folder.mkdir(parents=True)
    text = BUNDLED_DECK.read_text(encoding="utf-8").replace(
        'id = "deepseek-it"', 'id = "corso-ia"', 1
    )
    path = folder / "mio file.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_takes_ids_and_file_names(tmp_path: Path) -> None:
    own = _user_deck()
    result = run_quizapp("validate", "deepseek-it", "corso-ia", "mio file", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{BUNDLED_DECK}: ok: deck 'deepseek-it'" in result.stdout
    assert result.stdout.count(f"{own}: ok: deck 'corso-ia'") == 2
    assert "3 files checked: 3 valid" in result.stdout

    as_json = run_quizapp("validate", "--json", "corso-ia", cwd=tmp_path)
    assert json.loads(as_json.stdout)["files"][0]["file"] == str(own)


def test_an_unknown_reference_names_the_known_decks(tmp_path: Path) -> None:
    _user_deck()
    result = run_quizapp("validate", "nessuno", cwd=tmp_path)
    assert result.returncode == 1
    line = "nessuno: error: no such file, and no deck named 'nessuno'"
    assert line in result.stdout
    assert "(known decks: corso-ia, deepseek-it)" in result.stdout
    missing = run_quizapp("validate", "nessuno.toml", cwd=tmp_path)
    assert "nessuno.toml: error: no such file" in missing.stdout and missing.returncode == 1
    listed = run_quizapp("decks", "nessuno", cwd=tmp_path)
    assert listed.returncode == 1 and "no deck named 'nessuno'" in listed.stderr
    assert "Traceback" not in result.stderr + missing.stderr + listed.stderr


def test_every_deck_command_accepts_the_id(tmp_path: Path) -> None:
    own = _user_deck()
    decks = run_quizapp("decks", "corso-ia", "--json", cwd=tmp_path)
    assert decks.returncode == 0, decks.stderr
    rows = json.loads(decks.stdout)["decks"]
    assert [row["path"] for row in rows].count(str(own)) == 1  # listed once, not twice
    judged = run_quizapp(
        "judge", "--deck", "corso-ia", "--card", "v3-training-cost", "6 milioni", cwd=tmp_path
    )
    assert judged.returncode == 0, judged.stderr
    exported = run_quizapp("export", "corso-ia", "--to", "json", "-o", "-", cwd=tmp_path)
    assert json.loads(exported.stdout)["deck"]["id"] == "corso-ia"
    stats = run_quizapp("stats", "--deck", "corso-ia", "--json", cwd=tmp_path)
    assert json.loads(stats.stdout)["deck"] == "corso-ia"
