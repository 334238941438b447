"""Study: one card at a time, typed (judged) or flipped (self-rated), graded 1-4.

Every answer is committed by the session before the next card is shown. The screen's state is
its typed reactives: `turn` (the card on show, None when the day is done), `answered` (its
answer, before it is graded) and `answer_mode`; setting them redraws the card (CardView), the
verdict (VerdictView), the grades (GradeBar) and the keys that work now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Header, ProgressBar, Static

from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import peek
from quizapp.core.rating import Rating
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store, StoreError
from quizapp.core.study.lock import DeckLock
from quizapp.core.study.session import Answered, Session, Turn
from quizapp.core.text import visible
from quizapp.tui.base import Localised, LocalisedScreen
from quizapp.tui.format import interval
from quizapp.tui.i18n import phrase, t, tn
from quizapp.tui.screens.study_view import answer_feedback, turn_card
from quizapp.tui.widgets.answer_input import AnswerInput
from quizapp.tui.widgets.card_view import Card, CardView, Line
from quizapp.tui.widgets.footer import KeyFooter
from quizapp.tui.widgets.grade_bar import GradeBar
from quizapp.tui.widgets.verdict_view import (
    Feedback,
    Hint,
    VerdictView,
)

if TYPE_CHECKING:
    pass


class StudyScreen(LocalisedScreen[None]):
    """The study (or practice) screen for one deck."""

    DEFAULT_CSS = """
    StudyScreen #counts { height: 1; padding: 0 2; color: $text-muted; }
    StudyScreen ProgressBar { padding: 0 2; }
    StudyScreen #card { height: 1fr; padding: 1 2; }
    /* The lines under the question keep their place when empty: the verdict does not move. */
    StudyScreen CardView > #extra.-empty { display: block; }
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

    turn: var[Turn | None] = var(None, always_update=True, bindings=True, init=False)
    """The card on show; None when there is none left (or the store cannot be read)."""
    answered: var[Answered | None] = var(None, always_update=True, bindings=True, init=False)
    """The answer to `turn`, judged and not yet graded; None before the answer."""
    answer_mode: var[str] = var("typed", bindings=True, init=False)
    """"typed" or "flip"; ctrl+o switches during the session."""

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
        super().__init__(settings.ui_language)
        self.deck = deck
        self.store = store
        self.settings = settings
        self.deck_lock = DeckLock.acquire(deck.deck.id)  # DeckLocked: another window studies it
        self.session = Session.open(
            deck,
            store,
            settings,
            mode="practice" if mode == "practice" else "study",
            **(session_options or {}),
        )
        self.set_reactive(StudyScreen.answer_mode, settings.answer_mode)
        self.done_count = 0
        self._session_options = dict(session_options or {})

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="counts")
        yield ProgressBar(id="progress", show_eta=False)
        with VerticalScroll(id="card"):
            yield CardView().data_bind(Localised.lang)
            yield VerdictView(id="verdict").data_bind(Localised.lang)
        yield AnswerInput(id="answer").data_bind(Localised.lang)
        yield GradeBar(id="grades").data_bind(Localised.lang)
        yield KeyFooter().data_bind(Localised.lang)

    def on_mount(self) -> None:
        self.sub_title = visible(self.deck.deck.title.get(self.lang))
        self._next()

    def on_unmount(self) -> None:
        self.deck_lock.release()

    def watch_lang(self) -> None:
        """Speak the new UI language (the widgets follow by themselves); the session keeps
        the settings it began with."""
        self.sub_title = visible(self.deck.deck.title.get(self.lang))
        self._update_counts()

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

    # -- showing ---------------------------------------------------------------------------

    def _update_counts(self) -> None:
        counts = self.session.counts()
        if self.session.mode == "practice":  # no schedule: the cards left in the round
            line = tn(self.lang, "study.practice_counts", counts.total)
        else:
            line = t(
                self.lang,
                "study.counts",
                new=counts.new,
                learning=counts.learning,
                review=counts.review,
            )
        self.query_one("#counts", Static).update(Content(line))
        bar = self.query_one(ProgressBar)
        bar.update(total=self.done_count + counts.total, progress=self.done_count)

    def _next(self, turn: Turn | None = None) -> None:
        """Show `turn` (one brought back by undo) or the session's next prompt."""
        try:
            turn = turn if turn is not None else self.session.next()
            self._update_counts()
        except StoreError as error:
            self._show_store_error(error)
            return
        self.answered = None
        self.turn = turn

    def watch_turn(self, turn: Turn | None) -> None:
        self.query_one(VerdictView).clear()
        self.query_one(GradeBar).hide()
        if turn is None:
            self._show_done()
            return
        self.query_one(CardView).card = turn_card(turn)
        self.query_one(AnswerInput).value = ""
        self._show_answer_input(turn)

    def watch_answered(self, answered: Answered | None) -> None:
        if answered is None:
            return  # a new turn clears the verdict
        self.query_one(VerdictView).show(answer_feedback(answered))
        self.query_one(AnswerInput).disabled = True
        self.set_focus(None)  # the grade keys are the screen's now (the bar shows them)
        intervals = self.session.intervals() if self.session.mode == "study" else {}
        now = self.session.now()
        waits = {rating: due - now for rating, due in intervals.items()}
        self.query_one(GradeBar).show(answered.suggested, waits)

    def watch_answer_mode(self) -> None:
        if self.answered is None and self.turn is not None:
            self._show_answer_input(self.turn)

    def _show_answer_input(self, turn: Turn) -> None:
        """The input for a typed answer, or the flip hint; choice cards use neither."""
        typed = self.answer_mode == "typed" and not turn.options
        answer = self.query_one(AnswerInput)
        answer.display = typed
        answer.disabled = not typed
        verdict = self.query_one(VerdictView)
        if not typed and not turn.options:
            verdict.show(Feedback(parts=(Hint(phrase("study.flip_hint")),)))
        else:
            verdict.clear()
        if typed:
            answer.focus()
        else:
            self.set_focus(None)

    def _show_done(self) -> None:
        due = self.session.next_due()
        if due is None:
            lines: list[Line] = [phrase("study.nothing_due")]
        else:
            lines = [phrase("study.next_due", when=interval(max(0, due - self.session.now())))]
        if self.session.mode == "study":
            lines += ["", phrase("study.offer_practice")]
        self.query_one(CardView).card = Card(phrase("study.done"), lines=lines)
        self._hide_answer()

    def _show_store_error(self, error: StoreError) -> None:
        """The progress database cannot be read: say so where the card would be."""
        self.set_reactive(StudyScreen.turn, None)
        self.set_reactive(StudyScreen.answered, None)
        self.query_one(CardView).card = Card(phrase("study.store_error"), lines=[str(error)])
        self.query_one(VerdictView).clear()
        self.query_one(GradeBar).hide()
        self._hide_answer()
        self.refresh_bindings()

    def _hide_answer(self) -> None:
        answer = self.query_one(AnswerInput)
        answer.display = False
        answer.disabled = True

    # -- answering and grading -------------------------------------------------------------

    def on_answer_input_submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        if self.turn is not None and self.answered is None:
            self.answered = self.session.answer(event.value)

    def on_grade_bar_graded(self, event: GradeBar.Graded) -> None:
        event.stop()
        self.action_grade(event.rating.value)

    def action_reveal(self) -> None:
        if self.turn is None or self.answered is not None or self.turn.options:
            return
        if self.answer_mode == "flip":
            self.answered = self.session.reveal()

    def action_confirm(self) -> None:
        if self.answered is not None:
            self._grade(self.answered.suggested or Rating.GOOD)

    def action_grade(self, value: int) -> None:
        if self.turn is None:
            return
        if self.answered is None:
            if self.turn.options and 1 <= value <= len(self.turn.options):
                self.answered = self.session.choose(value - 1)
            return
        self._grade(Rating(value))

    def action_right(self) -> None:
        if self.answered is not None and self.answered.outcome not in (None, "correct"):
            self._grade(Rating.GOOD)

    def _grade(self, rating: Rating) -> None:
        try:
            self.session.grade(rating)
        except StoreError as error:
            self.notify_failure("study.saved_error", error)
            return
        self.done_count += 1
        self._next()

    # -- the other keys --------------------------------------------------------------------

    def action_undo(self) -> None:
        kind = self.session.undo_kind
        if kind is None:
            return
        try:
            restored = self.session.undo()
        except StoreError as error:
            self.notify_failure("study.undo_error", error)
            return
        if kind == "answer":
            self.done_count = max(0, self.done_count - 1)
        self.notify(t(self.lang, f"study.undone.{kind}"))
        self._next(restored)

    def action_practice(self) -> None:
        """When the day's queue is empty: go on with practice (the schedule is not changed)."""
        if self.turn is not None or self.session.mode != "study":
            return
        self.session = Session.open(
            self.deck, self.store, self.settings, mode="practice", **self._session_options
        )
        self.done_count = 0
        self.query_one(AnswerInput).display = True
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
        self.notify(t(self.lang, "study.suspended" if kind == "suspend" else "study.buried"))
        self._next()

    def action_peek(self) -> None:
        """Show (or hide again) the question in the other language, under the question."""
        card = self.query_one(CardView)
        if card.peek_shown:
            card.show_peek(None)
            return
        other = peek(self.turn.prompt) if self.turn is not None else None
        if other:
            card.show_peek(other)
        else:
            self.notify(t(self.lang, "study.no_peek"), timeout=3)

    def action_switch_mode(self) -> None:
        self.answer_mode = "flip" if self.answer_mode == "typed" else "typed"

    def action_back(self) -> None:
        self.dismiss(None)
