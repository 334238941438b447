"""Giveaways: a card's answer stated by another card's question, options or note.

In a quiz the cards of a deck meet: a note shown after one answer, or the question of the next
card, may state the fact that a later card asks for. A mere mention is not a giveaway (many
cards name Alibaba); a statement of the same fact is. So the answer must stand in a sentence
of the other card that also speaks of what the question asks about: it shares with the
question two of the deck's less common words (each in at most one card in twenty), or at
least half of the question's words. A vocabulary card is given away by a sentence that holds
both its term and its translation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quizapp.core.answers import expand
from quizapp.core.deck.model import ClozeCard, VocabCard
from quizapp.core.lint.context import Context, Place
from quizapp.core.lint.findings import DataPath, Finding
from quizapp.core.lint.words import (
    STOPWORDS,
    Word,
    answer_keys,
    content_stems,
    find_run,
    sentences,
    stem,
    words,
)

CHECK = "giveaway"
RARE_SHARE = 20
"""A word is less common when at most one card in this many uses it."""
COMMON_SHARE = 10
"""A one-word answer is too common to tell apart when more than one card in this many (and
more than three cards) use it: "cinese" in a deck about China."""


@dataclass(frozen=True)
class _Sentence:
    place: Place
    path: DataPath
    role: str
    text: str
    words: tuple[Word, ...]
    stems: frozenset[str]


def _card_texts(place: Place) -> Iterator[str]:
    prompt = place.prompt
    yield prompt.question
    yield from prompt.options
    if prompt.note:
        yield prompt.note
    yield from prompt.expected
    for forms in prompt.items:
        yield from forms
    full = prompt.extra.get("full")
    if full:
        yield full


def _document_frequency(context: Context) -> Counter[str]:
    by_card: dict[int, set[str]] = defaultdict(set)
    for place in context.places:
        for text in _card_texts(place):
            by_card[place.index] |= content_stems(text)
    counts: Counter[str] = Counter()
    for stems in by_card.values():
        counts.update(stems)
    return counts


def _shown_texts(place: Place) -> Iterator[tuple[DataPath, str, str, str]]:
    """(path, role, text, extra context) of what a learner reads on this prompt."""
    prompt = place.prompt
    if isinstance(prompt.card, ClozeCard):
        yield place.question, "sentence", prompt.extra.get("full", prompt.question), ""
    else:
        # The right answer is shown after the question: together they state a fact.
        yield place.question, "question", prompt.question, prompt.answer_display
    for number, (entry, option) in enumerate(zip(place.options, prompt.options, strict=False)):
        # The right option with the question is a statement; a wrong one states nothing.
        yield entry.path, "options", option, prompt.question if number == 0 else ""
    if place.note is not None and prompt.note:
        yield place.note, "note", prompt.note, ""


def _sentences(context: Context) -> list[_Sentence]:
    found: list[_Sentence] = []
    seen: set[tuple[DataPath, str]] = set()
    for place in context.places:
        for path, role, text, extra in _shown_texts(place):
            pieces = [(0, text)] if role in ("options", "question") else list(sentences(text))
            for _, piece in pieces:
                if (path, piece) in seen:
                    continue
                seen.add((path, piece))
                stems = content_stems(piece) | (content_stems(extra) if extra else set())
                found.append(
                    _Sentence(place, path, role, piece, tuple(words(piece)), frozenset(stems))
                )
    return found


def _forms(place: Place, telling: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """(form as shown, its words) of each accepted answer of a prompt that can be told apart
    in another text: a single word must be one the deck does not use everywhere ("Hangzhou",
    "2021"), not a word most cards use ("cinese") or a function word ("secondo")."""
    written = list(place.prompt.expected) + [f for forms in place.prompt.items for f in forms]
    found: list[tuple[str, tuple[str, ...]]] = []
    for answer in written:
        for form in expand(answer):
            found_keys = answer_keys(form)
            if not found_keys or (form, found_keys) in found:
                continue
            if len(found_keys) == 1 and (
                found_keys[0] in STOPWORDS or stem(found_keys[0]) not in telling
            ):
                continue
            found.append((form, found_keys))
    return found


def _gives_away(question: set[str], sentence: frozenset[str], rare: set[str]) -> bool:
    """Whether a sentence that holds the answer also speaks of what the question asks."""
    shared = question & sentence
    if len(shared) < 2:
        return False
    return 2 * len(shared) >= len(question) or (
        len(shared & rare) >= 2 and 5 * len(shared) >= len(question)
    )


def _term_elsewhere(sentence: _Sentence, term: tuple[str, ...], at: int, size: int) -> bool:
    """Whether a vocabulary card's shown term stands in the sentence apart from the answer."""
    found = sentence.words
    for index in range(len(found) - len(term) + 1):
        apart = index + len(term) <= at or index >= at + size
        if apart and all(found[index + k].key == term[k] for k in range(len(term))):
            return True
    return False


def check(context: Context) -> Iterable[Finding]:
    frequency = _document_frequency(context)
    limit = max(2, len(context.deck.cards) // RARE_SHARE)
    rare = {word for word, count in frequency.items() if count <= limit}
    common = max(3, len(context.deck.cards) // COMMON_SHARE)
    telling = {word for word, count in frequency.items() if count <= common}
    by_word: dict[str, list[_Sentence]] = defaultdict(list)
    for sentence in _sentences(context):
        for key in {word.key for word in sentence.words}:
            by_word[key].append(sentence)
    reported: set[tuple[int, DataPath, int]] = set()
    for place in context.places:
        forms = _forms(place, telling)
        vocab = isinstance(place.prompt.card, VocabCard)
        term = answer_keys(place.prompt.question)
        if vocab:  # a loanword (venture capital) is its own translation: not a giveaway
            forms = [(form, found) for form, found in forms if found != term]
        answer_stems = {stem(key) for _, found_keys in forms for key in found_keys}
        question = content_stems(place.prompt.question) - answer_stems
        for form, found_keys in forms:
            for sentence in by_word.get(found_keys[0], ()):
                other = sentence.place
                if other.index == place.index:
                    continue
                pair = (other.index, sentence.path, place.index)
                if pair in reported:
                    continue
                at = find_run(sentence.words, found_keys)
                if at is None:
                    continue
                if vocab:
                    if not _term_elsewhere(sentence, term, at, len(found_keys)):
                        continue
                elif not _gives_away(question, sentence.stems, rare):
                    continue
                reported.add(pair)
                start = sentence.words[at].start
                end = sentence.words[at + len(found_keys) - 1].end
                yield _finding(place, sentence, form, sentence.text[start:end])


def _finding(place: Place, sentence: _Sentence, form: str, near: str) -> Finding:
    asked = place.card_id
    where = {"options": "an option", "note": "the note", "question": "the question"}.get(
        sentence.role, "the sentence"
    )
    return Finding(
        CHECK,
        sentence.place.card_id,
        sentence.path,
        f"{where} gives away the answer of card '{asked}' ({place.prompt.direction}): «{form}»",
        f"reword {where} of card '{sentence.place.card_id}' without «{near}», or ask card "
        f"'{asked}' about something else",
        near=near,
    )
