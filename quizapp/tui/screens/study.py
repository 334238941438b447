"""Study: one card at a time, typed (judged) or flipped (self-rated), graded 1-4.

Every answer is committed by the session before the next card is shown. The screen's state is
its typed reactives: `turn` (the card on show, None when the day is done), `answered` (its
answer, before it is graded) and `answer_mode`; setting them redraws the card (CardView), the
verdict (VerdictView), the grades (GradeBar) and the keys that work now.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Header, ProgressBar, Static

from quizapp.core.bilingual import Phrase
from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import peek
from quizapp.core.rating import Rating
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store, StoreError
from quizapp.core.study.lock import open_locked
from quizapp.core.study.session import Answered, Session, Turn
from quizapp.core.study.session_options import SessionMode
from quizapp.core.text import visible
from quizapp.tui.base import Localised, LocalisedScreen
from quizapp.tui.editing import edit_card
from quizapp.tui.format import interval_phrase
from quizapp.tui.i18n import phrase, t, tn
from quizapp.tui.keys import spoken
from quizapp.tui.screens.study_keys import FOOTER_SPARE, STUDY_BINDINGS, allowed, spoken_phrase
from quizapp.tui.screens.study_modes import counts_line, done_card
from quizapp.tui.screens.study_modes import session_options as session_options_for
from quizapp.tui.screens.study_view import answer_feedback, turn_card
from quizapp.tui.widgets.answer_input import AnswerInput
from quizapp.tui.widgets.card_view import Card, CardView, Line
from quizapp.tui.widgets.footer import KeyFooter
from quizapp.tui.widgets.grade_bar import GradeBar
from quizapp.tui.widgets.option_picker import OptionPicker
from quizapp.tui.widgets.verdict_view import (
    Feedback,
    Hint,
    VerdictView,
)


class StudyScreen(LocalisedScreen[None]):
    """The study (or practice) screen for one deck."""

    DEFAULT_CSS = """
    StudyScreen #counts { height: 1; padding: 0 2; color: $text-muted; }
    StudyScreen ProgressBar { padding: 0 2; }
    StudyScreen #card { height: 1fr; padding: 1 2; }
    /* The lines under the question keep their place when empty: the verdict does not move. */
    StudyScreen CardView > #extra.-empty { display: block; }
    StudyScreen OptionPicker { display: none; }
    StudyScreen OptionPicker.-shown { display: block; }
    /* Notices at the top, clear of the answer box and the grades; one line each. */
    StudyScreen ToastRack { dock: top; align: right top; margin-bottom: 0; }
    StudyScreen Toast { padding: 0 1; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = STUDY_BINDINGS
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
        self._session_options = session_options_for(deck, settings, mode, session_options)
        kind: SessionMode = "practice" if mode == "practice" else "study"
        options = self._session_options
        # DeckLocked: another window studies it; a StoreError leaves the deck unlocked.
        self.deck_lock, self.session = open_locked(
            deck.deck.id, lambda: Session.open(deck, store, settings, mode=kind, **options)
        )
        self.set_reactive(StudyScreen.answer_mode, settings.answer_mode)
        self.done_count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="counts")
        yield ProgressBar(id="progress", show_eta=False)
        with VerticalScroll(id="card"):
            yield CardView().data_bind(Localised.lang)
            yield OptionPicker(id="options")
            yield VerdictView(id="verdict").data_bind(Localised.lang)
        yield AnswerInput(id="answer").data_bind(Localised.lang)
        yield GradeBar(id="grades").data_bind(Localised.lang)
        yield KeyFooter(spare=FOOTER_SPARE).data_bind(Localised.lang)

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
        turn = self.turn
        can_peek = turn is not None and peek(turn.prompt) is not None
        return allowed(action, turn, self.answered, self.answer_mode, self.session, can_peek)

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
        line = counts_line(self.lang, self.session.tags, line)
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
        self.query_one(AnswerInput).value = ""
        self._show_answer_input(turn)

    def watch_answered(self, answered: Answered | None) -> None:
        if answered is None:
            return  # a new turn clears the verdict
        self.query_one(VerdictView).show(answer_feedback(answered))
        self._hide_answer()  # what was typed is in the verdict: the room goes to the note
        if answered.turn.options and answered.chosen is not None:
            right = answered.turn.options.index(answered.turn.prompt.expected[0])
            picker = self.query_one(OptionPicker)
            picker.show_options(
                answered.turn.options, self.lang, right=right, picked=answered.chosen
            )
        self.set_focus(None)  # the grade keys are the screen's now (the bar shows them)
        intervals = self.session.intervals() if self.session.mode == "study" else {}
        now = self.session.now()
        waits = {rating: due - now for rating, due in intervals.items()}
        self.query_one(GradeBar).show(answered.suggested, waits)

    def watch_answer_mode(self) -> None:
        if self.answered is None and self.turn is not None:
            self._show_answer_input(self.turn)

    def _show_answer_input(self, turn: Turn) -> None:
        """The input for a typed answer, the options to pick from, or the flip hint (in flip
        mode a choice card is flipped too: the digits only grade)."""
        flip = self.answer_mode == "flip"
        self.query_one(CardView).card = turn_card(turn, flip=flip)
        typed = not flip and not turn.options
        answer = self.query_one(AnswerInput)
        answer.display = typed
        answer.disabled = not typed
        picker = self.query_one(OptionPicker)
        picking = not flip and bool(turn.options)
        picker.set_class(picking, "-shown")
        verdict = self.query_one(VerdictView)
        if flip:
            hint = phrase("study.flip_hint", reveal=spoken_phrase(self, "study.reveal"))
            verdict.show(Feedback(parts=(Hint(hint),)))
        elif picking:
            picker.show_options(turn.options, self.lang)
            verdict.show(Feedback(parts=(Hint(self._pick_hint(len(turn.options))),)))
        else:
            verdict.clear()
        if typed:
            answer.focus()
        elif picking:
            picker.highlighted = None
            picker.focus()
        else:
            self.set_focus(None)

    def _pick_hint(self, count: int) -> Phrase:
        """ "Pick with 1-4 ...", with the keys that pick now (after any keymap)."""
        picker = self.query_one(OptionPicker)
        keys = Phrase(picker.keys_named(count, "it"), picker.keys_named(count, "en"))
        return phrase("study.options", keys=keys, enter=Phrase("Invio", "Enter"))

    def _show_done(self) -> None:
        due = self.session.next_due()
        if due is None:
            lines: list[Line] = [phrase("study.nothing_due")]
        else:
            wait = interval_phrase(max(0, due - self.session.now()))
            lines = [phrase("study.next_due", when=wait)]
        tagged: Card | None = None
        if self.session.mode == "study":
            key = spoken_phrase(self, "study.practice")
            lines += ["", phrase("study.offer_practice", practice=key)]
            if self.session.tags:  # only those cards are done: the rest of the deck may be due
                tagged = done_card(self.session.tags, lines[0], key)
        self.query_one(CardView).card = tagged or Card(phrase("study.done"), lines=lines)
        self._hide_answer()

    def _show_store_error(self, error: StoreError) -> None:
        """The progress database cannot be read: say so where the card would be."""
        self.set_reactive(StudyScreen.turn, None)
        self.set_reactive(StudyScreen.answered, None)
        message = phrase("study.store_error", back=spoken_phrase(self, "study.back"))
        self.query_one(CardView).card = Card(message, lines=[str(error)])
        self.query_one(VerdictView).clear()
        self.query_one(GradeBar).hide()
        self._hide_answer()
        self.refresh_bindings()

    def _hide_answer(self) -> None:
        answer = self.query_one(AnswerInput)
        answer.display = False
        answer.disabled = True
        if self.answered is None:
            self.query_one(OptionPicker).remove_class("-shown")

    # -- answering and grading -------------------------------------------------------------

    def on_answer_input_submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        if self.turn is not None and self.answered is None:
            self.answered = self.session.answer(event.value)

    def on_option_picker_picked(self, event: OptionPicker.Picked) -> None:
        event.stop()
        turn = self.turn
        if turn is not None and self.answered is None and event.index < len(turn.options):
            self.answered = self.session.choose(event.index)

    def on_grade_bar_graded(self, event: GradeBar.Graded) -> None:
        event.stop()
        self.action_grade(event.rating.value)

    def action_reveal(self) -> None:
        if self.turn is not None and self.answered is None and self.answer_mode == "flip":
            self.answered = self.session.reveal()

    def action_confirm(self) -> None:
        if self.answered is not None:
            self._grade(self.answered.suggested or Rating.GOOD)

    def action_grade(self, value: int) -> None:
        if self.answered is not None:
            self._grade(Rating(value))

    def action_right(self) -> None:
        """The learner knows better than the judge: Good, and a word on what was saved."""
        answered = self.answered
        if answered is None or answered.outcome in (None, "correct"):
            return
        if self._grade(Rating.GOOD):
            grade = t(self.lang, f"rating.{Rating.GOOD.label}")
            self.notify(t(self.lang, "study.right_saved", grade=grade), timeout=3)

    UNSAVED_SECONDS = 10 * 365 * 86_400.0
    """"Answer NOT saved" stays (the disk may stay full for long) until an answer is saved."""
    _unsaved = False

    def _grade(self, rating: Rating) -> bool:
        """Record the answer with `rating` and move on; False (with a notice) if not saved."""
        try:
            self.session.grade(rating)
        except StoreError as error:
            if self._unsaved:
                self.app.clear_notifications()  # tried again: one message, the latest
            self.notify_failure("study.saved_error", error, timeout=self.UNSAVED_SECONDS)
            self._unsaved = True
            return False
        if self._unsaved:
            self._unsaved = False
            self.app.clear_notifications()
        self.done_count += 1
        self._next()
        return True

    # -- the other keys --------------------------------------------------------------------

    def action_undo(self) -> None:
        """Take back the answer on show (not graded yet) if there is one, else the last
        answer, suspend or bury of the session."""
        if self.answered is not None:
            self._withdraw()
            return
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

    def _withdraw(self) -> None:
        taken = self.session.withdraw()
        self.notify(t(self.lang, "study.undone.pending"))
        self._next(self.turn)
        if taken is not None and taken.typed and taken.chosen is None:
            self.query_one(AnswerInput).value = taken.typed  # to correct, or send again

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
        said = "study.suspended" if kind == "suspend" else "study.buried"
        self.notify(t(self.lang, said, undo=spoken(self, "study.undo", self.lang)))
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

    def action_edit(self) -> None:
        """Edit the card in its deck file; it is asked again as it is after the edit."""
        if self.turn is not None:
            edit_card(self, self.deck, self.turn.key[1], self._deck_edited)

    def _deck_edited(self, deck: Deck) -> str:
        self.deck = deck
        turn = self.session.use_deck(deck)
        self._next(turn)
        return "edit.shown_again" if turn is not None else "edit.card_gone"

    def action_switch_mode(self) -> None:
        self.answer_mode = "flip" if self.answer_mode == "typed" else "typed"

    def action_back(self) -> None:
        self.dismiss(None)
