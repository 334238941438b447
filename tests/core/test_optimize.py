"""Fitting FSRS parameters to the learner's own log: the items, the fit, the refusal, saving."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest

from benchmarks.learner import TRUE_WEIGHTS, simulate
from quizapp.core import settings as settings_file
from quizapp.core.schedule import DAY_MS, DEFAULT_WEIGHTS, MINUTE_MS
from quizapp.core.settings import Settings
from quizapp.core.store import Review, Store
from quizapp.core.study import optimize as opt

T0 = 1_767_261_600_000  # 2026-01-01 10:00 UTC
DECK = "sim"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "progress.sqlite3", tz=timezone.utc) as opened:
        yield opened  # type: ignore[misc]


def _row(n: int, at: int, rating: int = 3, mode: str = "study", card: str = "a") -> Review:
    return Review(f"{at:012x}{n:08d}", DECK, card, "fwd", at, mode=mode, rating=rating, day_start=4)


def test_items_count_study_days_as_the_scheduler_does() -> None:
    # 10:00, 10:10 the same day, then 03:30 the next morning (before the 04:00 day start:
    # the same study day, 0 days), then 04:30 (one study day later although 18 hours).
    rows = [
        _row(1, T0, 1),
        _row(2, T0 + 10 * MINUTE_MS),
        _row(3, T0 + 17 * 60 * MINUTE_MS + 30 * MINUTE_MS),
        _row(4, T0 + 18 * 60 * MINUTE_MS + 30 * MINUTE_MS),
    ]
    training = opt.training_items(rows, timezone.utc)
    assert training.reviews == 1 and training.cards == 1 and training.answers == 4
    assert training.histories == [[(1, 0), (3, 0), (3, 0), (3, 1)]]


def test_items_start_after_the_latest_forget_and_skip_actions() -> None:
    rows = [
        _row(1, T0),
        _row(2, T0 + 2 * DAY_MS),
        _row(3, T0 + 3 * DAY_MS, mode="forget", rating=None),  # type: ignore[arg-type]
        _row(4, T0 + 4 * DAY_MS, 1),
        _row(5, T0 + 5 * DAY_MS, mode="suspend", rating=None),  # type: ignore[arg-type]
        _row(6, T0 + 7 * DAY_MS),
    ]
    training = opt.training_items(rows, timezone.utc)
    assert training.reviews == 1 and training.histories == [[(1, 0), (3, 3)]]


def test_fit_beats_defaults_and_the_schedule_uses_it(store: Store, tmp_path: Path) -> None:
    store.merge(simulate(1500, seed=11, deck_id=DECK))
    key = (DECK, "c1", "fwd")
    default_interval = store.state(key).interval  # type: ignore[union-attr]
    steps: list[opt.Step] = []
    fit = opt.optimize(store, Settings(), DECK, steps.append)
    assert steps == list(opt.Step)
    assert fit.reviews >= 1000 and fit.cards > 100
    assert fit.current == DEFAULT_WEIGHTS
    assert fit.after.log_loss < fit.before.log_loss and fit.better
    assert fit.after.rmse < fit.before.rmse
    # The fit moves towards the learner's own memory: first stabilities well above the defaults.
    assert fit.fitted[2] > 2 * DEFAULT_WEIGHTS[2]
    assert TRUE_WEIGHTS[2] > 2 * DEFAULT_WEIGHTS[2]
    path = tmp_path / "settings.toml"
    saved = opt.save_fit(store, fit, path)
    assert settings_file.load(path).fsrs_weights(DECK) == list(fit.fitted)
    assert saved.fsrs_weights(DECK) == list(fit.fitted)
    assert store.parameters(DECK).weights == fit.fitted
    fitted_interval = store.state(key).interval  # type: ignore[union-attr]
    assert fitted_interval != default_interval
    # The same log gives the same fit, and now the saved parameters are the current ones.
    again = opt.optimize(store, saved, DECK)
    assert again.current == fit.fitted


def test_not_better_keeps_the_current_parameters(store: Store, tmp_path: Path) -> None:
    store.merge(simulate(1500, seed=11, deck_id=DECK))
    fit = opt.optimize(store, Settings(), DECK)
    worse = opt.Fit(DECK, fit.reviews, fit.cards, fit.current, fit.after, fit.fitted,
                    fit.before, fit.seconds)  # fmt: skip
    assert not worse.better and worse.chosen == fit.current
    path = tmp_path / "settings.toml"
    opt.save_fit(store, worse, path)
    assert not path.exists()
    assert store.parameters(DECK).weights == DEFAULT_WEIGHTS


def test_all_decks_saves_under_star(store: Store, tmp_path: Path) -> None:
    store.merge(simulate(800, seed=3, deck_id="one") + simulate(800, seed=4, deck_id="two"))
    fit = opt.optimize(store, Settings(), None)
    assert fit.scope == opt.ALL_DECKS and fit.better
    path = tmp_path / "settings.toml"
    saved = opt.save_fit(store, fit, path)
    assert saved.fsrs_parameters == {"*": list(fit.fitted)}
    assert saved.fsrs_weights("two") == list(fit.fitted)


def test_refused_below_the_minimum(store: Store) -> None:
    store.merge(simulate(300, seed=5, deck_id=DECK))
    with pytest.raises(opt.TooFewReviews) as refused:
        opt.optimize(store, Settings(), DECK)
    assert 0 < refused.value.reviews < opt.MIN_REVIEWS == refused.value.minimum
