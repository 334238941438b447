"""The answer syntax that deck authors write.

* A list of answers means alternatives: `answers = ["Liang Wenfeng", "Liang"]`.
* Parentheses mark an optional part: `"(il) modello"` accepts "il modello" and "modello".
  Several optional parts combine (`"(il) modello (R1)"` gives four forms). Write `\\(` and
  `\\)` for literal parentheses.
* Cloze gaps are written `{{answer}}` inside the sentence, with alternatives separated by `|`
  and an optional hint after `::`: `{{addestramento|training::la fase iniziale}}`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from quizapp.core.text import shorten

MAX_OPTIONAL_PARTS = 4


class AnswerSyntaxError(ValueError):
    """An answer or cloze text that does not follow the syntax above."""


_SPACES = re.compile(r"\s+")


def _quoted(answer: str) -> str:
    """An answer quoted in a message, cut short when long."""
    return repr(shorten(answer))


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _split_optional(answer: str) -> list[tuple[str, bool]]:
    """Split an answer into (text, optional) pieces."""
    pieces: list[tuple[str, bool]] = []
    current: list[str] = []
    optional = False
    index = 0
    while index < len(answer):
        char = answer[index]
        if char == "\\" and index + 1 < len(answer) and answer[index + 1] in "()":
            current.append(answer[index + 1])
            index += 2
            continue
        if char == "(":
            if optional:
                raise AnswerSyntaxError(f"nested parentheses in answer {_quoted(answer)}")
            pieces.append(("".join(current), False))
            current, optional = [], True
        elif char == ")":
            if not optional:
                raise AnswerSyntaxError(f"')' without '(' in answer {_quoted(answer)}")
            pieces.append(("".join(current), True))
            current, optional = [], False
        else:
            current.append(char)
        index += 1
    if optional:
        raise AnswerSyntaxError(f"'(' is never closed in answer {_quoted(answer)}")
    pieces.append(("".join(current), False))
    return pieces


def expand(answer: str) -> list[str]:
    """All the forms one written answer accepts, the fullest first, without duplicates."""
    pieces = _split_optional(answer)
    optional_count = sum(1 for _, optional in pieces if optional)
    if optional_count > MAX_OPTIONAL_PARTS:
        raise AnswerSyntaxError(
            f"more than {MAX_OPTIONAL_PARTS} optional parts in answer {_quoted(answer)}"
        )
    forms: list[str] = []
    for choice in itertools.product((True, False), repeat=optional_count):
        keep = iter(choice)
        text = "".join(part for part, opt in pieces if not opt or next(keep))
        form = _tidy(text)
        if form and form not in forms:
            forms.append(form)
    if not forms:
        raise AnswerSyntaxError(
            f"answer {_quoted(answer)} is empty once optional parts are left out"
        )
    return forms


def display(answer: str) -> str:
    """The answer as shown to a learner: the fullest form, parentheses of the syntax removed."""
    return expand(answer)[0]


@dataclass(frozen=True)
class Gap:
    """One `{{...}}` gap of a cloze sentence."""

    answers: tuple[str, ...]
    hint: str | None = None


@dataclass(frozen=True)
class Cloze:
    """A cloze sentence split into plain text and gaps (`parts` alternate str and Gap)."""

    parts: tuple[str | Gap, ...]

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(part for part in self.parts if isinstance(part, Gap))

    def render(self, hide: int | None = None, blank: str = "[…]") -> str:
        """The sentence with gap number `hide` blanked (its hint shown) and the others filled."""
        out: list[str] = []
        gap_index = 0
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            if gap_index == hide:
                out.append(f"[{part.hint}]" if part.hint else blank)
            else:
                out.append(display(part.answers[0]))
            gap_index += 1
        return "".join(out)


_GAP = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


def parse_cloze(text: str) -> Cloze:
    """Parse a cloze sentence; raise AnswerSyntaxError with a plain reason when it is wrong."""
    parts: list[str | Gap] = []
    last = 0
    for match in _GAP.finditer(text):
        before = text[last : match.start()]
        if "{{" in before or "}}" in before:
            raise AnswerSyntaxError("unbalanced '{{' or '}}' in cloze text")
        parts.append(before)
        body = match.group(1)
        if "{{" in body:
            raise AnswerSyntaxError("a gap cannot contain another '{{'")
        answers_text, _, hint = body.partition("::")
        answers = tuple(a.strip() for a in answers_text.split("|"))
        if not answers or any(not a for a in answers):
            raise AnswerSyntaxError(f"empty answer in gap '{{{{{shorten(body)}}}}}'")
        for answer in answers:
            if "(" in answer or ")" in answer:  # without parentheses an answer is one form
                expand(answer)
        parts.append(Gap(answers=answers, hint=hint.strip() or None))
        last = match.end()
    rest = text[last:]
    if "{{" in rest or "}}" in rest:
        raise AnswerSyntaxError("unbalanced '{{' or '}}' in cloze text")
    parts.append(rest)
    cloze = Cloze(parts=tuple(parts))
    if not cloze.gaps:
        raise AnswerSyntaxError("cloze text has no gap; mark one with {{answer}}")
    return cloze
