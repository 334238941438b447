"""Small text formatters for the screens."""

from __future__ import annotations

from rich.console import JustifyMethod
from rich.text import Text
from textual.content import Content

from quizapp.core.bilingual import Phrase
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


_UNITS: dict[str, tuple[str, str, str, str, str]] = {
    # minutes, hours, days, months, years: the short forms Anki puts on its grade buttons
    "en": ("m", "h", "d", "mo", "y"),
    "it": ("min", "h", "g", "me", "a"),
}


def interval(ms: int, lang: str) -> str:
    """A duration as Anki shows it on its grade buttons, in `lang`: <1m, 10m, 3h, 4d, 2mo, 1.5y
    in English; <1min, 10min, 3h, 4g, 2me, 1,5a in Italian."""
    minute, hour, day, month, year = _UNITS.get(lang, _UNITS["en"])
    minutes = ms / 60_000
    if minutes < 1:
        return f"<1{minute}"
    if minutes < 60:
        return f"{round(minutes)}{minute}"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}{hour}"
    days = hours / 24
    if days < 30:
        return f"{round(days)}{day}"
    if days < 365:
        return f"{round(days / 30)}{month}"
    years = f"{days / 365:.1f}"
    return (years.replace(".", ",") if lang == "it" else years) + year


def interval_phrase(ms: int) -> Phrase:
    """`interval` in both languages, for a line shown later in whichever the UI speaks."""
    return Phrase(interval(ms, "it"), interval(ms, "en"))


def decimal(value: float, places: int, lang: str) -> str:
    """`value` with `places` decimals, a decimal comma in Italian."""
    shown = f"{value:.{places}f}"
    return shown.replace(".", ",") if lang == "it" else shown
