"""Optimize from the settings screen (Pilot): start, progress shown, result shown, saved."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest
from textual.widgets import ProgressBar, Static

from benchmarks.learner import simulate
from quizapp.core import locations
from quizapp.core import settings as user_settings
from quizapp.core.schedule import DEFAULT_WEIGHTS
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.optimize import OptimizeScreen
from quizapp.tui.screens.settings import SettingsScreen


def _store(tmp_path: Path, reviews: int) -> Store:
    store = Store(tmp_path / "progress.sqlite3", tz=timezone.utc)
    rows = simulate(reviews, seed=11, deck_id="sim")
    store.merge(rows)
    store.sync_catalog("sim", sorted({(row.card_id, row.direction) for row in rows}))
    return store


async def _run(app: QuizApp, pilot: object) -> OptimizeScreen:
    await pilot.press("o")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, SettingsScreen)
    await pilot.press("ctrl+o")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, OptimizeScreen)
    await pilot.press("ctrl+r")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    return screen


@pytest.mark.parametrize(
    ("lang", "step", "used", "saved"),
    [
        ("en", "Fitting…", "reviews of", "Saved: the schedule uses the fitted parameters"),
        ("it", "Adattamento…", "ripassi di", "Salvati: il mazzo ora è programmato"),
    ],
)
async def test_optimize_shows_progress_and_result_and_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, step: str, used: str, saved: str
) -> None:
    shown: list[tuple[str, float]] = []
    original = OptimizeScreen._show_step

    def record(self: OptimizeScreen, stage: object) -> None:
        original(self, stage)  # type: ignore[arg-type]
        text = str(self.query_one("#optimize-step", Static).content)
        shown.append((text, self.query_one("#optimize-progress", ProgressBar).progress))

    monkeypatch.setattr(OptimizeScreen, "_show_step", record)
    store = _store(tmp_path, 1500)
    app = QuizApp(settings=Settings(ui_language=lang), store=store)  # type: ignore[arg-type]
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = await _run(app, pilot)
        assert [progress for _text, progress in shown] == [0, 1, 2, 3]
        assert shown[2][0] == step
        assert screen.query_one("#optimize-progress", ProgressBar).progress == 4
        result = str(screen.query_one("#optimize-result", Static).content)
        assert used in result and "log loss" in result and saved in result, result
        weights = user_settings.load(locations.settings_path()).fsrs_weights("sim")
        assert weights is not None and weights != list(DEFAULT_WEIGHTS)
        assert app.settings.fsrs_weights("sim") == weights
        assert list(store.parameters("sim").weights) != list(DEFAULT_WEIGHTS)
        await pilot.press("escape")
        await pilot.pause()
        settings_screen = app.screen
        assert isinstance(settings_screen, SettingsScreen)
        # Saving the form afterwards keeps the fitted parameters.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert user_settings.load(locations.settings_path()).fsrs_weights("sim") == weights
    store.close()


async def test_optimize_too_few_reviews_changes_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path, 200)
    app = QuizApp(settings=Settings(ui_language="en"), store=store)  # type: ignore[arg-type]
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = await _run(app, pilot)
        result = str(screen.query_one("#optimize-result", Static).content)
        assert "at least 400 are needed" in result
        assert not locations.settings_path().exists()
    store.close()
