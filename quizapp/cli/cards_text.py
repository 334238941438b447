"""The browser's prompts as a plain-text table of at most 80 columns.

Card ids, directions and questions are escaped (`printable`) before they are cut to width, so
that an escaped control character neither pushes a line past 80 columns nor acts on the
terminal. Stability, difficulty and the due time are in `--json`; the table keeps what fits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quizapp.core.browse import BrowseRow
from quizapp.core.text import printable

WIDTH = 80
STATE = {"new": "new", "learning": "learn", "review": "review", "relearning": "relrn"}
HEADER = (
    f"{'CARD':<22} {'DIR':<5} {'QUESTION':<16} {'STATE':<6} {'DUE':<10} "
    f"{'IVL':>4} {'R':>4} {'LAP':>3} FL"
)
"""FL: flags, S suspended, B buried, L leech."""


def cut(text: str, width: int) -> str:
    """`text` escaped and cut to `width` columns (an ellipsis marks the cut)."""
    shown = printable(text)
    return shown if len(shown) <= width else shown[: max(width - 1, 0)] + "…"


def _interval(days: int | None) -> str:
    if days is None:
        return "-"
    if days < 1000:
        return f"{days}d"
    return f"{min(days / 365, 99):.0f}y"


def line(row: BrowseRow) -> str:
    due = row.due_date.isoformat() if row.due_date is not None else "-"
    recall = f"{round(row.retrievability * 100)}%" if row.retrievability is not None else "-"
    flags = (
        ("S" if row.suspended else "") + ("B" if row.buried else "") + ("L" if row.leech else "")
    )
    return (
        f"{cut(row.card_id, 22):<22} {cut(row.direction, 5):<5} {cut(row.question, 16):<16} "
        f"{STATE[row.state]:<6} {due:<10} {_interval(row.interval):>4} {recall:>4} "
        f"{min(row.lapses, 999):>3} {flags[:2]:<2}"
    ).rstrip()


def table(deck_id: str, rows: Sequence[BrowseRow], shown: Sequence[BrowseRow]) -> Iterator[str]:
    """A summary line, then the header and one line per shown prompt."""
    suspended = sum(row.suspended for row in rows)
    leeches = sum(row.leech for row in rows)
    yield cut(
        f"{deck_id}: {len(shown)} of {len(rows)} prompts shown · {suspended} suspended · "
        f"{leeches} leech{'' if leeches == 1 else 'es'}",
        WIDTH,
    )
    if not shown:
        yield "No prompt matches."
        return
    yield HEADER
    for row in shown:
        yield line(row)
    yield "FL: S suspended, B buried, L leech; R: chance of recall now. More in --json."
