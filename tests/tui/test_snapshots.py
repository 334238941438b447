"""How the screens look (pytest-textual-snapshot). Update with `pytest --snapshot-update`."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_app.py"


def test_home_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(str(APP), terminal_size=(80, 24))


STUDY = Path(__file__).parent / "snapshot_study.py"


def test_study_80x24_english(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))


def test_study_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))


def test_study_answered_120x40(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")

    async def answer(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*"6 miliardi", "enter")

    assert snap_compare(str(STUDY), terminal_size=(120, 40), run_before=answer)
