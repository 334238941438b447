"""A character diff between what was typed and the expected answer, as plain data.

The typed side marks characters `wrong` (replaced) or `extra` (not in the answer); the expected
side marks them `wrong` or `missing` (not typed), as Anki shows a typed answer. Case and the
typographic forms of quotes, dashes and spaces are not differences. The TUI colours the
segments; `plain_lines` draws marks under the characters for a plain terminal.
"""

from __future__ import annotations

import unicodedata
from typing import Literal, NamedTuple, cast

from rapidfuzz.distance import Levenshtein

from quizapp.core.judge.normalise import CHAR_TABLE
from quizapp.core.text import printable

Tag = Literal["ok", "wrong", "extra", "missing"]
MARKS: dict[str, str] = {"ok": " ", "wrong": "^", "extra": "+", "missing": "-"}
LEGEND = "^ wrong   + extra   - missing"


class Segment(NamedTuple):
    text: str
    tag: Tag


class Diff:
    """Typed and expected text, each split into tagged segments.

    `Diff.between(typed, expected)` aligns the two texts only when the segments are first
    read: a verdict's diff costs nothing until something shows it.
    """

    __slots__ = ("_expected", "_texts", "_typed")

    def __init__(self, typed: tuple[Segment, ...] = (), expected: tuple[Segment, ...] = ()) -> None:
        self._typed = typed
        self._expected = expected
        self._texts: tuple[str, str] | None = None

    @classmethod
    def between(cls, typed: str, expected: str) -> Diff:
        lazy = cls()
        lazy._texts = (typed, expected)
        return lazy

    def _align(self) -> None:
        if self._texts is not None:
            aligned = diff(*self._texts)
            self._typed, self._expected, self._texts = aligned.typed, aligned.expected, None

    @property
    def typed(self) -> tuple[Segment, ...]:
        self._align()
        return self._typed

    @property
    def expected(self) -> tuple[Segment, ...]:
        self._align()
        return self._expected

    @property
    def clean(self) -> bool:
        """True when no character differs (ignoring case and typography)."""
        return all(s.tag == "ok" for s in self.typed + self.expected)

    def to_json(self) -> dict[str, list[list[str]]]:
        return {
            "typed": [[s.text, s.tag] for s in self.typed],
            "expected": [[s.text, s.tag] for s in self.expected],
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diff):
            return NotImplemented
        return (self.typed, self.expected) == (other.typed, other.expected)

    def __hash__(self) -> int:
        return hash((self.typed, self.expected))

    def __repr__(self) -> str:
        return f"Diff(typed={self.typed!r}, expected={self.expected!r})"


class _DiffTable(dict[int, str]):
    """Like the judge's character table, but never drops a character (lengths must hold)."""

    def __missing__(self, code: int) -> str:
        value = CHAR_TABLE[code]
        result = chr(code) if value is None else value
        self[code] = result
        return result


_DIFF_TABLE = _DiffTable()


def _keys(text: str) -> str | list[str]:
    """One comparison key per character: case, quotes, dashes and spaces in their plain form."""
    plain = text.translate(_DIFF_TABLE)
    folded = plain.lower()
    if len(folded) == len(text):
        return folded
    return [char.casefold() for char in plain]


Op = tuple[str, int, int, int, int]


Run = tuple[int, int, Tag]


def _merge(text: str, runs: list[Run]) -> tuple[Segment, ...]:
    """Adjacent runs with the same tag become one segment; empty runs are dropped."""
    segments: list[Segment] = []
    last_tag: Tag | None = None
    last_start = 0
    position = 0
    for start, end, tag in runs:
        if start >= end:
            continue
        if tag != last_tag:
            if last_tag is not None:
                segments.append(Segment(text[last_start:position], last_tag))
            last_tag, last_start = tag, start
        position = end
    if last_tag is not None:
        segments.append(Segment(text[last_start:position], last_tag))
    return tuple(segments)


def diff(typed: str, expected: str) -> Diff:
    """Align `typed` with `expected` (both as displayed) by the fewest character edits.

    Two neighbouring letters swapped ("wenfneg" for "wenfeng") show as one wrong pair on both
    sides, not as a letter extra on one side and missing on the other.
    """
    typed_keys = _keys(typed)
    expected_keys = _keys(expected)
    if typed_keys == expected_keys:
        return Diff(
            (Segment(typed, "ok"),) if typed else (),
            (Segment(expected, "ok"),) if expected else (),
        )
    ops = cast(list[Op], Levenshtein.opcodes(typed_keys, expected_keys).as_list())
    left: list[Run] = []
    right: list[Run] = []
    index, count = 0, len(ops)
    while index < count:
        tag, i1, i2, j1, j2 = ops[index]
        index += 1
        if tag == "equal":
            left.append((i1, i2, "ok"))
            right.append((j1, j2, "ok"))
            continue
        if index + 1 < count and tag in ("delete", "insert"):
            middle, m1, m2, n1, n2 = ops[index]
            last, k1, k2, l1, l2 = ops[index + 1]
            if middle == "equal" and m2 - m1 == 1:
                if (
                    tag == "delete"
                    and last == "insert"
                    and i2 - i1 == 1
                    and l2 - l1 == 1
                    and typed_keys[i1] == expected_keys[l1]
                ):
                    left.append((i1, m2, "wrong"))
                    right.append((n1, l2, "wrong"))
                    index += 2
                    continue
                if (
                    tag == "insert"
                    and last == "delete"
                    and j2 - j1 == 1
                    and k2 - k1 == 1
                    and expected_keys[j1] == typed_keys[k1]
                ):
                    left.append((m1, k2, "wrong"))
                    right.append((j1, n2, "wrong"))
                    index += 2
                    continue
        if tag == "delete":
            left.append((i1, i2, "extra"))
        elif tag == "insert":
            right.append((j1, j2, "missing"))
        else:
            common = min(i2 - i1, j2 - j1)
            left.append((i1, i1 + common, "wrong"))
            left.append((i1 + common, i2, "extra"))
            right.append((j1, j1 + common, "wrong"))
            right.append((j1 + common, j2, "missing"))
    return Diff(_merge(typed, left), _merge(expected, right))


def _width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def plain_line(segments: tuple[Segment, ...]) -> tuple[str, str]:
    """The text (terminal-safe) and a line of marks under each differing character."""
    text: list[str] = []
    marks: list[str] = []
    for segment in segments:
        shown = printable(segment.text)
        text.append(shown)
        mark = MARKS[segment.tag]
        marks.append("".join(mark * _width(char) for char in shown))
    return "".join(text), "".join(marks).rstrip()
