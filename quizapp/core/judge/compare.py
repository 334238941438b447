"""Judging one typed answer against a card's accepted answers (text and figures).

The rules, in order, for each accepted form: equal once normalised; equal once punctuation is
ignored; equal once accents are ignored (almost, or wrong for a different Italian word or a
card with strict accents); equal once spaces are ignored; equal once a leading article is
dropped; within a typo budget per word (never when the typed word is another known word).
When an answer is an amount, a typed amount is compared by value and unit instead. A match with
a `reject` entry is wrong whatever the rest says.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA

from quizapp.core.answers import AnswerSyntaxError, expand
from quizapp.core.judge.amounts import Amount, parse_amounts, parse_amounts_cached
from quizapp.core.judge.diff import Diff
from quizapp.core.judge.normalise import (
    APOSTROPHE_ACCENT,
    Form,
    prepare,
    prepare_cached,
    strip_accents,
)
from quizapp.core.judge.reasons import reason
from quizapp.core.judge.typos import joined_typos, word_typos
from quizapp.core.judge.verdict import RANK, Outcome, Verdict, suggest_rating
from quizapp.core.judge.words import articles, is_real_word

CORRECT, ALMOST, WRONG = Outcome.CORRECT, Outcome.ALMOST, Outcome.WRONG
_NOTHING: frozenset[str] = frozenset()
_NO_FIELDS: Mapping[str, Any] = MappingProxyType({})


class Rules(NamedTuple):
    """How strictly one card is judged (tuples: made once per judgment, so kept cheap)."""

    lang: str
    strict_accents: bool = False
    article_required: bool = False
    known: Collection[str] = _NOTHING
    """Other known words (normalised, see `word_key`): never read as typos."""
    reject_words: frozenset[str] = _NOTHING

    def is_known(self, word: str) -> bool:
        return word in self.known or word in self.reject_words or is_real_word(word, self.lang)


class Match(NamedTuple):
    """The result of comparing the typed answer with one accepted form."""

    outcome: Outcome
    code: str
    cost: float
    """Tie-break between matches of the same outcome: lower is better."""
    form: Form
    fields: Mapping[str, Any] = _NO_FIELDS
    notes: tuple[str, ...] = ()
    amounts: tuple[Amount, Amount] | None = None
    """For figures: the typed and the expected amount shown side by side."""

    @property
    def key(self) -> tuple[int, float]:
        return (RANK[self.outcome], self.cost)

    def costing(self, extra: float) -> Match:
        """The same match ranked a little lower."""
        return self._replace(cost=self.cost + extra)


# -- expected answers, prepared once ---------------------------------------------------------


def _expand(answer: str) -> list[str]:
    try:
        return expand(answer)
    except AnswerSyntaxError:
        return [answer]  # judged literally rather than failing a learner


@lru_cache(maxsize=4096)
def expected_forms(answers: tuple[str, ...]) -> tuple[Form, ...]:
    """Every accepted form of a card's answers, prepared, without repeats."""
    forms: list[Form] = []
    seen: set[str] = set()
    for answer in answers:
        for text in _expand(answer):
            form = prepare_cached(text)
            if form.norm not in seen:
                seen.add(form.norm)
                forms.append(form)
    return tuple(forms)


@lru_cache(maxsize=4096)
def reject_words(answers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for form in expected_forms(answers) for word in form.words)


def _amounts_of(form: Form) -> tuple[Amount, ...] | None:
    return parse_amounts_cached(form.norm)


# -- comparing words -------------------------------------------------------------------------


def _shown(word: str) -> str:
    return word.replace(APOSTROPHE_ACCENT, "'")


def _apostrophe_accent(typed: str, expected: str) -> bool:
    """ "perche'" stands for "perché": a final vowel + apostrophe for the accented vowel."""
    return (
        typed.endswith(APOSTROPHE_ACCENT)
        and len(expected) == len(typed) - 1
        and expected[:-1] == typed[:-2]
        and expected[-1] != typed[-2]
        and strip_accents(expected[-1]) == typed[-2]
    )


def _same_words(typed: tuple[str, ...], expected: tuple[str, ...]) -> str | None:
    """ "punctuation" or "apostrophe_accent" when the words match, else None."""
    if len(typed) != len(expected):
        return None
    code = "punctuation"
    for got, want in zip(typed, expected, strict=True):
        if got != want:
            if not _apostrophe_accent(got, want):
                return None
            code = "apostrophe_accent"
    return code


def _accent_match(
    typed: tuple[str, ...], expected: tuple[str, ...], form: Form, rules: Rules, cost: float
) -> Match:
    """Typed and expected differ by accents only (equal once accents are removed)."""
    pairs = [
        (got, want)
        for got, want in zip(typed, expected, strict=False)
        if got != want and not _apostrophe_accent(got, want)
    ]
    if len(typed) != len(expected) or not pairs:  # spaces differ too: show the whole answers
        pairs = [(" ".join(typed), " ".join(expected))]
    shown_typed = " ".join(_shown(got) for got, _ in pairs)
    shown_expected = " ".join(_shown(want) for _, want in pairs)
    fields = {"typed": shown_typed, "expected": shown_expected}
    if rules.strict_accents:
        return Match(WRONG, "strict_accents", 0.2, form, fields)
    for got, want in pairs:
        if rules.lang != "en" and " " not in got and rules.is_known(got):
            fields = {"typed": _shown(got), "expected": _shown(want)}
            return Match(WRONG, "accent_word", 0.1, form, fields)
    return Match(ALMOST, "accents", cost, form, fields)


def _typo_match(
    typed_words: tuple[str, ...],
    typed_loose: tuple[str, ...],
    expected_words: tuple[str, ...],
    expected_loose: tuple[str, ...],
    form: Form,
    rules: Rules,
) -> Match | None:
    got, want = (
        (typed_words, expected_words) if rules.strict_accents else (typed_loose, expected_loose)
    )
    if len(got) == len(want):
        changed = word_typos(got, want)
        if not changed:
            return None
        for index, _ in changed:
            if rules.is_known(typed_words[index]):
                shown = {"typed": _shown(typed_words[index]), "expected": expected_words[index]}
                return Match(WRONG, "other_word", 0.3, form, shown)
        count = sum(distance for _, distance in changed)
        fields: dict[str, Any] = {
            "typed": " ".join(_shown(typed_words[i]) for i, _ in changed),
            "expected": " ".join(_shown(expected_words[i]) for i, _ in changed),
            "count": count,
        }
        return Match(ALMOST, "typo" if count == 1 else "typos", 1 + count, form, fields)
    joined = joined_typos(got, want)
    if not joined:
        return None
    for word in typed_words:
        if word not in expected_words and rules.is_known(word):
            shown = {"typed": _shown(word), "expected": form.text}
            return Match(WRONG, "other_word", 0.3, form, shown)
    fields = {
        "typed": " ".join(_shown(word) for word in typed_words),
        "expected": " ".join(_shown(word) for word in expected_words),
        "count": joined,
    }
    return Match(ALMOST, "typo" if joined == 1 else "typos", 1.5 + joined, form, fields)


def _compare_words(
    typed_words: tuple[str, ...],
    typed_loose: tuple[str, ...],
    expected_words: tuple[str, ...],
    expected_loose: tuple[str, ...],
    form: Form,
    rules: Rules,
) -> Match | None:
    """Steps 2 to 4 on two lists of words (whole answers, or answers without an article)."""
    same = _same_words(typed_words, expected_words)
    if same is not None:
        return Match(CORRECT, same, 0.1, form)
    if typed_loose == expected_loose:
        return _accent_match(typed_words, expected_words, form, rules, 0.5)
    if "".join(typed_words) == "".join(expected_words):
        return Match(CORRECT, "spaces", 0.2, form, {"expected": form.text})
    if "".join(typed_loose) == "".join(expected_loose):
        return _accent_match(typed_words, expected_words, form, rules, 0.6)
    return _typo_match(typed_words, typed_loose, expected_words, expected_loose, form, rules)


def _split_article(
    words: tuple[str, ...], loose: tuple[str, ...], lang: str
) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    if len(words) >= 2 and words[0] in articles(lang):
        return words[0], words[1:], loose[1:]
    return None, words, loose


def _article_shown(article: str) -> str:
    return "l'" if article == "l" else article


def _article_match(typed: Form, form: Form, rules: Rules) -> Match | None:
    """Step 3b: the answers match once a leading article is set aside."""
    typed_article, typed_words, typed_loose = _split_article(typed.words, typed.loose, rules.lang)
    expected_article, expected_words, expected_loose = _split_article(
        form.words, form.loose, rules.lang
    )
    if typed_article is None and expected_article is None:
        return None
    if typed_article == expected_article:
        return None  # the whole answers were compared already
    body = _compare_words(typed_words, typed_loose, expected_words, expected_loose, form, rules)
    if body is None:
        return None
    body = body.costing(0.05)  # a form that needs no article goes first
    if body.outcome is WRONG:
        return body
    if typed_article is None:
        if rules.article_required:
            return Match(WRONG, "article_required", 0.2, form, {"expected": form.text})
        if body.outcome is CORRECT:
            return Match(CORRECT, "article_missing", 0.3, form, {"expected": form.text})
        return body
    if expected_article is None:
        if body.outcome is CORRECT:
            return Match(CORRECT, "article_extra", 0.3, form)
        return body
    fields = {"typed": _article_shown(typed_article), "expected": _article_shown(expected_article)}
    if rules.article_required:
        return Match(WRONG, "article_wrong_required", 0.2, form, fields)
    if body.outcome is CORRECT:
        return Match(ALMOST, "article_wrong", 0.7, form, fields)
    return body


def compare_text(typed: Form, form: Form, rules: Rules) -> Match:
    """The typed answer against one accepted form, as text."""
    if typed.norm == form.norm:
        return Match(CORRECT, "exact", 0.0, form)
    whole = _compare_words(typed.words, typed.loose, form.words, form.loose, form, rules)
    if whole is not None and whole.outcome is CORRECT:
        return whole
    article = _article_match(typed, form, rules)
    if article is not None and (whole is None or article.code.startswith("article")):
        return article  # more telling than a typo that swallows the article ("laddestramento")
    candidates = [m for m in (whole, article) if m is not None]
    if candidates:
        return min(candidates, key=lambda m: m.key)
    distance = OSA.normalized_distance(typed.norm, form.norm)
    return Match(WRONG, "wrong", 1.0 + distance, form)


# -- figures ---------------------------------------------------------------------------------


def _readings(amount: Amount) -> dict[str, str]:
    return {"it": amount.reading("it"), "en": amount.reading("en")}


def compare_amounts(
    typed: tuple[Amount, ...],
    expected: tuple[Amount, ...],
    form: Form,
    lang: str,
    extra_cost: float = 0.0,
) -> Match:
    """Typed figures against an answer's figures (alternatives: "1 trilione di yuan (138
    miliardi di dollari)" accepts either). Every typed figure must be one of them."""
    worst = 3
    worst_pair = (typed[0], expected[0])
    for got in typed:
        best, best_want = 0, _nearest(got, expected)
        for want in expected:
            if got.value != want.value:
                continue
            if got.unit == want.unit or want.unit is None:
                status = 3
            elif got.unit is None:
                status = 2  # the currency or % is missing
            else:
                status = 1  # same value, another unit
            if status > best:
                best, best_want = status, want
        if best < worst or (best == worst == 3 and got is typed[0]):
            worst, worst_pair = best, (got, best_want)
    got, want = worst_pair
    fields: dict[str, Any] = {"expected": form.text}
    notes: tuple[str, ...] = ()
    if want.trilione and (got.bilione or got.value == want.value * 10**6):
        notes = ("trilione",)
    pair = (got, want)
    if worst == 3:
        return Match(CORRECT, "amount", 0.05 + extra_cost, form, fields, notes, pair)
    if worst == 2:
        code = "percent_missing" if want.unit == "%" else "currency_missing"
        return Match(ALMOST, code, 0.5 + extra_cost, form, fields, notes, pair)
    if got.value == want.value:  # more telling than another figure: rank it first
        return Match(WRONG, "unit_wrong", 0.4 + extra_cost, form, fields, notes, pair)
    unit_cost = 0.0 if got.unit == want.unit else 0.02  # show "USD" beside "USD" when we can
    return Match(WRONG, "amount_wrong", 0.5 + unit_cost + extra_cost, form, fields, notes, pair)


def _nearest(got: Amount, expected: tuple[Amount, ...]) -> Amount:
    """The expected figure to show beside a wrong one: same unit first."""
    for want in expected:
        if want.unit == got.unit:
            return want
    return expected[0]


# -- one answer ------------------------------------------------------------------------------


class TypedAnswer:
    """A typed answer, prepared, with its figures read at most once (and only if needed)."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self._amounts: tuple[Amount, ...] | None = None
        self._read = False

    @property
    def amounts(self) -> tuple[Amount, ...] | None:
        if not self._read:
            self._amounts, self._read = parse_amounts(self.form.norm), True
        return self._amounts


def best_match(answer: TypedAnswer, forms: Sequence[Form], rules: Rules) -> Match:
    """The best match of the typed answer over every accepted form."""
    typed = answer.form
    best: Match | None = None
    for form in forms:
        if typed.norm == form.norm:
            return Match(CORRECT, "exact", 0.0, form)
    for form in forms:
        expected_amounts = _amounts_of(form)
        match: Match | None = None
        if expected_amounts is not None:
            amounts = answer.amounts
            if amounts is not None:
                # Between equally good readings, show the form spelled most like the answer.
                nearness = OSA.normalized_distance(typed.norm, form.norm) / 100
                match = compare_amounts(amounts, expected_amounts, form, rules.lang, nearness)
        if match is None:
            match = compare_text(typed, form, rules)
        if best is None or match.key < best.key:
            best = match
            if best.outcome is CORRECT and best.cost <= 0.1:
                break
    assert best is not None
    return best


def build_verdict(typed: Form, match: Match, lang: str) -> Verdict:
    fields: dict[str, Any] = {"typed": typed.text, "expected": match.form.text}
    fields.update(match.fields)
    readings = None
    if match.amounts is not None:
        got, want = match.amounts
        fields["typed_reading"] = _readings(got)
        fields["expected_reading"] = _readings(want)
        readings = (got.reading(lang), want.reading(lang))
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
    elif isinstance(known_words, (set, frozenset, dict)):
        known = known_words
    else:
        known = frozenset(known_words)
    rules = Rules(
        lang, strict_accents, article_required, known, reject_words(reject) if reject else _NOTHING
    )
    answer = TypedAnswer(typed)
    match = best_match(answer, forms, rules)
    if reject:
        match = _apply_reject(answer, match, expected_forms(reject), forms, rules)
    return match


def _apply_reject(
    answer: TypedAnswer,
    match: Match,
    rejected: Sequence[Form],
    forms: Sequence[Form],
    rules: Rules,
) -> Match:
    """A match with a `reject` entry is wrong, whatever the expected answers say."""
    lenient = Rules(rules.lang, rules.strict_accents, rules.article_required)
    hit = best_match(answer, rejected, lenient)
    if hit.outcome is CORRECT or (hit.outcome is ALMOST and match.outcome is not CORRECT):
        right = match.form  # the best of the accepted answers (for figures: same unit first)
        fields: dict[str, Any] = {"typed": hit.form.text, "expected": right.text}
        return Match(WRONG, "rejected", 0.0, right, fields, (), match.amounts)
    return match
