"""Quiz traps: leaving a timed quiz asks first; true/false results say True or False."""

from __future__ import annotations

from quizapp.core.store.database import Store
from quizapp.core.store.records import QuizAnswer
from quizapp.tui.screens.leave_quiz import LeaveQuizScreen
from quizapp.tui.screens.results import answer_lines
from tests.tui.test_quiz import Host, quiz_screen, runs, store  # noqa: F401 (fixture)


async def test_escape_in_a_timed_quiz_asks_even_before_any_answer(store: Store) -> None:  # noqa: F811
    screen = quiz_screen(store, time_limit_s=300)
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(host.screen, LeaveQuizScreen) and not host.dismissed
        await pilot.press("escape")  # keep going
        await pilot.pause()
        assert host.screen is screen
    assert runs(store) == []


def _true_false(claim: str, given: str) -> QuizAnswer:
    return QuizAnswer(
        card_id="c1",
        direction="it",
        question="Quanto costa?",
        given=given,
        expected="5 milioni di dollari",
        verdict="wrong",
        score=0.0,
        format="truefalse",
        claim=claim,
    )


def test_true_false_results_say_true_or_false_as_the_right_answer() -> None:
    true_claim = answer_lines(_true_false("5 milioni di dollari", "false"), "it").plain
    assert "Risposta giusta: Vero" in true_claim
    false_claim = answer_lines(_true_false("6 milioni di dollari", "true"), "en").plain
    assert "Right answer: False (5 milioni di dollari)" in false_claim
