"""Lone surrogates (`"\\ud800"` is valid JSON, a file name may not be UTF-8) are not text:
UTF-8 cannot encode them. Where quizapp reads text from a file they give a safe reading or
one clear message, never a traceback."""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

from quizapp.core.deck.loading import load_deck
from tests.anki_fixtures import legacy_apkg
from tests.cli.helpers import run_quizapp

HEADER = '{"format": "quizapp-progress", "version": 1}'
REVIEW = (
    '{"type": "review", "id": "r1", "deck": "deepseek-it", "card": "liang-wenfeng", '
    '"direction": "it", "at": "2025-03-01T09:00:00.000Z", "mode": "study", "rating": "good", '
    '"typed": "a\\ud800b"}'
)
QUIZ = (
    '{"type": "quiz", "id": "q1", "deck": "deepseek-it", "started_at": '
    '"2025-03-01T09:00:00.000Z", "finished_at": "2025-03-01T09:05:00.000Z", "score": 1, '
    '"total": 1, "answers": [{"card": "liang-wenfeng", "direction": "it", "question": "Chi?", '
    '"given": "Liang\\udc00", "expected": "Liang Wenfeng", "verdict": "correct", "score": 1}]}'
)


def test_a_lone_surrogate_in_typed_text_is_read_as_the_replacement_character(
    tmp_path: Path,
) -> None:
    source = tmp_path / "progress.jsonl"
    source.write_text(f"{HEADER}\n{REVIEW}\n{QUIZ}\n", encoding="utf-8")
    result = run_quizapp("import-progress", str(source))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Read 1 quizzes: 1 added." in result.stdout
    assert "Note: 2 lines (2, 3) held a lone surrogate escape" in result.stdout
    exported = run_quizapp("export-progress")
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert lines[1]["typed"] == "a\ufffdb"
    assert lines[2]["answers"][0]["given"] == "Liang\ufffd"
    again = run_quizapp("import-progress", str(source))
    assert "0 added, 1 already in your log" in again.stdout


def test_a_lone_surrogate_in_an_id_is_refused_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "progress.jsonl"
    bad_id = REVIEW.replace("liang-wenfeng", "li\\udfffang")
    source.write_text(f"{HEADER}\n{bad_id}\n", encoding="utf-8")
    result = run_quizapp("import-progress", str(source))
    assert result.returncode == 1
    assert f"{source}:2: 'card': holds \\udfff, a lone surrogate, which is not text" in (
        result.stderr
    )
    assert "Nothing was imported." in result.stderr and "Traceback" not in result.stderr
    paired = tmp_path / "paired.jsonl"  # a surrogate pair is one character: it is fine
    emoji = REVIEW.replace("a\\ud800b", "\\ud83d\\ude00")
    paired.write_text(f"{HEADER}\n{emoji}\n", encoding="utf-8")
    fine = run_quizapp("import-progress", str(paired))
    assert fine.returncode == 0, fine.stderr
    assert "Note:" not in fine.stdout


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_an_import_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"lezione-\xff.txt")
    (tmp_path / name).write_text("il gatto\tthe cat\n", encoding="utf-8")
    result = run_quizapp("import", name, "-o", "out.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "lezione-\\udcff.txt" in result.stdout  # shown as its escape
    deck = load_deck(tmp_path / "out.toml")
    assert deck.deck.source == "lezione-\ufffd.txt"


def test_lone_surrogates_in_an_anki_package_are_no_traceback(tmp_path: Path) -> None:
    package = legacy_apkg(tmp_path / "base.apkg")
    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["media"] = b'{"0": "foto\\ud800.jpg"}'
    hostile = tmp_path / "hostile.apkg"
    with zipfile.ZipFile(hostile, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    result = run_quizapp("import", str(hostile), "-o", "out.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "foto\\ud800.jpg" in result.stdout


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are always UTF-8")
def test_a_new_deck_whose_name_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xff")
    result = run_quizapp("new", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    deck = load_deck(tmp_path / f"{name}.toml")
    assert deck.deck.title.it == "Caf\ufffd" and deck.id == "caf"
