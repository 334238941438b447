"""Statistics: where a learner stands, in tabs readable at 80x24.

Overview (today, the period, streak, card states, quiz scores), Calendar (a heatmap of the
past year), Forecast (cards due in the next 30 days), Retention (true against predicted, by
week), Cards (tags, directions, intervals, difficulty) and Hardest (lapses, leeches, lowest
recall, what learners type instead). Everything comes from `quizapp.core.stats.compute`,
run in a worker thread so that a large log never freezes the screen; the charts are the
widgets of `quizapp.tui.widgets.charts` (see there why no plotting library). Each tab is a
pane of `quizapp.tui.widgets.stats`, which draws its part of the figures in the UI language;
keys 1-6 show the tabs.

Deck titles, tags, card text and the answers learners typed are data: each is shown through
`visible` (or `data` / `data_text`), never as markup, with any control, bidi or zero-width
character shown as its escape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone, tzinfo
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Header, Static, TabbedContent

from quizapp.core import stats
from quizapp.core.deck.model import Deck
from quizapp.core.schedule import to_ms
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store, StoreError
from quizapp.core.text import printable, visible
from quizapp.tui.base import Localised, LocalisedScreen
from quizapp.tui.i18n import phrase_n, t
from quizapp.tui.widgets.footer import KeyFooter
from quizapp.tui.widgets.stats import StatsPane
from quizapp.tui.widgets.stats.activity import CalendarPane, ForecastPane, OverviewPane
from quizapp.tui.widgets.stats.cards import CardsPane, HardestPane, RetentionPane

Clock = Callable[[], datetime]
TABS = ("overview", "calendar", "forecast", "retention", "cards", "hardest")
PERIODS = (7, 30, 90, 365)


class StatsScreen(LocalisedScreen[None]):
    """Statistics of one deck (`deck_id`) or of all decks."""

    DEFAULT_CSS = """
    StatsScreen { overflow: hidden; }
    StatsScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    StatsScreen TabbedContent { height: 1fr; }
    StatsScreen ContentSwitcher { height: 1fr; }
    StatsScreen TabPane { padding: 0 1; height: 1fr; }
    StatsScreen VerticalScroll { height: 1fr; }
    StatsScreen .section { margin-top: 1; text-style: bold; }
    StatsScreen .note { color: $text-muted; }
    StatsScreen DataTable { height: auto; max-height: 14; }
    StatsScreen .legend-true { color: $primary; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="stats.back"),
        Binding("p", "period", "Period", id="stats.period"),
        Binding("a", "scope", "All decks", id="stats.scope"),
        Binding("r", "refresh", "Refresh", id="stats.refresh"),
        *(
            Binding(str(n), f"show_tab('{name}')", name.title(), id=f"stats.tab{n}", show=False)
            for n, name in enumerate(TABS, start=1)
        ),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        store: Store,
        settings: Settings,
        *,
        deck_id: str | None = None,
        clock: Clock | None = None,
        tz: tzinfo | None = None,
        days: int = stats.DEFAULT_DAYS,
    ) -> None:
        """`clock` returns the current time (tests fix it); `tz` is the time zone of the day
        start (default: the system's)."""
        super().__init__(settings.ui_language)
        self.decks = list(decks)
        self.store = store
        self.settings = settings
        self.deck_id = deck_id
        self.home_deck_id = deck_id
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.tz = tz
        self.days = days
        self.result: stats.Stats | None = None

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status")
        lang = self.lang
        with TabbedContent(id="tabs"):
            for pane in (
                OverviewPane(lang, self.decks),
                CalendarPane(lang),
                ForecastPane(lang),
                RetentionPane(lang),
                CardsPane(lang),
                HardestPane(lang),
            ):
                yield pane.data_bind(Localised.lang)
        yield KeyFooter().data_bind(Localised.lang)

    def on_mount(self) -> None:
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def settings_changed(self, settings: Settings) -> None:
        self.settings = settings  # the next figures are computed with them

    def watch_lang(self) -> None:
        """Speak the new UI language at once (the figures stay as computed)."""
        tabs = self.query_one(TabbedContent)
        for name in TABS:
            tabs.get_tab(name).label = Content(t(self.lang, f"stats.tab.{name}"))
        if self.result is not None:
            self._show_period(self.result)  # the panes follow by themselves

    # -- computing -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="stats")
    def _compute(self) -> None:
        try:
            # Cheap when the decks did not change (the home screen records them too).
            stats.sync_catalogs(self.store, self.decks, self.settings)
            result = stats.compute(
                self.store,
                self.decks,
                deck_id=self.deck_id,
                days=self.days,
                now=to_ms(self.clock()),
                day_start_hour=self.settings.day_start_hour,
                tz=self.tz,
            )
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._show, result)

    def _failed(self, message: str) -> None:
        if not self.is_attached:  # closed while computing
            return
        self._show_status(t(self.lang, "stats.failed"))
        self.notify(visible(message), severity="error", markup=False, timeout=10)

    # -- showing ---------------------------------------------------------------------------

    def _static(self, name: str) -> Static:
        return self.query_one(f"#{name}", Static)

    def _show_status(self, text: str) -> None:
        self._static("status").update(Content(text))

    def _deck_name(self) -> str:
        if self.deck_id is None:
            return t(self.lang, "stats.all_decks")
        for deck in self.decks:
            if deck.id == self.deck_id:
                return deck.deck.title.get(self.lang)
        return self.deck_id

    def _show(self, result: stats.Stats) -> None:
        if not self.is_attached:  # closed while computing
            return
        self.result = result
        self._show_period(result)
        for pane in self.query(StatsPane):
            pane.result = result

    def _show_period(self, result: stats.Stats) -> None:
        lang = self.lang
        self.sub_title = t(lang, "stats.title")
        self._show_status(
            t(
                lang,
                "stats.status",
                deck=printable(self._deck_name()),
                period=phrase_n("stats.last_days", result.days),
                start=result.period_from.isoformat(),
                end=result.period_to.isoformat(),
            )
        )

    # -- actions ---------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_period(self) -> None:
        """Cycle the period: 7, 30, 90 and 365 study days."""
        following = [days for days in PERIODS if days > self.days]
        self.days = following[0] if following else PERIODS[0]
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def action_scope(self) -> None:
        """Switch between the deck the screen opened on and all decks."""
        self.deck_id = None if self.deck_id is not None else self.home_deck_id
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scope":
            return self.home_deck_id is not None
        return True

    def action_refresh(self) -> None:
        self._show_status(t(self.lang, "stats.computing"))
        self._compute()

    def action_show_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = name
