"""Lists: "Baichuan, Moonshot, MiniMax e Zhipu" against the items of a list card.

The typed answer is split on commas, semicolons, new lines and the words e/ed/and; each typed
item is judged as text against each expected item; typed and expected items are then paired to
get the most matches (and, among those, the most exact ones) regardless of order, or keeping
the order when the card is ordered.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import NamedTuple

from quizapp.core.answers import AnswerSyntaxError, display
from quizapp.core.judge.answer import match_answer
from quizapp.core.judge.context import NO_CONTEXT, CardContext
from quizapp.core.judge.diff import Diff
from quizapp.core.judge.match import Match
from quizapp.core.judge.normalise import Form, display_text, normalise, prepare
from quizapp.core.judge.reasons import reason
from quizapp.core.judge.spans import year_range
from quizapp.core.judge.verdict import ItemResult, Outcome, Verdict, suggest_rating

_SEPARATORS = re.compile(r"\s*(?:[;\n\r]|(?<![0-9]),|,(?![0-9]))\s*")
_CONJUNCTION = re.compile(r"\s+(?:e|ed|and|&)\s+", re.IGNORECASE)
_LEADING_CONJUNCTION = re.compile(r"^(?:e|ed|and|&)\s+", re.IGNORECASE)
_WEIGHT = {Outcome.CORRECT: 2, Outcome.ALMOST: 1}
MAX_EXACT_ITEMS = 12
"""Up to this many items the pairing is optimal; beyond it, greedy (no real card gets there)."""


@lru_cache(maxsize=4096)
def _display(forms: tuple[str, ...]) -> str:
    try:
        return display(forms[0]) if forms else ""
    except AnswerSyntaxError:
        return forms[0]


def _chunks(typed: str) -> list[str]:
    chunks: list[str] = []
    for chunk in _SEPARATORS.split(typed.strip()):
        chunk = _LEADING_CONJUNCTION.sub("", chunk).strip()
        if chunk:
            ends = year_range(normalise(chunk))  # "2010-2024", "dal 2010 al 2024"
            chunks.extend(ends if ends is not None else (chunk,))
    return chunks


SHOWN_ITEMS = 3
"""A reason names at most this many items of a kind (missing, not asked), then counts."""
SHOWN_ITEM_LENGTH = 40


def _bounded(items: Sequence[str]) -> dict[str, str]:
    """ "a, b, c e altri 4" / "a, b, c and 4 more", each item cut to a readable length."""
    shown = [
        item if len(item) <= SHOWN_ITEM_LENGTH else item[: SHOWN_ITEM_LENGTH - 1] + "…"
        for item in items[:SHOWN_ITEMS]
    ]
    text = ", ".join(shown)
    more = len(items) - len(shown)
    if more <= 0:
        return {"it": text, "en": text}
    return {"it": f"{text} e altri {more}", "en": f"{text} and {more} more"}


class _ListRules(NamedTuple):
    reject: tuple[str, ...]
    strict_accents: bool
    article_required: bool
    known_words: Collection[str]
    context: CardContext = NO_CONTEXT


class _Judge:
    """Judges typed items against the expected items, remembering each comparison."""

    def __init__(self, items: Sequence[Sequence[str]], lang: str, rules: _ListRules) -> None:
        self.items = [tuple(item) for item in items]
        self.lang = lang
        self.rules = rules
        self.contexts = [rules.context.for_item(index) for index in range(len(self.items))]
        self._cache: dict[tuple[str, int], Match] = {}

    def match(self, typed: Form, index: int) -> Match:
        key = (typed.norm, index)
        if key not in self._cache:
            rules = self.rules
            self._cache[key] = match_answer(
                typed,
                self.items[index],
                self.lang,
                reject=rules.reject,
                strict_accents=rules.strict_accents,
                article_required=rules.article_required,
                known_words=rules.known_words,
                context=self.contexts[index],
            )
        return self._cache[key]

    def weights(self, typed: list[Form]) -> list[list[int]]:
        return [self._row(form) for form in typed]

    def _row(self, form: Form) -> list[int]:
        """How well one typed item matches each expected item. Words set aside can make an
        item match another ("piccoli dragoni" is "dragoni" and more): never when it is, as
        typed, an item of its own."""
        matches = [self.match(form, j) for j in range(len(self.items))]
        whole = any(m.outcome is Outcome.CORRECT and not _set_aside(m) for m in matches)
        return [0 if whole and _set_aside(m) else _WEIGHT.get(m.outcome, 0) for m in matches]

    def recalled_by_any(self, typed: Form) -> bool:
        return any(self.match(typed, j).outcome.recalled for j in range(len(self.items)))


_ASIDE = frozenset({"extra_words", "extra_unasked", "possessive"})


def _set_aside(match: Match) -> bool:
    return match.code in _ASIDE or "extra_words" in match.notes


def _split(typed: str, judge: _Judge) -> list[str]:
    """Typed items; "X e Y" stays one item when it is itself one of the expected items."""
    pieces: list[str] = []
    for chunk in _chunks(typed):
        parts = [p for p in _CONJUNCTION.split(chunk) if p.strip()]
        if len(parts) > 1 and judge.recalled_by_any(prepare(chunk)):
            parts = [chunk]
        pieces.extend(parts)
    return pieces


def _pair_unordered(weights: list[list[int]], size: int) -> list[int | None]:
    """typed index -> expected index: most matches, then most exact ones."""
    if size > MAX_EXACT_ITEMS:
        return _pair_greedy(weights, size)
    states: dict[int, tuple[int, int, tuple[int | None, ...]]] = {0: (0, 0, ())}
    for row in weights:
        following: dict[int, tuple[int, int, tuple[int | None, ...]]] = {}
        for mask, (count, quality, chosen) in states.items():
            options = [(mask, (count, quality, (*chosen, None)))]
            for j, weight in enumerate(row):
                if weight and not mask & (1 << j):
                    options.append((mask | (1 << j), (count + 1, quality + weight, (*chosen, j))))
            for key, value in options:
                if key not in following or value[:2] > following[key][:2]:
                    following[key] = value
        states = following
    return list(max(states.values(), key=lambda s: s[:2])[2])


def _pair_greedy(weights: list[list[int]], size: int) -> list[int | None]:
    chosen: list[int | None] = [None] * len(weights)
    taken: set[int] = set()
    cells = sorted(
        ((w, i, j) for i, row in enumerate(weights) for j, w in enumerate(row) if w),
        key=lambda cell: -cell[0],
    )
    for _, i, j in cells:
        if chosen[i] is None and j not in taken:
            chosen[i] = j
            taken.add(j)
    return chosen


def _pair_ordered(weights: list[list[int]], size: int) -> list[int | None]:
    """Order-keeping pairing (a weighted longest common subsequence)."""
    rows = len(weights)
    best = [[(0, 0)] * (size + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(size - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            weight = weights[i][j]
            if weight:
                count, quality = best[i + 1][j + 1]
                options.append((count + 1, quality + weight))
            best[i][j] = max(options)
    chosen: list[int | None] = [None] * rows
    i = j = 0
    while i < rows and j < size:
        weight = weights[i][j]
        if weight and best[i][j] == (best[i + 1][j + 1][0] + 1, best[i + 1][j + 1][1] + weight):
            chosen[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return chosen


def _matched(pairing: list[int | None]) -> int:
    return sum(1 for j in pairing if j is not None)


def judge_list(
    typed: str,
    items: Sequence[Sequence[str]],
    lang: str,
    *,
    ordered: bool = False,
    reject: Sequence[str] = (),
    strict_accents: bool = False,
    article_required: bool = False,
    known_words: Collection[str] = (),
    context: CardContext = NO_CONTEXT,
) -> Verdict:
    """Judge a typed list against `items` (each item: its accepted forms, in answer syntax)."""
    rules = _ListRules(tuple(reject), strict_accents, article_required, known_words, context)
    judge = _Judge(items, lang, rules)
    size = len(judge.items)
    shown_typed = display_text(typed)
    expected_all = ", ".join(_display(item) for item in judge.items)
    pieces = _split(typed, judge)
    if not pieces or size == 0:
        outcome_code = "empty" if not pieces else "list_wrong"
        return Verdict(
            outcome=Outcome.WRONG,
            score=(0, size),
            reason=reason(outcome_code, expected=expected_all, n=size),
            closest=expected_all,
            diff=Diff.between(shown_typed, expected_all),
            rating=suggest_rating(Outcome.WRONG, (0, size)),
            code=outcome_code,
            typed=shown_typed,
            items=tuple(
                ItemResult(None, _display(item), Outcome.WRONG, "missing") for item in judge.items
            ),
        )
    forms = [prepare(piece) for piece in pieces]
    weights = judge.weights(forms)
    pair = _pair_ordered if ordered else _pair_unordered
    pairing = pair(weights, size)
    if len(pieces) == 1 and size > 1 and len(forms[0].words) > 1 and pairing[0] is None:
        # "Baichuan Moonshot MiniMax Zhipu": items typed with spaces only.
        words = shown_typed.split()
        word_forms = [prepare(word) for word in words]
        word_weights = judge.weights(word_forms)
        word_pairing = pair(word_weights, size)
        if _matched(word_pairing) > 1:
            pieces, forms, weights, pairing = words, word_forms, word_weights, word_pairing
    misplaced: set[int] = set()
    if ordered:
        loose = _pair_unordered(weights, size)
        misplaced = {i for i, j in enumerate(loose) if j is not None and pairing[i] is None}
    return _list_verdict(judge, pieces, forms, pairing, shown_typed, misplaced, ordered)


def _list_verdict(
    judge: _Judge,
    pieces: list[str],
    forms: list[Form],
    pairing: list[int | None],
    shown_typed: str,
    misplaced: set[int],
    ordered: bool,
) -> Verdict:
    """The verdict of a paired list. In an ordered list, `misplaced` are the typed items that
    are right but out of place: neither "not asked" nor "missing", the order is named."""
    size = len(judge.items)
    results: list[ItemResult] = []
    matched: dict[int, Match] = {}
    extras: list[str] = []
    slips: list[str] = []
    for index, (piece, form, j) in enumerate(zip(pieces, forms, pairing, strict=True)):
        shown = display_text(piece)
        if index in misplaced:
            results.append(ItemResult(shown, None, Outcome.WRONG, "misplaced"))
            continue
        if j is None:
            extras.append(shown)
            results.append(ItemResult(shown, None, Outcome.WRONG, "not_asked"))
            continue
        match = judge.match(form, j)
        matched[j] = match
        results.append(ItemResult(shown, match.form.text, match.outcome, match.code))
        if match.outcome is Outcome.ALMOST:
            slips.append(f"{shown} → {match.form.text}")
    missing = [_display(judge.items[j]) for j in range(size) if j not in matched]
    results.extend(ItemResult(None, text, Outcome.WRONG, "missing") for text in missing)
    k = len(matched)
    notes: list[str] = []
    if k == size:
        if extras:
            outcome, code = Outcome.ALMOST, "list_extra"
        elif all(m.outcome is Outcome.CORRECT for m in matched.values()):
            outcome, code = Outcome.CORRECT, "list_all"
        else:
            outcome, code = Outcome.ALMOST, "list_slips"
    elif k == 0:
        outcome, code = Outcome.WRONG, "list_wrong"
    else:
        outcome, code = Outcome.PARTIAL, "list_partial"
        if extras:
            notes.append("not_asked")
    if ordered:
        shown_expected = [
            matched[j].form.text if j in matched else _display(judge.items[j]) for j in range(size)
        ]
    else:
        shown_expected = [matched[j].form.text for j in pairing if j is not None] + missing
    closest = ", ".join(shown_expected)
    score = (k, size)
    return Verdict(
        outcome=outcome,
        score=score,
        reason=reason(
            "list_order" if misplaced and k < size else code,  # the reason names the order
            tuple(notes),
            n=size,
            k=k,
            missing=_bounded(missing),
            extra=_bounded(extras),
            slips=_bounded(slips),
            expected=_bounded([_display(item) for item in judge.items]),
        ),
        closest=closest,
        diff=Diff.between(shown_typed, closest),
        rating=suggest_rating(outcome, score),
        code=code,
        typed=shown_typed,
        items=tuple(results),
    )
