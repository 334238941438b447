"""Oversized and deeply nested input: a clear, located error at a bounded cost, never a hang,
a RecursionError or a MemoryError. The limits are the deck model's (see README, "Limits")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.core.deck import loading
from quizapp.core.deck.cards import (
    MAX_ANSWER_CHARS,
    MAX_CLOZE_GAPS,
    MAX_LIST_ITEMS,
    MAX_TAGS,
    MAX_TEXT_CHARS,
)
from quizapp.core.deck.loading import MAX_PROBLEMS, DeckError, check_deck, load_deck
from quizapp.core.interop.progress_io import MAX_LINE_CHARS, ProgressFileError, check_file
from quizapp.core.settings import MAX_SETTINGS_BYTES, SettingsError, load
from tests.cli.helpers import run_quizapp
from tests.hostile import BIG_HEADER as HEADER
from tests.hostile import card

TEN_MB = 10 * 1024 * 1024


def write(tmp_path: Path, text: str, name: str = "deck.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only_error(path: Path) -> loading.Problem:
    errors = check_deck(path).errors
    assert len(errors) == 1, [e.format() for e in errors]
    return errors[0]


# -- file size ------------------------------------------------------------------------------


def test_a_200_mb_deck_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written to the disk
    problem = only_error(path)
    assert problem.message == "file is 209,715,200 bytes; decks are capped at 64 MiB"
    result = run_quizapp("validate", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}: error: file is 209,715,200 bytes; decks are capped at 64 MiB" in result.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")  # a device has no size to check, and may never end
    problem = only_error(link)
    assert problem.message == "cannot read: not a regular file (it is a device)"


# -- one long string ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (
            "question",
            f"card 'c': 'question' is too long (10,485,760 characters; at most {MAX_TEXT_CHARS:,})",
        ),
        (
            "answer",
            "item 1 of 'answers' is too long "
            f"(10,485,760 characters; at most {MAX_ANSWER_CHARS:,})",
        ),
        ("id", "'id' is too long (10,485,760 characters; at most 100)"),
        (
            "kind",
            "unknown card kind 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (10,485,760 characters)'",
        ),
        ("key", "unknown key 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (10,485,760 characters)'"),
    ],
)
def test_a_10_mb_string_gives_one_short_located_error(
    tmp_path: Path, where: str, expected: str
) -> None:
    long = "x" * TEN_MB
    text = {
        "question": HEADER + card(question=long),
        "answer": HEADER + card(answers=json.dumps([long])),
        "id": HEADER + card(card_id=long),
        "kind": HEADER + card(kind=long),
        "key": HEADER + card() + f"{long} = 1\n",
    }[where]
    problem = only_error(write(tmp_path, text))
    assert expected in problem.message
    assert len(problem.format()) < 300 + len(str(tmp_path))
    assert problem.line is not None and problem.line > 7 and problem.column is not None


# -- nesting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "column"),
    [
        ("[" * 10_000 + "]" * 10_000, 12 + 400),  # the value starts in column 12
        ("{a = " * 10_000 + "1" + "}" * 10_000, 12 + 5 * 400),
        ('["[[[", ' + "{a = [" * 5_000 + "]}" * 5_000 + "]", 12 + 8 + 6 * 199 + 5),
    ],
    ids=["arrays", "inline-tables", "mixed-after-a-string"],
)
def test_nesting_10000_deep_is_a_located_error(tmp_path: Path, value: str, column: int) -> None:
    path = write(tmp_path, HEADER + card() + f"answers2 = {value}\n")
    problem = only_error(path)
    assert problem.message == (
        "TOML syntax: arrays or inline tables nested more than 400 levels deep"
    )
    assert (problem.line, problem.column) == (HEADER.count("\n") + 9, column)
    with pytest.raises(DeckError):
        load_deck(path)


def test_nesting_just_within_what_toml_allows_is_located_too(tmp_path: Path) -> None:
    deep = "[" * 399 + '"a"' + "]" * 399
    path = write(tmp_path, HEADER + card(answers=deep))
    problem = only_error(path)
    assert problem.line == HEADER.count("\n") + 8
    assert problem.message == "card 'c': 'answers' should be text, not a list"


# -- counts ---------------------------------------------------------------------------------


def test_100000_tags_on_one_card(tmp_path: Path) -> None:
    tags = json.dumps([f"t{i}" for i in range(100_000)])
    problem = only_error(write(tmp_path, HEADER + card(tags=tags)))
    assert problem.message == f"card 'c': 'tags' has 100,000 items; at most {MAX_TAGS} are allowed"
    assert problem.line == HEADER.count("\n") + 5


def test_100000_bad_tags_on_one_card(tmp_path: Path) -> None:
    tags = json.dumps([f"T {i}" for i in range(100_000)])
    problem = only_error(write(tmp_path, HEADER + card(tags=tags)))
    assert "100,000 items" in problem.message


def test_too_many_answers_and_gaps(tmp_path: Path) -> None:
    answers = json.dumps([f"a{i}" for i in range(MAX_LIST_ITEMS + 1)])
    problem = only_error(write(tmp_path, HEADER + card(answers=answers)))
    assert (
        problem.message
        == f"card 'c': 'answers' has 101 items; at most {MAX_LIST_ITEMS} are allowed"
    )
    gaps = " ".join(f"{{{{g{i}}}}}" for i in range(MAX_CLOZE_GAPS + 1))
    cloze = f'\n[[cards]]\nid = "z"\nkind = "cloze"\n[cards.it]\ntext = "{gaps}"\n'
    problem = only_error(write(tmp_path, HEADER + cloze, "cloze.toml"))
    assert (
        problem.message
        == f"card 'z': 'text': 21 gaps; a cloze sentence has at most {MAX_CLOZE_GAPS}"
    )


def test_a_file_with_many_errors_gives_a_bounded_report(tmp_path: Path) -> None:
    cards = "".join(card(card_id=f"Bad Id {i}") for i in range(5_000))
    result = check_deck(write(tmp_path, HEADER + cards))
    assert len(result.problems) == MAX_PROBLEMS + 1
    last = result.problems[-1]
    assert last.message == (
        "and 4,000 more problems (4,000 errors) not shown; only the first 1,000 are listed"
    )
    assert last.line == result.problems[-2].line + 8  # where the first one left out is


# -- settings and progress files ----------------------------------------------------------------


def test_settings_nested_too_deeply_or_too_large(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = 'x'\nkeymap = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n")
    with pytest.raises(SettingsError) as raised:
        load(path)
    assert raised.value.format() == f"{path}:2:{10 + 5 * 400}: not valid TOML: nested too deeply"
    path.write_text("keymap = { a = " + "[" * 399 + "]" * 399 + " }\n")
    with pytest.raises(SettingsError) as raised:
        load(path)
    assert raised.value.line == 1  # located, although the scanner recursed 400 levels
    with open(path, "wb") as handle:
        handle.truncate(MAX_SETTINGS_BYTES + 1)
    with pytest.raises(SettingsError, match="is larger than 1024 KiB; not a settings file"):
        load(path)


def test_a_progress_file_with_an_endless_line_or_deep_json(tmp_path: Path) -> None:
    header = json.dumps({"format": "quizapp-progress", "version": 1}) + "\n"
    endless = tmp_path / "endless.jsonl"
    with open(endless, "w", encoding="utf-8") as handle:
        handle.write(header)
        handle.write("x" * (MAX_LINE_CHARS + 10))
    with pytest.raises(ProgressFileError) as raised:
        check_file(endless)
    assert raised.value.problems == [f"{endless}:2: line longer than 4,194,304 characters"]
    deep = tmp_path / "deep.jsonl"
    deep.write_text(header + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(ProgressFileError) as raised:
        check_file(deep)
    assert raised.value.problems == [f"{deep}:2: JSON nested too deeply"]
    if Path("/dev/zero").exists():
        zero = tmp_path / "zero.jsonl"
        zero.symlink_to("/dev/zero")
        with pytest.raises(ProgressFileError) as raised:
            check_file(zero)
        assert raised.value.problems == [
            f"{zero}: cannot read: not a regular file (it is a device)"
        ]
