"""How the screens look (pytest-textual-snapshot). Update with `pytest --snapshot-update`."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_app.py"


def _fixed_config(monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Screens that name the settings file show this path, not a temp dir's."""
    monkeypatch.setenv("QUIZAPP_CONFIG_DIR", "/home/learner/.config/quizapp")
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)


def test_home_80x24(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fixed_config(monkeypatch, "en")
    assert snap_compare(str(APP), terminal_size=(80, 24))


def test_home_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fixed_config(monkeypatch, "it")
    assert snap_compare(str(APP), terminal_size=(80, 24))


def test_help_80x24(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fixed_config(monkeypatch, "en")
    assert snap_compare(str(APP), terminal_size=(80, 24), press=["question_mark"])


def test_settings_80x24(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fixed_config(monkeypatch, "en")
    assert snap_compare(str(APP), terminal_size=(80, 24), press=["o"])


def test_settings_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fixed_config(monkeypatch, "it")
    assert snap_compare(str(APP), terminal_size=(80, 24), press=["o"])


STUDY = Path(__file__).parent / "snapshot_study.py"


def test_study_80x24_english(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))


def test_study_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))


def test_study_done_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Nothing left today: when the next card is due, and practice offered."""
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    monkeypatch.setenv("QUIZAPP_TEST_NEW", "0")
    assert snap_compare(str(STUDY), terminal_size=(80, 24))


def test_study_answered_120x40(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")

    async def answer(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*"6 miliardi", "enter")

    assert snap_compare(str(STUDY), terminal_size=(120, 40), run_before=answer)


def test_help_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fixed_config(monkeypatch, "it")
    assert snap_compare(str(APP), terminal_size=(80, 24), press=["question_mark"])
