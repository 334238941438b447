"""How the Browse screen shows a prompt: its cells in the table and the line under it.

Card ids, directions, questions and answers are data: they go through `data_text` / `data`,
never through markup, and any control or bidi character is shown as its escape.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content

from quizapp.core.browse import BrowseRow
from quizapp.tui.format import data, data_text
from quizapp.tui.i18n import t

COLUMNS: tuple[tuple[str, int], ...] = (
    ("browse.col.mark", 1),
    ("browse.col.card", 14),
    ("browse.col.direction", 5),
    ("browse.col.question", 18),
    ("browse.col.state", 7),
    ("browse.col.due", 5),
    ("browse.col.interval", 4),
    ("browse.col.lapses", 4),
    ("browse.col.flags", 3),
)
"""(label key, width): 61 columns of text and 18 of padding, within 80 with the scroll bar."""
SORT_OF_COLUMN = {
    "browse.col.card": "card",
    "browse.col.direction": "direction",
    "browse.col.question": "question",
    "browse.col.state": "state",
    "browse.col.due": "due",
    "browse.col.interval": "interval",
    "browse.col.lapses": "lapses",
}
"""The sort field a click on a column's header chooses."""
MARK = "✓"


def column_label(key: str, lang: str) -> Text:
    if key == "browse.col.mark":
        return Text("")
    right = key in ("browse.col.interval", "browse.col.lapses")
    return Text(t(lang, key), justify="right" if right else "left")


def _days(n: int, lang: str) -> str:
    if abs(n) >= 1000:
        return t(lang, "browse.years", n=round(n / 365))
    return t(lang, "browse.days", n=n)


def due_text(row: BrowseRow, today: date, lang: str) -> str:
    """Today, or the study days from today to the due day (negative: overdue)."""
    if row.due_date is None:
        return "-"
    days = (row.due_date - today).days
    return t(lang, "browse.today") if days == 0 else _days(days, lang)


def flags(row: BrowseRow, lang: str) -> str:
    shown = t(lang, "browse.flag.suspended") if row.suspended else ""
    shown += t(lang, "browse.flag.buried") if row.buried else ""
    shown += t(lang, "browse.flag.leech") if row.leech else ""
    return shown


def _cut(text: Text) -> Text:
    """A cell of card text that ends in an ellipsis where the column cuts it."""
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def cells(row: BrowseRow, lang: str, today: date, selected: bool) -> list[Text]:
    interval = _days(row.interval, lang) if row.interval is not None else "-"
    state = Text(t(lang, f"browse.state.{row.state}"))
    if row.suspended:
        state.stylize("dim")
    return [
        Text(MARK if selected else "", style="bold"),
        _cut(data_text(row.card_id)),
        _cut(data_text(row.direction)),
        _cut(data_text(row.question.replace("\n", " "))),
        state,
        Text(due_text(row, today, lang)),
        Text(interval, justify="right"),
        Text(str(row.lapses), justify="right"),
        Text(flags(row, lang), style="bold"),
    ]


def _number(value: float | None, lang: str, unit: str = "") -> str:
    """One decimal, with a decimal comma in Italian."""
    if value is None:
        return "-"
    shown = f"{value:.1f}"
    return (shown.replace(".", ",") if lang == "it" else shown) + unit


def detail(row: BrowseRow | None, lang: str) -> Content:
    """The highlighted prompt: its question and answer whole, and its memory."""
    if row is None:
        return Content(t(lang, "browse.nothing"))
    recall = "-" if row.retrievability is None else f"{round(row.retrievability * 100)}%"
    facts = t(
        lang,
        "browse.detail",
        stability=_number(row.stability, lang, t(lang, "browse.days", n="")),
        difficulty=_number(row.difficulty, lang),
        recall=recall,
        reps=row.reps,
        lapses=row.lapses,
    )
    if row.leech:
        facts += " · " + t(lang, "browse.leech_word")
    text = f"{row.question.replace(chr(10), ' ')}  →  {row.answer}"
    return data(text).append("\n").append(Content(facts))
