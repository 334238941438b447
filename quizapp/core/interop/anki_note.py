"""A card as the fields of its Anki note, and an Anki note edited by a person back to the card.

What Anki shows is what a person would write: an answer in its fullest form (`l'addestramento`,
not quizapp's `(l')addestramento`), a list item by its first form (`MiniMax`, not
`MiniMax | Minimax`), a cloze gap by its first answer, numbered so that one Anki card blanks
the same fact in both languages (`cloze_pairs`). What Anki cannot show (alternatives, rejected
answers, the other forms of an item, the card's structure) stays in the hidden field, which
holds the whole card as JSON.

Coming back, the card starts from that JSON and each visible field that was edited in Anki is
laid over it on its own: an unchanged field keeps everything it stood for, and in an edited
cloze sentence every gap that still reads the same keeps its alternatives. Tags keep their
order; tags added in Anki are appended, tags removed there are removed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.answers import AnswerSyntaxError, Gap, display, parse_cloze
from quizapp.core.deck.cards import ChoiceSide, VocabSide
from quizapp.core.deck.model import Card, ChoiceCard, ClozeCard, ListCard, QACard, VocabCard
from quizapp.core.interop.building import make_card
from quizapp.core.interop.cloze_pairs import cloze_numbers
from quizapp.core.interop.html_text import html_to_text, one_line
from quizapp.core.interop.ids import is_slug, slugify
from quizapp.core.interop.visible import SEPARATOR, as_answer, visible

META_FIELD = "quizapp"
FIELDS = ["Italian", "English", "Italian answer", "English answer", "Notes", "Both ways"]
CLOZE_FIELDS = ["Italian", "English", "Notes"]
_PROMPTS = {"Italian": "it", "English": "en"}
_ANSWERS = {"Italian answer": "it", "English answer": "en"}
_LANGUAGE = {"it": "Italian", "en": "English"}
_OPTIONS_SEPARATOR = " · "
_ANKI_GAP = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def as_html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _shown(answer: str) -> str:
    try:
        return display(answer)
    except AnswerSyntaxError:
        return answer


def _items_text(forms: Sequence[Sequence[str]]) -> str:
    shown = [_shown(item[0]) for item in forms]
    separator = "; " if any("," in item for item in shown) else ", "
    return separator.join(shown)


def _gap_body(gap: Gap) -> str:
    return "|".join(gap.answers) + (f"::{gap.hint}" if gap.hint else "")


def anki_cloze(text: str, numbers: Sequence[int]) -> str:
    """quizapp cloze text -> Anki's (plain text): gap k gets number `numbers[k]`, its first
    answer shown as written."""
    out: list[str] = []
    gaps = iter(numbers)
    for part in parse_cloze(text).parts:
        if isinstance(part, str):
            out.append(part)
            continue
        hint = f"::{part.hint}" if part.hint else ""
        out.append(f"{{{{c{next(gaps)}::{_shown(part.answers[0])}{hint}}}}}")
    return "".join(out)


@dataclass(frozen=True)
class _Piece:
    """One line group of the Notes field: a side's example, note or choice options."""

    lang: str
    part: str
    text: str


def _notes(card: Card) -> list[_Piece]:
    pieces: list[_Piece] = []
    for lang in card.languages():
        side = card.side(lang)
        if side is None:
            continue
        if isinstance(side, VocabSide) and side.example:
            pieces.append(_Piece(lang, "example", side.example))
        if side.note:
            pieces.append(_Piece(lang, "note", side.note))
        if isinstance(side, ChoiceSide) and side.distractors:
            shown = (_shown(o) for o in [side.answer, *side.distractors])
            options = sorted(shown, key=str.casefold)
            pieces.append(_Piece(lang, "options", _OPTIONS_SEPARATOR.join(options)))
    return pieces


def _prompt_and_answer(card: Card, lang: str) -> tuple[str, str]:
    """What the note shows of one side of a card that is not a cloze: prompt and answer."""
    if isinstance(card, QACard) and (qa := card.side(lang)) is not None:
        return qa.question, _shown(qa.answers[0])
    if isinstance(card, VocabCard) and (vocab := card.side(lang)) is not None:
        return _shown(vocab.terms[0]), ""
    if isinstance(card, ChoiceCard) and (choice := card.side(lang)) is not None:
        return choice.question, _shown(choice.answer)
    if isinstance(card, ListCard) and (items := card.side(lang)) is not None:
        return items.question, _items_text(items.item_forms())
    return "", ""


def field_texts(card: Card) -> dict[str, str]:
    """The visible fields of the card's note, as plain text (before HTML escaping)."""
    notes = "\n".join(piece.text for piece in _notes(card))
    if isinstance(card, ClozeCard):
        numbers = cloze_numbers(card)
        texts = {
            _LANGUAGE[lang]: anki_cloze(side.text, numbers[lang])
            for lang in card.languages()
            if (side := card.side(lang)) is not None
        }
        return {"Italian": "", "English": "", **texts, "Notes": notes}
    texts = {name: "" for name in FIELDS}
    for lang in card.languages():
        prompt, answer = _prompt_and_answer(card, lang)
        texts[_LANGUAGE[lang]] = prompt
        texts[f"{_LANGUAGE[lang]} answer"] = answer
    texts["Notes"] = notes
    texts["Both ways"] = "y" if isinstance(card, VocabCard) else ""
    return texts


def _earlier_texts(card: Card) -> dict[str, str]:
    """What earlier quizapp exports showed (answers in the deck's syntax, `; ` between them):
    a note they made that nobody edited must not read as edited."""
    if isinstance(card, ClozeCard):
        return {}
    shown = visible(card)
    return {
        "Italian": shown.it,
        "English": shown.en,
        "Italian answer": shown.it_answer,
        "English answer": shown.en_answer,
    }


def meta_json(deck_id: str, card: Card, position: int | None = None) -> str:
    """The hidden field: the deck id, the whole card, and its place in the deck (Anki forgets
    the order of cards once they are studied)."""
    data: dict[str, Any] = {
        "deck": deck_id,
        "card": card.model_dump(mode="json", exclude_defaults=True),
    }
    if position is not None:
        data["position"] = position
    return as_html(json.dumps(data, ensure_ascii=True, separators=(",", ":")))


def note_fields(deck_id: str, card: Card, position: int | None = None) -> list[str]:
    """The Anki fields of a card's note (HTML), in the order of its note type."""
    texts = field_texts(card)
    names = CLOZE_FIELDS if isinstance(card, ClozeCard) else FIELDS
    return [*(as_html(texts[name]) for name in names), meta_json(deck_id, card, position)]


# -- back from Anki ---------------------------------------------------------------------------


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
    exported, earlier = field_texts(original), _earlier_texts(original)
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
            self._notes(text)
        elif isinstance(self.original, ClozeCard):
            self._cloze(_PROMPTS[name], text)
        elif name in _PROMPTS:
            self._prompt(_PROMPTS[name], text)
        else:
            self._answer(_ANSWERS[name], text)

    # prompts and answers of the front/back kinds

    def _prompt(self, lang: str, text: str) -> None:
        side = self.side(lang)
        label = _LANGUAGE[lang]
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
        label = f"{_LANGUAGE[lang]} answer"
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
            if _same(shown, _shown(answer)):
                return [answer, *old[:index], *old[index + 1 :]]
        dropped = old[1:]
        if dropped:
            listed = ", ".join(f"'{answer}'" for answer in dropped)
            self.notices.append(
                f"the {label} was changed in Anki from '{_shown(old[0])}' to '{shown}'; the "
                f"other accepted answers ({listed}) were for the old one and were dropped"
            )
        return [as_answer(shown)]

    # cloze sentences

    def _cloze(self, lang: str, text: str) -> None:
        side = self.side(lang)
        label = _LANGUAGE[lang]
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
        found = list(_ANKI_GAP.finditer(text))
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
                if _same(shown, _shown(answer)):
                    used.add(same_place)
                    answers = [answer, *previous.answers[:index], *previous.answers[index + 1 :]]
                    return _gap_body(Gap(tuple(answers), hint))
        for index, previous in enumerate(old):
            reads_the_same = _same(shown, _shown(previous.answers[0]))
            if index not in used and reads_the_same and (previous.hint or None) == hint:
                used.add(index)
                return _gap_body(previous)
        if same_place is not None:
            used.add(same_place)
            dropped = old[same_place].answers[1:]
            if dropped:
                listed = ", ".join(f"'{answer}'" for answer in dropped)
                self.notices.append(
                    f"gap {position + 1} of the {label} sentence was changed in Anki from "
                    f"'{_shown(old[same_place].answers[0])}' to '{shown}'; its other accepted "
                    f"answers ({listed}) were for the old one and were dropped"
                )
        return _gap_body(Gap((as_answer(shown),), hint))

    # the Notes field

    def _notes(self, text: str) -> None:
        pieces = _notes(self.original)
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
                if index not in used and _same(piece, _shown(item[0]))
            ),
            None,
        )
        if match is None:
            items.append(as_answer(piece))
        else:
            used.add(match)
            items.append(old[match])
    return items
