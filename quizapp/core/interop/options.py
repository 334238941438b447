"""What a person can say about a file being imported, and the deck table built from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from quizapp.core.deck.model import Card, DeckInfo
from quizapp.core.interop.building import make_info
from quizapp.core.interop.ids import slugify
from quizapp.core.surrogates import repaired

ImportKind = Literal["auto", "vocab", "qa"]


@dataclass(frozen=True)
class ImportOptions:
    """Choices for an import; None means "work it out from the file"."""

    kind: ImportKind = "auto"
    """vocab: each row/note is a term and its translation; qa: a question and its answer."""
    it: str | None = None
    """The Italian column or Anki field (number from 1, or name) of vocab cards."""
    en: str | None = None
    question: str | None = None
    """The question column or field of qa cards (number from 1, or name)."""
    answer: str | None = None
    lang: Literal["it", "en"] = "it"
    """The language of qa and cloze cards, whose source has one language."""
    tag: str | None = None
    """A tag added to every card."""
    alternatives: str | None = None
    """Splits a cell into accepted alternatives, e.g. ';' (CSV and Anki fields)."""
    delimiter: str | None = None
    """Between term and definition (CSV: between columns); None: worked out."""
    row_separator: str | None = None
    """Between rows (a new line, Quizlet's semicolon, a custom text); None: worked out."""
    header: bool | None = None
    deck_id: str | None = None
    title: str | None = None
    author: str = "unknown"
    license: str = "unknown"


def deck_info(
    options: ImportOptions,
    *,
    default_id: str,
    default_title: str,
    source: str,
    cards: Sequence[Card],
) -> DeckInfo:
    """The `[deck]` table of an imported deck.

    `languages` lists the languages every card has, so a deck of one-language cards (qa from
    a question/answer sheet) validates without a warning per card.
    """
    # A file name that is not UTF-8 holds lone surrogates (os.fsdecode), which are not text.
    default_id, default_title, source = map(repaired, (default_id, default_title, source))
    deck_id = options.deck_id or slugify(default_id, 60) or "imported"
    title = options.title or default_title or deck_id
    title = title[:1].upper() + title[1:]
    common = [lang for lang in ("it", "en") if all(card.side(lang) for card in cards)]
    return make_info(
        {
            "id": deck_id,
            "version": "1.0.0",
            "title": {"it": title, "en": title},
            "description": {"it": f"Importato da {source}.", "en": f"Imported from {source}."},
            "languages": common or ["it", "en"],
            "author": options.author,
            "license": options.license,
            "source": source,
        }
    )
