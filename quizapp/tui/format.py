"""Small text formatters for the screens."""

from __future__ import annotations

from rich.console import JustifyMethod
from rich.text import Text
from textual.content import Content

from quizapp.core.text import visible


def data(text: str) -> Content:
    """Text from a deck, a file or the user, shown as it is: never markup, and any control,
    bidi or zero-width character shown as its escape (`\\x1b`, `\\u202e`) instead of acting
    on the terminal. Newlines and tabs are kept."""
    return Content(visible(text))


def data_text(text: str, style: str = "", justify: JustifyMethod | None = None) -> Text:
    """The same as `data`, as a Rich Text (for DataTable cells and styled pieces)."""
    return Text(visible(text), style=style, justify=justify)


def highlighted(question: str, start: int, end: int) -> Text:
    """`question` as data with the characters [start, end) underlined; the offsets are in the
    question as written, and stay right where an escaped character takes several cells."""
    text = Text(visible(question))
    shown_start = len(visible(question[:start]))
    text.stylize("underline reverse", shown_start, shown_start + len(visible(question[start:end])))
    return text


def interval(ms: int) -> str:
    """A duration as Anki shows it on its grade buttons: <1m, 10m, 3h, 4d, 2mo, 1.5y."""
    minutes = ms / 60_000
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y"
