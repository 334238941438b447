"""`quizapp doctor`, `export-progress` and `import-progress`, run as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.store import QuizAnswer, QuizRun, Review, Store

T0 = 1_740_992_400_000


def quizapp(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=120,
    )


def fill(count: int = 40, prefix: str = "") -> list[Review]:
    rows = [
        Review(
            f"{T0 + n * 60_000:012x}{prefix}{n:06d}",
            "deck",
            f"card{n % 7}",
            "it",
            T0 + n * 60_000,
            mode="study" if n % 5 else "practice",
            rating=1 + n % 4,
            typed=f"risposta «{n}»\x1b[31m",
        )
        for n in range(count)
    ]
    with Store() as store:
        for row in rows:
            store.record(row)
        store.save_quiz(
            QuizRun(
                f"quiz{prefix}",
                "deck",
                T0,
                T0 + 9,
                3.5,
                4,
                "mixed",
                (QuizAnswer("card1", "it", "Q?", "a", "b", "wrong", 0.0),),
            )
        )
    return rows


def test_doctor_on_a_healthy_database() -> None:
    fill()
    result = quizapp("doctor")
    assert result.returncode == 0, result.stderr
    assert "Integrity: ok" in result.stdout
    assert "Card state: ok (7 cards match a rebuild from 40 reviews)" in result.stdout
    assert result.stderr == ""


def test_doctor_finds_a_damaged_state_and_rebuild_fixes_it() -> None:
    fill()
    con = sqlite3.connect(locations.database_path())
    con.execute("UPDATE card_state SET reps = 999 WHERE card_id = 'card3'")
    con.commit()
    con.close()
    result = quizapp("doctor")
    assert result.returncode == 1
    assert "1 cards differ" in result.stdout and "deck/card3/it" in result.stdout
    assert "quizapp doctor --rebuild" in result.stdout
    fixed = quizapp("doctor", "--rebuild")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Rebuilt the state of 7 cards from 40 reviews" in fixed.stdout
    again = quizapp("doctor", "--json")
    data = json.loads(again.stdout)
    assert again.returncode == 0 and data["ok"] is True and data["reviews"] == 40


def test_doctor_moves_a_corrupt_database_aside_in_one_line() -> None:
    path = locations.database_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00garbage" * 500)
    result = quizapp("doctor")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "could not be read" in line and ".corrupt-" in line
    [aside] = list(path.parent.glob("progress.sqlite3.corrupt-*"))
    assert aside.read_bytes() == b"\x00garbage" * 500
    assert "Card state: ok" in result.stdout


def test_export_then_import_elsewhere_is_idempotent(tmp_path: Path) -> None:
    rows = fill()
    export = tmp_path / "progress.jsonl"
    result = quizapp("export-progress", str(export))
    assert result.returncode == 0, result.stderr
    assert "Wrote 40 reviews and 1 quizzes" in result.stdout
    lines = export.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["format"] == "quizapp-progress"
    assert len(lines) == 1 + 40 + 1
    first = json.loads(lines[1])
    assert first["id"] == rows[0].id and first["at"] == "2025-03-03T09:00:00.000Z"
    assert first["typed"] == rows[0].typed  # exact text, escapes and all

    other = dict(os.environ, QUIZAPP_DATA_DIR=str(tmp_path / "laptop"))
    imported = quizapp("import-progress", str(export), env=other)
    assert imported.returncode == 0, imported.stderr
    assert "Read 40 reviews: 40 added, 0 already in your log." in imported.stdout
    assert "Read 1 quizzes: 1 added." in imported.stdout
    twice = quizapp("import-progress", str(export), env=other)
    assert "Read 40 reviews: 0 added, 40 already in your log." in twice.stdout
    assert "1 quizzes: 0 added" in twice.stdout

    with Store() as here, Store(tmp_path / "laptop" / "progress.sqlite3") as there:
        assert here.reviews() == there.reviews()
        assert here.states("deck") == there.states("deck")
        assert there.quiz_summary("deck").runs == 1
    assert quizapp("doctor", env=other).returncode == 0


def test_two_devices_merge_into_one_history(tmp_path: Path) -> None:
    fill(30, prefix="a")
    phone = dict(os.environ, QUIZAPP_DATA_DIR=str(tmp_path / "phone"))
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from tests.cli.test_progress_cli import fill; fill(25, prefix='b')",
        ],
        env=phone,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    quizapp("export-progress", str(tmp_path / "here.jsonl"))
    quizapp("export-progress", str(tmp_path / "phone.jsonl"), env=phone)
    assert quizapp("import-progress", str(tmp_path / "phone.jsonl")).returncode == 0
    assert quizapp("import-progress", str(tmp_path / "here.jsonl"), env=phone).returncode == 0
    with Store() as here, Store(tmp_path / "phone" / "progress.sqlite3") as there:
        assert here.review_count() == there.review_count() == 55
        assert here.states("deck") == there.states("deck")


def test_export_to_stdout() -> None:
    fill(3)
    result = quizapp("export-progress")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) == 1 + 3 + 1
    assert all(json.loads(line) for line in lines)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "quizapp-progress", "version": 1}\n{"type": "review", "id": 1\n', ":2:"),
        ('{"format": "quizapp-progress", "version": 1}\n[1, 2]\n', ":2: each line needs"),
        ("hello\n", ":1:1: not valid JSON"),
        ('{"some": "json"}\n', ":1: not a quizapp progress file"),
        ('{"format": "quizapp-progress", "version": 9}\n', "newer quizapp"),
        ("", "is empty"),
    ],
)
def test_import_refuses_a_bad_file_as_a_whole(tmp_path: Path, content: str, message: str) -> None:
    good = (
        '{"type": "review", "id": "x1", "deck": "d", "card": "c", "direction": "it", '
        '"at": "2025-03-03T09:00:00.000Z", "mode": "study", "rating": "good"}\n'
    )
    path = tmp_path / "bad.jsonl"
    path.write_text(content + (good if content.startswith('{"format"') else ""), "utf-8")
    result = quizapp("import-progress", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and message in result.stderr
    assert "Nothing was imported." in result.stderr
    with Store() as store:
        assert store.review_count() == 0


def test_import_reports_the_line_of_an_invalid_review(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    lines = [
        '{"format": "quizapp-progress", "version": 1}',
        '{"type": "review", "id": "x1", "deck": "d", "card": "c", "direction": "it", '
        '"at": "2025-03-03T09:00:00Z", "mode": "study", "rating": "good"}',
        '{"type": "review", "id": "x2", "deck": "d", "card": "c", "direction": "it", '
        '"at": "2025-03-03T09:00:00Z", "mode": "study", "rating": "superb"}',
        '{"type": "review", "id": "x3", "deck": "d", "card": "c", "direction": "it", '
        '"at": "2025-03-03T09:00:00", "mode": "study", "rating": "good"}',
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = quizapp("import-progress", str(path))
    assert result.returncode == 1
    assert f"{path}:3: 'rating'" in result.stderr
    assert f"{path}:4: 'at'" in result.stderr
    assert (
        quizapp("import-progress", str(tmp_path / "missing.jsonl"))
        .stderr.strip()
        .endswith("Nothing was imported.")
    )


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody can write to, root included (the immutable attribute for root)."""
    if os.geteuid() == 0:
        if not shutil.which("chattr"):
            pytest.skip("running as root without chattr")
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot make a folder read-only here")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


@pytest.mark.parametrize("existing", [False, True])
def test_a_read_only_data_folder_gives_a_clear_error(existing: bool) -> None:
    data = locations.data_dir()
    data.mkdir(parents=True)
    if existing:
        fill(3)
    before = sorted(p.name for p in data.iterdir())
    with read_only(data):
        # Commands that only read work there (tests/faults/test_read_only_data.py).
        for command in (["doctor", "--rebuild"], ["doctor", "--repair"]):
            result = quizapp(*command)
            assert result.returncode == 1
            assert "Traceback" not in result.stderr
            [line] = result.stderr.strip().splitlines()
            assert "read-only" in line and "QUIZAPP_DATA_DIR" in line
        assert sorted(p.name for p in data.iterdir()) == before


def test_doctor_reports_a_damaged_page_without_a_traceback() -> None:
    fill(400)
    path = locations.database_path()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    assert pages > 12
    data = bytearray(path.read_bytes())
    for page in range(pages - 6, pages - 1):  # a few pages near the end: data, not the schema
        start = page * page_size + 8
        data[start : start + 200] = b"\xa5" * 200
    path.write_bytes(bytes(data))
    result = quizapp("doctor")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Integrity: FAILED: " in result.stdout and "more)" in result.stdout
    assert len(result.stdout.splitlines()) == 3
    assert path.exists()  # a damaged file is never deleted
