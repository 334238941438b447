"""How the Browse screen looks at 80x24: every prompt, and a leech found and suspended."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_browse.py"


def _pressed(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


def test_browse_80x24_english(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_pressed())


def test_browse_leech_suspended_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_pressed("l", "space", "s"))
