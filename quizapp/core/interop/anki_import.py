"""Anki notes -> quizapp cards.

* Notes of quizapp's own note types (an export coming back) are restored from the card JSON
  they carry; when their visible fields were edited in Anki, the edit is laid over it.
* Cloze note types become cloze cards (`{{c1::answer::hint}}` -> `{{answer::hint}}`).
* Other note types: a note with two or more cards (Basic and reversed) becomes a vocab card,
  a note with one card (Basic) a qa card; `--kind` decides for all of them instead.

Field HTML becomes plain text; pictures and sounds are listed as not imported. Card ids are
derived from the note's guid, so importing a newer version of the same Anki deck keeps them.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from quizapp.core.deck.model import Card, ClozeCard, Deck, DeckInfo, VocabCard
from quizapp.core.interop import limits
from quizapp.core.interop.anki_edits import merge_note
from quizapp.core.interop.apkg_read import AnkiNote, AnkiPackage, NoteType, read_apkg
from quizapp.core.interop.apkg_write import DECK_MARK, META_FIELD
from quizapp.core.interop.building import ImportedDeck, make_card, make_info
from quizapp.core.interop.cloze_pairs import direction_of_card
from quizapp.core.interop.errors import InteropError
from quizapp.core.interop.html_text import html_to_text, one_line
from quizapp.core.interop.ids import UniqueIds, digest, is_slug, slugify
from quizapp.core.interop.options import ImportOptions, deck_info
from quizapp.core.interop.visible import Visible, as_answer, merge

_ANKI_GAP = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_DECK_COMMENT = re.compile(r"<!--\s*" + re.escape(DECK_MARK) + r"\s*(\{.*?\})\s*-->", re.DOTALL)


class _Skip(Exception):
    """A note that does not become a card (the reason is told to the person)."""


def anki_cloze_to_quizapp(text: str) -> tuple[str, list[int]]:
    """`{{c1::answer::hint}}` -> `{{answer::hint}}`; also each gap's Anki cloze number."""
    numbers: list[int] = []

    def gap(match: re.Match[str]) -> str:
        numbers.append(int(match.group(1)))
        answer = as_answer(one_line(match.group(2)))
        hint = one_line(match.group(3) or "")
        return "{{" + answer + (f"::{hint}" if hint else "") + "}}"

    return _ANKI_GAP.sub(gap, text), numbers


def _field_index(spec: str | None, notetype: NoteType, default: int, what: str) -> int:
    if spec is None:
        return default
    if spec.isdigit():
        return int(spec) - 1
    folded = [name.casefold() for name in notetype.fields]
    if spec.casefold() in folded:
        return folded.index(spec.casefold())
    names = ", ".join(repr(name) for name in notetype.fields)
    raise _Skip(f"note type {notetype.name!r} has no field {spec!r} for {what} ({names})")


class _Converter:
    def __init__(self, package: AnkiPackage, options: ImportOptions) -> None:
        self.package = package
        self.options = options
        self.ids = UniqueIds()
        self.media: dict[str, None] = dict.fromkeys(package.media)
        self.origin: dict[tuple[int, int], tuple[str, str]] = {}
        self.meta_deck: str | None = None
        self.notices: list[str] = []
        self.positions: dict[str, int] = {}
        """Each quizapp card's place in its deck, from the hidden field."""
        """What a person should know about cards that were imported (edits made in Anki)."""

    def text(self, note: AnkiNote, index: int) -> str:
        if not 0 <= index < len(note.fields):
            return ""
        plain = html_to_text(note.fields[index])
        self.media.update(dict.fromkeys(plain.media))
        return plain.text

    def tags(self, note: AnkiNote) -> list[str]:
        tags = [slugify(tag, 100) for tag in note.tags]
        if self.options.tag:
            tags.append(self.options.tag)
        return [tag for tag in dict.fromkeys(tags) if tag and is_slug(tag)]

    def convert(self, note: AnkiNote) -> Card:
        notetype = self.package.notetypes.get(note.notetype_id)
        if notetype is None:
            raise _Skip("its note type is missing from the collection")
        if note.unread_bytes:
            raise _Skip(
                f"its fields hold {note.unread_bytes:,} bytes, more than card text (at most "
                f"{limits.MAX_FIELD_CHARS:,} characters a field); not read"
            )
        if any(len(value) > limits.MAX_FIELD_CHARS for value in note.fields):
            raise _Skip(f"a field is longer than {limits.MAX_FIELD_CHARS:,} characters")
        if META_FIELD in notetype.fields:
            card = self._quizapp(note, notetype)
            if card is not None:
                return card
        if notetype.is_cloze:
            return self._cloze(note, notetype)
        kind = self.options.kind
        if kind == "auto":
            kind = "vocab" if len(note.card_ords) >= 2 else "qa"
        if kind == "vocab":
            return self._vocab(note, notetype)
        return self._qa(note, notetype)

    def _new_id(self, note: AnkiNote) -> str:
        card_id = self.ids.take(f"anki-{digest(note.guid, str(note.notetype_id), length=10)}")
        if card_id is None:
            raise _Skip("the same note appears twice")
        return card_id

    def _base(self, note: AnkiNote) -> dict[str, Any]:
        return {"id": self._new_id(note), "tags": self.tags(note)}

    def _cloze(self, note: AnkiNote, notetype: NoteType) -> Card:
        index = next((i for i, v in enumerate(note.fields) if "{{c" in v), 0)
        text, numbers = anki_cloze_to_quizapp(self.text(note, index))
        if not numbers:
            raise _Skip("a cloze note without a {{c1::...}} deletion")
        lang = self.options.lang
        extra = one_line(self.text(note, 1 if index == 0 else 0))
        base = self._base(note)
        if extra:
            base[lang] = {"note": extra}
        card = make_card(merge(base, "cloze", _one_language(lang, text, "")))
        for ord_ in note.card_ords:
            if ord_ + 1 in numbers:
                self.origin[(note.id, ord_)] = (card.id, f"{lang}.{numbers.index(ord_ + 1) + 1}")
        return card

    def _vocab(self, note: AnkiNote, notetype: NoteType) -> Card:
        it_index = _field_index(self.options.it, notetype, 0, "Italian")
        en_index = _field_index(self.options.en, notetype, 1 if it_index != 1 else 0, "English")
        italian, english = one_line(self.text(note, it_index)), one_line(self.text(note, en_index))
        for label, value in (("Italian", italian), ("English", english)):
            if not value:
                raise _Skip(f"the {label} field is empty" + self._media_hint(note))
        columns = Visible(it=italian, en=english)
        card = make_card(merge(self._base(note), "vocab", columns, self.options.alternatives))
        front_italian = it_index < en_index
        for ord_ in note.card_ords[:2]:
            direction = "it>en" if (ord_ == 0) == front_italian else "en>it"
            self.origin[(note.id, ord_)] = (card.id, direction)
        return card

    def _qa(self, note: AnkiNote, notetype: NoteType) -> Card:
        q_index = _field_index(self.options.question, notetype, 0, "the question")
        a_index = _field_index(
            self.options.answer, notetype, 1 if q_index != 1 else 0, "the answer"
        )
        question, answer = self.text(note, q_index), one_line(self.text(note, a_index))
        for label, value in (("question", question), ("answer", answer)):
            if not value:
                raise _Skip(f"the {label} field is empty" + self._media_hint(note))
        lang = self.options.lang
        columns = _one_language(lang, question, answer)
        card = make_card(merge(self._base(note), "qa", columns, self.options.alternatives))
        if note.card_ords:
            self.origin[(note.id, note.card_ords[0])] = (card.id, lang)
        return card

    def _media_hint(self, note: AnkiNote) -> str:
        pictures = [name for value in note.fields for name in html_to_text(value).media]
        return " (it holds only media, which are not imported)" if pictures else ""

    def _quizapp(self, note: AnkiNote, notetype: NoteType) -> Card | None:
        """A note exported by quizapp: its card, with the visible fields' edits laid over."""
        names = list(notetype.fields)
        raw = note.fields[names.index(META_FIELD)] if len(note.fields) == len(names) else ""
        try:
            meta = json.loads(html.unescape(raw))
            deck_id, data = str(meta["deck"]), dict(meta["card"])
            original = make_card(data)
            position = meta.get("position")
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        self.meta_deck = self.meta_deck or deck_id
        fields = dict(zip(names, note.fields, strict=True))
        card_id = self.ids.take(original.id, note.guid)
        if card_id is None:
            raise _Skip(f"card id '{original.id}' appears twice")
        merged = merge_note(original, fields, note.tags, self.options.tag)
        card = merged.card
        if card_id != original.id:
            card = card.model_copy(update={"id": card_id})
        if isinstance(position, int) and not isinstance(position, bool):
            self.positions[card.id] = position
        where = f"{self.package.path}: card '{card.id}'"
        self.notices.extend(f"{where}: {notice}" for notice in merged.notices)
        self._quizapp_origin(note, card)
        return card

    def _quizapp_origin(self, note: AnkiNote, card: Card) -> None:
        for ord_ in note.card_ords:
            if isinstance(card, VocabCard):
                direction = "it>en" if ord_ == 0 else "en>it"
            elif isinstance(card, ClozeCard):
                found = direction_of_card(card, ord_)
                if found is None:
                    continue
                direction = found
            else:
                direction = "it" if card.side("it") else "en"
            self.origin[(note.id, ord_)] = (card.id, direction)

    def deck_info(self, cards: list[Card]) -> DeckInfo:
        path = self.package.path
        stored = self._stored_info()
        if stored is not None and not (self.options.deck_id or self.options.title):
            return stored
        return deck_info(
            self.options,
            # notes exported by quizapp name their deck: its progress stays on that id even
            # when the deck description that held the rest was edited away in Anki
            default_id=self.meta_deck or self._title() or path.stem,
            default_title=self._title() or path.stem,
            source=path.name,
            cards=cards,
        )

    def _title(self) -> str:
        counts: Counter[int] = Counter(
            deck_id for note in self.package.notes for deck_id in note.deck_ids
        )
        for deck_id, _ in counts.most_common():
            name = self.package.decks.get(deck_id, "")
            if name and name != "Default":
                return name.split("::")[-1].strip()
        return ""

    def _stored_info(self) -> DeckInfo | None:
        for description in self.package.deck_descriptions.values():
            match = _DECK_COMMENT.search(description)
            if match is None:
                continue
            try:
                info = make_info(json.loads(match.group(1)))
            except (ValueError, TypeError):
                continue
            if self.meta_deck is None or info.id == self.meta_deck:
                return info
        return None


def _one_language(lang: str, prompt: str, answer: str) -> Visible:
    if lang == "it":
        return Visible(it=prompt, it_answer=answer)
    return Visible(en=prompt, en_answer=answer)


def import_apkg(
    path: Path, options: ImportOptions | None = None, *, with_history: bool = False
) -> tuple[ImportedDeck, AnkiPackage]:
    """Read an Anki package into a deck (not yet written anywhere)."""
    options = options or ImportOptions()
    package = read_apkg(path, with_history=with_history)
    converter = _Converter(package, options)
    cards: list[Card] = []
    warnings: list[str] = []
    skipped = 0
    for note in sorted(package.notes, key=lambda note: (note.new_position, note.id)):
        try:
            cards.append(converter.convert(note))
        except (_Skip, ValueError) as reason:
            skipped += 1
            warnings.append(f"{path}: note {note.id}: skipped: {reason}")
    if not cards:
        first = f" ({warnings[0]})" if warnings else ""
        raise InteropError(path, "no card could be made from this package" + first)
    if len(converter.positions) == len(cards):  # a deck quizapp exported: in its own order
        cards.sort(key=lambda card: converter.positions[card.id])
    deck = Deck(deck=converter.deck_info(cards), cards=cards)
    media = [name for name in converter.media if name]
    imported = ImportedDeck(
        deck,
        package.format,
        warnings,
        media,
        skipped,
        dict(converter.origin),
        converter.notices,
        read=len(package.notes),
    )
    return imported, package
