"""How the stats screen looks at 80x24 over a hand-built log with a fixed clock."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_stats.py"


def _computed(*keys: str):  # type: ignore[no-untyped-def]
    """Wait for the statistics (computed in a worker), then press `keys`."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


def test_stats_overview_80x24_english(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_computed())


def test_stats_overview_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_computed())


def test_stats_heatmap_80x24_english(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_computed("2"))


def test_stats_heatmap_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_computed("2"))


def test_stats_forecast_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_computed("3"))


def test_stats_retention_80x24_english(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "en")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_computed("4"))


def test_stats_hardest_80x24_italian(snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", "it")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_computed("6"))
