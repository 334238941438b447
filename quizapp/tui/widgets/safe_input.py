"""An Input that keeps out what a terminal would act on.

Keys cannot type an escape sequence, but a paste can. What the learner pastes is shown in the
input as it is typed, so control, bidi and zero-width characters are dropped from its value
before it is shown (the judge ignores invisible characters anyway).
"""

from __future__ import annotations

from textual.widgets import Input

from quizapp.core.text import is_hidden


class SafeInput(Input):
    """`Input` whose value never holds a control, bidi or zero-width character."""

    def validate_value(self, value: str) -> str:
        if value.isprintable():
            return value
        return "".join(char for char in value if not is_hidden(char))
