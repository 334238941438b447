"""What a fair teacher lets pass, or counts as almost, once the plain rules have spoken.

* Articles: "il addestramento" or "le elettrodomestici" is almost, whatever form of the card
  has no article: the sound of the noun ("l'" before a vowel) or the card's own article says
  which one it takes. "alla avanguardia" (not elided) is almost "all'avanguardia".
* People: a name the other way round ("Wenfeng Liang"), or a well-known surname alone ("Xi"),
  is almost, on every card that asks for that person.
* The right answer in the other language ("January" for gennaio) is almost.
* Words around a right answer that add nothing wrong (function words, words of the question
  or of the card's note: "era Liang Wenfeng", "6 startup", "un miliardo di utenti") leave it
  right, with a remark; "o1 di OpenAI" is "OpenAI o1".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from quizapp.core.judge.amounts import parse_amounts
from quizapp.core.judge.compare import (
    TypedAnswer,
    best_match,
    compare_text,
    expected_forms,
    with_article,
    written,
)
from quizapp.core.judge.context import CardContext, looks_like_name
from quizapp.core.judge.figure_match import amounts_of
from quizapp.core.judge.figure_words import FIGURE_WORDS
from quizapp.core.judge.match import ALMOST, CORRECT, WRONG, Match, Rules
from quizapp.core.judge.normalise import Form, as_written, has_digit, prepare, prepare_cached
from quizapp.core.judge.people import CHINESE_SURNAMES, sounds_alike, surname_of
from quizapp.core.judge.words import (
    DATE_WORDS,
    ELIDED,
    NEGATIONS,
    articles,
    function_words,
    gender_of,
    is_real_word,
    italian_article_for,
    italian_article_of_gender,
    starts_with_vowel,
)

DEFINITE = frozenset({"il", "lo", "la", "i", "gli", "le", "l"})
POSSESSIVE = frozenset({"di", "del", "della", "dello", "dei", "degli", "delle", "of", "by"})
"""An answer typed as "o1 di OpenAI" may be the card's "OpenAI o1"."""

JudgeForms = Callable[[TypedAnswer, Sequence[Form], Sequence[Form], Rules, CardContext], Match]
"""`answer.judge_forms`: every rule but the words around the answer."""


# -- articles ----------------------------------------------------------------------------


def article_agreement(
    typed: Form,
    match: Match,
    forms: Sequence[Form],
    rules: Rules,
    card_gender: str | None = None,
) -> Match:
    """A typed article where the matched form has none: right only if it agrees with the
    noun (its sound) and with the article the card gives that noun elsewhere."""
    if match.code != "article_extra" or len(typed.words) < 2:
        return match
    if rules.lang == "en":
        return _a_or_an(typed, match)
    article, body, body_loose = typed.words[0], typed.words[1:], typed.loose[1:]
    wanted: Form | None = None
    for form in forms:
        theirs = form.words[0]
        if len(form.words) == len(typed.words) and form.loose[1:] == body_loose:
            if theirs == article:
                return match
            if theirs in articles(rules.lang) and (theirs in DEFINITE) == (article in DEFINITE):
                wanted = wanted or form
    shown_typed = with_article(article, body, typed.text)
    if wanted is not None:
        fields = {"typed": shown_typed, "expected": wanted.text, "article": wanted.words[0]}
        return Match(ALMOST, "article_wrong", 0.7, wanted, fields)
    seen = [form.words[0] for form in forms if len(form.words) > 1]
    gender = gender_of(seen, body[0], card_gender)
    if gender is None:
        right = italian_article_for(article, body[0])
    else:
        right = italian_article_of_gender(
            article,
            body[0],
            gender,
            elided=re.search(r"\bun['’]", typed.text.lower()) is not None,
            plural=None if card_gender is None else card_gender.endswith("pl"),
            vowel=True if any(f.words[1:] == body for f in forms if f.words[0] == "l") else None,
        )
    if right is None:
        return match
    expected = with_article(right, match.form.words, match.form.text)
    fields = {"typed": shown_typed, "expected": expected, "article": right}
    return Match(ALMOST, "article_wrong", 0.7, match.form, fields)


_YOU_SOUND = ("uni", "use", "usu", "uti", "eu", "one", "once")


def _a_or_an(typed: Form, match: Match) -> Match:
    """ "an gap", "a economist": almost, "a gap", "an economist"."""
    article, noun = typed.words[0], typed.words[1]
    if article not in ("a", "an") or not noun[:1].isalpha():
        return match
    vowel = noun[0] in "aeiou" and not noun.startswith(_YOU_SOUND)
    if article == ("a" if vowel else "an") and noun[0] != "h":
        right = "an" if vowel else "a"
        expected = f"{right} {written(match.form.words, match.form.text)}"
        fields = {"typed": typed.text, "expected": expected, "article": right}
        return Match(ALMOST, "article_wrong", 0.7, match.form, fields)
    return match


def elision(answer: TypedAnswer, match: Match, forms: Sequence[Form], rules: Rules) -> Match:
    """ "alla avanguardia" for "all'avanguardia": almost, the elision named."""
    if match.outcome is not WRONG or rules.lang == "en":
        return match
    words = answer.form.words
    if ELIDED.keys().isdisjoint(words):
        return match
    changed = False
    parts: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in ELIDED and starts_with_vowel(following):
            parts.append(ELIDED[word] + "'")
            changed = True
        else:
            parts.append(word + " ")
    if not changed:
        return match
    again = best_match(TypedAnswer(prepare("".join(parts).strip())), forms, rules)
    if not again.outcome.recalled:
        return match
    fields = {"typed": answer.form.text, "expected": again.form.text}
    return Match(ALMOST, "elision", 0.75, again.form, fields)


# -- people ------------------------------------------------------------------------------


def _person(form: Form, context: CardContext, lang: str) -> bool:
    """One of the deck's people, and not two common words ("Chinese Premier"; but "Jack Ma"
    and "Kevin Jin", whose words are words too, have a Chinese surname)."""
    return (
        len(form.loose) == 2
        and looks_like_name(form.text)
        and " ".join(form.loose) in context.people
        and (
            not CHINESE_SURNAMES.isdisjoint(form.loose)
            or not all(is_real_word(word, lang) for word in form.words)
        )
    )


def names(
    typed: Form, match: Match, forms: Sequence[Form], rules: Rules, ctx: CardContext
) -> Match:
    """A surname alone, or a name the other way round, for one of the deck's people."""
    if not ctx.people or match.code == "rejected":
        return match
    if len(typed.loose) == 1:
        return _surname_alone(typed.loose[0], match, forms, rules, ctx)
    if match.outcome is CORRECT or len(typed.words) != 2:
        return match
    swapped = prepare(" ".join(reversed(typed.text.split())))
    if len(swapped.words) != 2:
        return match
    for form in forms:
        if len(form.words) == 2 and _person(form, ctx, rules.lang):
            again = compare_text(swapped, form, rules)
            if again.outcome.recalled:
                return Match(ALMOST, "name_order", 0.8, form, {"expected": form.text})
    if match.outcome is not WRONG:
        return match
    for form in forms:  # "Andrej Karpati": spelled by ear
        if len(form.loose) == 2 and _person(form, ctx, rules.lang):
            pairs = zip(typed.loose, form.loose, strict=True)
            if all(sounds_alike(got, want) for got, want in pairs):
                return Match(ALMOST, "name_spelling", 0.85, form, {"expected": form.text})
    return match


def _surname_alone(
    word: str, match: Match, forms: Sequence[Form], rules: Rules, ctx: CardContext
) -> Match:
    """ "Xi" for Xi Jinping, "Karpati" for Andrej Karpathy: almost, the full name shown."""
    if match.outcome is CORRECT and len(match.form.loose) != 1:
        return match
    for form in forms:
        if len(form.loose) != 2 or not _person(form, ctx, rules.lang):
            continue
        surname = surname_of(*form.loose)
        if match.outcome is CORRECT:
            known = word in form.loose
        elif match.outcome is WRONG:
            known = (word in ctx.surnames and word in form.loose) or sounds_alike(word, surname)
        else:
            known = False
        if known:
            return Match(ALMOST, "surname_only", 0.8, form, {"expected": form.text})
    return match


# -- the other language ------------------------------------------------------------------


def other_language(
    answer: TypedAnswer, match: Match, forms: Sequence[Form], rules: Rules, ctx: CardContext
) -> Match:
    """The card's answer on its other side: almost, "in Italian: gennaio". (Not an answer
    both sides accept, such as a name: that one is judged in this language.)"""
    if match.outcome is CORRECT or not ctx.other or ctx.other_lang is None:
        return match
    if match.code == "rejected":
        return match
    own = {form.loose for form in forms}
    others = [form for form in expected_forms(ctx.other) if form.loose not in own]
    if not others:
        return match
    other = best_match(answer, others, rules._replace(lang=ctx.other_lang))
    if other.outcome is CORRECT or (other.outcome is ALMOST and match.outcome is WRONG):
        shown = _nearest_form(answer.form, forms, rules.lang)
        fields = {"expected": shown.text, "lang": _LANGUAGE_NAMES[rules.lang]}
        return Match(ALMOST, "other_language", 0.9, shown, fields)
    return match


def _nearest_form(typed: Form, forms: Sequence[Form], lang: str) -> Form:
    """The accepted form to show beside an answer typed in the other language: as many
    words as the answer ("January" -> gennaio, "6 startups" -> 6 startup), articles aside;
    between equals, the card's first."""
    own = articles(lang)

    def size(form: Form) -> int:
        return sum(1 for word in form.words if word not in own)

    want = len(typed.words)
    return min(forms, key=lambda form: abs(size(form) - want))


_LANGUAGE_NAMES = {
    "it": {"it": "italiano", "en": "Italian"},
    "en": {"it": "inglese", "en": "English"},
}


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
    possessive = any(token in POSSESSIVE for token in tokens[1:])
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
            tokens[index] in POSSESSIVE
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
