"""A character diff between what was typed and the expected answer, as plain data.

The typed side marks characters `wrong` (replaced) or `extra` (not in the answer); the expected
side marks them `wrong` or `missing` (not typed), as Anki shows a typed answer. Case and the
typographic forms of quotes, dashes and spaces are not differences. The TUI colours the
segments; `plain_lines` draws marks under the characters for a plain terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Diff:
    """Typed and expected text, each split into tagged segments."""

    typed: tuple[Segment, ...]
    expected: tuple[Segment, ...]

    @property
    def clean(self) -> bool:
        """True when no character differs (ignoring case and typography)."""
        return all(s.tag == "ok" for s in self.typed + self.expected)

    def to_json(self) -> dict[str, list[list[str]]]:
        return {
            "typed": [[s.text, s.tag] for s in self.typed],
            "expected": [[s.text, s.tag] for s in self.expected],
        }


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


class _Runs:
    """Tagged ranges of one text, merged as they are added."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.tags: list[Tag] = []

    def add(self, start: int, end: int, tag: Tag) -> None:
        if start >= end:
            return
        if self.tags and self.tags[-1] == tag and self.ends[-1] == start:
            self.ends[-1] = end
        else:
            self.starts.append(start)
            self.ends.append(end)
            self.tags.append(tag)

    def segments(self) -> tuple[Segment, ...]:
        text = self.text
        return tuple(
            Segment(text[a:b], tag)
            for a, b, tag in zip(self.starts, self.ends, self.tags, strict=True)
        )


def _swap(ops: list[Op], index: int, typed: Sequence[str], expected: Sequence[str]) -> bool:
    """Ops index..index+2 are two neighbouring letters swapped ("wenfneg" for "wenfeng"):
    a letter extra here, one kept, the same letter missing there."""
    if index + 2 >= len(ops) or ops[index][0] not in ("delete", "insert"):
        return False
    (first, i1, i2, j1, j2), (middle, m1, m2, _, _), (last, k1, k2, l1, l2) = ops[index : index + 3]
    if middle != "equal" or m2 - m1 != 1:
        return False
    if first == "delete" and last == "insert":
        return i2 - i1 == 1 and l2 - l1 == 1 and typed[i1] == expected[l1]
    if first == "insert" and last == "delete":
        return j2 - j1 == 1 and k2 - k1 == 1 and expected[j1] == typed[k1]
    return False


def diff(typed: str, expected: str) -> Diff:
    """Align `typed` with `expected` (both as displayed) by the fewest character edits."""
    typed_keys = _keys(typed)
    expected_keys = _keys(expected)
    if typed_keys == expected_keys:
        return Diff(
            (Segment(typed, "ok"),) if typed else (),
            (Segment(expected, "ok"),) if expected else (),
        )
    ops = cast(list[Op], Levenshtein.opcodes(typed_keys, expected_keys).as_list())
    left, right = _Runs(typed), _Runs(expected)
    index = 0
    while index < len(ops):
        if _swap(ops, index, typed_keys, expected_keys):
            first, last = ops[index], ops[index + 2]
            left.add(min(first[1], last[1]), max(first[2], last[2]), "wrong")
            right.add(min(first[3], last[3]), max(first[4], last[4]), "wrong")
            index += 3
            continue
        tag, i1, i2, j1, j2 = ops[index]
        index += 1
        if tag == "equal":
            left.add(i1, i2, "ok")
            right.add(j1, j2, "ok")
        elif tag == "delete":
            left.add(i1, i2, "extra")
        elif tag == "insert":
            right.add(j1, j2, "missing")
        else:
            common = min(i2 - i1, j2 - j1)
            left.add(i1, i1 + common, "wrong")
            left.add(i1 + common, i2, "extra")
            right.add(j1, j1 + common, "wrong")
            right.add(j1 + common, j2, "missing")
    return Diff(left.segments(), right.segments())


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
