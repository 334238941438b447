"""Anki field HTML -> plain text, with a real HTML parser.

Scripts, styles and other non-content elements are dropped with everything inside them;
block elements and `<br>` become line breaks; entities are decoded. Pictures and sounds are
not imported: their file names are collected so the import can list them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_DROPPED = frozenset(
    {"script", "style", "head", "title", "template", "noscript", "iframe", "object", "svg", "math"}
)
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
        "table", "tr", "ul",
    }
)  # fmt: skip
_MEDIA_TAGS = frozenset({"img", "audio", "video", "source", "embed"})
_SOUND = re.compile(r"\[sound:([^\]\n]{1,500})\]")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2007\u202f]+")


@dataclass
class _Parser(HTMLParser):
    parts: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    dropped_depth: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropped_depth += 1
            return
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _DROPPED:
            self._start(tag, attrs)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _MEDIA_TAGS:
            source = dict(attrs).get("src")
            if source:
                self.media.append(source)
        if tag in _BLOCKS and not self.dropped_depth:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropped_depth = max(0, self.dropped_depth - 1)
        elif tag in _BLOCKS and not self.dropped_depth:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropped_depth:
            self.parts.append(data)


@dataclass(frozen=True)
class PlainText:
    text: str
    media: tuple[str, ...]


def html_to_text(html: str) -> PlainText:
    """The text a person reads in an Anki field, and the media files it refers to."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    media = list(parser.media)
    media.extend(match.group(1).strip() for match in _SOUND.finditer(raw))
    raw = _SOUND.sub("", raw)
    lines = [_SPACES.sub(" ", line).strip() for line in raw.replace("\r", "\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    return PlainText(text, tuple(dict.fromkeys(media)))


def one_line(text: str) -> str:
    """Whitespace (line breaks too) collapsed to single spaces."""
    return " ".join(text.split())
