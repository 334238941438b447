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
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Button, Header, OptionList, ProgressBar, Static

from quizapp.core.deck.model import Deck
from quizapp.core.quiz.run import (
    Clock,
    NoQuestions,
    Question,
    Quiz,
    QuizError,
    QuizOptions,
    Result,
    TimeUp,
)
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store, StoreError
from quizapp.core.store.records import QuizRun
from quizapp.core.text import visible
from quizapp.tui.base import Localised, LocalisedScreen
from quizapp.tui.i18n import phrase, t
from quizapp.tui.screens.leave_quiz import LeaveQuizScreen
from quizapp.tui.screens.quiz_view import feedback, question_card, status_line
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.widgets.answer_input import AnswerInput
from quizapp.tui.widgets.card_view import Card, CardView, Line
from quizapp.tui.widgets.choice_list import ChoiceList
from quizapp.tui.widgets.footer import KeyFooter
from quizapp.tui.widgets.verdict_view import (
    VerdictView,
)

if TYPE_CHECKING:
    pass


class QuizScreen(LocalisedScreen[QuizRun | None]):
    """A quiz over one deck (see the module docstring)."""

    DEFAULT_CSS = """
    QuizScreen #status { height: 1; padding: 0 2; color: $text-muted; }
    QuizScreen #status.hurry { color: $warning; }
    QuizScreen ProgressBar { padding: 0 2; }
    QuizScreen #card { height: 1fr; padding: 1 2 0 2; }
    QuizScreen CardView > #extra { margin-top: 0; }
    /* Almost right scores a point in a quiz: it looks right. */
    QuizScreen VerdictView.-almost { color: $success; }
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

    question: var[Question | None] = var(None, bindings=True, init=False)
    """The question on show; None when there is none (the quiz could not be made)."""
    result: var[Result | None] = var(None, bindings=True, init=False)
    """How the question on show went; None before it is answered."""

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
        super().__init__(settings.ui_language)
        self.deck = deck
        self.store = store
        self.settings = settings
        self.options = options or QuizOptions()
        self.clock = clock
        self.seed = seed
        self.quiz: Quiz | None = None
        self.problem: Line = ""
        self.last_run: QuizRun | None = None
        self._timer: Timer | None = None
        self._showing_results = False

    def _new_quiz(self, options: QuizOptions, seed: int | None) -> None:
        try:
            self.quiz = Quiz(
                self.deck, self.store, self.settings, options, clock=self.clock, seed=seed
            )
        except NoQuestions:
            self.quiz = None
            self.problem = phrase("quiz.no_questions")
        except QuizError as error:
            self.quiz = None
            self.problem = str(error)  # may quote deck text: shown as data
        self.question = self.quiz.current if self.quiz else None
        self.result = None

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        yield ProgressBar(id="progress", show_eta=False)
        with VerticalScroll(id="card"):
            yield CardView().data_bind(Localised.lang)
            yield VerdictView(id="feedback").data_bind(Localised.lang)
        yield ChoiceList(id="options")
        yield AnswerInput(id="answer").data_bind(Localised.lang)
        with Horizontal(id="buttons"):
            yield Button(id="true", variant="success")
            yield Button(id="false", variant="error")
            yield Button(id="next", variant="primary")
        yield KeyFooter().data_bind(Localised.lang)

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

    def settings_changed(self, settings: Settings) -> None:
        self.settings = settings  # for a retry

    def watch_lang(self) -> None:
        """Speak the new UI language at once (the card and the verdict follow by themselves)."""
        self.sub_title = visible(self.deck.deck.title.get(self.lang))
        self._render_status()
        self._label_buttons()

    # -- showing ---------------------------------------------------------------------------

    def _show_question(self) -> None:
        """A new question: clear the answer, then draw everything."""
        self.query_one(AnswerInput).value = ""
        self._fill_options()
        self._draw()

    def _draw(self) -> None:
        """Draw the screen from the quiz's state."""
        self._render_status()
        self._label_buttons()
        question, result = self.question, self.result
        answer = self.query_one(AnswerInput)
        options = self.query_one(ChoiceList)
        card, verdict = self.query_one(CardView), self.query_one(VerdictView)
        if question is None:
            card.card = Card(self.problem)
            verdict.clear()
            options.display = answer.display = False
            self.query_one("#buttons").display = False
            return
        fmt = question.format
        card.card = question_card(question)
        if result is None:
            verdict.clear()
        else:
            verdict.show(feedback(question, result))
            self.query_one("#card", VerticalScroll).scroll_end(animate=False)
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
        if result is None and fmt == "typed":
            answer.focus()
        elif result is None and fmt == "choice":
            options.focus()
        else:
            self.set_focus(None)

    def _label_buttons(self) -> None:
        lang = self.lang
        self.query_one("#true", Button).label = f"1  {t(lang, 'quiz.true')}"
        self.query_one("#false", Button).label = f"2  {t(lang, 'quiz.false')}"
        last = self.quiz is not None and self.quiz.position >= len(self.quiz.questions)
        self.query_one("#next", Button).label = t(
            lang, "quiz.last_hint" if last else "quiz.next_hint"
        )

    def _render_status(self) -> None:
        quiz = self.quiz
        bar = self.query_one(ProgressBar)
        status = self.query_one("#status", Static)
        line, hurry = status_line(quiz, answered=self.result is not None, lang=self.lang)
        status.update(Content(line))
        status.set_class(hurry, "hurry")
        if quiz is None:
            bar.update(total=1, progress=0)
        else:
            bar.update(total=len(quiz.questions), progress=quiz.position)

    def _fill_options(self) -> None:
        options = self.query_one(ChoiceList)
        question, result = self.question, self.result
        if question is None or question.format != "choice":
            options.clear_options()
            return
        if result is None:
            options.show(question.options)
            return
        picked = next((i for i, o in enumerate(question.options) if o == result.given), None)
        options.show(question.options, right=question.correct, picked=picked)

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
            self.notify_failure("quiz.not_saved", error)
            return
        self.result = result
        if self.question.format == "choice":
            self._fill_options()
        self._draw()

    def on_answer_input_submitted(self, event: AnswerInput.Submitted) -> None:
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
            self.notify_failure("quiz.run_not_saved", error)
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._showing_results = True
        self.last_run = run
        results = ResultsScreen(
            run,
            self.lang,
            title=visible(self.deck.deck.title.get(self.lang)),
            time_limit_s=quiz.options.time_limit_s,
            timed_out=quiz.timed_out,
            deck=self.deck,
        )
        self.app.push_screen(results, self._after_results)
        self._results = results

    def _after_results(self, choice: str | None) -> None:
        self._showing_results = False
        self.deck = self._results.deck or self.deck  # a retry asks the cards as edited there
        retry = self.quiz.retry_options() if self.quiz is not None else None
        if choice != "retry" or retry is None:
            self.dismiss(self.last_run)
            return
        self.seed = self.seed + 1 if self.seed is not None else None
        self._new_quiz(retry, self.seed)
        self._start_timer()
        self._show_question()

    def action_leave(self) -> None:
        timed = self.quiz is not None and self.quiz.options.time_limit_s is not None
        if self.quiz is None or (self.quiz.position == 0 and not timed) or self.quiz.finished:
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
