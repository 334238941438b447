"""Home: the decks, bundled and the user's, with today's counts and quiz scores.

A deck that cannot be loaded is listed with its located errors; the others still work.
Decks are read once, when the screen opens (through the validated-deck cache, which also counts
their kinds and tags); their card keys are recorded in the store then, and again when a setting
that changes them does (`study.sync_deck`, the one write). Today's counts are only read from the
store (`study.counts`, in SQL) when the screen opens, when it comes back into view, and when a
setting changes, never per key press: drawing the screen never writes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import ColumnKey

from quizapp.core.deck import catalog
from quizapp.core.deck.editing import decks_stamp
from quizapp.core.deck.index import DeckSummary, summary
from quizapp.core.deck.loading import CheckResult, check_deck_cached
from quizapp.core.deck.model import Deck
from quizapp.core.settings import Settings
from quizapp.core.store.records import QuizRun
from quizapp.tui.base import BaseApp, Localised, LocalisedScreen, base_app
from quizapp.tui.format import data, data_text
from quizapp.tui.i18n import t, tn
from quizapp.tui.screens.home_modes import learn_state, pick_tags, toggle_learn
from quizapp.tui.screens.home_rows import deck_counts, deck_scores
from quizapp.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from quizapp.core.quiz.run import QuizOptions

DIRECTIONS = ("both", "it>en", "en>it")
SHOWN_ERRORS = 20
"""A broken deck's details show this many of its errors (`quizapp validate` lists all)."""
COLUMNS = (
    "home.deck",
    "home.new",
    "home.learning",
    "home.due",
    "home.cards",
    "home.best",
    "home.last",
)

FOOTER_SPARE = ("home.browse", "home.stats", "home.learn", "home.by_tag", "app.language")
"""Keys the footer leaves out (in this order) when the others do not fit, in their short words
(`footer.<id>`), either: help lists them. At 80 columns only Browse goes in English, Browse
and Stats in Italian; the others only in a narrower terminal."""


class HomeScreen(LocalisedScreen[None]):
    """The list of decks and the highlighted deck's details."""

    DEFAULT_CSS = """
    HomeScreen #mode { height: auto; padding: 0 2; color: $text-muted; }
    HomeScreen #decks { height: auto; max-height: 60%; }
    HomeScreen #details { height: 1fr; padding: 1 2; border-top: solid $primary; }
    HomeScreen .deck-errors { color: $error; }
    HomeScreen > .home--broken { color: $error; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"home--broken"}
    """The look of a deck that cannot be loaded, in the table."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "study('study')", "Study", id="home.study"),
        Binding("p", "study('practice')", "Practice", id="home.practice"),
        Binding("t", "quiz", "Quiz", id="home.quiz"),
        Binding("g", "stats", "Stats", id="home.stats"),
        Binding("b", "browse", "Browse", id="home.browse"),
        Binding("f", "by_tag", "By tag", id="home.by_tag"),
        Binding("i", "learn", "Learn mode", id="home.learn"),
        Binding("l", "study_language", "Study language", id="home.study_lang", show=False),
        Binding("d", "direction", "Vocab direction", id="home.direction", show=False),
        Binding("o", "app.settings", "Settings", id="home.settings", show=False),
        Binding("q", "app.quit", "Quit", id="home.quit", show=False),
    ]

    def __init__(
        self,
        extra_decks: list[Path] | None = None,
        *,
        checked: dict[Path, CheckResult] | None = None,
    ) -> None:
        """`checked`: decks already checked, by path (the others are checked on mount)."""
        super().__init__()
        self.extra_decks = list(extra_decks or [])
        self.checked = dict(checked or {})
        self.results: list[CheckResult] = []
        self.summaries: list[DeckSummary | None] = []
        self.origins: list[str] = []
        self._loaded = False
        self._widths: list[int] = []
        """The columns' natural widths (the deck's name fitted to the room on resize)."""

    @property
    def shared(self) -> BaseApp:
        return base_app(self)

    @property
    def settings(self) -> Settings:
        return self.shared.settings

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static(id="mode")
            yield DataTable(id="decks", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="details"):
                yield Static(id="deck-info")
        yield KeyFooter(spare=FOOTER_SPARE).data_bind(Localised.lang)

    def on_mount(self) -> None:
        self._load_decks()
        self._sync_decks()
        self._refresh()
        self.query_one("#decks", DataTable).focus()
        self._loaded = True

    def _load_decks(self) -> None:
        self.results, self.summaries, self.origins = [], [], []
        for entry in catalog.discover(self.extra_decks):
            result = self.checked.pop(entry.path, None) or check_deck_cached(entry.path)
            self.results.append(result)
            self.summaries.append(summary(result.deck) if result.deck is not None else None)
            self.origins.append(entry.origin)
        self._stamp = decks_stamp(result.path for result in self.results)

    def on_screen_resume(self) -> None:
        """Back from a study session or a quiz: today's counts and scores may have changed,
        and the decks too when one was edited there (`e`)."""
        if not self._loaded:
            return
        if decks_stamp(result.path for result in self.results) != self._stamp:
            self._load_decks()
            self._sync_decks()
        self._refresh()

    def settings_changed(self, settings: Settings) -> None:
        """The UI language, the study language or the limits changed: the decks' card keys
        may have too (the study language and the vocabulary direction choose them); draw it
        all again."""
        self._sync_decks()
        self._refresh()

    def _sync_decks(self) -> None:
        """Record the loaded decks' card keys for the settings in force (a write, when they
        changed), so that drawing only reads."""
        from quizapp.core.store.database import StoreError
        from quizapp.core.study import sync_deck

        store = self.shared.open_store()
        if store is None:
            return
        for result in self.results:
            if result.deck is None:
                continue
            try:
                sync_deck(store, result.deck, self.settings)
            except StoreError:
                return  # the counts read what is there; the error shows when studying

    # -- showing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        """Fill the table (keeping the highlighted row), the mode line and the details."""
        table = self.query_one("#decks", DataTable)
        row_index = table.cursor_row
        table.clear()
        lang = self.lang
        store = self.shared.open_store()
        rows = [self._row(result, store) for result in self.results]
        # Fixed widths: auto widths are measured on idle, after the first paint.
        self._widths = []
        for index, key in enumerate(COLUMNS):
            label = Text(t(lang, key), justify="left" if index == 0 else "right")
            width = max([label.cell_len, *(row[index].cell_len for row in rows)])
            width = min(width, 40) if index == 0 else max(width, 4)
            self._widths.append(width)
            if ColumnKey(key) not in table.columns:
                table.add_column(label, key=key, width=width)
            table.columns[ColumnKey(key)].label = label
        self._fit_columns()
        for row in rows:
            table.add_row(*row)
        if self.results:
            table.move_cursor(row=min(max(row_index, 0), len(self.results) - 1))
        table.refresh(layout=True)
        self.query_one("#mode", Static).update(Content(self._mode_line()))
        self._show(table.cursor_row)

    def _fit_columns(self) -> None:
        """Every number column whole; the deck's name gets the width left (at least 6)."""
        table = self.query_one("#decks", DataTable)
        if not self._widths:
            return
        room = table.size.width or self.app.size.width
        numbers = sum(width + 2 for width in self._widths[1:])  # a cell's padding: 1 each side
        widths = [max(6, min(self._widths[0], room - numbers - 2)), *self._widths[1:]]
        for key, width in zip(COLUMNS, widths, strict=True):
            table.columns[ColumnKey(key)].width = width
        table.refresh(layout=True)

    def on_resize(self) -> None:
        if self.is_mounted:
            self._fit_columns()

    def _row(self, result: CheckResult, store: object) -> list[Text]:
        deck = result.deck
        if deck is None:
            name = data_text(f"{result.path.name} ({t(self.lang, 'home.broken')})")
            name.stylize(self.get_component_rich_style("home--broken", partial=True))
            return [name, *(Text("-", justify="right") for _ in range(6))]
        title = data_text(deck.deck.title.get(self.lang))
        title.no_wrap, title.overflow = True, "ellipsis"  # a name cut short says so: "L'IA ci…"
        cells = [title]
        counts = deck_counts(deck, store, self.settings)
        for value in (*counts, len(deck.cards)):  # len() of cached cards reads none of them
            cells.append(Text(str(value) if value is not None else "-", justify="right"))
        best, last = deck_scores(deck, store)
        cells += [Text(_percent(best), justify="right"), Text(_percent(last), justify="right")]
        return cells

    def _mode_line(self) -> str:
        lang, settings = self.lang, self.settings
        return t(
            lang,
            "home.mode",
            language=t(lang, f"lang.{settings.study_language}"),
            direction=t(lang, f"direction.{settings.vocab_direction}"),
            learn=learn_state(lang, settings.learn_mode),
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter, or a click on the highlighted row, studies the deck."""
        event.stop()
        self.action_study("study")

    def _origin(self, index: int) -> str:
        return self.origins[index] if 0 <= index < len(self.origins) else "path"

    def _show(self, index: int) -> None:
        info = self.query_one("#deck-info", Static)
        lang = self.lang
        if not 0 <= index < len(self.results):
            info.update(Content(t(lang, "home.no_decks")))
            return
        result = self.results[index]
        info.set_class(result.deck is None, "deck-errors")
        if result.deck is None:
            lines = [t(lang, "home.cannot_load", path=str(result.path))]
            errors = result.errors
            lines += [problem.format() for problem in errors[:SHOWN_ERRORS]]
            if len(errors) > SHOWN_ERRORS:
                lines.append(tn(lang, "home.more_errors", len(errors) - SHOWN_ERRORS))
            info.update(data("\n".join(lines)))
            return
        deck = result.deck
        about = self.summaries[index]
        kinds: Counter[str] = about.kinds if about is not None else Counter()
        tags: Counter[str] = about.tags if about is not None else Counter()
        shown_path = result.path.name if self._origin(index) == "bundled" else str(result.path)
        lines = [
            f"{deck.deck.title.it} / {deck.deck.title.en}",
            "",
            deck.deck.description.get(lang),
            "",
            t(
                lang,
                "home.kinds",
                kinds=", ".join(f"{t(lang, 'kind.' + k)} {n}" for k, n in kinds.most_common()),
            ),
            t(lang, "home.tags", tags=", ".join(f"{tag} {n}" for tag, n in tags.most_common())),
            t(lang, "home.by_tag_hint"),
            t(lang, "home.author", author=deck.deck.author, license=deck.deck.license),
            t(lang, "home.file", path=shown_path, origin=t(lang, f"origin.{self._origin(index)}")),
        ]
        info.update(data("\n".join(lines)))

    # -- actions ---------------------------------------------------------------------------

    def _deck(self) -> Deck | None:
        """The highlighted deck, or None (with a notice) when it cannot be loaded."""
        index = self.query_one("#decks", DataTable).cursor_row
        if not 0 <= index < len(self.results) or self.results[index].deck is None:
            self.notify(t(self.lang, "home.fix_errors"), severity="error")
            return None
        return self.results[index].deck

    def action_study(self, mode: str, tags: tuple[str, ...] = ()) -> None:
        """Study (or practise) the highlighted deck (only the cards with any of `tags`, when
        given); a broken deck cannot be opened."""
        from quizapp.core.store.database import StoreError
        from quizapp.core.study.lock import DeckLocked
        from quizapp.tui.screens.study import StudyScreen

        deck = self._deck()
        store = self.shared.open_store() if deck is not None else None
        if deck is None or store is None:
            return
        try:
            options = {"tags": tags} if tags else None
            screen = StudyScreen(deck, store, self.settings, mode=mode, session_options=options)
        except StoreError as error:  # the catalog could not be saved: disk full, read-only...
            self.notify_failure("home.study_error", error)
            return
        except DeckLocked as locked:
            self.notify(t(self.lang, "home.deck_locked", pid=locked.pid), severity="error")
            return
        self.app.push_screen(screen)

    def action_quiz(self) -> None:
        """Choose a quiz's options, then take it on the highlighted deck."""
        from quizapp.tui.screens.quiz import QuizScreen
        from quizapp.tui.screens.quiz_setup import QuizSetupScreen

        deck = self._deck()
        store = self.shared.open_store() if deck is not None else None
        if deck is None or store is None:
            return

        def start(options: QuizOptions | None) -> None:
            if options is not None:
                self.app.push_screen(QuizScreen(deck, store, self.settings, options))

        self.app.push_screen(QuizSetupScreen(deck, self.settings), start)

    def action_stats(self) -> None:
        """Statistics of the highlighted deck (`a` on that screen switches to all decks)."""
        from quizapp.tui.screens.stats import StatsScreen

        store = self.shared.open_store()
        if store is None:
            return
        decks = [result.deck for result in self.results if result.deck is not None]
        index = self.query_one("#decks", DataTable).cursor_row
        chosen = self.results[index].deck if 0 <= index < len(self.results) else None
        deck_id = chosen.id if chosen is not None else None
        self.app.push_screen(StatsScreen(decks, store, self.settings, deck_id=deck_id))

    def action_browse(self) -> None:
        """Every prompt of the highlighted deck, with its schedule (suspend, bury, reset...)."""
        from quizapp.core.store.database import StoreError
        from quizapp.tui.screens.browse import BrowseScreen

        deck = self._deck()
        store = self.shared.open_store() if deck is not None else None
        if deck is None or store is None:
            return
        try:
            screen = BrowseScreen(deck, store, self.settings)
        except StoreError as error:
            self.notify_failure("home.study_error", error)
            return
        self.app.push_screen(screen)

    def action_by_tag(self) -> None:
        """The highlighted deck's tags: study or practise the chosen ones."""
        deck = self._deck()
        store = self.shared.open_store() if deck is not None else None
        if deck is not None and store is not None:
            pick_tags(
                self, deck, store, self.shared, lambda mode, tags: self.action_study(mode, tags)
            )

    def action_learn(self) -> None:
        toggle_learn(self, self.shared)

    def action_study_language(self) -> None:
        other = "en" if self.settings.study_language == "it" else "it"
        self.shared.change_settings(self.settings.model_copy(update={"study_language": other}))

    def action_direction(self) -> None:
        now = DIRECTIONS.index(self.settings.vocab_direction)
        following = DIRECTIONS[(now + 1) % len(DIRECTIONS)]
        self.shared.change_settings(self.settings.model_copy(update={"vocab_direction": following}))


def _percent(run: QuizRun | None) -> str:
    return f"{round(run.ratio * 100)}%" if run is not None else "-"
