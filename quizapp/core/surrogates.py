"""Lone surrogates: code points that JSON escapes (`"\\ud800"`) and file names undecodable as
UTF-8 (`os.fsdecode` gives `\\udcff` for the byte 0xff) can put in a Python string, but that
are not text: UTF-8 cannot encode them, so SQLite, TOML and every output stream refuse them.

Text read from a file goes through `repaired` where a safe reading is enough (a typed answer,
a title made from a file name): each lone surrogate becomes U+FFFD, the replacement character.
Where the exact value matters (an id), `has_lone_surrogate` says it is not text.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_ANY_SURROGATE = re.compile("[\ud800-\udfff]")
ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
"""A JSON escape of a surrogate (a lone one, or half of a pair): worth a closer look."""


def has_lone_surrogate(text: str) -> bool:
    """True when `text` holds a surrogate code point (which UTF-8 cannot encode)."""
    return _ANY_SURROGATE.search(text) is not None


def repaired(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD; a high and low surrogate that stand
    side by side become the one character they encode."""
    if not has_lone_surrogate(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def first_lone_surrogate(text: str) -> str:
    """The first surrogate of `text` as its escape (`\\ud800`), for a message; '' if none."""
    found = _ANY_SURROGATE.search(repaired_pairs(text))
    return f"\\u{ord(found.group()):04x}" if found else ""


def repaired_pairs(text: str) -> str:
    """`text` with side-by-side surrogate pairs joined, lone ones left as they are."""
    if not has_lone_surrogate(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
