"""The widgets the screens are built from, on their own (Pilot): what they show, in which
language, with which classes, and what they post."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import var
from textual.widgets import Button, Static

from quizapp.core.bilingual import Phrase
from quizapp.core.judge.diff import Segment
from quizapp.core.rating import Rating
from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp
from quizapp.tui.i18n import phrase, phrase_n
from quizapp.tui.widgets.answer_input import AnswerInput
from quizapp.tui.widgets.card_view import Card, CardView
from quizapp.tui.widgets.choice_list import ChoiceList
from quizapp.tui.widgets.grade_bar import GradeBar
from quizapp.tui.widgets.verdict_view import (
    Feedback,
    Headline,
    Hint,
    Labelled,
    Note,
    Sentence,
    TypedDiff,
    VerdictView,
)

MARKUP = "[bold]grassetto[/] [link=https://evil.invalid]x[/link] \x1b[2J"
SHOWN = "[bold]grassetto[/] [link=https://evil.invalid]x[/link] \\x1b[2J"


class Bench(App[None]):
    """Each widget, its lang bound to the app's, as a screen binds them to its own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "grade(1)", "Again", id="study.again", show=False),
        Binding("x", "grade(2)", "Hard", id="study.hard", show=False),
    ]
    lang: var[str] = var("en")

    def __init__(self) -> None:
        super().__init__()
        self.posted: list[Message] = []

    def compose(self) -> ComposeResult:
        yield CardView().data_bind(Bench.lang)
        yield VerdictView(id="verdict").data_bind(Bench.lang)
        yield AnswerInput(id="answer").data_bind(Bench.lang)
        yield ChoiceList(id="options")
        yield GradeBar(id="grades").data_bind(Bench.lang)

    def action_grade(self, value: int) -> None:
        pass

    def on_answer_input_submitted(self, event: AnswerInput.Submitted) -> None:
        self.posted.append(event)

    def on_grade_bar_graded(self, event: GradeBar.Graded) -> None:
        self.posted.append(event)


def _text(app: App[None], selector: str) -> str:
    return str(app.query_one(selector, Static).content)


async def test_a_card_shows_its_text_as_data_and_hides_what_it_does_not_have() -> None:
    app = Bench()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(CardView)
        view.card = Card(MARKUP, lines=["un esempio", phrase_n("study.items", 3)])
        await pilot.pause()
        assert _text(app, "#question") == SHOWN
        assert _text(app, "#extra") == "un esempio\n3 items expected"
        for empty in ("#format", "#claim", "#peek"):
            assert not app.query_one(empty).display, empty
        view.show_peek("According to DeepSeek")
        await pilot.pause()
        assert app.query_one("#peek").display and view.peek_shown
        app.lang = "it"
        await pilot.pause()
        assert _text(app, "#extra") == "un esempio\n3 elementi attesi"
        assert app.query_one("#peek").display, "a language switch keeps the peek"
        view.card = Card("Vero?", label=phrase("quiz.format.truefalse"), claim="Shenzhen")
        await pilot.pause()
        assert not app.query_one("#peek").display, "a new card hides the peek"
        assert _text(app, "#format") == "Vero o falso?"
        assert _text(app, "#claim") == "Risposta proposta: Shenzhen"
        assert not app.query_one("#extra").display


async def test_a_verdict_draws_its_parts_in_the_ui_language_with_its_outcome_as_a_class() -> None:
    app = Bench()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(VerdictView)
        reason = Phrase("Quasi: un errore di battitura.", "Almost: one typo.")
        view.show(
            Feedback(
                "almost",
                (
                    Headline(reason),
                    TypedDiff((Segment("6 milion", "ok"), Segment("e", "extra"))),
                    Labelled(phrase("study.expected"), MARKUP),
                    Sentence("Il modello costò 6 milioni.", (17, 26)),
                    Note("Una nota."),
                ),
            )
        )
        await pilot.pause()
        assert view.has_class("-almost") and not view.has_class("-wrong")
        assert view.outcome == "almost"
        assert _text(app, "#verdict") == (
            "Almost: one typo.\nYou typed: 6 milione\nAnswer: "
            f"{SHOWN}\nIl modello costò 6 milioni.\n\nUna nota."
        )
        app.lang = "it"
        await pilot.pause()
        assert _text(app, "#verdict").startswith("Quasi: un errore di battitura.\nHai scritto:")
        view.show(
            Feedback(parts=(Hint(phrase("study.flip_hint", reveal=Phrase("Spazio", "Space"))),))
        )
        await pilot.pause()
        assert _text(app, "#verdict") == "Pensa alla risposta, poi premi Spazio e datti un voto."
        assert not any(view.has_class(f"-{o}") for o in ("correct", "almost", "partial", "wrong"))
        view.clear()
        await pilot.pause()
        assert _text(app, "#verdict") == ""


async def test_the_answer_input_posts_its_own_message_and_speaks_the_ui_language() -> None:
    app = Bench()
    async with app.run_test(size=(100, 30)) as pilot:
        answer = app.query_one(AnswerInput)
        assert answer.placeholder == "Type your answer and press Enter"
        app.lang = "it"
        await pilot.pause()
        assert answer.placeholder == "Scrivi la risposta e premi Invio"
        answer.focus()
        answer.value = "Liang Wenfeng"
        await pilot.press("enter")
        await pilot.pause()
        [posted] = app.posted
        assert isinstance(posted, AnswerInput.Submitted) and posted.value == "Liang Wenfeng"


async def test_the_grade_bar_shows_the_live_keys_and_posts_the_grade() -> None:
    app = Bench()
    async with app.run_test(size=(120, 30)) as pilot:
        bar = app.query_one(GradeBar)
        assert not bar.display
        app.set_focus(None)  # the answer field would take the digit keys
        bar.show(Rating.GOOD, {Rating.AGAIN: 30_000, Rating.GOOD: 600_000})
        await pilot.pause()
        assert bar.display and bar.shown
        labels = [str(button.label) for button in bar.query(Button)]
        # "1" and "x" are bound here; Good and Easy have no binding, so their number shows.
        assert labels == ["1 Again (<1m)", "x Hard", "3 Good (10m)", "4 Easy"]
        assert [button.has_class("-suggested") for button in bar.query(Button)] == [
            False,
            False,
            True,
            False,
        ]
        app.lang = "it"
        await pilot.pause()
        assert str(bar.query_one("#grade-1", Button).label) == "1 Di nuovo (<1min)"
        await pilot.click("#grade-4")
        await pilot.pause()
        assert [e.rating for e in app.posted if isinstance(e, GradeBar.Graded)] == [Rating.EASY]
        bar.hide()
        await pilot.pause()
        assert not bar.display


async def test_a_remapped_grade_key_shows_on_the_study_screen() -> None:
    from textual.widgets import Input

    app = QuizApp(settings=Settings(ui_language="en", keymap={"study.again": "a"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = "non lo so"
        await pilot.press("enter")
        await pilot.pause()
        label = str(app.screen.query_one("#grade-1", Button).label)
        assert label.startswith("a Again")


async def test_a_choice_list_marks_the_right_option_and_the_one_picked() -> None:
    app = Bench()
    async with app.run_test(size=(100, 30)) as pilot:
        options = app.query_one(ChoiceList)
        options.show(["Shenzhen", MARKUP, "Pechino"])
        await pilot.pause()
        labels = [str(option.prompt) for option in options.options]
        assert labels == ["1  Shenzhen", f"2  {SHOWN}", "3  Pechino"]
        options.show(["Shenzhen", MARKUP, "Pechino"], right=2, picked=0)
        await pilot.pause()
        labels = [str(option.prompt) for option in options.options]
        assert labels == ["1  Shenzhen  ✗", f"2  {SHOWN}", "3  Pechino  ✓"]
