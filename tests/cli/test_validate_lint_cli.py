"""`quizapp validate --lint` as a teacher runs it: warnings located, each followed by its fix,
the exit status, --json, and a source text that cannot be read."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK

DECK = """[deck]
id = "lint-cli"
version = "1"
author = "A"
license = "CC0"
languages = ["it"]

[deck.title]
it = "Prova"
en = "Test"

[deck.description]
it = "Prova"
en = "Test"

[[cards]]
id = "cost"
kind = "qa"
[cards.it]
question = "Secondo DeepSeek, quanto è costato V3?"
answers = ["6 milioni (di dollari)"]

[[cards]]
id = "city"
kind = "qa"
[cards.it]
question = "Dove ha sede DeepSeek?"
answers = ["Hangzhou"]
reject = ["Shenzhen"]
note = "Lo dice il paragrafo 7: «DeepSeek ha sede a Hangzhou»."
"""

SOURCE = "DeepSeek ha sede a Hangzhou.\nCostò 6 milioni di dollari.\n"

WARNING = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): warning: .+ \[(?P<check>[a-z-]+)\]$"
)


def _deck(tmp_path: Path) -> Path:
    path = tmp_path / "lezione.toml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_lint_warnings_are_located_and_each_has_a_fix(tmp_path: Path) -> None:
    path = _deck(tmp_path)
    result = run_quizapp("validate", "--lint", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    first = WARNING.match(lines[0])
    assert first is not None, lines
    assert (first["path"], first["line"], first["column"], first["check"]) == (
        str(path),
        "21",
        "13",
        "figure-unit-dropped",
    )
    assert lines[1].startswith(
        "    fix: make the unit part of «6 milioni (di dollari)» not optional"
    )
    assert lines[-1] == "1 file checked: 1 valid, 0 with problems (0 errors, 1 warning)"


def test_strict_makes_lint_warnings_fail(tmp_path: Path) -> None:
    result = run_quizapp("validate", "--strict", "--lint", str(_deck(tmp_path)))
    assert result.returncode == 1
    assert "fails (--strict)" in result.stdout


def test_without_lint_the_same_deck_is_clean(tmp_path: Path) -> None:
    result = run_quizapp("validate", "--strict", str(_deck(tmp_path)))
    assert result.returncode == 0
    assert "[figure" not in result.stdout


def test_a_source_text_adds_its_checks(tmp_path: Path) -> None:
    path = _deck(tmp_path)
    source = tmp_path / "articolo.txt"
    source.write_text(SOURCE, encoding="utf-8")
    result = run_quizapp("validate", "--lint", "--source", str(source), str(path))
    checks = [m["check"] for m in map(WARNING.match, result.stdout.splitlines()) if m]
    assert checks == ["figure-unit-dropped", "reject-not-in-source", "paragraph-citation"]
    assert "the note cites paragraph 7, but the source has 2 paragraphs" in result.stdout


def test_json_carries_each_check_and_fix(tmp_path: Path) -> None:
    path = _deck(tmp_path)
    result = run_quizapp("validate", "--lint", "--json", str(path))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["lint"] is True and data["source"] is None
    (problem,) = data["files"][0]["problems"]
    assert problem == {
        "file": str(path),
        "line": 21,
        "column": 13,
        "severity": "warning",
        "card": "cost",
        "message": problem["message"],
        "check": "figure-unit-dropped",
        "fix": problem["fix"],
    }
    assert problem["message"].startswith("card 'cost': the accepted form «6 milioni»")
    assert problem["fix"].endswith("a missing unit is already judged 'almost'")


def test_a_source_that_cannot_be_read_is_a_usage_error(tmp_path: Path) -> None:
    path = _deck(tmp_path)
    result = run_quizapp("validate", "--lint", "--source", str(tmp_path / "absent.txt"), str(path))
    assert result.returncode == 2
    assert f"--source {tmp_path / 'absent.txt'}: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_source_needs_lint(tmp_path: Path) -> None:
    result = run_quizapp("validate", "--source", "x.txt", str(_deck(tmp_path)))
    assert result.returncode == 2
    assert "--source and --source-lang need --lint" in result.stderr


def test_the_bundled_deck_passes_strict_lint() -> None:
    result = run_quizapp("validate", "--strict", "--lint", str(BUNDLED_DECK))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("1 valid, 0 with problems (0 errors, 0 warnings)")
