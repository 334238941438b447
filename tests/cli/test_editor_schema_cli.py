"""Decks written by quizapp are checked by an editor out of the box: the real Taplo (the
engine of Even Better TOML) reads their `#:schema` line, finds the schema beside them, and a
typo in a card is reported as that key, not as the whole card failing a `oneOf`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from quizapp.core.deck.model import json_schema
from tests.cli.helpers import run_quizapp


def _taplo() -> str:
    beside = Path(sys.executable).with_name("taplo")
    found = str(beside) if beside.exists() else shutil.which("taplo")
    if found is None:
        pytest.skip("taplo is not installed (it is in the test extra)")
    return found


def taplo_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_taplo(), "check", "--colors", "never", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_new_writes_the_schema_beside_the_deck(tmp_path: Path) -> None:
    result = run_quizapp("new", "mazzo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote deck.schema.json (for editors that check decks as you type)." in result.stdout
    deck = tmp_path / "mazzo.toml"
    assert deck.read_text(encoding="utf-8").startswith("#:schema ./deck.schema.json\n")
    schema = run_quizapp("schema").stdout
    assert (tmp_path / "deck.schema.json").read_text(encoding="utf-8") == schema
    checked = taplo_check(deck)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_typo_in_a_card_is_named_by_the_editor(tmp_path: Path) -> None:
    run_quizapp("new", "mazzo", cwd=tmp_path)
    deck = tmp_path / "mazzo.toml"
    text = deck.read_text(encoding="utf-8")
    deck.write_text(
        text.replace('answers = ["Roma"]', 'answr = ["Roma"]', 1).replace(
            'kind = "vocab"', 'kind = "vocab"\ntagz = ["x"]', 1
        ),
        encoding="utf-8",
    )
    checked = taplo_check(deck)
    said = checked.stdout + checked.stderr
    assert checked.returncode != 0
    assert "'answr' was unexpected" in said
    assert '"answers" is a required property' in said
    assert "'tagz' was unexpected" in said
    assert "oneOf" not in said and "any of the schemas" not in said


def test_an_unknown_kind_lists_the_kinds() -> None:
    card = {"id": "c", "kind": "qaa", "it": {"question": "Q?", "answers": ["A"]}}
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(json_schema()).iter_errors(_deck([card]))
    )
    assert error is not None
    assert error.message == "'qaa' is not one of ['choice', 'cloze', 'list', 'qa', 'vocab']"
    assert list(error.absolute_path) == ["cards", 0, "kind"]


@pytest.mark.parametrize(
    ("card", "path", "message"),
    [
        ({"kind": "qa", "it": {"question": "Q", "answer": ["A"]}}, ["it"], "'answer' was"),
        ({"kind": "vocab", "tagz": [], "it": {"terms": ["a"]}}, [], "'tagz' was unexpected"),
        ({"kind": "list", "it": {"question": "Q", "items": [1]}}, ["it", "items", 0], "1 is"),
    ],
)
def test_schema_errors_point_at_the_key(
    card: dict[str, object], path: list[object], message: str
) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    errors = list(validator.iter_errors(_deck([{"id": "c", **card}])))
    assert errors, card
    assert all("oneOf" not in error.message for error in errors)
    best = jsonschema.exceptions.best_match(errors)
    assert best is not None and message in best.message
    assert list(best.absolute_path)[:2] == ["cards", 0]
    assert list(best.absolute_path)[2:] == path


def _deck(cards: list[dict[str, object]]) -> dict[str, object]:
    info = {
        "id": "d",
        "version": "1",
        "author": "a",
        "license": "l",
        "title": {"it": "t", "en": "t"},
        "description": {"it": "d", "en": "d"},
    }
    return {"deck": info, "cards": cards}


def test_an_imported_deck_points_at_its_schema(tmp_path: Path) -> None:
    source = tmp_path / "lezione.txt"
    source.write_text("il gatto\tthe cat\n", encoding="utf-8")
    result = run_quizapp("import", str(source), "-o", "mazzi/lezione.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    deck = tmp_path / "mazzi" / "lezione.toml"
    assert deck.read_text(encoding="utf-8").startswith("#:schema ./deck.schema.json\n")
    assert (tmp_path / "mazzi" / "deck.schema.json").is_file()
    checked = taplo_check(deck)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    again = run_quizapp("import", str(source), "-o", "mazzi/altra.toml", cwd=tmp_path)
    assert "deck.schema.json" not in again.stdout  # already there, the same: nothing to say


def test_a_schema_file_that_is_not_quizapps_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "deck.schema.json"
    other.write_text('{"title": "something else"}', encoding="utf-8")
    result = run_quizapp("new", "mazzo", cwd=tmp_path)
    assert result.returncode == 0
    assert "deck.schema.json is not quizapp's deck schema; it was left as it is" in result.stdout
    assert other.read_text(encoding="utf-8") == '{"title": "something else"}'
    older = json.loads(run_quizapp("schema").stdout)
    older["description"] = "an older quizapp's"
    other.write_text(json.dumps(older), encoding="utf-8")
    updated = run_quizapp("new", "altro", cwd=tmp_path)
    assert "Updated deck.schema.json" in updated.stdout
    assert json.loads(other.read_text(encoding="utf-8")) == json_schema()


def test_validate_says_when_the_schema_is_not_beside_the_deck(tmp_path: Path) -> None:
    run_quizapp("new", "mazzo", cwd=tmp_path)
    quiet = run_quizapp("validate", "mazzo.toml", cwd=tmp_path)
    assert "note:" not in quiet.stdout
    (tmp_path / "deck.schema.json").unlink()
    told = run_quizapp("validate", "mazzo.toml", cwd=tmp_path)
    assert told.returncode == 0
    assert (
        "mazzo.toml: note: its #:schema line names deck.schema.json, which is not there, so "
        "editors cannot check it: quizapp schema > deck.schema.json"
    ) in told.stdout
