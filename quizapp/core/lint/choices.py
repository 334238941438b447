"""Choice cards whose right option stands out by its form, not by what it says.

A learner who knows nothing can still pick the one option that starts with an article ("the
United States" among "China", "Japan", "Germany"), or the only figure, the only name, the only
option in quotation marks. Each option gets a shape: its article, and its type (an amount in
its unit, a year, a name, quoted words, plain words); the right option must share each with
at least one wrong option.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizapp.core.answers import display
from quizapp.core.judge import normalise
from quizapp.core.judge.amounts import parse_amounts
from quizapp.core.lint.context import Context
from quizapp.core.lint.findings import Finding
from quizapp.core.lint.words import answer_keys, leading_article, words

CHECK_ARTICLE = "choice-article"
CHECK_TYPE = "choice-type"
_QUOTES = '«»“”"„'
_ONLY = {
    "words in quotation marks": "with words in quotation marks",
    "plain words": "in plain words, without names or figures",
}


def _only(kind: str) -> str:
    return _ONLY.get(kind, f"that is {kind}")


def option_type(option: str) -> str:
    """What kind of thing an option is, as far as its form shows."""
    amounts = parse_amounts(normalise(option))
    if amounts is not None:
        units = sorted({amount.unit or "" for amount in amounts})
        if all(
            a.unit is None and a.value == a.value.to_integral_value() and 1000 <= a.value <= 2999
            for a in amounts
        ) and not any(c.isalpha() for c in option):
            return "a year"
        return "an amount" + (f" in {'/'.join(u for u in units if u)}" if any(units) else "")
    if any(char in _QUOTES for char in option):
        return "words in quotation marks"
    found = words(option)
    kept = found[len(found) - len(answer_keys(option)) :] if found else []
    capitals = [option[w.start].isupper() for w in kept if not w.key.isdigit()]
    if capitals and capitals[0] and 2 * sum(capitals) >= len(capitals):
        return "a name"
    return "plain words"


def check(context: Context) -> Iterable[Finding]:
    for place in context.places:
        prompt = place.prompt
        if len(prompt.options) < 3:
            continue
        right, *wrong = (display(option) for option in prompt.options)
        lang = prompt.answer_lang
        article = leading_article(right, lang)
        others = [leading_article(w, lang) for w in wrong]
        alone = (
            f"is the only one that starts with an article («{article}»)"
            if article is not None and all(a is None for a in others)
            else "is the only one without an article"
            if article is None and all(a is not None for a in others)
            else None
        )
        if alone is not None:
            yield Finding(
                CHECK_ARTICLE,
                place.card_id,
                place.options[0].path,
                f"the right option «{right}» {alone}",
                "write every option with its article, or none",
                near=place.options[0].written,
            )
        kind = option_type(right)
        kinds = {option_type(w) for w in wrong}
        if kind not in kinds:
            yield Finding(
                CHECK_TYPE,
                place.card_id,
                place.options[0].path,
                f"the right option «{right}» is the only one {_only(kind)} (the others: "
                f"{', '.join(sorted(kinds))})",
                f"give it wrong options that are also {kind}, or write it as they are written",
                near=place.options[0].written,
            )
