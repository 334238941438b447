"""Card text is data. Helpers to show it safely in a plain terminal or on a screen.

A deck, a settings file or an import file may come from a stranger. Any text taken from one
goes through `printable` (one line of plain-terminal output) or `visible` (text that may span
lines, such as a note on the study screen) before it is shown, so that it can neither control
the terminal (escape sequences, OSC 52 clipboard writes, the bell, carriage returns and
backspaces that overwrite what was printed) nor reorder what is shown around it
(bidirectional overrides), nor hide in it (zero-width characters). Each such character is
shown as its escape, `\\x1b` or `\\u202e`, so that a reader can see it is there.
"""

from __future__ import annotations

import unicodedata

# Characters that could move the cursor, change colours, write the clipboard (OSC 52),
# ring the bell, or reorder text (bidi overrides) if printed raw. Most are in the categories
# below already; the set makes the intent explicit.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Zl", "Zp"))
_LINE_BREAKS = frozenset("\n\t")


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def is_hidden(char: str) -> bool:
    """True for a character that a terminal would act on, or that shows nothing."""
    return char in _BIDI or unicodedata.category(char) in _HIDDEN_CATEGORIES


def _escaped(text: str, keep: frozenset[str]) -> str:
    if text.isprintable():
        # The common case, checked in C: every hidden character (bidi controls included,
        # which are format characters) makes isprintable() false.
        return text
    out: list[str] = []
    for char in text:
        if char not in keep and is_hidden(char):
            out.append(_escape_char(char))
        else:
            out.append(char)
    return "".join(out)


def printable(text: str) -> str:
    """Return `text` with control, format and bidi characters escaped as `\\xNN` / `\\uNNNN`.

    Letters, accents, typographic quotes and ordinary spaces pass through unchanged, so
    Italian reads normally; anything a terminal would interpret is made visible instead,
    newlines included (the result is one line). Escaping twice changes nothing.
    """
    return _escaped(text, frozenset())


def visible(text: str) -> str:
    """Like `printable`, but newlines and tabs are kept: for text shown on several lines."""
    return _escaped(text, _LINE_BREAKS)


def shorten(text: str, limit: int = 60) -> str:
    """`text`, or its start and how much was left out when it is longer than `limit`.

    For quoting a value in a message: a 10 MB value must not become a 10 MB message.
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters)"
