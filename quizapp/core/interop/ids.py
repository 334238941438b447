"""Identifiers derived from content: card ids (slugs) and Anki's numeric ids and guids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from quizapp.core.deck.model import SLUG_PATTERN

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(SLUG_PATTERN)


def slugify(text: str, max_length: int = 40) -> str:
    """`"L'IA è qui!"` -> `"l-ia-e-qui"`: lower-case ASCII words joined by '-', cut at a word.

    Returns "" when nothing usable is left (text in another script, only punctuation).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text)) and len(text) <= 100


def digest(*parts: str, length: int = 8) -> str:
    """A short hex digest of some text parts (stable across runs and machines)."""
    joined = "\x1f".join(parts).encode("utf-8")
    return hashlib.sha256(joined).hexdigest()[:length]


def number(*parts: str, low: int = 1_000_000_000_000, high: int = 1_700_000_000_000) -> int:
    """A stable integer in [low, high) from text parts (Anki note, card and deck ids).

    Anki ids are millisecond timestamps; the default range keeps derived ids looking like
    dates between 2001 and 2023, so Anki shows sensible "added" dates.
    """
    value = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:8], "big")
    return low + value % (high - low)


class UniqueIds:
    """Hands out card ids, never the same twice: `base`, else `base-<hash of more>`."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str, *more: str) -> str | None:
        """The id for a card; None when even the hashed form is taken (a duplicate row)."""
        base = base or "card"
        candidates = [base, f"{base}-{digest(base, *more, length=6)}"] if more else [base]
        for candidate in candidates:
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        return None
