"""A quiz: N questions, typed, multiple choice or true/false, with immediate feedback.

Each answer is judged and saved at once and the verdict is shown under the question (what was
right, the right answer, the card's note): feedback right after an answer is what makes a quiz
teach, and the results screen lists everything again at the end. Enter goes on. Choices are
picked with 1-n, true/false with 1 (true) and 2 (false): the same keys in Italian and English.
With a time limit, the time left is shown and the quiz ends when it runs out (the questions
left count as unanswered). Escape leaves; once an answer was given it asks first, because
leaving drops the quiz's score (the answers stay in the history).

The screen is dismissed with the last finished QuizRun, or None when the learner left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, Header, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from quizapp.core.deck import Deck
from quizapp.core.quiz import (
    Clock,
    NoQuestions,
    Question,
    Quiz,
    QuizError,
    QuizOptions,
    Result,
    TimeUp,
)
from quizapp.core.records import QuizRun
from quizapp.core.settings import Settings
from quizapp.core.store import Store, StoreError
from quizapp.core.text import visible
from quizapp.tui.format import data
from quizapp.tui.i18n import t
from quizapp.tui.localise import translate_bindings
from quizapp.tui.screens.results import ResultsScreen, minutes_seconds, score_text
from quizapp.tui.widgets.footer import KeyFooter
from quizapp.tui.widgets.safe_input import SafeInput

_OUTCOME_CLASSES = ("correct", "almost", "partial", "wrong")
_DIFF_STYLE = {"ok": "", "wrong": "bold red", "extra": "bold red strike", "missing": "bold green"}


class LeaveQuizScreen(ModalScreen[bool]):
    """ "Leave the quiz?" Enter leaves, Escape goes back to the quiz."""

    DEFAULT_CSS = """
    LeaveQuizScreen { align: center middle; }
    LeaveQuizScreen #dialog {
        width: 60; max-width: 90%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    LeaveQuizScreen #leave-title { text-style: bold; }
    LeaveQuizScreen #leave-body { margin: 1 0; }
    LeaveQuizScreen #leave-buttons { height: 3; }
    LeaveQuizScreen Button { width: 1fr; margin-right: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "leave", "Leave", id="quiz_leave.confirm"),
        Binding("escape", "stay", "Keep going", id="quiz_leave.cancel"),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t(self.lang, "quiz.leave_title"), id="leave-title")
            yield Static(t(self.lang, "quiz.leave_body"), id="leave-body")
            with Horizontal(id="leave-buttons"):
                yield Button(
                    f"{t(self.lang, 'key.quiz_leave.confirm')} (⏎)", id="leave", variant="warning"
                )
                yield Button(f"{t(self.lang, 'key.quiz_leave.cancel')} (Esc)", id="stay")

    def on_mount(self) -> None:
        self.set_focus(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "leave")

    def action_leave(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)


class QuizScreen(Screen[QuizRun | None]):
    """A quiz over one deck (see the module docstring)."""

    DEFAULT_CSS = """
    QuizScreen #status { height: 1; padding: 0 2; color: $text-muted; }
    QuizScreen #status.hurry { color: $warning; }
    QuizScreen ProgressBar { padding: 0 2; }
    QuizScreen #card { height: 1fr; padding: 1 2 0 2; }
    QuizScreen #format { color: $text-muted; }
    QuizScreen #question { text-style: bold; }
    QuizScreen #claim { margin-top: 1; }
    QuizScreen #extra { color: $text-muted; }
    QuizScreen #feedback { margin-top: 1; }
    QuizScreen #feedback.correct, QuizScreen #feedback.almost { color: $success; }
    QuizScreen #feedback.partial { color: $warning; }
    QuizScreen #feedback.wrong { color: $error; }
    QuizScreen #options { height: auto; max-height: 12; margin: 0 2; }
    QuizScreen #answer { margin: 0 2; }
    QuizScreen #buttons { height: 3; padding: 0 2; }
    QuizScreen #buttons Button { width: 1fr; margin-right: 1; }
    """

    # Option keys are not priority bindings: while typing, digits go to the answer.
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"pick({n})", f"Option {n}", id=f"quiz.option{n}", show=False)
            for n in range(1, 10)
        ),
        Binding("enter", "next", "Next", id="quiz.next"),
        Binding("escape", "leave", "Leave quiz", id="quiz.leave"),
    ]

    def __init__(
        self,
        deck: Deck,
        store: Store,
        settings: Settings,
        options: QuizOptions | None = None,
        *,
        clock: Clock | None = None,
        seed: int | None = None,
    ) -> None:
        """`clock` and `seed` fix the time and the questions (tests); retries use seed + 1."""
        super().__init__()
        self.deck = deck
        self.store = store
        self.settings = settings
        self.lang = settings.ui_language
        self.options = options or QuizOptions()
        self.clock = clock
        self.seed = seed
        self.quiz: Quiz | None = None
        self.problem: str | None = None
        self.question: Question | None = None
        self.result: Result | None = None
        self.last_run: QuizRun | None = None
        self._timer: Timer | None = None
        self._showing_results = False
        translate_bindings(self, self.lang)

    def _new_quiz(self, options: QuizOptions, seed: int | None) -> None:
        try:
            self.quiz = Quiz(
                self.deck, self.store, self.settings, options, clock=self.clock, seed=seed
            )
        except NoQuestions:
            self.quiz = None
            self.problem = t(self.lang, "quiz.no_questions")
        except QuizError as error:
            self.quiz = None
            self.problem = str(error)  # may quote deck text: shown with data()
        self.question = self.quiz.current if self.quiz else None
        self.result = None

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield ProgressBar(id="progress", show_eta=False)
        with VerticalScroll(id="card"):
            yield Static(id="format")
            yield Static(id="question")
            yield Static(id="claim")
            yield Static(id="extra")
            yield Static(id="feedback")
        yield OptionList(id="options")
        yield SafeInput(id="answer")
        with Horizontal(id="buttons"):
            yield Button(id="true", variant="success")
            yield Button(id="false", variant="error")
            yield Button(id="next", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = visible(self.deck.deck.title.get(self.lang))
        self._new_quiz(self.options, self.seed)  # made here: its clock starts when it is shown
        self._start_timer()
        self._show_question()

    def _start_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.quiz is not None and self.quiz.deadline is not None:
            self._timer = self.set_interval(1.0, self.tick)

    def apply_settings(self, settings: Settings) -> None:
        """Speak the new UI language at once (the app calls this on every screen)."""
        self.settings = settings
        self.lang = settings.ui_language
        translate_bindings(self, self.lang)
        self.sub_title = visible(self.deck.deck.title.get(self.lang))
        self._draw(refocus=False)
        self.refresh_bindings()

    # -- showing ---------------------------------------------------------------------------

    def _static(self, name: str) -> Static:
        return self.query_one(f"#{name}", Static)

    def _show_question(self) -> None:
        """A new question: clear the answer, then draw everything."""
        answer = self.query_one("#answer", Input)
        answer.value = ""
        self._fill_options()
        self._draw()

    def _draw(self, *, refocus: bool = True) -> None:
        """Draw the screen from the quiz's state (also after a language switch)."""
        self._render_status()
        question, result = self.question, self.result
        answer = self.query_one("#answer", Input)
        answer.placeholder = t(self.lang, "quiz.placeholder")
        options = self.query_one("#options", OptionList)
        self.query_one("#true", Button).label = f"1  {t(self.lang, 'quiz.true')}"
        self.query_one("#false", Button).label = f"2  {t(self.lang, 'quiz.false')}"
        last = self.quiz is not None and self.quiz.position >= len(self.quiz.questions)
        self.query_one("#next", Button).label = t(
            self.lang, "quiz.last_hint" if last else "quiz.next_hint"
        )
        if question is None:
            self._static("format").update("")
            self._static("question").update(data(self.problem or ""))
            for name in ("claim", "extra", "feedback"):
                self._static(name).update("")
            options.display = answer.display = False
            self.query_one("#buttons").display = False
            return
        fmt = question.format
        if fmt == "choice":
            label = t(self.lang, "quiz.format.choice", n=len(question.options))
        else:
            label = t(self.lang, f"quiz.format.{fmt}")
        self._static("format").update(Content(label))
        self._static("question").update(self._question_text(question))
        self._static("claim").update(self._claim_text(question))
        self._static("claim").display = fmt == "truefalse" and not question.statement
        extra = self._extra_text(question)
        self._static("extra").update(data(extra))
        self._static("extra").display = bool(extra)
        self._render_feedback()
        options.display = fmt == "choice"
        options.disabled = result is not None
        # Once answered, the feedback shows what was typed: the input makes room for it.
        answer.display = fmt == "typed" and result is None
        answer.disabled = result is not None or fmt != "typed"
        answering_tf = fmt == "truefalse" and result is None
        self.query_one("#true", Button).display = answering_tf
        self.query_one("#false", Button).display = answering_tf
        self.query_one("#next", Button).display = result is not None
        self.query_one("#buttons").display = answering_tf or result is not None
        if refocus:
            if result is None and fmt == "typed":
                answer.focus()
            elif result is None and fmt == "choice":
                options.focus()
            else:
                self.set_focus(None)
        self.refresh_bindings()

    def _render_status(self) -> None:
        quiz = self.quiz
        bar = self.query_one(ProgressBar)
        if quiz is None:
            self._static("status").update("")
            bar.update(total=1, progress=0)
            return
        total = len(quiz.questions)
        number = min(total, quiz.position + (0 if self.result is not None else 1))
        parts = [
            t(self.lang, "quiz.status", n=max(1, number), total=total),
            t(self.lang, "quiz.points", score=score_text(quiz.score, self.lang)),
        ]
        remaining = quiz.remaining_ms()
        if remaining is not None:
            # Rounded up, as a countdown does: 5:00 at the start, 0:01 in the last second.
            left = minutes_seconds(remaining + 999)
            parts.append(t(self.lang, "quiz.time_left", time=left))
        status = self._static("status")
        status.update(Content(" · ".join(parts)))
        status.set_class(remaining is not None and remaining < 60_000, "hurry")
        bar.update(total=total, progress=quiz.position)

    def _question_text(self, question: Question) -> Text:
        text = Text(visible(question.text))
        if question.statement and question.claim_at >= 0:
            # Offsets in the shown text: an escaped character takes several cells.
            start = len(visible(question.text[: question.claim_at]))
            claim = question.text[question.claim_at : question.claim_at + len(question.claim)]
            text.stylize("underline reverse", start, start + len(visible(claim)))
        return text

    def _claim_text(self, question: Question) -> Text:
        text = Text()
        if question.format == "truefalse" and not question.statement:
            text.append(f"{t(self.lang, 'quiz.claim')}: ")
            text.append(visible(question.claim), style="bold underline")
        return text

    def _extra_text(self, question: Question) -> str:
        prompt = question.prompt
        lines = []
        if prompt.example and question.format != "truefalse":
            lines.append(prompt.example)
        if prompt.items:
            lines.append(t(self.lang, "study.items", n=len(prompt.items)))
        return "\n".join(lines)

    def _fill_options(self) -> None:
        options = self.query_one("#options", OptionList)
        options.clear_options()
        question = self.question
        if question is None or question.format != "choice":
            return
        result = self.result
        for index, option in enumerate(question.options):
            label = Text(f"{index + 1}  ", style="bold")
            label.append(visible(option))
            if result is not None and index == question.correct:
                label.append("  ✓", style="bold")
                label.stylize("green")
            elif result is not None and option == result.given:
                label.append("  ✗", style="bold")
                label.stylize("red")
            options.add_option(Option(label, id=f"option-{index}"))

    def _render_feedback(self) -> None:
        feedback = self._static("feedback")
        feedback.set_classes("")
        result, question = self.result, self.question
        if result is None or question is None:
            feedback.update("")
            return
        lines = Text()
        verdict = result.verdict
        reason = verdict.reason if verdict is not None else None
        if result.outcome == "correct":
            lines.append(t(self.lang, "quiz.right"), style="bold")
        elif reason and reason.get(self.lang):
            lines.append(visible(str(reason[self.lang])), style="bold")
        elif result.outcome == "wrong":
            lines.append(t(self.lang, "quiz.wrong"), style="bold")
        else:
            lines.append(t(self.lang, f"outcome.{result.outcome}"), style="bold")
        if question.format == "truefalse":
            lines.append(" ")
            lines.append(t(self.lang, "quiz.was_true" if question.claim_true else "quiz.was_false"))
        diff = verdict.diff if verdict is not None else None
        if question.format == "typed" and diff is not None and result.outcome != "correct":
            lines.append(f"\n{t(self.lang, 'study.typed')}: ")
            for segment in diff.typed:
                lines.append(visible(segment.text), style=_DIFF_STYLE.get(segment.tag, ""))
        if question.format == "truefalse":
            # A true statement already showed the answer; a false one did not.
            show_expected = not question.claim_true
        else:
            show_expected = result.outcome != "correct"
        if show_expected:
            lines.append(f"\n{t(self.lang, 'quiz.expected')}: ", style="bold")
            lines.append(visible(question.expected))
        if question.prompt.note:
            lines.append("\n\n")
            lines.append(visible(question.prompt.note), style="italic")
        feedback.update(lines)
        feedback.set_class(True, result.outcome if result.outcome in _OUTCOME_CLASSES else "wrong")
        self.query_one("#card", VerticalScroll).scroll_end(animate=False)

    # -- answering -------------------------------------------------------------------------

    def _answer(self, give: Callable[[Quiz], Result]) -> None:
        """Give an answer to the quiz (saved before this returns), then show the verdict."""
        quiz = self.quiz
        if quiz is None or self.question is None or self.result is not None:
            return
        try:
            result = give(quiz)
        except TimeUp:
            self._time_up()
            return
        except StoreError as error:
            self.notify(
                t(self.lang, "quiz.not_saved", error=visible(str(error))),
                severity="error",
                markup=False,
            )
            return
        self.result = result
        if self.question.format == "choice":
            self._fill_options()
        self._draw()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.question is not None and self.question.format == "typed":
            if not event.value.strip():
                # An empty Enter is most often the Enter of "next question" pressed twice:
                # it must not throw the question away.
                self.notify(t(self.lang, "quiz.type_first"), timeout=3)
                return
            self._answer(lambda quiz: quiz.answer(event.value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self._answer(lambda quiz: quiz.choose(index))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "true":
            self.action_pick(1)
        elif event.button.id == "false":
            self.action_pick(2)
        elif event.button.id == "next":
            self.action_next()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter only once answered; option keys only for the options on screen."""
        if action == "next":
            return self.result is not None
        if action == "pick":
            question = self.question
            if question is None or self.result is not None or not parameters:
                return False
            number = parameters[0]
            if question.format == "truefalse":
                return number in (1, 2)
            return question.format == "choice" and number in range(1, len(question.options) + 1)
        return True

    def action_pick(self, number: int) -> None:
        question = self.question
        if question is None or self.result is not None:
            return
        if question.format == "choice" and 1 <= number <= len(question.options):
            self._answer(lambda quiz: quiz.choose(number - 1))
        elif question.format == "truefalse" and number in (1, 2):
            self._answer(lambda quiz: quiz.true_false(number == 1))

    def action_next(self) -> None:
        if self.quiz is None or self.result is None:
            return
        if self.quiz.check_time():
            self._time_up()
            return
        self.question = self.quiz.current
        self.result = None
        if self.question is None:
            self._show_results()
        else:
            self._show_question()

    # -- time and the end ------------------------------------------------------------------

    def tick(self) -> None:
        """Once a second with a time limit: the time left, and the end when it runs out."""
        if self.quiz is None or self._showing_results:
            return
        if self.quiz.check_time() and self.app.screen is self:
            self._time_up()  # (with the leave dialog open, once it closes)
        else:
            self._render_status()

    def _time_up(self) -> None:
        if self._showing_results:
            return
        self.notify(t(self.lang, "quiz.time_up"), severity="warning")
        self._show_results()

    def _show_results(self) -> None:
        quiz = self.quiz
        if quiz is None or self._showing_results:
            return
        try:
            run = quiz.finish()
        except StoreError as error:
            self.notify(
                t(self.lang, "quiz.run_not_saved", error=visible(str(error))),
                severity="error",
                markup=False,
            )
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._showing_results = True
        self.last_run = run
        results = ResultsScreen(
            run,
            self.settings,
            title=visible(self.deck.deck.title.get(self.lang)),
            time_limit_s=quiz.options.time_limit_s,
            timed_out=quiz.timed_out,
        )
        self.app.push_screen(results, self._after_results)

    def _after_results(self, choice: str | None) -> None:
        self._showing_results = False
        retry = self.quiz.retry_options() if self.quiz is not None else None
        if choice != "retry" or retry is None:
            self.dismiss(self.last_run)
            return
        self.seed = self.seed + 1 if self.seed is not None else None
        self._new_quiz(retry, self.seed)
        self._start_timer()
        self._show_question()

    def action_leave(self) -> None:
        if self.quiz is None or self.quiz.position == 0 or self.quiz.finished:
            self.dismiss(self.last_run)
            return

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                if self._timer is not None:
                    self._timer.stop()
                finished = self.quiz is not None and self.quiz.finished  # the time ran out
                self.dismiss(self.quiz.run if finished and self.quiz else self.last_run)
            else:
                self.tick()  # the time may have run out while the dialog was open

        self.app.push_screen(LeaveQuizScreen(self.lang), leave)
