"""What a fair teacher lets pass, or counts as almost, once the plain rules have spoken.

* Articles: "il addestramento" or "le elettrodomestici" is almost, whatever form of the card
  has no article: the sound of the noun ("l'" before a vowel) or the card's own article says
  which one it takes. "alla avanguardia" (not elided) is almost "all'avanguardia".
* People: a name the other way round ("Wenfeng Liang"), or a well-known surname alone ("Xi"),
  is almost, on every card that asks for that person.
* The right answer in the other language ("January" for gennaio) is almost.
* Words around a right answer: see `around`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.core.judge.compare import (
    TypedAnswer,
    best_match,
    compare_text,
    expected_forms,
    with_article,
    written,
)
from quizapp.core.judge.context import CardContext, looks_like_name
from quizapp.core.judge.match import ALMOST, CORRECT, WRONG, Match, Rules
from quizapp.core.judge.normalise import Form, prepare
from quizapp.core.judge.people import CHINESE_SURNAMES, sounds_alike, surname_of
from quizapp.core.judge.words import (
    ELIDED,
    articles,
    gender_of,
    is_real_word,
    italian_article_for,
    italian_article_of_gender,
    starts_with_vowel,
)

DEFINITE = frozenset({"il", "lo", "la", "i", "gli", "le", "l"})
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
