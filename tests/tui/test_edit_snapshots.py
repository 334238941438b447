"""How the "broken edit" dialog looks at 80x24, in both languages (pytest-textual-snapshot)."""

from __future__ import annotations

from pathlib import Path

EDIT = Path(__file__).parent / "snapshot_edit.py"


def test_broken_edit_80x24_english(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")
    assert snap_compare(str(EDIT), terminal_size=(80, 24))


def test_broken_edit_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(EDIT), terminal_size=(80, 24))
