"""The shape of an answer, for finding wrong answers of the same type: what sort of figure it
is, how its question opens, its gap's hint, its words and capitals; and the key under which two
options read as the same answer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from quizapp.core.answers import display, expand
from quizapp.core.deck import ChoiceCard, Prompt, VocabCard
from quizapp.core.judge.amounts import parse_amounts
from quizapp.core.judge.normalise import normalise, prepare_cached


def words_of(words: str) -> tuple[str, ...]:
    """The words of a space-separated list."""
    return tuple(words.split())


@lru_cache(maxsize=8192)
def figure_class(text: str) -> tuple[str | None, Decimal | None]:
    """What sort of figure an answer is: year, percent, money:<currency>, count (or None for
    an answer that is not a figure), with its value."""
    amounts = parse_amounts(normalise(text))
    if not amounts or len(amounts) != 1:
        return None, None
    amount = amounts[0]
    if amount.unit == "%":
        return "percent", amount.value
    if amount.unit is not None:
        return f"money:{amount.unit}", amount.value
    bare = normalise(text)
    if bare.isdigit() and len(bare) == 4 and 1000 <= amount.value <= 2999:
        return "year", amount.value
    return "count", amount.value


@lru_cache(maxsize=8192)
def option_key(text: str) -> str:
    """Two options with the same key read as the same answer: alike but for case, accents,
    spaces and dashes, or the same figure ("3" and "tre", "1.000" and "mille")."""
    figure, value = figure_class(text)
    if figure is not None and value is not None:
        return f"{figure}={value.normalize()}"
    words = list(prepare_cached(text).loose)
    if len(words) > 1 and words[0] in _FUNCTION_WORDS:
        words = words[1:]  # "in March" and "March", "the Premier" and "Premier"
    return "".join(words)


_FUNCTION_WORDS = frozenset(
    words_of(
        "il lo la l i gli le un uno una di del della dei delle a al alla ai in nel nella nei "
        "nelle the a an of in on at to"
    )
)


_LEADING = frozenset(
    words_of("di a da in con su per tra fra secondo of at for with by from to on according")
)
_SAME_WORD = {
    "che": "quale",
    "quali": "quale",
    "qual": "quale",
    "quanti": "quanto",
    "quante": "quanto",
    "quanta": "quanto",
    "what": "which",
    "many": "much",
}


WEAK_OPENINGS = frozenset(words_of("quale come cosa which how"))
"""First words that say little about what is asked ("Quale ...?"); "Chi", "Dove", "Quando"
say a lot."""
FAMILY = {"qa": "question", "choice": "question", "cloze": "cloze", "vocab": "vocab"}


@lru_cache(maxsize=4096)
def opening(question: str) -> tuple[str, ...]:
    """The first two words of a question, the way questions of one type open alike:
    "In che anno ..." and "In quale anno ..." both give ("quale", "anno")."""
    words = re.findall(r"[^\W\d_]+", normalise(question))
    if words and words[0] in _LEADING:
        words = words[1:]
    return tuple(_SAME_WORD.get(word, word) for word in words[:2])


@dataclass(frozen=True)
class Candidate:
    """One possible wrong answer, with what it is compared on."""

    text: str
    card_id: str
    kind: str
    lang: str
    tags: frozenset[str]
    opening: tuple[str, ...] = ()
    hint: str | None = None
    figure: str | None = None
    value: Decimal | None = None
    words: int = 1
    capital: bool = False
    pos: str | None = None
    gender: str | None = None
    source: str = "answer"
    """answer, option (a choice card's wrong option), reject (a known wrong answer), generated."""
    key: str = ""
    forms: tuple[str, ...] = ()
    """Every answer the card accepts beside this one, in the deck's syntax."""

    @property
    def keys(self) -> frozenset[str]:
        """The keys of every form the card accepts for this answer ("in March" and "March")."""
        return _forms_keys(self.forms) | {self.key}


@lru_cache(maxsize=4096)
def _forms_keys(answers: tuple[str, ...]) -> frozenset[str]:
    keys: set[str] = set()
    for answer in answers:
        try:
            forms = expand(answer)
        except ValueError:  # a choice option is plain text, parentheses and all
            forms = [answer]
        keys.update(option_key(form) for form in forms)
    return frozenset(keys)


def describe(
    prompt: Prompt, text: str, source: str = "answer", forms: Iterable[str] = ()
) -> Candidate:
    card = prompt.card
    figure, value = figure_class(text)
    key = f"{figure}={value.normalize()}" if value is not None else option_key(text)
    return Candidate(
        text=text,
        card_id=card.id,
        kind=card.kind,
        lang=prompt.answer_lang,
        tags=frozenset(card.tags),
        opening=opening(prompt.question) if card.kind in ("qa", "choice") else (),
        hint=normalise(prompt.hint) if prompt.hint else None,
        figure=figure,
        value=value,
        words=max(1, len(prepare_cached(text).words)),
        capital=any(word[:1].isupper() for word in text.split()),
        pos=card.pos if isinstance(card, VocabCard) else None,
        gender=card.gender if isinstance(card, VocabCard) else None,
        source=source,
        key=key,
        forms=tuple(forms),
    )


def right_answer(prompt: Prompt) -> str:
    """The right answer as an option shows it: a choice card's answer as written (its options
    are plain text), otherwise the fullest accepted form."""
    if isinstance(prompt.card, ChoiceCard) or prompt.items:
        return prompt.expected[0] if prompt.expected else prompt.answer_display
    return _display(prompt.expected[0])


_display = lru_cache(maxsize=8192)(display)


def accepted(prompt: Prompt) -> tuple[str, ...]:
    """Every answer a prompt accepts, in the deck's answer syntax."""
    if isinstance(prompt.card, ChoiceCard):
        return (prompt.expected[0],)
    return prompt.expected


def target(prompt: Prompt) -> Candidate:
    """The right answer of a prompt, described like a candidate."""
    return describe(prompt, right_answer(prompt), forms=accepted(prompt))


def own_wrong_options(prompt: Prompt) -> list[str]:
    """A choice card's wrong options, as written."""
    return [option for option in prompt.options if option != prompt.expected[0]]


def rejects(prompt: Prompt) -> list[tuple[str, str]]:
    """A prompt's known wrong answers: (as shown, as written)."""
    shown = []
    for reject in prompt.reject:
        try:
            shown.append((display(reject), reject))
        except ValueError:  # pragma: no cover - the deck model checked the syntax
            continue
    return shown
