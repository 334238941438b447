"""The quiz, its setup dialog and its results (Pilot): every format, retry, time limit, leaving."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import Deck
from quizapp.core.quiz.run import Question, QuizOptions
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.core.store.records import QuizRun
from quizapp.tui.screens.leave_quiz import LeaveQuizScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.footer import KeyFooter
from tests.conftest import BUNDLED_DECK

START = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Host(App[None]):
    """Pushes one screen and remembers what it was dismissed with."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.first = screen
        self.dismissed: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.first, self.dismissed.append)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


def quiz_screen(
    store: Store,
    lang: str = "en",
    deck: Deck | None = None,
    clock: Clock | None = None,
    **options: Any,
) -> QuizScreen:
    options.setdefault("length", 6)
    return QuizScreen(
        deck or load_deck(BUNDLED_DECK),
        store,
        Settings(ui_language=lang),  # type: ignore[arg-type]
        QuizOptions(**options),
        clock=clock or Clock(),
        seed=3,
    )


def text_of(screen: Screen[Any], name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).content)


async def answer(pilot: Pilot[Any], screen: QuizScreen, right: bool) -> Question:
    """Answer the current question as a learner does, right or wrong."""
    question = screen.question
    assert question is not None
    if question.format == "typed":
        typed = question.prompt.answer_display if right else "non lo so"
        screen.query_one("#answer", Input).value = typed
        await pilot.press("enter")
    elif question.format == "choice":
        index = question.correct if right else (question.correct + 1) % len(question.options)
        await pilot.press(str(index + 1))
    else:
        value = question.claim_true if right else not question.claim_true
        await pilot.press("1" if value else "2")
    assert screen.result is not None
    return question


def runs(store: Store) -> list[QuizRun]:
    return store.quiz_runs(answers=True)


async def test_a_quiz_from_start_to_results(store: Store) -> None:
    screen = quiz_screen(store)
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        formats = set()
        for number in range(1, 7):
            assert text_of(screen, "status").startswith(f"Question {number} of 6")
            question = await answer(pilot, screen, right=number != 2)
            formats.add(question.format)
            await pilot.press("enter")
        assert formats == {"typed", "choice", "truefalse"}
        await pilot.pause()
        results = host.screen
        assert isinstance(results, ResultsScreen)
        summary = str(results.query_one("#summary", Static).content)
        assert "Score: 5 out of 6 (83%)" in summary and "Time: 0:00" in summary
        bodies = [str(body.content) for body in results.query(".body").results(Static)]
        assert len(bodies) == 6 and "Right answer:" in bodies[1]
        assert [run.score for run in runs(store)] == [5]
        await pilot.press("escape")
        await pilot.pause()
        assert host.dismissed and host.dismissed[0].score == 5


async def test_feedback_for_each_format(store: Store) -> None:
    screen = quiz_screen(store, length=30)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        seen: set[str] = set()
        while screen.question is not None and len(seen) < 3:
            question = screen.question
            if question.format in seen:
                await answer(pilot, screen, right=True)
                await pilot.press("enter")
                continue
            seen.add(question.format)
            await answer(pilot, screen, right=False)
            feedback = text_of(screen, "feedback")
            assert screen.query_one("#feedback").has_class("-wrong")
            if question.format == "typed":
                assert not screen.query_one("#answer", Input).display  # the feedback shows it
                assert "You typed: non lo so" in feedback
                assert f"Right answer: {question.expected}" in feedback
            elif question.format == "choice":
                labels = [str(option.prompt) for option in screen.query_one(OptionList).options]
                assert labels[question.correct].endswith("✓")
                assert sum(label.endswith("✗") for label in labels) == 1
                assert screen.query_one(OptionList).disabled
            else:
                truth = "true" if question.claim_true else "false"
                assert f"Wrong. The statement was {truth}." in feedback
                assert ("Right answer:" in feedback) != question.claim_true
            await pilot.press("1")  # option keys do nothing once answered
            assert screen.result is not None and screen.result.question is question
            await pilot.press("enter")
        assert seen == {"typed", "choice", "truefalse"}


async def test_true_false_buttons_are_labelled_in_the_ui_language(store: Store) -> None:
    screen = quiz_screen(store, lang="it", length=30)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while screen.question is not None and screen.question.format != "truefalse":
            await answer(pilot, screen, right=True)
            await pilot.press("enter")
        assert str(screen.query_one("#true", Button).label) == "1  Vero"
        assert str(screen.query_one("#false", Button).label) == "2  Falso"
        assert text_of(screen, "format") == "Vero o falso?"
        question = screen.question
        assert question is not None
        await pilot.click("#true")
        await pilot.pause()
        assert screen.result is not None and screen.result.given == "true"
        assert screen.result.score == float(question.claim_true)
        footer = screen.query_one(KeyFooter)
        assert {key.action: key.description for key in footer.keys}["next"] == "Avanti"
        screen.lang = "en"  # as the app's ctrl+l does it
        await pilot.pause()
        assert text_of(screen, "format") == "True or false?"
        assert {key.action: key.description for key in footer.keys}["next"] == "Next"


async def test_retry_the_missed_questions(store: Store) -> None:
    screen = quiz_screen(store, length=5)
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        missed = []
        for number in range(5):
            question = await answer(pilot, screen, right=number % 2 == 1)
            if number % 2 == 0:
                missed.append(question.key)
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(host.screen, ResultsScreen)
        await pilot.press("r")
        await pilot.pause()
        assert host.screen is screen and not host.dismissed
        assert text_of(screen, "status").startswith("Question 1 of 3")
        assert screen.quiz is not None
        assert sorted(q.key for q in screen.quiz.questions) == sorted(missed)
        for _ in range(3):
            await answer(pilot, screen, right=True)
            await pilot.press("enter")
        await pilot.pause()
        results = host.screen
        assert isinstance(results, ResultsScreen) and results.missed == 0
        await pilot.press("r")  # nothing left to retry: the key does nothing
        assert host.screen is results
        await pilot.press("enter")
        await pilot.pause()
    assert sorted((run.kind, run.score, run.total) for run in runs(store)) == [
        ("quiz", 2, 5),
        ("retry", 3, 3),
    ]
    assert store.quiz_summary(load_deck(BUNDLED_DECK).id).runs == 1


async def test_the_time_limit_runs_out(store: Store) -> None:
    clock = Clock()
    screen = quiz_screen(store, clock=clock, length=5, time_limit_s=120)
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Time 2:00" in text_of(screen, "status")
        clock.advance(50)
        await answer(pilot, screen, right=True)
        assert "Time 1:10" in text_of(screen, "status")
        assert not screen.query_one("#status").has_class("hurry")
        await pilot.press("enter")
        clock.advance(65)
        screen.tick()
        assert "Time 0:05" in text_of(screen, "status")
        assert screen.query_one("#status").has_class("hurry")
        clock.advance(10)
        screen.tick()
        await pilot.pause()
        results = host.screen
        assert isinstance(results, ResultsScreen)
        extra = str(results.query_one("#summary-extra", Static).content)
        assert "Time ran out: 4 questions unanswered." in extra
        summary = str(results.query_one("#summary", Static).content)
        assert "Time: 2:00 (limit 2:00)" in summary and "Score: 1 out of 5" in summary
    [run] = runs(store)
    assert [a.verdict for a in run.answers][1:] == ["unanswered"] * 4


async def test_time_running_out_behind_the_leave_dialog_waits_for_it(store: Store) -> None:
    clock = Clock()
    screen = quiz_screen(store, clock=clock, length=4, time_limit_s=60)
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, screen, right=True)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(host.screen, LeaveQuizScreen)
        clock.advance(61)
        screen.tick()
        await pilot.pause()
        assert isinstance(host.screen, LeaveQuizScreen)  # not covered by the results
        await pilot.press("escape")  # keep going: the time is up, so the results come
        await pilot.pause()
        assert isinstance(host.screen, ResultsScreen)
        assert host.screen.run.score == 1 and host.screen.timed_out


async def test_an_answer_after_the_time_limit_is_not_counted(store: Store) -> None:
    clock = Clock()
    screen = quiz_screen(store, clock=clock, length=3, time_limit_s=60)
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock.advance(61)  # before the timer noticed
        question = screen.question
        assert question is not None
        if question.format == "typed":
            screen.query_one("#answer", Input).value = question.prompt.answer_display
            await pilot.press("enter")
        else:
            await pilot.press("1")
        await pilot.pause()
        assert isinstance(host.screen, ResultsScreen)
    [run] = runs(store)
    assert run.score == 0 and {a.verdict for a in run.answers} == {"unanswered"}


async def test_escape_leaves_at_once_before_any_answer(store: Store) -> None:
    screen = quiz_screen(store)
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert host.dismissed == [None]
    assert runs(store) == []


async def test_escape_asks_once_an_answer_was_given(store: Store) -> None:
    screen = quiz_screen(store)
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await answer(pilot, screen, right=True)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(host.screen, LeaveQuizScreen)
        await pilot.press("escape")  # keep going
        await pilot.pause()
        assert host.screen is screen and not host.dismissed
        await pilot.press("escape", "enter")  # leave
        await pilot.pause()
        assert host.dismissed == [None]
    assert runs(store) == []  # a quiz left half-way is not scored
    assert [r.mode for r in store.reviews()] == ["quiz"]  # but its answer is in the history


async def test_card_text_is_shown_literally(store: Store, tmp_path: Path) -> None:
    text = BUNDLED_DECK.read_text(encoding="utf-8")
    for old in ("Chi ha fondato DeepSeek?", "Quale azienda ha fondato Jack Ma?"):
        text = text.replace(old, f"[bold]{old}[/] $var", 1)
    deck_path = tmp_path / "d.toml"
    deck_path.write_text(text, encoding="utf-8")
    deck = load_deck(deck_path)
    screen = quiz_screen(store, deck=deck, tags=("people",), length=40)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while screen.question is not None and "[bold]" not in screen.question.text:
            await answer(pilot, screen, right=True)
            await pilot.press("enter")
        assert screen.question is not None
        assert "[bold]" in text_of(screen, "question") and "[/] $var" in text_of(screen, "question")


async def test_no_matching_card_says_so(store: Store) -> None:
    screen = quiz_screen(store, tags=("no-such-tag",))
    host = Host(screen)
    async with host.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert text_of(screen, "question") == "No card of this deck matches the quiz options."
        await pilot.press("escape")
        await pilot.pause()
        assert host.dismissed == [None]


def test_every_string_and_binding_of_the_quiz_screens_is_translated() -> None:
    import re

    from quizapp.tui import i18n
    from quizapp.tui.screens import leave_quiz, quiz, quiz_setup, results

    for module in (quiz, quiz_setup, results, leave_quiz):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        keys = re.findall(r"""\bt\(\s*(?:self\.)?lang,\s*f?["']([a-z_.{}]+)["']""", source)
        assert keys, module.__name__
        for key in keys:
            if "{" not in key:
                assert i18n.has(key), (module.__name__, key)
    screens = (quiz.QuizScreen, leave_quiz.LeaveQuizScreen, quiz_setup.QuizSetupScreen)
    for screen in (*screens, results.ResultsScreen):
        for binding in screen.BINDINGS:
            assert isinstance(binding, Binding) and binding.id
            italian, english = i18n.WORDS.phrase(f"key.{binding.id}")
            assert italian and english and italian != english
    for fmt in ("typed", "choice", "truefalse"):
        assert i18n.has(f"quiz.format.{fmt}")
    for outcome in ("correct", "almost", "partial", "wrong", "unanswered"):
        assert i18n.has(f"outcome.{outcome}")


async def test_an_empty_enter_does_not_throw_a_typed_question_away(store: Store) -> None:
    screen = quiz_screen(store)
    async with Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while screen.question is not None and screen.question.format != "typed":
            await answer(pilot, screen, right=True)
            await pilot.press("enter")
        question = screen.question
        assert question is not None and question.format == "typed"
        await pilot.press("enter")  # "next" pressed once too often
        await pilot.pause()
        assert screen.result is None and screen.question is question
        assert any("Type an answer" in n.message for n in screen.app._notifications)
        assert all(r.card_id != question.prompt.card.id for r in store.reviews())
