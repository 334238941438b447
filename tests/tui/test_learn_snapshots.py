"""How study by tag and learn mode look at 80x24, in both languages (pytest-textual-snapshot;
update with `pytest tests/tui/test_learn_snapshots.py --snapshot-update`)."""

from __future__ import annotations

from pathlib import Path

import pytest

APP = Path(__file__).parent / "snapshot_app.py"
STUDY = Path(__file__).parent / "snapshot_study.py"
LANGS = ["en", "it"]


@pytest.mark.parametrize("lang", LANGS)
def test_tag_picker_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_CONFIG_DIR", "/home/learner/.config/quizapp")
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    assert snap_compare(str(APP), terminal_size=(80, 24), press=["f", "down", "space"])


@pytest.mark.parametrize("lang", LANGS)
def test_learn_mode_choice_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A new card in learn mode: the right answer among three of the same type."""
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_LEARN", "1")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_learn_mode_right_choice_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_LEARN", "1")
    assert snap_compare(str(STUDY), terminal_size=(80, 24), press=["1"])


@pytest.mark.parametrize("lang", LANGS)
def test_study_by_tag_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_TAGS", "people,dates")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_study_by_tag_nothing_due_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_TAGS", "dates")
    monkeypatch.setenv("QUIZAPP_TEST_NEW", "0")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))
