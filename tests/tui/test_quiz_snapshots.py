"""How the quiz, its setup dialog and its results look (pytest-textual-snapshot).

The app is tests/tui/snapshot_quiz.py: bundled deck, fixed clock, fixed seed. Update with
`pytest tests/tui/test_quiz_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from quizapp.tui.screens.quiz import QuizScreen

APP = Path(__file__).parent / "snapshot_quiz.py"


async def _answer(pilot: Any, right: bool) -> None:
    """Answer the quiz's current question, right or wrong, and stay on its feedback."""
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    question = screen.question
    assert question is not None
    if question.format == "typed":
        screen.query_one("#answer", Input).value = (
            question.prompt.answer_display if right else "non lo so"
        )
        await pilot.press("enter")
    elif question.format == "choice":
        index = question.correct if right else (question.correct + 1) % len(question.options)
        await pilot.press(str(index + 1))
    else:
        await pilot.press("1" if question.claim_true == right else "2")
    await pilot.pause()


async def _to_a_choice_answered_wrong(pilot: Any) -> None:
    while pilot.app.screen.question.format != "choice":
        await _answer(pilot, right=True)
        await pilot.press("enter")
    await _answer(pilot, right=False)


async def _to_the_results(pilot: Any) -> None:
    for number in range(5):
        await _answer(pilot, right=number not in (1, 3))
        await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def ui(monkeypatch: pytest.MonkeyPatch) -> Any:
    def choose(lang: str, screen: str = "quiz") -> None:
        monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
        monkeypatch.setenv("QUIZAPP_TEST_SCREEN", screen)

    return choose


def test_quiz_80x24_english(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("en")
    assert snap_compare(str(APP), terminal_size=(80, 24))


def test_quiz_choice_feedback_80x24_italian(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("it")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_to_a_choice_answered_wrong)


def test_quiz_choice_feedback_80x24_english(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("en")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_to_a_choice_answered_wrong)


def test_quiz_timed_120x40_english(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("en", "timed")
    assert snap_compare(str(APP), terminal_size=(120, 40))


def test_results_80x24_english(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("en")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_to_the_results)


def test_results_80x24_italian(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("it")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_to_the_results)


def test_quiz_setup_80x24_english(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("en", "setup")
    assert snap_compare(str(APP), terminal_size=(80, 24))


def test_quiz_setup_80x24_italian(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("it", "setup")
    assert snap_compare(str(APP), terminal_size=(80, 24))


async def _two_topics_and_a_time(pilot: Any) -> None:
    """As a learner sets it up: a time in minutes, then two topics ticked with Space."""
    await pilot.press("tab", *"1,5", "tab", "space", "down", "down", "space")
    await pilot.pause()


def test_quiz_setup_two_topics_80x24_italian(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("it", "setup")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_two_topics_and_a_time)


def test_quiz_setup_two_topics_80x24_english(snap_compare, ui) -> None:  # type: ignore[no-untyped-def]
    ui("en", "setup")
    assert snap_compare(str(APP), terminal_size=(80, 24), run_before=_two_topics_and_a_time)
