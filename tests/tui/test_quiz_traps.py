"""Quiz traps: leaving a timed quiz asks first; true/false results say True or False."""

from __future__ import annotations

from quizapp.core.store.database import Store
from quizapp.core.store.records import QuizAnswer
from quizapp.tui.screens.leave_quiz import LeaveQuizScreen
from quizapp.tui.screens.results import answer_lines
from tests.tui.test_quiz import Host, answer, quiz_screen, runs, store  # noqa: F401 (fixture)


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


async def test_a_wrong_choice_shows_what_was_picked_and_typed_shows_what_was_typed(
    store: Store,  # noqa: F811
) -> None:
    screen = quiz_screen(store, length=6)
    host = Host(screen)
    seen = set()
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while screen.question is not None and len(seen) < 2 and not host.dismissed:
            question = screen.question
            if question.format in ("choice", "typed") and question.format not in seen:
                given = await answer(pilot, screen, right=question.format == "typed")
                await pilot.pause()
                shown = str(screen.query_one("#feedback").render())
                if given.format == "choice":
                    picked = given.options[(given.correct + 1) % len(given.options)]
                    assert "You picked" in shown and picked in shown
                else:
                    assert given.prompt.answer_display in shown  # typed, and right
                seen.add(given.format)
            else:
                await answer(pilot, screen, right=True)
            await pilot.press("enter")
            await pilot.pause()
    assert seen == {"choice", "typed"}
