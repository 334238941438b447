"""An Anki note edited by a person, back to the card it stands for.

The card starts from the JSON of the note's hidden field and each visible field that was
edited in Anki is laid over it on its own: an unchanged field keeps everything it stood for,
and in an edited cloze sentence every gap that still reads the same keeps its alternatives.
Tags keep their order; tags added in Anki are appended, tags removed there are removed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.answers import Gap, parse_cloze
from quizapp.core.deck.model import Card, ChoiceCard, ClozeCard, ListCard, QACard, VocabCard
from quizapp.core.interop.anki_note import (
    ANKI_GAP,
    ANSWER_FIELDS,
    LANGUAGE_FIELDS,
    PROMPT_FIELDS,
    as_html,
    earlier_texts,
    field_texts,
    gap_body,
    note_pieces,
    shown_answer,
)
from quizapp.core.interop.building import make_card
from quizapp.core.interop.html_text import html_to_text, one_line
from quizapp.core.interop.ids import is_slug, slugify
from quizapp.core.interop.visible import SEPARATOR, as_answer


@dataclass
class Merged:
    """The card an Anki note stands for now, and what the person should be told about it."""

    card: Card
    notices: list[str] = field(default_factory=list)


def _same(left: str | None, right: str | None) -> bool:
    return left is not None and right is not None and one_line(left) == one_line(right)


def merged_tags(original: Sequence[str], anki: Sequence[str], extra: str | None) -> list[str]:
    """The card's tags in their order, without those removed in Anki, then those added there."""
    raw = {tag.casefold() for tag in anki}
    slugs = [slug for slug in (slugify(tag, 100) for tag in anki) if slug and is_slug(slug)]
    kept = [tag for tag in original if tag.casefold() in raw or slugify(tag, 100) in slugs]
    known = {slugify(tag, 100) for tag in original} | set(original)
    added = [slug for slug in slugs if slug not in known]
    tags = list(dict.fromkeys([*kept, *added]))
    if extra and extra not in tags:
        tags.append(extra)
    return tags


def merge_note(
    original: Card, fields: Mapping[str, str], tags: Sequence[str], extra_tag: str | None = None
) -> Merged:
    """The card with the edits made in Anki to its note's visible fields laid over it."""
    plain = {name: html_to_text(value).text for name, value in fields.items()}
    exported, earlier = field_texts(original), earlier_texts(original)
    edited = [
        name
        for name in exported
        if name in plain
        and name != "Both ways"
        and not _same(plain[name], exported[name])
        and not _same(plain[name], earlier.get(name))
    ]
    new_tags = merged_tags(original.tags, tags, extra_tag)
    if not edited:
        if new_tags == list(original.tags):
            return Merged(original)
        return Merged(original.model_copy(update={"tags": new_tags}))
    data = original.model_dump(mode="json", exclude_defaults=True)
    data["tags"] = new_tags
    editor = _Editor(original, data, earlier)
    for name in edited:
        editor.apply(name, plain[name])
    try:
        card = make_card(data)
    except ValueError as error:
        notice = f"the edits made in Anki do not make a valid card ({error}); kept the deck's"
        return Merged(original.model_copy(update={"tags": new_tags}), [*editor.notices, notice])
    return Merged(card, editor.notices)


class _Editor:
    """Lays one edited field at a time over the card's data."""

    def __init__(self, original: Card, data: dict[str, Any], earlier: dict[str, str]) -> None:
        self.original = original
        self.data = data
        self.earlier = earlier
        self.notices: list[str] = []

    def side(self, lang: str) -> dict[str, Any] | None:
        side = self.data.get(lang)
        return side if isinstance(side, dict) else None

    def apply(self, name: str, text: str) -> None:
        if name == "Notes":
            self.note_pieces(text)
        elif isinstance(self.original, ClozeCard):
            self._cloze(PROMPT_FIELDS[name], text)
        elif name in PROMPT_FIELDS:
            self._prompt(PROMPT_FIELDS[name], text)
        else:
            self._answer(ANSWER_FIELDS[name], text)

    # prompts and answers of the front/back kinds

    def _prompt(self, lang: str, text: str) -> None:
        side = self.side(lang)
        label = LANGUAGE_FIELDS[lang]
        if not text.strip():
            if side is not None:
                self.notices.append(f"the {label} field was emptied in Anki; kept the deck's")
            return
        if side is None:
            self.notices.append(
                f"an {label} text was added in Anki; add the {label} side in the deck itself"
            )
            return
        if isinstance(self.original, VocabCard):
            side["terms"] = self._alternatives(side["terms"], text, f"{label} term", label)
        else:
            side["question"] = text.strip()

    def _answer(self, lang: str, text: str) -> None:
        side = self.side(lang)
        label = f"{LANGUAGE_FIELDS[lang]} answer"
        if side is None:
            return
        if not text.strip():
            self.notices.append(f"the {label} was emptied in Anki; kept the deck's")
            return
        if isinstance(self.original, QACard):
            side["answers"] = self._alternatives(side["answers"], text, label, label)
            side["reject"] = _without(side.get("reject", []), side["answers"])
            if not side["reject"]:
                side.pop("reject")
        elif isinstance(self.original, ChoiceCard):
            side["answer"] = as_answer(one_line(text))
            side["distractors"] = _without(side.get("distractors", []), [side["answer"]])
        elif isinstance(self.original, ListCard):
            side["items"] = _items(side["items"], text)

    def _alternatives(self, old: list[str], text: str, label: str, name: str) -> list[str]:
        """The answers after the one shown in field `name` was edited to `text`."""
        if SEPARATOR in self.earlier.get(name, "") and SEPARATOR in text:
            # an earlier export showed every answer in the deck's syntax, `; ` between them
            return [as_answer(piece) for piece in text.split(SEPARATOR.strip()) if piece.strip()]
        shown = one_line(text)
        for index, answer in enumerate(old):
            if _same(shown, shown_answer(answer)):
                return [answer, *old[:index], *old[index + 1 :]]
        dropped = old[1:]
        if dropped:
            listed = ", ".join(f"'{answer}'" for answer in dropped)
            self.notices.append(
                f"the {label} was changed in Anki from '{shown_answer(old[0])}' to '{shown}'; the "
                f"other accepted answers ({listed}) were for the old one and were dropped"
            )
        return [as_answer(shown)]

    # cloze sentences

    def _cloze(self, lang: str, text: str) -> None:
        side = self.side(lang)
        label = LANGUAGE_FIELDS[lang]
        if side is None:
            if text.strip():
                self.notices.append(
                    f"an {label} sentence was added in Anki; add it in the deck itself"
                )
            return
        if not text.strip():
            self.notices.append(f"the {label} sentence was emptied in Anki; kept the deck's")
            return
        side["text"] = self._gaps(parse_cloze(side["text"]).gaps, text, label)

    def _gaps(self, old: Sequence[Gap], text: str, label: str) -> str:
        """Anki's sentence in quizapp's syntax; each gap that reads as before keeps its
        alternatives, matched at the same place or else by what it shows."""
        found = list(ANKI_GAP.finditer(text))
        used: set[int] = set()
        out: list[str] = []
        last = 0
        for position, match in enumerate(found):
            out.append(text[last : match.start()])
            last = match.end()
            shown = one_line(match.group(2))
            hint = one_line(match.group(3) or "") or None
            gap = self._gap(old, used, position, len(found), shown, hint, label)
            out.append("{{" + gap + "}}")
        out.append(text[last:])
        return "".join(out)

    def _gap(
        self,
        old: Sequence[Gap],
        used: set[int],
        position: int,
        count: int,
        shown: str,
        hint: str | None,
        label: str,
    ) -> str:
        same_place = position if count == len(old) and position not in used else None
        if same_place is not None:
            previous = old[same_place]
            for index, answer in enumerate(previous.answers):
                if _same(shown, shown_answer(answer)):
                    used.add(same_place)
                    answers = [answer, *previous.answers[:index], *previous.answers[index + 1 :]]
                    return gap_body(Gap(tuple(answers), hint))
        for index, previous in enumerate(old):
            reads_the_same = _same(shown, shown_answer(previous.answers[0]))
            if index not in used and reads_the_same and (previous.hint or None) == hint:
                used.add(index)
                return gap_body(previous)
        if same_place is not None:
            used.add(same_place)
            dropped = old[same_place].answers[1:]
            if dropped:
                listed = ", ".join(f"'{answer}'" for answer in dropped)
                before = shown_answer(old[same_place].answers[0])
                self.notices.append(
                    f"gap {position + 1} of the {label} sentence was changed in Anki from "
                    f"'{before}' to '{shown}'; its other accepted answers ({listed}) were for "
                    "the old one and were dropped"
                )
        return gap_body(Gap((as_answer(shown),), hint))

    # the Notes field

    def note_pieces(self, text: str) -> None:
        pieces = note_pieces(self.original)
        lines = [line for line in text.split("\n") if line.strip()]
        shapes = [html_to_text(as_html(piece.text)).text.split("\n") for piece in pieces]
        if not pieces:
            lang = self.original.languages()[0]
            side = self.side(lang)
            if side is not None and lines:
                side["note"] = "\n".join(lines)
            return
        if len(lines) != sum(len(shape) for shape in shapes):
            self.notices.append(
                "the Notes field was edited in Anki so that its lines no longer match the "
                "card's examples and notes; kept the deck's (edit them in the deck)"
            )
            return
        start = 0
        for piece, shape in zip(pieces, shapes, strict=True):
            mine = lines[start : start + len(shape)]
            start += len(shape)
            if mine == shape:
                continue
            side = self.side(piece.lang)
            if piece.part == "options" or side is None:
                self.notices.append(
                    "the options of a choice card are edited in the deck, not in Anki; kept"
                )
                continue
            side[piece.part] = "\n".join(mine)


def _without(values: list[str], taken: list[str]) -> list[str]:
    folded = {one_line(value).casefold() for value in taken}
    return [value for value in values if one_line(value).casefold() not in folded]


def _items(old: list[Any], text: str) -> list[Any]:
    """List items after the answer field was edited: an item that reads as before keeps its
    other forms."""
    separator = ";" if ";" in text else ","
    pieces = [one_line(piece) for piece in text.split(separator) if piece.strip()]
    forms = [[item] if isinstance(item, str) else list(item) for item in old]
    used: set[int] = set()
    items: list[Any] = []
    for piece in pieces:
        match = next(
            (
                index
                for index, item in enumerate(forms)
                if index not in used and _same(piece, shown_answer(item[0]))
            ),
            None,
        )
        if match is None:
            items.append(as_answer(piece))
        else:
            used.add(match)
            items.append(old[match])
    return items
