"""`quizapp quiz` as a user runs it: help, and bad arguments refused before the app opens."""

from __future__ import annotations

import pytest

from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK


def test_quiz_help_lists_its_options() -> None:
    result = run_quizapp("quiz", "--help")
    assert result.returncode == 0, result.stderr
    for option in ("DECK", "--tag TAG", "-n N, --questions N", "--time-limit MINUTES", "--seed"):
        assert option in result.stdout
    assert "quiz" in run_quizapp("--help").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-n", "0"], "the number of questions must be a whole number from 1 to 500 (got '0')"),
        (["-n", "many"], "the number of questions must be a whole number from 1 to 500"),
        (["-n", "501"], "from 1 to 500 (got '501')"),
        (["--time-limit", "0"], "the time limit is a number of minutes above 0"),
        (["--time-limit", "-5"], "(got '-5')"),
        (["--time-limit", "nan"], "(got 'nan')"),
        (["--seed", "x"], "argument --seed: invalid int value: 'x'"),
        (["--tag", "figures", "--tag", "nope"], "the deck 'deepseek-it' has no tag 'nope' (its"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_arguments_exit_2_with_one_clear_message(args: list[str], message: str) -> None:
    result = run_quizapp("quiz", str(BUNDLED_DECK), *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_an_unknown_tag_lists_the_deck_tags() -> None:
    result = run_quizapp("quiz", "--tag", "persone")
    assert result.returncode == 2
    listed = result.stderr.split("its tags: ")[1].rstrip(")\n").split(", ")
    assert {"figures", "people", "concepts", "companies", "dates", "vocab", "level-1"} <= set(
        listed
    )


def test_an_unknown_deck_is_an_error_like_study() -> None:
    result = run_quizapp("quiz", "no-such-deck", "-n", "5")
    study = run_quizapp("study", "no-such-deck")
    assert result.returncode == study.returncode == 1
    assert result.stderr == study.stderr and "no-such-deck" in result.stderr
