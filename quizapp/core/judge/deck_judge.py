"""The judge of one deck: what study, practice, quiz and `quizapp judge` all call.

    judge = judge_for(deck)            # made once per deck object, remembered
    verdict = judge(prompt, typed)     # a Verdict

It knows what a card alone does not: the deck's other words (a typed word that is another
answer of the deck is not a typo), each card's answers in its other language, the words of
its question and note, and the deck's people (whose surnames the deck uses alone). All of it
is worked out the first time it is needed, not when the deck opens.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from quizapp.core.judge.context import CardContext, looks_like_name
from quizapp.core.judge.normalise import has_digit, prepare, strip_accents, word_key
from quizapp.core.judge.people import surname_of
from quizapp.core.judge.prompt import judge_prompt
from quizapp.core.judge.verdict import Verdict

if TYPE_CHECKING:
    from quizapp.core.deck.cards import Side
    from quizapp.core.deck.prompts import Prompt

PEOPLE_TAGS = frozenset({"people", "person", "persone", "persona"})
"""Cards with one of these tags ask for people (and not also for companies or places)."""
NOT_PEOPLE_TAGS = frozenset({"companies", "company", "aziende", "places", "luoghi"})
LEARN_CARDS = 1_000
"""The judge learns the deck's words and people from its first this many cards: about 0.1 ms
a card, once, at the first answer. A larger deck's other cards still have their own answers
judged as always; only their words go unknown as "another word of the deck"."""
CONTEXT_CACHE = 1024
"""Prompts whose context is kept (a session meets far fewer)."""

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = frozenset('.!?:;«“"(')


class _DeckKnowledge(NamedTuple):
    known: frozenset[str]
    people: frozenset[str]
    surnames: frozenset[str]


def _expand(answer: str) -> list[str]:
    from quizapp.core.answers import AnswerSyntaxError, expand

    try:
        return expand(answer)
    except AnswerSyntaxError:
        return [answer]


def side_answers(side: Side | None) -> Iterator[str]:
    """Every accepted answer, term, rejected answer and option of one side of a card."""
    from quizapp.core.deck.cards import ChoiceSide, ClozeSide, ListSide, QASide, VocabSide

    if isinstance(side, QASide):
        yield from side.answers
        yield from side.reject
    elif isinstance(side, VocabSide):
        yield from side.terms
        yield from side.reject
    elif isinstance(side, ClozeSide):
        for gap in side.cloze().gaps:
            yield from gap.answers
        yield from side.reject
    elif isinstance(side, ChoiceSide):
        yield side.answer
        yield from side.distractors
    elif isinstance(side, ListSide):
        for forms in side.item_forms():
            yield from forms


def _side_texts(side: Side | None) -> Iterator[str]:
    """The question, note, example and sentence of one side, those it has."""
    from quizapp.core.deck.cards import ChoiceSide, ClozeSide, ListSide, QASide, VocabSide

    if isinstance(side, (QASide, ChoiceSide, ListSide)):
        yield side.question
    if isinstance(side, (QASide, VocabSide, ClozeSide, ChoiceSide, ListSide)) and side.note:
        yield side.note
    if isinstance(side, VocabSide) and side.example:
        yield side.example
    if isinstance(side, ClozeSide):
        yield side.text


def _person_groups(card: Any, side: Any) -> Iterator[tuple[str, ...]]:
    """Groups of alternatives that may name a person: a qa card's answers, a choice card's
    answer, each item of a list."""
    tags = set(card.tags)
    if not tags & PEOPLE_TAGS or tags & NOT_PEOPLE_TAGS:
        return
    if card.kind == "qa":
        yield tuple(side.answers)
    elif card.kind == "choice":
        yield (side.answer,)
    elif card.kind == "list":
        yield from (tuple(forms) for forms in side.item_forms())


def _loose_key(text: str) -> str:
    return " ".join(prepare(text).loose)


def learn_words(cards: Iterable[Any]) -> frozenset[str]:
    """Every answer, term, option and rejected answer of the cards, and each of their words,
    normalised (`word_key`)."""
    known: set[str] = set()
    for card in cards:
        for lang in card.languages():
            for answer in side_answers(card.side(lang)):
                forms = _expand(answer) if "(" in answer else (answer,)
                for form in forms:
                    key = word_key(form)
                    known.add(key)
                    known.update(key.split(" "))
    return frozenset(known)


def learn_people(cards: Iterable[Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The people of the cards (full names, loose keys) and the surnames the deck uses alone:
    as an accepted answer of its own, or mid-sentence in a question, note or example."""
    people: set[str] = set()
    mates: dict[str, set[str]] = {}
    surnames: set[str] = set()
    spellings: set[str] = set()
    texts: list[str] = []
    for card in cards:
        for lang in card.languages():
            side = card.side(lang)
            for group in _person_groups(card, side):
                forms = [form for answer in group for form in _expand(answer)]
                for name in (form for form in forms if looks_like_name(form)):
                    key = _loose_key(name)
                    if key.count(" ") != 1:  # "D'Amico Rossi": not two plain words
                        continue
                    people.add(key)
                    spellings.update(name.split())
                    first, last = key.split(" ")
                    surnames.add(surname_of(first, last))
                    mates.setdefault(first, set()).add(last)
                    mates.setdefault(last, set()).add(first)
                    alone = {_loose_key(form) for form in forms if len(form.split()) == 1}
                    surnames.update(alone & {first, last})
            texts.extend(_side_texts(side))
    if mates:
        surnames.update(_used_alone(texts, mates, spellings))
    return frozenset(people), frozenset(surnames)


def learn(cards: Sequence[Any]) -> _DeckKnowledge:
    """Both passes over the cards: their words and their people."""
    return _DeckKnowledge(learn_words(cards), *learn_people(cards))


def _key(word: str) -> str:
    lowered = word.lower()
    return lowered if lowered.isascii() else strip_accents(word.casefold())


def _used_alone(
    texts: Iterable[str], mates: dict[str, set[str]], spellings: Iterable[str]
) -> Iterator[str]:
    """Name words the texts use alone, mid-sentence ("Secondo Ding, il divario...")."""
    ordered = sorted(set(spellings), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")
    joined = "\n".join(texts)  # one scan; a new line ends a text as a full stop would
    for match in pattern.finditer(joined):
        start, end = match.span()
        before = joined[max(0, start - 40) : start].rpartition("\n")[2].rstrip()
        if not before or before[-1] in _SENTENCE_END:
            continue  # where a sentence starts, a capital says nothing
        key = _key(match.group())
        previous = _WORD.findall(before)[-1:]
        following = _WORD.findall(joined[end : end + 40].partition("\n")[0])[:1]
        if not {_key(w) for w in previous + following} & mates.get(key, set()):
            yield key


class LazyWords(AbstractSet[str]):
    """A set of words worked out the first time one is looked up (most answers, right or far
    off, never look one up); always true, so that asking whether there are any learns
    nothing."""

    def __init__(self, make: Callable[[], frozenset[str]]) -> None:
        self._make = make

    @cached_property
    def words(self) -> frozenset[str]:
        return self._make()

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def __bool__(self) -> bool:
        return True


class DeckJudge:
    """Judges typed answers to the prompts of one deck (see the module docstring)."""

    def __init__(self, deck: Any) -> None:
        self._deck = weakref.ref(deck)
        self._contexts: dict[tuple[str, str, str], CardContext] = {}
        self._words = LazyWords(lambda: self.known_words)
        self._people_names = LazyWords(lambda: self._people[0])
        self._surnames = LazyWords(lambda: self._people[1])

    def _cards(self) -> Sequence[Any]:
        deck = self._deck()
        if deck is None:
            return ()
        cards: Sequence[Any] = deck.cards
        return cards[:LEARN_CARDS] if len(cards) > LEARN_CARDS else cards

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every answer, term and rejected answer of the deck and each of their words."""
        return learn_words(self._cards())

    @cached_property
    def _people(self) -> tuple[frozenset[str], frozenset[str]]:
        return learn_people(self._cards())

    def context(self, prompt: Prompt) -> CardContext:
        """What the judge knows about a prompt's card beyond its answers."""
        cached = self._contexts.get(prompt.key)
        if cached is None:
            cached = card_context(prompt, self._people_names, self._surnames)
            if len(self._contexts) >= CONTEXT_CACHE:
                self._contexts.pop(next(iter(self._contexts)))
            self._contexts[prompt.key] = cached
        return cached

    def __call__(self, prompt: Prompt, typed: str) -> Verdict:
        return judge_prompt(prompt, typed, self._words, self.context(prompt))

    judge = __call__


def _words_of(texts: Iterable[str | None]) -> set[str]:
    words: set[str] = set()
    for text in texts:
        if text:
            words.update(w for w in prepare(text).words if not has_digit(w))
    return words


def card_context(
    prompt: Prompt,
    people: AbstractSet[str] = frozenset(),
    surnames: AbstractSet[str] = frozenset(),
) -> CardContext:
    """The context of one prompt: its question's and note's words, its other side, people."""
    from quizapp.core.deck.cards import ChoiceSide, ClozeSide, ListSide, QASide

    rejected = _words_of(form for answer in prompt.reject for form in _expand(answer))
    extra_ok = frozenset(_words_of((prompt.question, prompt.note)) - rejected)
    other_lang = "en" if prompt.answer_lang == "it" else "it"
    card = prompt.card
    other_side = card.side(other_lang) if card.kind != "vocab" else None
    other: tuple[str, ...] = ()
    other_items: tuple[tuple[str, ...], ...] = ()
    if isinstance(other_side, QASide):
        other = tuple(other_side.answers)
    elif isinstance(other_side, ChoiceSide):
        other = (other_side.answer,)
    elif isinstance(other_side, ClozeSide):
        number = int(prompt.direction.partition(".")[2] or 1)
        gaps = other_side.cloze().gaps
        own = card.side(prompt.answer_lang)
        if isinstance(own, ClozeSide) and len(gaps) == len(own.cloze().gaps):
            other = gaps[number - 1].answers
    elif isinstance(other_side, ListSide):
        forms = tuple(tuple(item) for item in other_side.item_forms())
        if len(forms) == len(prompt.items):
            other_items = forms
    gender = card_gender(card) if prompt.answer_lang == "it" else None
    return CardContext(extra_ok, other_lang, other, other_items, people, surnames, gender)


def card_gender(card: Any) -> str | None:
    """A vocab card's gender (the others have none)."""
    from quizapp.core.deck.cards import VocabCard

    return card.gender if isinstance(card, VocabCard) else None


_JUDGES: dict[int, tuple[weakref.ref[Any], DeckJudge]] = {}


def judge_for(deck: Any) -> DeckJudge:
    """The judge of `deck`, made once per deck object and remembered while it lives."""
    cached = _JUDGES.get(id(deck))
    if cached is not None and cached[0]() is deck:
        return cached[1]
    judge = DeckJudge(deck)
    deck_key = id(deck)

    def forget(_: weakref.ref[Any]) -> None:
        _JUDGES.pop(deck_key, None)

    _JUDGES[deck_key] = (weakref.ref(deck, forget), judge)
    return judge
