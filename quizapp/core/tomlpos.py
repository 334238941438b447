"""Where each key and value of a TOML document stands (line and column, 1-based).

tomli gives positions for syntax errors only. To point a semantic error (a missing answer, a
duplicate card id) at the line a teacher must fix, this module walks a document that tomli
has already accepted and records the position of every table header, key and array element,
keyed by the same path pydantic reports: `("cards", 3, "it", "answers", 0)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]
Position = tuple[int, int]

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


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


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.line = 1
        self.col = 1
        self.out = Positions()
        self.array_tables: dict[Path, int] = {}

    # -- low level -------------------------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        index = self.i + offset
        return self.text[index] if index < len(self.text) else ""

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.i >= len(self.text):
                return
            if self.text[self.i] == "\n":
                self.line += 1
                self.col = 1
            else:
                self.col += 1
            self.i += 1

    def here(self) -> Position:
        return (self.line, self.col)

    def skip_blank(self, newlines: bool) -> None:
        while self.i < len(self.text):
            char = self.text[self.i]
            if char in " \t\r" or (newlines and char == "\n"):
                self.advance()
            elif char == "#":
                while self.i < len(self.text) and self.text[self.i] != "\n":
                    self.advance()
            else:
                return

    # -- strings and keys ------------------------------------------------------------------
    def string(self) -> str:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.i):
            self.advance(3)
            start = self.i
            while self.i < len(self.text):
                if quote == '"' and self.peek() == "\\":
                    self.advance(2)
                    continue
                if self.text.startswith(quote * 3, self.i) and self.peek(3) != quote:
                    value = self.text[start : self.i]
                    self.advance(3)
                    return value
                self.advance()
            return self.text[start:]
        self.advance()
        chars: list[str] = []
        while self.i < len(self.text) and self.peek() != quote and self.peek() != "\n":
            if quote == '"' and self.peek() == "\\":
                chars.append(self.text[self.i : self.i + 2])
                self.advance(2)
                continue
            chars.append(self.peek())
            self.advance()
        self.advance()
        return "".join(chars)

    def key(self) -> tuple[list[str], Position]:
        parts: list[str] = []
        start = self.here()
        while True:
            self.skip_blank(newlines=False)
            char = self.peek()
            if char in ('"', "'"):
                parts.append(self.string())
            else:
                begin = self.i
                while self.peek() in _BARE and self.peek():
                    self.advance()
                parts.append(self.text[begin : self.i])
            self.skip_blank(newlines=False)
            if self.peek() == ".":
                self.advance()
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
            while self.peek() and self.peek() not in ",]}\n#":
                self.advance()

    def array(self, path: Path) -> None:
        self.advance()  # [
        index = 0
        while self.i < len(self.text):
            self.skip_blank(newlines=True)
            if self.peek() == "]":
                self.advance()
                return
            if self.peek() == ",":
                self.advance()
                continue
            element = (*path, index)
            self.out.keys.setdefault(element, self.here())
            self.value(element)
            index += 1

    def inline_table(self, path: Path) -> None:
        self.advance()  # {
        while self.i < len(self.text):
            self.skip_blank(newlines=True)
            if self.peek() == "}":
                self.advance()
                return
            if self.peek() == ",":
                self.advance()
                continue
            self.key_value(path)

    def key_value(self, table: Path) -> None:
        parts, start = self.key()
        full = (*table, *parts)
        self.out.keys[full] = start
        self.skip_blank(newlines=False)
        if self.peek() == "=":
            self.advance()
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
        self.advance(2 if array_table else 1)
        parts, _ = self.key()
        self.advance(2 if array_table else 1)
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
                    self.advance()


def scan(text: str) -> Positions:
    """Positions of every key and value of a TOML document that tomli has accepted."""
    return _Scanner(text).document()
