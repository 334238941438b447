"""Browse: every prompt of a deck with its schedule, as Anki's browser shows cards.

A table (sorted by a key or a click on a column's header, filtered by state, tag and
leeches, searched as you type), several rows chosen with Space, and the actions of
`quizapp.core.browse` on them (or on the highlighted row when none is chosen): suspend,
bury, reset, set due date, each logged in the review log and undone with `u`. The screen talks
to the core through its `Browser` only; the rows are read again from the store after each
action, so what is shown is always what the log says. `e` edits the highlighted card in its
deck file (tui/editing.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, tzinfo
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static
from textual.widgets.data_table import RowKey

from quizapp.core.browse import STATE_FILTERS, BrowseAction, Browser, BrowseRow, Query
from quizapp.core.deck.model import Deck
from quizapp.core.schedule import from_ms
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store, StoreError
from quizapp.core.store.records import Key
from quizapp.core.text import visible
from quizapp.tui.base import Localised, LocalisedScreen
from quizapp.tui.editing import edit_card
from quizapp.tui.i18n import t, tn
from quizapp.tui.screens import browse_view as view
from quizapp.tui.screens.browse_due import SetDueScreen
from quizapp.tui.widgets.footer import KeyFooter

Clock = Callable[[], datetime]
STATES: tuple[str | None, ...] = (None, *STATE_FILTERS, "due")
"""The state filter's cycle (`f`): all, each state, due today."""
SEARCH_PAUSE = 0.2
"""Seconds without a key press before the search is run."""
SORTS = ("deck", "due", "lapses", "interval", "state", "question", "card", "retrievability")
"""The sort cycle (`o`); a click on a header sorts by that column."""


def _row_key(key: Key) -> str:
    return "\x1f".join(key)


class BrowseScreen(LocalisedScreen[None]):
    """The prompts of one deck, and what a learner does to them by hand."""

    DEFAULT_CSS = """
    BrowseScreen #filters { height: 1; padding: 0 1; color: $text-muted; }
    BrowseScreen #search { height: 1; border: none; padding: 0 1; margin: 0; }
    BrowseScreen #search:focus { background: $boost; }
    BrowseScreen #prompts { height: 1fr; }
    BrowseScreen #detail {
        height: 3; padding: 0 1; border-top: solid $primary;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    BrowseScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_select", "Select", id="browse.select", key_display="␣"),
        Binding("a", "select_all", "Select all", id="browse.select_all", show=False),
        Binding("s", "act('suspend')", "Suspend", id="browse.suspend"),
        Binding("b", "act('bury')", "Bury", id="browse.bury"),
        Binding("n", "act('reset')", "Reset", id="browse.reset", show=False),
        Binding("d", "set_due", "Due date", id="browse.set_due"),
        Binding("u,ctrl+z", "undo", "Undo", id="browse.undo"),
        Binding("l", "leech", "Leeches", id="browse.leech", show=False),
        Binding("slash", "search", "Search", id="browse.search", key_display="/", show=False),
        Binding("f", "state", "State", id="browse.state", show=False),
        Binding("t", "tag", "Tag", id="browse.tag", show=False),
        Binding("o", "sort", "Sort", id="browse.sort", show=False),
        Binding("O", "reverse", "Reverse order", id="browse.reverse", show=False),
        Binding("e", "edit", "Edit", id="browse.edit", show=False),
        Binding("escape", "back", "Back", id="browse.back", show=False),
    ]

    query_state: var[Query] = var(Query, init=False)
    """What the table shows; replaced (never changed) by each filter key."""

    def __init__(
        self,
        deck: Deck,
        store: Store,
        settings: Settings,
        *,
        clock: Clock | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        """`clock` and `tz` go to the Browser (tests fix the time and the time zone)."""
        super().__init__(settings.ui_language)
        self.deck = deck
        self.settings = settings
        self.browser = Browser.open(deck, store, settings, clock=clock, tz=tz)
        self._tz = tz
        self.rows: list[BrowseRow] = []
        self.shown: list[BrowseRow] = []
        self.selected: set[Key] = set()
        self._search_timer: Timer | None = None
        counted = Counter(tag for card in deck.cards for tag in card.tags)
        self.tags = [tag for tag, _ in counted.most_common()]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="filters")
        yield Input(id="search")
        yield DataTable(id="prompts", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield Static(id="status")
        yield KeyFooter().data_bind(Localised.lang)

    def on_mount(self) -> None:
        super().on_mount()
        self.title = t(self.lang, "browse.title", deck=visible(self.deck.deck.title.get(self.lang)))
        self._columns()
        self._reload()
        self.query_one("#prompts", DataTable).focus()

    def watch_lang(self) -> None:
        if self.is_mounted:
            self.title = t(
                self.lang, "browse.title", deck=visible(self.deck.deck.title.get(self.lang))
            )
            self._columns()
            self._fill()

    def settings_changed(self, settings: Settings) -> None:
        self.settings = settings

    # -- showing ---------------------------------------------------------------------------

    def _columns(self) -> None:
        table = self.query_one("#prompts", DataTable)
        for key, width in view.COLUMNS:
            label = view.column_label(key, self.lang)
            if key not in {column.value for column in table.columns}:
                table.add_column(label, key=key, width=width)
            else:
                for column_key, column in table.columns.items():
                    if column_key.value == key:
                        column.label = label
        self.query_one("#search", Input).placeholder = t(self.lang, "browse.search_placeholder")

    def _reload(self) -> None:
        """Read every prompt's state again (after an action), then show them."""
        try:
            self.rows = self.browser.rows()
        except StoreError as error:
            self.notify_failure("browse.error", error)
        self._fill()

    def _today(self) -> date:
        return from_ms(self.browser.day().start).astimezone(self._tz).date()

    def _fill(self) -> None:
        """The table from `rows` and the query, keeping the highlighted prompt in view."""
        table = self.query_one("#prompts", DataTable)
        current = self.highlighted()
        self.shown = self.browser.select(self.query_state, self.rows)
        table.clear()
        lang, today = self.lang, self._today()
        for row in self.shown:
            table.add_row(
                *view.cells(row, lang, today, row.key in self.selected), key=_row_key(row.key)
            )
        if current is not None and current.key in {row.key for row in self.shown}:
            index = next(i for i, row in enumerate(self.shown) if row.key == current.key)
            table.move_cursor(row=index)
        self._show_filters()
        self._show_detail()

    def _show_filters(self) -> None:
        lang, query = self.lang, self.query_state
        state = "due" if query.due else query.state
        sort = t(lang, f"browse.sort.{query.sort}") + (" ↓" if query.reverse else " ↑")
        line = t(
            lang,
            "browse.filters",
            state=t(lang, f"browse.state.{state or 'all'}"),
            tag=visible(query.tags[0]) if query.tags else t(lang, "browse.all_tags"),
            leech=t(lang, "browse.on" if query.leech else "browse.off"),
            sort=sort,
        )
        self.query_one("#filters", Static).update(Content(line))
        status = tn(lang, "browse.shown", len(self.shown), total=len(self.rows))
        if self.selected:
            status += " · " + tn(lang, "browse.selected", len(self.selected))
        status += "   " + t(lang, "browse.more_keys")
        self.query_one("#status", Static).update(Content(status))

    def highlighted(self) -> BrowseRow | None:
        index = self.query_one("#prompts", DataTable).cursor_row
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def _show_detail(self) -> None:
        self.query_one("#detail", Static).update(view.detail(self.highlighted(), self.lang))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter, or a click on the highlighted row, chooses it (as Space does)."""
        event.stop()
        self.action_toggle_select()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a column's header sorts by it (again: the other way)."""
        event.stop()
        field = view.SORT_OF_COLUMN.get(str(event.column_key.value))
        if field is None:
            return
        query = self.query_state
        reverse = not query.reverse if query.sort == field else False
        self._query(sort=field, reverse=reverse)

    # -- search and filters ----------------------------------------------------------------

    def _query(self, **changes: Any) -> None:
        self.query_state = replace(self.query_state, **changes)
        self._fill()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search as you type, once the typing pauses (a large deck takes a while to refill)."""
        event.stop()
        if self._search_timer is not None:
            self._search_timer.stop()
        value = event.value
        self._search_timer = self.set_timer(SEARCH_PAUSE, lambda: self._query(search=value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._search_timer is not None:
            self._search_timer.stop()
        if event.value != self.query_state.search:
            self._query(search=event.value)
        self.query_one("#prompts", DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_state(self) -> None:
        query = self.query_state
        now = "due" if query.due else query.state
        following = STATES[(STATES.index(now) + 1) % len(STATES)]
        if following == "due":
            self._query(state=None, due=True)
        else:
            self._query(state=following, due=False)

    def action_tag(self) -> None:
        choices: list[str | None] = [None, *self.tags]
        now = self.query_state.tags[0] if self.query_state.tags else None
        following = choices[(choices.index(now) + 1) % len(choices)]
        self._query(tags=(following,) if following else ())

    def action_leech(self) -> None:
        self._query(leech=not self.query_state.leech)

    def action_sort(self) -> None:
        now = self.query_state.sort
        following = SORTS[(SORTS.index(now) + 1) % len(SORTS)] if now in SORTS else SORTS[0]
        self._query(sort=following, reverse=False)

    def action_reverse(self) -> None:
        self._query(reverse=not self.query_state.reverse)

    # -- choosing rows ---------------------------------------------------------------------

    def action_toggle_select(self) -> None:
        row = self.highlighted()
        if row is None:
            return
        self.selected ^= {row.key}
        table = self.query_one("#prompts", DataTable)
        table.update_cell(
            RowKey(_row_key(row.key)),
            "browse.col.mark",
            view.MARK if row.key in self.selected else "",
        )
        if table.cursor_row < len(self.shown) - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self._show_filters()

    def action_select_all(self) -> None:
        """Choose every row shown; when they all are already, choose none."""
        shown = {row.key for row in self.shown}
        self.selected = set() if shown <= self.selected else self.selected | shown
        self._fill()

    def targets(self) -> list[Key]:
        """The chosen prompts (in the order shown), or the highlighted one."""
        if self.selected:
            order = [row.key for row in self.rows if row.key in self.selected]
            return order
        row = self.highlighted()
        return [row.key] if row is not None else []

    # -- actions ---------------------------------------------------------------------------

    def action_act(self, action: str) -> None:
        """Suspend and bury toggle: on chosen prompts that all are so already, they undo it."""
        keys = self.targets()
        if not keys:
            return
        by_key = {row.key: row for row in self.rows}
        chosen: BrowseAction = "reset"
        if action == "suspend":
            chosen = "unsuspend" if all(by_key[k].suspended for k in keys) else "suspend"
        elif action == "bury":
            chosen = "unbury" if all(by_key[k].buried for k in keys) else "bury"
        self._apply(chosen, keys)

    def action_set_due(self) -> None:
        keys = self.targets()
        if not keys:
            return

        def chosen(days: int | None) -> None:
            if days is not None:
                self._apply("set-due", keys, days)

        self.app.push_screen(SetDueScreen(len(keys), self.lang), chosen)

    def _apply(self, action: BrowseAction, keys: list[Key], days: int | None = None) -> None:
        try:
            change = self.browser.apply(action, keys, days)
        except StoreError as error:
            self.notify_failure("browse.error", error)
            self._reload()
            return
        if change.keys:
            self.notify(tn(self.lang, f"browse.done.{action}", len(change.keys)), markup=False)
        else:
            self.notify(t(self.lang, "browse.unchanged"), markup=False)
        self._changed(change.keys)

    def action_undo(self) -> None:
        try:
            change = self.browser.undo()
        except StoreError as error:
            self.notify_failure("browse.error", error)
            return
        if change is None:
            self.notify(t(self.lang, "browse.nothing_to_undo"), markup=False)
            return
        self.notify(tn(self.lang, "browse.undone", len(change.keys)), markup=False)
        self._changed(change.keys)

    def _changed(self, keys: tuple[Key, ...]) -> None:
        """After an action: the state of `keys` read again; their rows are redrawn in place
        when the same rows stay on show (refilling a table of 15,000 rows takes seconds)."""
        if not keys:
            return
        try:
            self.rows = self.browser.refreshed(self.rows, keys)
        except StoreError as error:
            self.notify_failure("browse.error", error)
            return
        shown = self.browser.select(self.query_state, self.rows)
        if [row.key for row in shown] != [row.key for row in self.shown]:
            self._fill()
            return
        self.shown = shown
        table = self.query_one("#prompts", DataTable)
        lang, today, wanted = self.lang, self._today(), set(keys)
        for row in shown:
            if row.key in wanted:
                cells = view.cells(row, lang, today, row.key in self.selected)
                for (column, _width), cell in zip(view.COLUMNS, cells, strict=True):
                    table.update_cell(RowKey(_row_key(row.key)), column, cell)
        self._show_filters()
        self._show_detail()

    def action_edit(self) -> None:
        """Edit the highlighted prompt's card in its deck file; the rows are read again."""
        row = self.highlighted()
        if row is not None:
            edit_card(self, self.deck, row.key[1], self._deck_edited)

    def _deck_edited(self, deck: Deck) -> None:
        self.deck = deck
        self.browser.use_deck(deck)
        self._reload()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            self.query_one("#prompts", DataTable).focus()
            return
        self.dismiss(None)
