"""The keys of the study screen: its bindings (each with an id a keymap may move), which of
them work at each moment, and the phrases that name them in a sentence.

The digits mean one thing at a time: before a choice card is answered they pick an option (the
`OptionPicker`'s keys, while it has focus); once an answer is shown they grade it (the screen's
keys below). In flip mode a choice card is flipped like any other: Space shows the answer, and
the digits only ever grade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from quizapp.core.bilingual import Phrase
from quizapp.tui.keys import spoken

if TYPE_CHECKING:
    from quizapp.core.study.session import Answered, Session, Turn

# The ctrl bindings are priority bindings: they must work while the answer input has focus.
STUDY_BINDINGS: list[BindingType] = [
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
    Binding("e", "edit", "Edit", id="study.edit"),
    Binding("escape", "back", "Back", id="study.back"),
]

FOOTER_SPARE = ("study.bury", "study.suspend", "study.peek", "study.edit", "app.language")
"""Keys the footer leaves out, in this order, when the keys that work now do not fit its width
(the help screen and the palette still list them): at 80 columns only the first two go, and
only when needed."""


def allowed(
    action: str,
    turn: Turn | None,
    answered: Answered | None,
    answer_mode: str,
    session: Session,
    can_peek: bool,
) -> bool:
    """Whether a study action works now (what the screen's `check_action` answers)."""
    if action == "practice":
        return turn is None and session.mode == "study"
    if action == "peek":
        return turn is not None and can_peek
    if action in ("card_action", "switch_mode"):
        return turn is not None
    if action == "edit":  # not while typing: `e` goes into the answer
        typing = answer_mode == "typed" and answered is None
        return turn is not None and (not typing or bool(turn.options))
    if action == "reveal":
        return turn is not None and answered is None and answer_mode == "flip"
    if action in ("grade", "confirm"):
        return answered is not None
    if action == "right":
        return answered is not None and answered.outcome not in (None, "correct")
    if action == "undo":
        return answered is not None or session.can_undo
    return True


def spoken_phrase(node: DOMNode, binding_id: str) -> Phrase:
    """The key of `binding_id` on `node` now, as an Italian and an English sentence name it."""
    return Phrase(spoken(node, binding_id, "it"), spoken(node, binding_id, "en"))
