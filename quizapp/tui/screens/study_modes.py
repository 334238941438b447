"""The study screen's hooks for study by tag and learn mode: which tags in the counts line, and,
when none of their cards is due, that they can be practised ahead (`Session(tags=...)`); learn
mode's options for new cards (`Session(choices=...)`, the quiz's distractors)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quizapp.core.bilingual import Phrase
from quizapp.core.deck.model import Deck
from quizapp.core.settings import Settings
from quizapp.core.text import visible
from quizapp.tui.i18n import phrase, t
from quizapp.tui.widgets.card_view import Card, Line


def tag_names(tags: Sequence[str]) -> str:
    """Tags as the learner reads them (deck text: hidden characters shown)."""
    return ", ".join(visible(tag) for tag in tags)


def counts_line(lang: str, tags: Sequence[str], line: str) -> str:
    """The counts line, after the tags it is limited to (if any)."""
    return f"{t(lang, 'tags.line', tags=tag_names(tags))} · {line}" if tags else line


def done_card(tags: Sequence[str], when: Line, practice: Phrase) -> Card:
    """The done card of a study by tag: nothing of theirs is due (the rest of the deck may
    be), when the next of them is, and practice ahead offered (on the key `practice`)."""
    return Card(
        phrase("tags.nothing_due", tags=tag_names(tags)),
        lines=[when, "", phrase("tags.offer_ahead", practice=practice)],
    )


def session_options(
    deck: Deck, settings: Settings, mode: str, options: dict[str, Any] | None
) -> dict[str, Any]:
    """The session's options, with learn mode's options maker when it is on (study only)."""
    chosen = dict(options or {})
    if settings.learn_mode and mode == "study" and "choices" not in chosen:
        from quizapp.core.quiz.learn import LearnChoices

        chosen["choices"] = LearnChoices(deck, settings)
    return chosen
