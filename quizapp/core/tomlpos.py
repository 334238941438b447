"""Where each key and value of a TOML document stands (line and column, 1-based).

tomli gives positions for syntax errors only. To point a semantic error (a missing answer, a
duplicate card id) at the line a teacher must fix, this module walks a document that tomli
has already accepted and records the position of every table header, key and array element,
keyed by the same path pydantic reports: `("cards", 3, "it", "answers", 0)`.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass
class Positions:
    """Positions of keys (where `key =` starts) and of values (where the value starts)."""

    keys: dict[Path, Position] = field(default_factory=dict)
    values: dict[Path, Position] = field(default_factory=dict)

    def find(self, path: Path, *, value: bool = False) -> Position | None:
        """The position of `path`, or of its nearest enclosing key or table."""
        for end in range(len(path), 0, -1):
            prefix = path[:end]
            if value and prefix in self.values:
                return self.values[prefix]
            if prefix in self.keys:
                return self.keys[prefix]
        return None


_BLANK = re.compile(r"(?:[ \t\r]+|#[^\n]*)*")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]*")
# Runs of ordinary characters are taken in one step (`+` inside the group): a 10 MB string
# is scanned in milliseconds, not seconds.
_STRINGS = {
    '"""': re.compile(r'"""(?:[^"\\]+|\\.|"(?!""))*"""(?:"{0,2})', re.DOTALL),
    "'''": re.compile(r"'''(?:[^']+|'(?!''))*'''(?:'{0,2})", re.DOTALL),
    '"': re.compile(r'"(?:[^"\\\n]+|\\.)*"?'),
    "'": re.compile(r"'[^'\n]*'?"),
}
_SCALAR = re.compile(r"[^,\]}\n#]*")


class _Scanner:
    """Walks a document with regular expressions; positions come from a table of line starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.out = Positions()
        self.array_tables: dict[Path, int] = {}

    # -- low level -------------------------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        index = self.i + offset
        return self.text[index] if index < len(self.text) else ""

    def here(self) -> Position:
        line = bisect.bisect_right(self.line_starts, self.i)
        return (line, self.i - self.line_starts[line - 1] + 1)

    def skip_blank(self, newlines: bool) -> None:
        pattern = _BLANK_LINES if newlines else _BLANK
        match = pattern.match(self.text, self.i)
        if match:
            self.i = match.end()

    # -- strings and keys ------------------------------------------------------------------
    def string(self) -> str:
        quote = self.peek()
        opener = quote * 3 if self.text.startswith(quote * 3, self.i) else quote
        match = _STRINGS[opener].match(self.text, self.i)
        end = match.end() if match else len(self.text)
        value = self.text[self.i + len(opener) : max(self.i + len(opener), end - len(opener))]
        self.i = end
        return value

    def key(self) -> tuple[list[str], Position]:
        parts: list[str] = []
        start = self.here()
        while True:
            self.skip_blank(newlines=False)
            if self.peek() in ('"', "'"):
                parts.append(self.string())
            else:
                match = _BARE_KEY.match(self.text, self.i)
                end = match.end() if match else self.i
                parts.append(self.text[self.i : end])
                self.i = end
            self.skip_blank(newlines=False)
            if self.peek() == ".":
                self.i += 1
                continue
            return parts, start

    # -- values ----------------------------------------------------------------------------
    def value(self, path: Path) -> None:
        self.out.values[path] = self.here()
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            match = _SCALAR.match(self.text, self.i)
            self.i = match.end() if match else self.i

    def array(self, path: Path) -> None:
        self.i += 1  # [
        index = 0
        while self.i < len(self.text):
            self.skip_blank(newlines=True)
            if self.peek() == "]":
                self.i += 1
                return
            if self.peek() == ",":
                self.i += 1
                continue
            element = (*path, index)
            self.out.keys.setdefault(element, self.here())
            self.value(element)
            index += 1

    def inline_table(self, path: Path) -> None:
        self.i += 1  # {
        while self.i < len(self.text):
            self.skip_blank(newlines=True)
            if self.peek() == "}":
                self.i += 1
                return
            if self.peek() == ",":
                self.i += 1
                continue
            self.key_value(path)

    def key_value(self, table: Path) -> None:
        parts, start = self.key()
        full = (*table, *parts)
        self.out.keys[full] = start
        self.skip_blank(newlines=False)
        if self.peek() == "=":
            self.i += 1
        self.skip_blank(newlines=False)
        self.value(full)

    # -- tables ----------------------------------------------------------------------------
    def resolve(self, parts: list[str], array_table: bool) -> Path:
        resolved: Path = ()
        for number, part in enumerate(parts):
            resolved = (*resolved, part)
            last = number == len(parts) - 1
            if last and array_table:
                count = self.array_tables.get(resolved, 0)
                self.array_tables[resolved] = count + 1
                resolved = (*resolved, count)
            elif resolved in self.array_tables:
                resolved = (*resolved, self.array_tables[resolved] - 1)
        return resolved

    def header(self) -> Path:
        start = self.here()
        array_table = self.text.startswith("[[", self.i)
        self.i += 2 if array_table else 1
        parts, _ = self.key()
        self.i += 2 if array_table else 1
        path = self.resolve(parts, array_table)
        self.out.keys[path] = start
        self.out.values[path] = start
        return path

    def document(self) -> Positions:
        table: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if self.i >= len(self.text):
                return self.out
            if self.peek() == "[":
                table = self.header()
            else:
                before = self.i
                self.key_value(table)
                if self.i == before:  # never loop on text this scanner does not understand
                    self.i += 1


class LazyPositions:
    """Scans the document only when a position is first asked for.

    Scanning is pure Python and costs far more than parsing; a valid deck never needs it.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._positions: Positions | None = None

    def find(self, path: Path, *, value: bool = False) -> Position | None:
        if self._positions is None:
            try:
                self._positions = scan(self._text)
            except RecursionError:  # pragma: no cover - scan allows for what tomli accepts
                self._positions = Positions()
        return self._positions.find(path, value=value)


MAX_NESTING = 400
"""tomli refuses arrays and inline tables nested deeper than this (with a RecursionError)."""


def scan(text: str) -> Positions:
    """Positions of every key and value of a TOML document that tomli has accepted."""
    # The scanner recurses once or twice per level of nesting; tomli accepts up to
    # MAX_NESTING levels, more than Python's default limit allows for. Raised for this call.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * MAX_NESTING + 1000))
    try:
        return _Scanner(text).document()
    finally:
        sys.setrecursionlimit(limit)


_NESTING_TOKENS = re.compile(
    r'"""(?:[^"\\]+|\\.|"(?!""))*(?:"""|\Z)'
    r"|'''(?:[^']+|'(?!''))*(?:'''|\Z)"
    r'|"(?:[^"\\\n]+|\\.)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
    r"|[\[\]{}]",
    re.DOTALL,
)


def nesting_position(text: str, limit: int = MAX_NESTING) -> Position | None:
    """Where arrays or inline tables first nest deeper than `limit` (line, column), if they do.

    For locating tomli's "nested too deeply" error, which carries no position.
    """
    depth = 0
    for match in _NESTING_TOKENS.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                start = match.start()
                line = text.count("\n", 0, start) + 1
                return line, start - (text.rfind("\n", 0, start) + 1) + 1
        elif token in ("]", "}"):
            depth = max(0, depth - 1)
    return None
