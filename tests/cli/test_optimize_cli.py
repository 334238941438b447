"""`quizapp optimize` as a user runs it: a simulated learner's log in a temporary data folder."""

from __future__ import annotations

from datetime import timezone

from benchmarks.learner import simulate
from quizapp.core import locations
from quizapp.core import settings as settings_file
from quizapp.core.schedule import DEFAULT_WEIGHTS
from quizapp.core.store import Store
from tests.cli.helpers import run_quizapp


def _log(reviews: int, deck_id: str = "sim") -> None:
    with Store(tz=timezone.utc) as store:
        store.merge(simulate(reviews, seed=11, deck_id=deck_id))


def test_optimize_prints_the_fit_and_saves_it() -> None:
    _log(1500)
    result = run_quizapp("optimize", "sim", env={"TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("sim: ") and " reviews of " in lines[0] and " cards (" in lines[0]
    reviews = int(lines[0].split()[1])
    assert reviews >= 1000
    assert lines[1].split() == ["log", "loss", "RMSE"]
    before = float(lines[2].split()[1])
    after = float(lines[3].split()[1])
    assert lines[2].startswith("current") and lines[3].startswith("fitted") and after < before
    assert lines[-1] == "Saved: sim is scheduled with the fitted parameters from now on."
    saved = settings_file.load(locations.settings_path()).fsrs_weights("sim")
    assert saved is not None and len(saved) == len(DEFAULT_WEIGHTS)
    assert saved != list(DEFAULT_WEIGHTS)
    with Store() as store:
        assert list(store.parameters("sim").weights) == saved
    # Again: the saved parameters are now the current ones, and the fit is the same.
    again = run_quizapp("optimize", "sim", env={"TZ": "UTC"})
    assert again.returncode == 0, again.stderr
    assert float(again.stdout.splitlines()[2].split()[1]) == after


def test_optimize_all_decks() -> None:
    _log(800, "one")
    _log(800, "two")
    result = run_quizapp("optimize", "--all", env={"TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("all decks: ")
    assert set(settings_file.load(locations.settings_path()).fsrs_parameters) == {"*"}


def test_optimize_refuses_below_the_minimum() -> None:
    _log(200)
    result = run_quizapp("optimize", "sim")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "at least 400 are needed" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not locations.settings_path().exists()


def test_optimize_unknown_deck_and_usage() -> None:
    unknown = run_quizapp("optimize", "nope")
    assert unknown.returncode == 1 and unknown.stderr.count("\n") == 1
    assert "'nope'" in unknown.stderr
    neither = run_quizapp("optimize")
    assert neither.returncode == 2 and "--all" in neither.stderr
