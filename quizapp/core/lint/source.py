"""Checks against the source text a deck was written from (`quizapp validate --lint --source`).

The source is read by `source_text` into numbered paragraphs. Two checks use it:

* a wrong answer (`reject`) that the source never mentions may be true in the world: a
  learner who knows better is marked wrong, and a quiz offers it as a wrong option. Figures
  (near misses by design) and vocabulary cards (false friends) are left alone, and only the
  sides in the source's language are read.
* a note that cites a paragraph by number must cite one the source has, and the words it
  quotes around the citation must be in that paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from quizapp.core.answers import display, expand
from quizapp.core.deck.model import VocabCard
from quizapp.core.judge import normalise
from quizapp.core.judge.amounts import parse_amounts
from quizapp.core.lint.context import Context, Place
from quizapp.core.lint.findings import Finding
from quizapp.core.lint.source_text import Paragraph, SourceText
from quizapp.core.lint.words import answer_keys, keys, sentences

CHECK_REJECT = "reject-not-in-source"
CHECK_CITATION = "paragraph-citation"

# -- wrong answers the source never mentions -----------------------------------------------

_DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    return _DIGITS.sub("#", normalise(text))


def _near_miss(written: str, place: Place) -> bool:
    """A wrong figure ("tre (anni)", "2010-2021"), or a wrong answer that differs from an
    accepted one only in its figures ("primi anni 2010" for "primi anni 2020"): a near miss by
    design, not a claim about the world."""
    forms = expand(written)
    if any(parse_amounts(normalise(form)) is not None for form in forms):
        return True
    if any(form_keys and all(k.isdigit() for k in form_keys) for form_keys in map(keys, forms)):
        return True
    shapes = {_shape(form) for form in forms if _DIGITS.search(form)}
    return any(_shape(form) in shapes for entry in place.answers for form in expand(entry.written))


def check_rejects(context: Context) -> Iterable[Finding]:
    source = context.source
    if source is None:
        return
    seen: set[tuple[str | int, ...]] = set()
    for place in context.places:
        prompt = place.prompt
        if isinstance(prompt.card, VocabCard) or prompt.answer_lang != context.source_lang:
            continue
        for entry in place.reject:
            if entry.path in seen:
                continue
            seen.add(entry.path)
            shown = display(entry.written)
            if _near_miss(entry.written, place):
                continue
            if any(source.where(answer_keys(form)) for form in expand(entry.written)):
                continue
            yield Finding(
                CHECK_REJECT,
                place.card_id,
                entry.path,
                f"the wrong answer «{shown}» is not in the source: if it is true outside it, a "
                "learner who knows so is marked wrong, and a quiz offers it as a wrong option",
                "drop it unless the judge would otherwise accept it (a near miss); or ask "
                "«according to the article» in the question",
                near=entry.written,
            )


# -- paragraph numbers in notes ------------------------------------------------------------

_CITATION = re.compile(
    r"\b(?:paragrafo|paragrafi|paragraph|paragraphs|par\.|parr\.)\s*"
    r"(\d+(?:\s*(?:,|-|–|\be\b|\bed\b|\band\b|&)\s*\d+)*)|§§?\s*(\d+(?:\s*[,–-]\s*\d+)*)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«([^»]+)»|“([^”]+)”|\"([^\"]+)\"")


def _numbers(text: str) -> list[int]:
    numbers: list[int] = []
    parts = re.findall(r"\d+|[-–]", text)
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.isdigit():
            value = int(part)
            if index + 2 < len(parts) and parts[index + 1] in "-–" and parts[index + 2].isdigit():
                end = int(parts[index + 2])
                numbers.extend(range(value, min(end, value + 50) + 1))
                index += 3
                continue
            numbers.append(value)
        index += 1
    return numbers


def _quotes(sentence: str, start: int, end: int, before: int) -> list[str]:
    """The words quoted after a citation (up to the next one), or else just before it."""
    after = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(sentence, start, end)]
    if after:
        return after
    return [next(g for g in m.groups() if g) for m in _QUOTED.finditer(sentence, before, start)]


def _shown(paragraphs: Sequence[Paragraph]) -> str:
    return ", ".join(f"{p.number} (line {p.line})" for p in paragraphs)


def check_citations(context: Context) -> Iterable[Finding]:
    source = context.source
    if source is None:
        return
    count = len(source.paragraphs)
    for index, card in enumerate(context.deck.cards):
        for lang in card.languages():
            side = card.side(lang)
            note = side.note if side is not None else None
            if not note:
                continue
            path = ("cards", index, lang, "note")
            for _, sentence in sentences(note):
                citations = list(_CITATION.finditer(sentence))
                for number, citation in enumerate(citations):
                    following = (
                        citations[number + 1].start()
                        if number + 1 < len(citations)
                        else len(sentence)
                    )
                    preceding = citations[number - 1].end() if number else 0
                    quoted = (
                        _quotes(sentence, citation.end(), following, preceding)
                        if lang == context.source_lang
                        else []
                    )
                    yield from _check_citation(
                        card.id, path, citation.group(), source, count, quoted
                    )


def _check_citation(
    card: str,
    path: tuple[str | int, ...],
    cited: str,
    source: SourceText,
    count: int,
    quoted: list[str],
) -> Iterable[Finding]:
    for number in _numbers(cited):
        if not 1 <= number <= count:
            yield Finding(
                CHECK_CITATION,
                card,
                path,
                f"the note cites paragraph {number}, but the source has {count} paragraphs",
                "name the section instead of a number, or cite a paragraph that exists",
                near=cited,
            )
            continue
        paragraph = source.paragraphs[number - 1]
        for quote in quoted:
            quote_keys = keys(quote)
            found = source.where(quote_keys)
            if not found or paragraph in found:
                continue
            yield Finding(
                CHECK_CITATION,
                card,
                path,
                f"the note cites paragraph {number} (line {paragraph.line}) for «{quote}», "
                f"which the source has in paragraph {_shown(found)}",
                f"name the section instead of a number, or cite paragraph {found[0].number}",
                near=cited,
            )
            break
