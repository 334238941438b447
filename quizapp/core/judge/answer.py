"""One typed answer against one card's answers: the plain rules (compare.py), the reject
list, then what a teacher lets pass (tolerance.py), and the Verdict that says so."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from quizapp.core.judge import around, tolerance
from quizapp.core.judge.compare import TypedAnswer, best_match, expected_forms, reject_words
from quizapp.core.judge.context import NO_CONTEXT, CardContext
from quizapp.core.judge.diff import Diff
from quizapp.core.judge.inflection import word_form
from quizapp.core.judge.match import ALMOST, CORRECT, WRONG, Match, Rules
from quizapp.core.judge.normalise import Form, prepare, prepare_cached
from quizapp.core.judge.reasons import reason
from quizapp.core.judge.verdict import Verdict, suggest_rating

_NOTHING: frozenset[str] = frozenset()
_CURRENCY = {"it": "un'altra valuta", "en": "another currency"}
_UNIT = {"it": "un'altra unità", "en": "another unit"}


def _readings(amount: Any) -> dict[str, str]:
    return {"it": amount.reading("it"), "en": amount.reading("en")}


def _as_written(text: str, readings: dict[str, str]) -> dict[str, str]:
    """The expected figure as the deck writes it, with its reading when that says more."""
    return {
        lang: text if reading.replace(" ", "") == text.replace(" ", "") else f"{text} ({reading})"
        for lang, reading in readings.items()
    }


def build_verdict(typed: Form, match: Match, lang: str) -> Verdict:
    fields: dict[str, Any] = {"typed": typed.text, "expected": match.form.text}
    fields.update(match.fields)
    readings = None
    if match.amounts is not None:
        got, want = match.amounts
        fields["typed_reading"] = _readings(got)
        fields["expected_reading"] = _readings(want)
        fields["expected_shown"] = _as_written(match.form.text, fields["expected_reading"])
        readings = (got.reading(lang), want.reading(lang))
        fields["unit"] = _CURRENCY if "%" not in (got.unit, want.unit) else _UNIT
    recalled = match.outcome in (CORRECT, ALMOST)
    score = (1, 1) if recalled else (0, 1)
    return Verdict(
        outcome=match.outcome,
        score=score,
        reason=reason(match.code, match.notes, **fields),
        closest=match.form.text,
        diff=Diff.between(typed.text, match.form.text),
        rating=suggest_rating(match.outcome, score),
        code=match.code,
        typed=typed.text,
        readings=readings,
    )


def judge_text(
    typed: str,
    expected: Sequence[str],
    lang: str,
    *,
    reject: Sequence[str] = (),
    strict_accents: bool = False,
    article_required: bool = False,
    known_words: Collection[str] = (),
    context: CardContext = NO_CONTEXT,
) -> Verdict:
    typed_form = prepare(typed)
    match = match_answer(
        typed_form,
        tuple(expected),
        lang,
        reject=tuple(reject),
        strict_accents=strict_accents,
        article_required=article_required,
        known_words=known_words,
        context=context,
    )
    return build_verdict(typed_form, match, lang)


def match_answer(
    typed: Form,
    expected: tuple[str, ...],
    lang: str,
    *,
    reject: tuple[str, ...] = (),
    strict_accents: bool = False,
    article_required: bool = False,
    known_words: Collection[str] = (),
    context: CardContext = NO_CONTEXT,
) -> Match:
    """The best Match of a typed answer (already prepared) against a card's answers."""
    forms = expected_forms(expected)
    if not forms:
        empty = prepare_cached("")
        return Match(WRONG, "wrong", 1.0, empty, {"expected": ""})
    if not typed.norm:
        return Match(WRONG, "empty", 1.0, forms[0])
    if not known_words:
        known: Collection[str] = _NOTHING
    elif isinstance(known_words, (AbstractSet, dict)):
        known = known_words
    else:
        known = frozenset(known_words)
    rules = Rules(
        lang, strict_accents, article_required, known, reject_words(reject) if reject else _NOTHING
    )
    rejected = expected_forms(reject) if reject else ()
    answer = TypedAnswer(typed)
    match = judge_forms(answer, forms, rejected, rules, context)
    if match.outcome is WRONG and " " in typed.norm:
        match = around.extra_words(answer, match, forms, rejected, rules, context, judge_forms)
    return match


def judge_forms(
    answer: TypedAnswer,
    forms: Sequence[Form],
    rejected: Sequence[Form],
    rules: Rules,
    context: CardContext,
) -> Match:
    """The plain rules, the reject list, then what a teacher lets pass (but the words around
    an answer, which `match_answer` sets aside and judges again with this)."""
    match = best_match(answer, forms, rules)
    if match.code == "article_extra":
        match = tolerance.article_agreement(answer.form, match, forms, rules, context.gender)
    if rejected:
        match = _apply_reject(answer, match, rejected, rules)
    if match.code == "rejected":
        return match
    if context.people:
        match = tolerance.names(answer.form, match, forms, rules, context)
    if match.outcome is CORRECT:
        return match
    if match.outcome is WRONG:
        match = word_form(answer.form, match, tuple(forms), rules)
    if context.other:
        match = tolerance.other_language(answer, match, forms, rules, context)
    if match.outcome is WRONG and rules.lang != "en":
        match = tolerance.elision(answer, match, forms, rules)
    return match


def _apply_reject(
    answer: TypedAnswer, match: Match, rejected: Sequence[Form], rules: Rules
) -> Match:
    """A match with a `reject` entry is wrong, whatever the expected answers say."""
    lenient = Rules(rules.lang, rules.strict_accents, rules.article_required)
    hit = best_match(answer, rejected, lenient)
    if hit.outcome is CORRECT or (hit.outcome is ALMOST and match.outcome is not CORRECT):
        right = match.form  # the best of the accepted answers (for figures: same unit first)
        fields: dict[str, Any] = {"typed": hit.form.text, "expected": right.text}
        return Match(WRONG, "rejected", 0.0, right, fields, (), match.amounts)
    return match
