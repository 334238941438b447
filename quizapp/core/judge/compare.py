"""Judging one typed answer against a card's accepted answers (text and figures).

The rules, in order, for each accepted form: equal once normalised; equal once punctuation is
ignored; equal once accents are ignored (almost, or wrong for a different Italian word or a
card with strict accents); equal once spaces are ignored; equal once a leading article is
dropped; within a typo budget per word (never when the typed word is another known word).
When an answer is an amount, a typed amount is compared by value and unit instead
(`figure_match`). A match with a `reject` entry is wrong whatever the rest says. What a
comparison gives is a `Match` (`match`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA

from quizapp.core.answers import AnswerSyntaxError, expand
from quizapp.core.judge.amounts import Amount, parse_amounts, parse_digits
from quizapp.core.judge.figure_match import amounts_of, card_units, compare_amounts
from quizapp.core.judge.match import ALMOST, CORRECT, WRONG, Match, Rules
from quizapp.core.judge.normalise import (
    APOSTROPHE_ACCENT,
    Form,
    as_written,
    has_digit,
    prepare_cached,
    strip_accents,
)
from quizapp.core.judge.spans import range_holds_year, same_decades, year_range
from quizapp.core.judge.typos import joined_typos, word_typos
from quizapp.core.judge.words import ELIDED, articles

ELIDED_FORMS = frozenset(ELIDED.values()) - {"un"}
"""Words that only ever stand elided ("l'", "all'"); "un" stands both ways (un modello, un'IA)."""

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


def written(words: Sequence[str], text: str) -> str:
    """Words of a normalised answer as `text` writes them (case and all)."""
    return " ".join(as_written(word, text) for word in words)


def _accent_match(
    typed: tuple[str, ...],
    expected: tuple[str, ...],
    form: Form,
    rules: Rules,
    cost: float,
    typed_text: str,
) -> Match:
    """Typed and expected differ by accents only (equal once accents are removed)."""
    pairs: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
        ((got,), (want,))
        for got, want in zip(typed, expected, strict=False)
        if got != want and not _apostrophe_accent(got, want)
    ]
    if len(typed) != len(expected) or not pairs:  # spaces differ too: show the whole answers
        pairs = [(typed, expected)]
    shown_typed = " ".join(written(got, typed_text) for got, _ in pairs)
    shown_expected = " ".join(written(want, form.text) for _, want in pairs)
    fields = {"typed": shown_typed, "expected": shown_expected}
    if rules.strict_accents:
        return Match(WRONG, "strict_accents", 0.2, form, fields)
    for got, want in pairs:
        if rules.lang != "en" and len(got) == 1 and rules.is_known(got[0]):
            fields = {"typed": written(got, typed_text), "expected": written(want, form.text)}
            return Match(WRONG, "accent_word", 0.1, form, fields)
    return Match(ALMOST, "accents", cost, form, fields)


def _typo_match(
    typed_words: tuple[str, ...],
    typed_loose: tuple[str, ...],
    expected_words: tuple[str, ...],
    expected_loose: tuple[str, ...],
    form: Form,
    rules: Rules,
    typed_text: str,
) -> Match | None:
    got, want = (
        (typed_words, expected_words) if rules.strict_accents else (typed_loose, expected_loose)
    )
    if len(got) == len(want):
        changed = word_typos(got, want)
        if not changed:
            return None
        for index, _ in changed:
            if rules.is_other_word(typed_words[index], expected_words[index], form.text):
                shown = {
                    "typed": as_written(typed_words[index], typed_text),
                    "expected": as_written(expected_words[index], form.text),
                }
                return Match(WRONG, "other_word", 0.3, form, shown)
        count = sum(distance for _, distance in changed)
        fields: dict[str, Any] = {
            "typed": written([typed_words[i] for i, _ in changed], typed_text),
            "expected": written([expected_words[i] for i, _ in changed], form.text),
            "count": count,
        }
        return Match(ALMOST, "typo" if count == 1 else "typos", 1 + count, form, fields)
    joined = joined_typos(got, want)
    if not joined:
        return None
    for word in typed_words:
        if word not in expected_words and word not in articles(rules.lang) and rules.is_known(word):
            shown = {"typed": as_written(word, typed_text), "expected": form.text}
            return Match(WRONG, "other_word", 0.3, form, shown)
    fields = {"typed": typed_text, "expected": form.text, "count": joined}
    return Match(ALMOST, "typo" if joined == 1 else "typos", 1.5 + joined, form, fields)


def _compare_words(
    typed_words: tuple[str, ...],
    typed_loose: tuple[str, ...],
    expected_words: tuple[str, ...],
    expected_loose: tuple[str, ...],
    form: Form,
    rules: Rules,
    typed_text: str,
) -> Match | None:
    """Steps 2 to 4 on two lists of words (whole answers, or answers without an article)."""
    same = _same_words(typed_words, expected_words)
    if same is not None:
        return Match(CORRECT, same, 0.1, form)
    if typed_loose == expected_loose:
        return _accent_match(typed_words, expected_words, form, rules, 0.5, typed_text)
    if "".join(typed_words) == "".join(expected_words):
        return Match(CORRECT, "spaces", 0.2, form, {"expected": form.text})
    if "".join(typed_loose) == "".join(expected_loose):
        return _accent_match(typed_words, expected_words, form, rules, 0.6, typed_text)
    return _typo_match(
        typed_words, typed_loose, expected_words, expected_loose, form, rules, typed_text
    )


def _split_article(
    words: tuple[str, ...], loose: tuple[str, ...], lang: str
) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    if len(words) >= 2 and words[0] in articles(lang):
        return words[0], words[1:], loose[1:]
    return None, words, loose


def _article_shown(article: str) -> str:
    return f"{article}'" if article in ELIDED_FORMS else article


def with_article(article: str, words: Sequence[str], text: str) -> str:
    """ "il" + ("addestramento",) -> "il addestramento"; "l" -> "l'addestramento"."""
    body = written(words, text)
    if article.endswith("'"):
        return f"{article}{body}"
    shown = as_written(article, text)
    elided = article in ELIDED_FORMS or (article == "un" and "un'" in text.lower())
    return f"{shown}'{body}" if elided else f"{shown} {body}"


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
    body = _compare_words(
        typed_words, typed_loose, expected_words, expected_loose, form, rules, typed.text
    )
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
    fields = {
        "typed": with_article(typed_article, typed_words, typed.text),
        "expected": form.text,
        "article": _article_shown(expected_article),
    }
    if rules.article_required:
        return Match(WRONG, "article_wrong_required", 0.2, form, fields)
    if body.outcome is CORRECT:
        return Match(ALMOST, "article_wrong", 0.7, form, fields)
    return body


def compare_text(typed: Form, form: Form, rules: Rules) -> Match:
    """The typed answer against one accepted form, as text."""
    if typed.norm == form.norm:
        return Match(CORRECT, "exact", 0.0, form)
    whole = _compare_words(
        typed.words, typed.loose, form.words, form.loose, form, rules, typed.text
    )
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


def _same_range(typed: str, expected: str) -> bool:
    """ "dal 2010 al 2024" for "2010-2024": the same two ends, in the same order."""
    want = year_range(expected)
    got = year_range(typed) if want is not None else None
    if want is None or got is None:
        return False
    return all(parse_digits(a) == parse_digits(b) for a, b in zip(got, want, strict=True))


def _nearness(typed: Form, form: Form) -> float:
    """Between equally good readings of a figure, the form spelled most like the answer: the
    most of its words ("sei milioni" -> sei milioni di dollari), then the fewest edits."""
    missing = sum(1 for word in typed.words if word not in form.words) / (len(typed.words) or 1)
    return (missing + OSA.normalized_distance(typed.norm, form.norm) / 10) / 100


def best_match(answer: TypedAnswer, forms: Sequence[Form], rules: Rules) -> Match:
    """The best match of the typed answer over every accepted form."""
    typed = answer.form
    best: Match | None = None
    for form in forms:
        if typed.norm == form.norm:
            return Match(CORRECT, "exact", 0.0, form)
    for form in forms:
        expected_amounts = amounts_of(form)
        match: Match | None = None
        if has_digit(typed.norm) and range_holds_year(typed.norm, form.norm):
            match = Match(ALMOST, "range_for_year", 0.6, form, {"expected": form.text})
        elif expected_amounts is not None:
            amounts = answer.amounts
            if amounts is not None:
                # Between equally good readings, show the form spelled most like the answer.
                nearness = _nearness(typed, form)
                match = compare_amounts(
                    amounts, expected_amounts, form, rules.lang, nearness, card_units(tuple(forms))
                )
        if match is None and same_decades(typed.norm, form.norm):
            match = Match(CORRECT, "decade", 0.15, form, {"expected": form.text})
        if match is None and _same_range(typed.norm, form.norm):
            match = Match(CORRECT, "range", 0.15, form, {"expected": form.text})
        if match is None:
            match = compare_text(typed, form, rules)
        if best is None or match.key < best.key:
            best = match
            if best.outcome is CORRECT and best.cost <= 0.1:
                break
    assert best is not None
    return best
