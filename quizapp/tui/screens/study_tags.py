"""What the study screen says when it studies by tag (`Session(tags=...)`): which tags in the
counts line, and, when none of their cards is due, that they can be practised ahead."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.core.text import visible
from quizapp.tui.i18n import phrase, t
from quizapp.tui.widgets.card_view import Line


def tag_names(tags: Sequence[str]) -> str:
    """Tags as the learner reads them (deck text: hidden characters shown)."""
    return ", ".join(visible(tag) for tag in tags)


def counts_line(lang: str, tags: Sequence[str], line: str) -> str:
    """The counts line, after the tags it is limited to (if any)."""
    return f"{t(lang, 'tags.line', tags=tag_names(tags))} · {line}" if tags else line


def done_lines(tags: Sequence[str], when: Line) -> list[Line]:
    """The done card of a study by tag: nothing of theirs is due, when the next card is, and
    practice ahead offered."""
    return [phrase("tags.nothing_due", tags=tag_names(tags)), when, "", phrase("tags.offer_ahead")]
