"""The source text a deck was written from (`quizapp validate --lint --source`), read into
numbered paragraphs of word keys.

The source is plain text. Its paragraphs are separated by blank lines, or, in a text without
blank lines, stand one per line; a short line without a final stop is a heading and is not
counted.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.core.files import open_regular
from quizapp.core.lint.words import keys

MAX_SOURCE_BYTES = 16 * 1024 * 1024
_HEADING_WORDS = 12
_FINAL_STOPS = ".!?:;…\"'»”’)]"


class SourceError(Exception):
    """A source text that cannot be read; the message says why, for a person."""


@dataclass(frozen=True)
class Paragraph:
    number: int
    """1-based, headings not counted."""
    line: int
    """The line of the file it starts on."""
    words: tuple[str, ...]


@dataclass
class SourceText:
    name: str
    paragraphs: tuple[Paragraph, ...]
    _index: dict[str, list[tuple[int, int]]] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for p, paragraph in enumerate(self.paragraphs):
            for w, word in enumerate(paragraph.words):
                index[word].append((p, w))
        self._index = dict(index)

    def where(self, words: Sequence[str]) -> list[Paragraph]:
        """The paragraphs in which `words` stand in a row."""
        if not words:
            return []
        found: list[Paragraph] = []
        for p, w in self._index.get(words[0], ()):
            paragraph = self.paragraphs[p]
            if tuple(paragraph.words[w : w + len(words)]) == tuple(words) and (
                not found or found[-1] is not paragraph
            ):
                found.append(paragraph)
        return found


def _is_heading(block: list[str]) -> bool:
    text = block[0].strip()
    return len(block) == 1 and len(text.split()) <= _HEADING_WORDS and text[-1] not in _FINAL_STOPS


def parse_source(text: str, name: str = "source") -> SourceText:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blank_separated = any(
        not line.strip() and 0 < n < len(lines) - 1 for n, line in enumerate(lines)
    )
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                blocks.append((start, current))
                current = []
            continue
        if not blank_separated and current:
            blocks.append((start, current))
            current = []
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, current))
    paragraphs: list[Paragraph] = []
    for first, block in blocks:
        if _is_heading(block):
            continue
        paragraphs.append(Paragraph(len(paragraphs) + 1, first, keys(" ".join(block))))
    return SourceText(name, tuple(paragraphs))


def read_source(path: Path | str) -> SourceText:
    """The source text in `path`; SourceError when it cannot be read as UTF-8 text."""
    name = str(path)
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_SOURCE_BYTES:
                raise SourceError(f"{name}: is {size:,} bytes; a source text is at most 16 MiB")
            raw = handle.read(MAX_SOURCE_BYTES + 1)
    except IsADirectoryError:
        raise SourceError(f"{name}: is a folder, not a text file") from None
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file") from None
    except OSError as error:
        raise SourceError(f"{name}: cannot read: {error.strerror or error}") from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(f"{name}: more than 16 MiB; a source text is at most 16 MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(f"{name}: is not UTF-8 text (save it as UTF-8)") from None
    return parse_source(text, name)
