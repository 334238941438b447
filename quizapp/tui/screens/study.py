"""Study: one card at a time, typed (judged) or flipped (self-rated), graded 1-4.

Every answer is committed by the session before the next card is shown.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Input, ProgressBar, Static

from quizapp.core.deck import Deck
from quizapp.core.prompts import peek
from quizapp.core.rating import Rating
from quizapp.core.session import Answered, Session, Turn
from quizapp.core.settings import Settings
from quizapp.core.store import Store, StoreError
from quizapp.core.text import visible
from quizapp.tui.format import data, interval
from quizapp.tui.i18n import t
from quizapp.tui.localise import translate_bindings
from quizapp.tui.widgets.footer import KeyFooter
from quizapp.tui.widgets.safe_input import SafeInput

_DIFF_STYLE = {"ok": "", "wrong": "bold red", "extra": "bold red strike", "missing": "bold green"}


class StudyScreen(Screen[None]):
    """The study (or practice) screen for one deck."""

    DEFAULT_CSS = """
    StudyScreen #counts { height: 1; padding: 0 2; color: $text-muted; }
    StudyScreen ProgressBar { padding: 0 2; }
    StudyScreen #card { height: 1fr; padding: 1 2; }
    StudyScreen #question { text-style: bold; }
    StudyScreen #peek { color: $text-muted; text-style: italic; display: none; }
    StudyScreen #peek.shown { display: block; }
    StudyScreen #extra { color: $text-muted; margin-top: 1; }
    StudyScreen #verdict { margin-top: 1; }
    StudyScreen #verdict.correct { color: $success; }
    StudyScreen #verdict.almost, StudyScreen #verdict.partial { color: $warning; }
    StudyScreen #verdict.wrong { color: $error; }
    StudyScreen #answer { margin: 0 2; }
    StudyScreen #grades { height: 3; padding: 0 1; display: none; }
    StudyScreen #grades.shown { display: block; }
    StudyScreen #grades Button { width: 1fr; min-width: 0; margin: 0; padding: 0; }
    StudyScreen #grades Button.suggested { text-style: bold reverse; }
    """

    # The ctrl bindings are priority bindings: they must work while the answer input has focus.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "grade(1)", "Again", id="study.again", show=False),
        Binding("2", "grade(2)", "Hard", id="study.hard", show=False),
        Binding("3", "grade(3)", "Good", id="study.good", show=False),
        Binding("4", "grade(4)", "Easy", id="study.easy", show=False),
        Binding("space", "reveal", "Reveal", id="study.reveal"),
        Binding("enter", "confirm", "Confirm", id="study.confirm", show=False),
        Binding("r", "right", "I was right", id="study.right"),
        Binding("ctrl+u", "undo", "Undo", id="study.undo", priority=True),
        Binding("ctrl+s", "card_action('suspend')", "Suspend", id="study.suspend", priority=True),
        Binding("ctrl+b", "card_action('bury')", "Bury", id="study.bury", priority=True),
        Binding("ctrl+t", "peek", "Other language", id="study.peek", priority=True),
        Binding("ctrl+o", "switch_mode", "Typed/flip", id="study.mode", priority=True, show=False),
        Binding("p", "practice", "Practise", id="study.practice"),
        Binding("escape", "back", "Back", id="study.back"),
    ]

    def __init__(
        self,
        deck: Deck,
        store: Store,
        settings: Settings,
        *,
        mode: str = "study",
        session_options: dict[str, Any] | None = None,
    ) -> None:
        """`session_options` go to the Session (tests fix its clock and review ids)."""
        super().__init__()
        self.deck = deck
        self.store = store
        self.settings = settings
        self.lang = settings.ui_language
        self.session = Session(
            deck,
            store,
            settings,
            mode="practice" if mode == "practice" else "study",
            **(session_options or {}),
        )
        self.answer_mode = settings.answer_mode
        self.turn: Turn | None = None
        self.answered: Answered | None = None
        self.done_count = 0
        self._session_options = dict(session_options or {})
        translate_bindings(self, self.lang)

    def apply_settings(self, settings: Settings) -> None:
        """Speak the new UI language at once; the session keeps the settings it began with."""
        if settings.ui_language == self.lang:
            return
        self.lang = settings.ui_language
        translate_bindings(self, self.lang)
        self.sub_title = visible(self.deck.deck.title.get(self.lang))
        self.query_one("#answer", Input).placeholder = t(self.lang, "study.placeholder")
        for rating in Rating:
            self.query_one(f"#grade-{rating.value}", Button).label = t(
                self.lang, f"rating.{rating.label}"
            )
        self._update_counts()
        if self.turn is None:
            self._show_done()
            return
        self._show_card(self.turn)
        if self.answered is not None:
            self._show_answer(self.answered)
        else:
            self._show_answer_input(self.turn)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something now are active (and shown in the Footer)."""
        turn, answered = self.turn, self.answered
        if action == "practice":
            return turn is None and self.session.mode == "study"
        if action in ("card_action", "peek", "switch_mode"):
            return turn is not None
        if action == "reveal":
            return (
                turn is not None
                and answered is None
                and self.answer_mode == "flip"
                and not turn.options
            )
        if action == "right":
            return answered is not None and answered.outcome not in (None, "correct")
        if action == "undo":
            return self.session.can_undo
        return True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="counts")
        yield ProgressBar(id="progress", show_eta=False)
        with VerticalScroll(id="card"):
            yield Static(id="question")
            yield Static(id="peek")
            yield Static(id="extra")
            yield Static(id="verdict")
        yield SafeInput(id="answer", placeholder=t(self.lang, "study.placeholder"))
        with Horizontal(id="grades"):
            for rating in Rating:
                yield Button(t(self.lang, f"rating.{rating.label}"), id=f"grade-{rating.value}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = visible(self.deck.deck.title.get(self.lang))
        self._next()

    # -- showing ---------------------------------------------------------------------------

    def _static(self, name: str) -> Static:
        return self.query_one(f"#{name}", Static)

    def _update_counts(self) -> None:
        counts = self.session.counts()
        if self.session.mode == "practice":  # no schedule: the cards left in the round
            line = t(self.lang, "study.practice_counts", left=counts.total)
        else:
            line = t(
                self.lang,
                "study.counts",
                new=counts.new,
                learning=counts.learning,
                review=counts.review,
            )
        self._static("counts").update(Content(line))
        bar = self.query_one(ProgressBar)
        bar.update(total=self.done_count + counts.total, progress=self.done_count)

    def _next(self, turn: Turn | None = None) -> None:
        """Show `turn` (one brought back by undo) or the session's next prompt."""
        try:
            self.turn = turn if turn is not None else self.session.next()
            self.answered = None
            self._update_counts()
        except StoreError as error:
            self._show_store_error(error)
            return
        verdict = self._static("verdict")
        verdict.update("")
        verdict.set_classes("")
        self.query_one("#grades").set_class(False, "shown")
        answer = self.query_one("#answer", Input)
        self.refresh_bindings()
        if self.turn is None:
            self._show_done()
            return
        self._show_card(self.turn)
        answer.value = ""
        self._show_answer_input(self.turn)

    def _show_card(self, turn: Turn) -> None:
        prompt = turn.prompt
        self._static("question").update(data(prompt.question))
        self._static("peek").set_class(False, "shown")
        extra: list[str] = []
        if turn.edited:
            extra.append(t(self.lang, "study.edited"))
        if prompt.example:
            extra.append(prompt.example)
        if turn.options:
            extra += [f"{i}. {option}" for i, option in enumerate(turn.options, start=1)]
            extra.append(t(self.lang, "study.options", n=len(turn.options)))
        if prompt.items:
            extra.append(t(self.lang, "study.items", n=len(prompt.items)))
        self._static("extra").update(data("\n".join(extra)))

    def _show_store_error(self, error: StoreError) -> None:
        """The progress database cannot be read: say so where the card would be."""
        self.turn = None
        self.answered = None
        self._static("question").update(data(t(self.lang, "study.store_error")))
        self._static("extra").update(data(str(error)))
        self._static("verdict").update("")
        self.query_one("#grades").set_class(False, "shown")
        answer = self.query_one("#answer", Input)
        answer.display = False
        answer.disabled = True
        self.refresh_bindings()

    def _show_done(self) -> None:
        self._static("question").update(Content(t(self.lang, "study.done")))
        due = self.session.next_due()
        if due is None:
            text = t(self.lang, "study.nothing_due")
        else:
            text = t(self.lang, "study.next_due", when=interval(max(0, due - self.session.now())))
        if self.session.mode == "study":
            text += "\n\n" + t(self.lang, "study.offer_practice")
        self._static("extra").update(Content(text))
        answer = self.query_one("#answer", Input)
        answer.display = False
        answer.disabled = True

    def _show_answer(self, answered: Answered) -> None:
        self.answered = answered
        prompt = answered.turn.prompt
        lines = Text()
        if answered.outcome:
            judged = answered.verdict
            reason = judged.reason if judged is not None else None
            if reason and reason.get(self.lang):
                lines.append(visible(reason[self.lang]), style="bold")
            else:
                lines.append(t(self.lang, f"outcome.{answered.outcome}"), style="bold")
            lines.append("\n")
            diff = judged.diff if judged is not None else None
            if diff is not None and answered.typed:
                lines.append(f"{t(self.lang, 'study.typed')}: ")
                for segment in diff.typed:
                    lines.append(visible(segment.text), style=_DIFF_STYLE.get(segment.tag, ""))
                lines.append("\n")
        lines.append(f"{t(self.lang, 'study.expected')}: ", style="bold")
        lines.append(visible(prompt.answer_display))
        if prompt.note:
            lines.append("\n\n")
            lines.append(visible(prompt.note), style="italic")
        verdict = self._static("verdict")
        verdict.update(lines)
        verdict.set_classes(answered.outcome or "")
        answer = self.query_one("#answer", Input)
        answer.disabled = True
        self._show_grades(answered.suggested)

    def _show_grades(self, suggested: Rating | None) -> None:
        intervals = self.session.intervals() if self.session.mode == "study" else {}
        now = self.session.now()
        for rating in Rating:
            button = self.query_one(f"#grade-{rating.value}", Button)
            label = t(self.lang, f"rating.{rating.label}")
            if rating in intervals:
                label += f" ({interval(max(0, intervals[rating] - now))})"
            button.label = f"{rating.value} {label}"
            button.set_class(rating == suggested, "suggested")
        self.query_one("#grades").set_class(True, "shown")
        self.set_focus(None)
        self.refresh_bindings()

    # -- actions ---------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.turn is None or self.answered is not None:
            return
        self._show_answer(self.session.answer(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("grade-"):
            self.action_grade(int(event.button.id.removeprefix("grade-")))

    def action_reveal(self) -> None:
        if self.turn is None or self.answered is not None or self.turn.options:
            return
        if self.answer_mode == "flip":
            self._show_answer(self.session.reveal())

    def action_confirm(self) -> None:
        if self.answered is not None:
            self._grade(self.answered.suggested or Rating.GOOD)

    def action_grade(self, value: int) -> None:
        if self.turn is None:
            return
        if self.answered is None:
            if self.turn.options and 1 <= value <= len(self.turn.options):
                self._show_answer(self.session.choose(value - 1))
            return
        self._grade(Rating(value))

    def action_right(self) -> None:
        if self.answered is not None and self.answered.outcome not in (None, "correct"):
            self._grade(Rating.GOOD)

    def _grade(self, rating: Rating) -> None:
        try:
            self.session.grade(rating)
        except StoreError as error:
            self.notify(
                t(self.lang, "study.saved_error", error=visible(str(error))),
                severity="error",
                markup=False,
            )
            return
        self.done_count += 1
        self._next()

    def action_undo(self) -> None:
        kind = self.session.undo_kind
        if kind is None:
            return
        try:
            restored = self.session.undo()
        except StoreError as error:
            self.notify(
                t(self.lang, "study.undo_error", error=visible(str(error))),
                severity="error",
                markup=False,
            )
            return
        if kind == "answer":
            self.done_count = max(0, self.done_count - 1)
        self.notify(t(self.lang, f"study.undone.{kind}"))
        self._next(restored)

    def action_practice(self) -> None:
        """When the day's queue is empty: go on with practice (the schedule is not changed)."""
        if self.turn is not None or self.session.mode != "study":
            return
        self.session = Session(
            self.deck, self.store, self.settings, mode="practice", **self._session_options
        )
        self.done_count = 0
        self.query_one("#answer", Input).display = True
        self._next()

    def action_card_action(self, kind: str) -> None:
        """Suspend the card (until unsuspended) or bury it (until tomorrow); undo brings it back."""
        if self.turn is None:
            return
        try:
            self.session.suspend() if kind == "suspend" else self.session.bury()
        except StoreError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        self.notify(t(self.lang, f"study.{kind}ed"))
        self._next()

    def action_peek(self) -> None:
        """Show (or hide again) the question in the other language, under the question."""
        shown = self._static("peek")
        if shown.has_class("shown"):
            shown.set_class(False, "shown")
            return
        other = peek(self.turn.prompt) if self.turn is not None else None
        if other:
            shown.update(data(other))
            shown.set_class(True, "shown")
        else:
            self.notify(t(self.lang, "study.no_peek"), timeout=3)

    def action_switch_mode(self) -> None:
        self.answer_mode = "flip" if self.answer_mode == "typed" else "typed"
        if self.answered is None and self.turn is not None:
            self._show_answer_input(self.turn)
        self.refresh_bindings()

    def _show_answer_input(self, turn: Turn) -> None:
        """The input for a typed answer, or the flip hint; choice cards use neither."""
        typed = self.answer_mode == "typed" and not turn.options
        answer = self.query_one("#answer", Input)
        answer.display = typed
        answer.disabled = not typed
        flip = not typed and not turn.options
        self._static("verdict").update(Content(t(self.lang, "study.flip_hint") if flip else ""))
        if typed:
            answer.focus()
        else:
            self.set_focus(None)

    def action_back(self) -> None:
        self.dismiss(None)
