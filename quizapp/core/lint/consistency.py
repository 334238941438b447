"""Answer lists that disagree with themselves: an accepted form the judge calls wrong.

Every form a card accepts, typed exactly as written, must be judged right against the card
itself. It is not when a `reject` entry matches it, or, on a list card, when an item's form
holds a comma or a semicolon and is cut into two items. The judge is asked through its public
functions, with the deck's words, exactly as in study.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizapp.core.answers import expand
from quizapp.core.judge import Verdict, judge, judge_list
from quizapp.core.lint.context import Context, Entry, Place
from quizapp.core.lint.findings import Finding

CHECK = "answers-disagree"


def _text_verdict(context: Context, place: Place, typed: str) -> Verdict:
    prompt = place.prompt
    return judge(
        typed,
        prompt.expected,
        prompt.answer_lang,
        reject=prompt.reject,
        strict_accents=prompt.strict_accents,
        article_required=prompt.article_required,
        known_words=context.known_words,
    )


def _list_verdict(
    context: Context, place: Place, typed: str, items: tuple[tuple[str, ...], ...] | None = None
) -> Verdict:
    prompt = place.prompt
    return judge_list(
        typed,
        prompt.items if items is None else items,
        prompt.answer_lang,
        ordered=prompt.ordered and items is None,
        reject=prompt.reject,
        strict_accents=prompt.strict_accents,
        article_required=prompt.article_required,
        known_words=context.known_words,
    )


def _finding(place: Place, entry: Entry, form: str, verdict: Verdict, whole: str) -> Finding:
    reason = verdict.reason.get("en", verdict.outcome.value)
    rejected = verdict.code == "rejected" or any(i.code == "rejected" for i in verdict.items)
    fix = (
        f"take «{form}» out of the answers, or out of `reject`"
        if rejected
        else "write the item without a comma or a semicolon, or split it into two items"
        if place.items
        else f"write «{form}» so that the judge accepts it, or drop it"
    )
    return Finding(
        CHECK,
        place.card_id,
        entry.path,
        f"the accepted form «{form}», typed as written ({whole}), is judged "
        f"{verdict.outcome.value}: {reason}",
        fix,
        near=entry.written if entry.path[-1] != "text" else form,
    )


def check(context: Context) -> Iterable[Finding]:
    for place in context.places:
        if place.options:
            continue  # a choice is picked from its options, never typed
        if place.items:
            yield from _check_list(context, place)
            continue
        for entry in place.answers:
            for form in expand(entry.written):
                verdict = _text_verdict(context, place, form)
                if not verdict.recalled:
                    yield _finding(place, entry, form, verdict, f"«{form}»")
                    break


def _check_list(context: Context, place: Place) -> Iterable[Finding]:
    """Each item's forms alone first (a form cut in two fails there), then each form in the
    whole list beside the other items (a form taken for another item fails there)."""
    size = len(place.items)
    good: list[list[str]] = []
    for item, forms in zip(place.items, place.prompt.items, strict=True):
        passed: list[str] = []
        for entry in item:
            for form in expand(entry.written):
                verdict = _list_verdict(context, place, form, (forms,))
                if verdict.score == (1, 1):
                    passed.append(form)
                else:
                    yield _finding(place, entry, form, verdict, f"«{form}»")
                    break
        good.append(passed)
    if not all(good):
        return
    firsts = [passed[0] for passed in good]
    for index, item in enumerate(place.items):
        for entry in item:
            for form in expand(entry.written):
                if form not in good[index]:
                    continue
                typed = ", ".join(form if j == index else firsts[j] for j in range(size))
                verdict = _list_verdict(context, place, typed)
                if verdict.score != (size, size):
                    yield _finding(place, entry, form, verdict, f"in «{typed}»")
                    break
