"""Words around a right answer, as a teacher reads them.

* Words that add nothing wrong (function words, words of the question or of the card's note:
  "era Liang Wenfeng", "6 startup", "un miliardo di utenti") leave it right, with a remark;
  "o1 di OpenAI" is "OpenAI o1".
* More than the card asks, which it cannot check, is almost with a remark: a year beside a
  month ("nel gennaio 2025"), a name's company ("Altman di OpenAI"), what a bare figure counts
  ("un miliardo di persone").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from quizapp.core.judge.amounts import parse_amounts
from quizapp.core.judge.compare import TypedAnswer, written
from quizapp.core.judge.context import CardContext
from quizapp.core.judge.figure_match import amounts_of
from quizapp.core.judge.figure_words import FIGURE_WORDS
from quizapp.core.judge.match import ALMOST, CORRECT, WRONG, Match, Rules
from quizapp.core.judge.normalise import Form, as_written, has_digit, prepare, prepare_cached
from quizapp.core.judge.words import DATE_WORDS, NEGATIONS, function_words

POSSESSIVE = frozenset({"di", "del", "della", "dello", "dei", "degli", "delle", "of", "by"})
"""An answer typed as "o1 di OpenAI" may be the card's "OpenAI o1"."""
QUALIFIERS = POSSESSIVE | {"da", "presso", "from", "at"}
"""Before a name that says where a person is from: "Altman di OpenAI", "Altman from OpenAI"."""

JudgeForms = Callable[[TypedAnswer, Sequence[Form], Sequence[Form], Rules, CardContext], Match]
"""`answer.judge_forms`: every rule but the words around the answer."""

# -- words around the answer -------------------------------------------------------------

SHOWN_EXTRA = 40
"""A remark quotes at most this many characters of the words set aside."""


def _clipped(text: str) -> str:
    return text if len(text) <= SHOWN_EXTRA else text[: SHOWN_EXTRA - 1].rstrip() + "…"


def extra_words(
    answer: TypedAnswer,
    match: Match,
    forms: Sequence[Form],
    rejected: Sequence[Form],
    rules: Rules,
    ctx: CardContext,
    judge_forms: JudgeForms,
) -> Match:
    """Words that add nothing wrong around a right answer: right, with a remark."""
    if match.outcome is not WRONG or match.code == "rejected" or match.amounts is not None:
        return match  # a figure read as one has had its filler words set aside already
    typed = answer.form
    tokens = typed.norm.split(" ")
    if len(tokens) < 2:
        return match
    function = function_words(rules.lang)

    def again(text: str) -> Match:
        return judge_forms(TypedAnswer(prepare(text)), forms, rejected, rules, ctx)

    def tolerated(word: str) -> bool:
        return (
            (word in function or word in ctx.extra_ok)
            and word not in FIGURE_WORDS
            and word not in NEGATIONS
            and not has_digit(word)
        )

    def loose(token: str) -> bool:  # a function word, even one of the answer's ("nel")
        words = prepare_cached(token).words
        return bool(words) and all(tolerated(w) and w in function for w in words)

    has_possessive = any(token in POSSESSIVE for token in tokens[1:-1])
    if not has_possessive and not any(tolerated(word) for word in typed.words):
        # the common case: nothing to set aside, unless more than the card asks ("6 aziende")
        return _unasked(tokens, typed.text, forms, loose, again, match)
    answer_words = {word for form in forms for word in form.words}

    def aside(token: str) -> bool:
        words = prepare_cached(token).words
        return bool(words) and all(tolerated(w) and w not in answer_words for w in words)

    # Only words before or after the answer: one inside it is a slip of the answer itself
    # ("6 milioni i dollari").
    start, end = 0, len(tokens)
    while start < end and aside(tokens[start]):
        start += 1
    while end > start and aside(tokens[end - 1]):
        end -= 1
    kept = tokens[start:end]
    dropped = [part for part in (tokens[:start], tokens[end:]) if part]
    best = match
    if dropped and kept:
        inner = again(" ".join(kept))
        if inner.key < best.key:
            shown = _clipped(" … ".join(written(part, typed.text) for part in dropped))
            extra = {**inner.fields, "extra": shown}
            if inner.outcome is CORRECT:
                best = inner._replace(code="extra_words", fields=extra, cost=inner.cost + 0.2)
            elif inner.outcome is ALMOST:
                notes = (*inner.notes, "extra_words")
                best = inner._replace(fields=extra, notes=notes, cost=inner.cost + 0.2)
            else:
                best = inner
    for index in range(1, len(tokens) - 1) if has_possessive else ():
        if tokens[index] in POSSESSIVE:
            inner = again(" ".join(tokens[index + 1 :] + tokens[:index]))
            if inner.outcome is CORRECT and inner.key < best.key:
                best = Match(CORRECT, "possessive", inner.cost + 0.2, inner.form, {})
    if best.outcome is WRONG:
        best = _unasked(tokens, typed.text, forms, loose, again, best)
    return best


MAX_QUALIFIER = 3
"""Words of a name after "di"/"of" ("Altman di OpenAI") that may be set aside as not asked."""
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _unasked(
    tokens: list[str],
    text: str,
    forms: Sequence[Form],
    aside: Callable[[str], bool],
    again: Callable[[str], Match],
    best: Match,
) -> Match:
    """More than the card asks, around a right answer: a year beside a month or a season
    ("nel gennaio 2025"), a name's company ("Altman di OpenAI"), what a bare figure counts
    ("un miliardo di persone"). Almost: the card cannot tell whether it is true, and the
    remark names it."""
    possessive = any(token in QUALIFIERS for token in tokens[1:])
    years = any(_YEAR.fullmatch(token) for token in tokens)
    counted = _counted(tokens, forms)
    if not (possessive or years or counted):
        return best  # the common case: nothing the card does not ask
    years = years and any(not DATE_WORDS.isdisjoint(form.words) for form in forms)
    years = years and not any(has_digit(form.norm) for form in forms)

    def unasked(token: str) -> bool:
        return years and _YEAR.fullmatch(token) is not None

    start, end = 0, len(tokens)
    shown: list[str] = []
    if counted:  # "un miliardo di persone" for "un miliardo (di utenti)"
        end = counted
        shown.append(written(tokens[counted:], text))
    for index in range(1, len(tokens) if possessive and not counted else 0):  # "di OpenAI"
        tail = tokens[index + 1 :]
        if (
            tokens[index] in QUALIFIERS
            and 0 < len(tail) <= MAX_QUALIFIER
            and all(as_written(word, text)[:1].isupper() for word in tail)
        ):
            end = index
            shown.append(written(tokens[index:], text))
            break
    while end > start and (unasked(tokens[end - 1]) or aside(tokens[end - 1])):
        end -= 1
        if unasked(tokens[end]):
            shown.insert(0, tokens[end])
    while start < end and (unasked(tokens[start]) or aside(tokens[start])):
        if unasked(tokens[start]):
            shown.insert(0, tokens[start])
        start += 1
    if not shown or start >= end:
        return best
    inner = again(" ".join(tokens[start:end]))
    if not inner.outcome.recalled:
        return best
    fields = {**inner.fields, "expected": inner.form.text, "extra": _clipped(" … ".join(shown))}
    return Match(ALMOST, "extra_unasked", inner.cost + 0.3, inner.form, fields)


_HEDGES = frozenset({"o", "oppure", "or", "e", "and", "ma", "but", "né", "nor", "forse", "maybe"})
_NOT_COUNTED = FIGURE_WORDS | NEGATIONS | _HEDGES
"""Never what a figure counts: "4 o 5", "4 or guidance" hedge, "4 non" denies."""
MAX_COUNTED = 2
"""Words after a bare figure that may name what it counts ("di persone", "people")."""


def _counted(tokens: list[str], forms: Sequence[Form]) -> int:
    """Where the words after a figure start, when the card's answer is a bare figure (no
    currency, no %) and what follows is a word or two that are no figure's; else 0."""
    figures = [amounts_of(form) for form in forms]
    if not any(figures) or any(a.unit for found in figures if found for a in found):
        return 0
    for index in range(max(1, len(tokens) - MAX_COUNTED - 1), len(tokens)):
        tail = tokens[index:]
        words = tail[1:] if tail[0] in POSSESSIVE else tail
        if (
            words
            and len(words) <= MAX_COUNTED
            and all(w.isalpha() and w not in _NOT_COUNTED for w in words)
            and parse_amounts(" ".join(tokens[:index])) is not None
        ):
            return index
    return 0
