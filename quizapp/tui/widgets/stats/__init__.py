"""The panes of the statistics screen, one a tab: overview, calendar and forecast (activity.py),
retention, cards and hardest (cards.py).

Each pane draws the figures it is given (`result`, a `quizapp.core.stats.Stats`) in its `lang`,
and draws them again when either changes: the screen computes the figures and hands them to
every pane; a language switch redraws the panes by itself. Deck titles, tags, card text and
typed answers are data: shown through `visible` (or `data` / `data_text`), never as markup.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.reactive import var
from textual.widgets import TabPane

from quizapp.core import stats
from quizapp.tui.i18n import t


def short_date(day: date, lang: str) -> str:
    """ "5 Jan", "5 gen"."""
    return f"{day.day} {t(lang, 'stats.months').split()[day.month - 1]}"


class StatsPane(TabPane):
    """One tab of the statistics (see the module docstring)."""

    NAME: ClassVar[str] = ""
    """The pane's id and the name of its title, `stats.tab.<NAME>`."""

    lang: var[str] = var("en")
    result: var[stats.Stats | None] = var(None, always_update=True)
    """The figures shown; None until they are computed."""

    def __init__(self, lang: str) -> None:
        super().__init__(t(lang, f"stats.tab.{self.NAME}"), id=self.NAME)
        self.set_reactive(StatsPane.lang, lang)

    def watch_result(self) -> None:
        self._redraw()

    def watch_lang(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        if self.result is not None and self.is_mounted:
            self.draw(self.result, self.lang)

    def draw(self, result: stats.Stats, lang: str) -> None:
        """Show `result` in `lang` (each pane its part of it)."""
        raise NotImplementedError
