"""Card text is data. Helpers to show it safely in a plain terminal."""

from __future__ import annotations

import unicodedata

# Characters that could move the cursor, change colours, write the clipboard (OSC 52),
# ring the bell, or reorder text (bidi overrides) if printed raw.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """Return `text` with control, format and bidi characters escaped as `\\xNN` / `\\uNNNN`.

    Letters, accents, typographic quotes and ordinary spaces pass through unchanged, so
    Italian reads normally; anything a terminal would interpret is made visible instead.
    """
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char in _BIDI or category in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            out.append(_escape_char(char))
        else:
            out.append(char)
    return "".join(out)
