"""A character diff between what was typed and the expected answer, as plain data.

The typed side marks characters `wrong` (replaced) or `extra` (not in the answer); the expected
side marks them `wrong` or `missing` (not typed), as Anki shows a typed answer. Case and the
typographic forms of quotes, dashes and spaces are not differences. The TUI colours the
segments; `plain_lines` draws marks under the characters for a plain terminal.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal, NamedTuple

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


def _key(char: str) -> str:
    return char.translate(CHAR_TABLE).casefold()


def _segments(text: str, tags: list[Tag]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or tags[index] != tags[start]:
            segments.append(Segment(text[start:index], tags[start]))
            start = index
    return tuple(segments)


def diff(typed: str, expected: str) -> Diff:
    """Align `typed` with `expected` (both as displayed) by the fewest character edits."""
    typed_tags: list[Tag] = ["ok"] * len(typed)
    expected_tags: list[Tag] = ["ok"] * len(expected)
    typed_keys = [_key(c) for c in typed]
    expected_keys = [_key(c) for c in expected]
    ops = [
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes(typed_keys, expected_keys)
    ]
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if tag == "delete":
            typed_tags[i1:i2] = ["extra"] * (i2 - i1)
        elif tag == "insert":
            expected_tags[j1:j2] = ["missing"] * (j2 - j1)
        else:
            common = min(i2 - i1, j2 - j1)
            typed_tags[i1 : i1 + common] = ["wrong"] * common
            expected_tags[j1 : j1 + common] = ["wrong"] * common
            typed_tags[i1 + common : i2] = ["extra"] * (i2 - i1 - common)
            expected_tags[j1 + common : j2] = ["missing"] * (j2 - j1 - common)
    for index in range(len(ops) - 2):
        _mark_swap(ops[index : index + 3], typed_keys, expected_keys, typed_tags, expected_tags)
    return Diff(_segments(typed, typed_tags), _segments(expected, expected_tags))


def _mark_swap(
    ops: list[tuple[str, int, int, int, int]],
    typed_keys: list[str],
    expected_keys: list[str],
    typed_tags: list[Tag],
    expected_tags: list[Tag],
) -> None:
    """Two neighbouring letters swapped ("wenfneg") show as one wrong pair on both sides,
    not as a letter extra here and missing there."""
    (first, i1, i2, j1, j2), (middle, m1, m2, n1, n2), (last, k1, k2, l1, l2) = ops
    if middle != "equal" or m2 - m1 != 1:
        return
    if first == "delete" and last == "insert" and i2 - i1 == 1 and l2 - l1 == 1:
        if typed_keys[i1] == expected_keys[l1]:
            typed_tags[i1:m2] = ["wrong", "wrong"]
            expected_tags[n1:l2] = ["wrong", "wrong"]
    elif (
        first == "insert"
        and last == "delete"
        and j2 - j1 == 1
        and k2 - k1 == 1
        and expected_keys[j1] == typed_keys[k1]
    ):
        typed_tags[m1:k2] = ["wrong", "wrong"]
        expected_tags[j1:n2] = ["wrong", "wrong"]


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
