"""`quizapp validate`, `quizapp schema` and `quizapp decks` as a user runs them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK, REPO

MALFORMED = REPO / "tests" / "core" / "data" / "malformed"


def test_valid_deck_exits_zero() -> None:
    result = run_quizapp("validate", str(BUNDLED_DECK))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "deck 'deepseek-it'" in result.stdout
    assert result.stdout.strip().endswith(
        "1 file checked: 1 valid, 0 with problems (0 errors, 0 warnings)"
    )


def test_every_problem_in_every_file_then_a_summary() -> None:
    broken = [MALFORMED / "14_duplicate_card_id.toml", MALFORMED / "19_unknown_card_key_typo.toml"]
    result = run_quizapp("validate", str(BUNDLED_DECK), *map(str, broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{broken[0]}:18:1: error: card 'same': duplicate id (first used on line 11)" in lines
    assert f"{broken[1]}:13:1: error: card 'a': missing required key 'answers'" in lines
    assert (
        f"{broken[1]}:15:1: error: card 'a': unknown key 'anwsers' (did you mean 'answers'?)"
        in lines
    )
    assert lines[-1] == "3 files checked: 1 valid, 2 with problems (3 errors, 2 warnings)"
    assert "Traceback" not in result.stdout + result.stderr


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    text = (MALFORMED / "14_duplicate_card_id.toml").read_text(encoding="utf-8")
    deck = tmp_path / "warn.toml"
    deck.write_text(
        text.split("\n\n[[cards]]")[0] + "\n\n[[cards]]" + text.split("\n\n[[cards]]")[1]
    )
    assert run_quizapp("validate", str(deck)).returncode == 0
    strict = run_quizapp("validate", "--strict", str(deck))
    assert strict.returncode == 1
    assert "fails (--strict)" in strict.stdout


def test_json_output(tmp_path: Path) -> None:
    broken = MALFORMED / "15_empty_answers.toml"
    result = run_quizapp("validate", "--json", str(broken), str(BUNDLED_DECK))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False
    first, second = data["files"]
    assert first["problems"] == [
        {
            "file": str(broken),
            "line": 15,
            "column": 11,
            "severity": "error",
            "card": "a",
            "message": "card 'a': 'answers' must not be empty",
        }
    ]
    assert second["valid"] is True and second["deck"] == "deepseek-it"


def test_usage_errors_exit_two() -> None:
    assert run_quizapp("validate").returncode == 2
    assert run_quizapp("validate", "--bogus", str(BUNDLED_DECK)).returncode == 2
    assert run_quizapp("no-such-command").returncode == 2


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run_quizapp("validate", str(tmp_path / "absent.toml"))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{tmp_path / 'absent.toml'}: error: no such file"
    assert "Traceback" not in result.stderr


def test_hostile_text_in_messages_is_escaped(tmp_path: Path) -> None:
    deck = tmp_path / "evil.toml"
    deck.write_text('[deck]\nid = "a\\u001b]52;c;aGk=\\u0007b"\n', encoding="utf-8")
    result = run_quizapp("validate", str(deck))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]52;c;aGk=\\x07" in result.stdout


def test_schema_is_generated_and_matches_the_shipped_copy() -> None:
    result = run_quizapp("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["properties"]) == {"deck", "cards"}
    assert {"QACard", "VocabCard", "ClozeCard", "ChoiceCard", "ListCard"} <= set(schema["$defs"])
    shipped = json.loads((REPO / "decks" / "deck.schema.json").read_text(encoding="utf-8"))
    assert shipped == schema, (
        "decks/deck.schema.json is stale: run `quizapp schema > decks/deck.schema.json`"
    )


def test_decks_lists_bundled_user_and_given(tmp_path: Path) -> None:
    user_decks = Path(os.environ["QUIZAPP_DATA_DIR"]) / "decks"
    user_decks.mkdir(parents=True)
    (user_decks / "broken.toml").write_text("[deck\n", encoding="utf-8")
    result = run_quizapp("decks", "--json")
    data = json.loads(result.stdout)
    assert result.returncode == 1  # one deck cannot be loaded
    bundled, broken = data["decks"]
    assert (bundled["id"], bundled["origin"], bundled["cards"]) == (
        "deepseek-it",
        "bundled",
        bundled["cards"],
    )
    assert bundled["cards"] >= 6
    assert broken["origin"] == "user" and broken["errors"][0].startswith(
        f"{user_decks / 'broken.toml'}:1:"
    )
    text = run_quizapp("decks").stdout
    assert "deepseek-it" in text and "broken.toml" in text and str(user_decks) in text


def test_help_does_not_import_textual_or_pydantic() -> None:
    result = run_quizapp("--help")
    assert result.returncode == 0 and "validate" in result.stdout
    timing = run_quizapp("--help", env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip() for line in timing.stderr.splitlines() if "|" in line}
    assert "quizapp.cli.main" in imported
    assert not any(name.split(".")[0] in ("textual", "rich", "pydantic") for name in imported)


def test_validate_does_not_import_textual() -> None:
    timing = run_quizapp("validate", str(BUNDLED_DECK), env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip() for line in timing.stderr.splitlines() if "|" in line}
    assert "quizapp.core.deck.loading" in imported
    assert not any(name.split(".")[0] in ("textual", "rich") for name in imported)
