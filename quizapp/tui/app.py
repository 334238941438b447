"""The quizapp Textual application: settings, theme, key map, first screen (screens/ has the rest).

The app owns what every screen shares: the learner's settings (an immutable model that is
replaced, never mutated), the progress store (opened when first needed) and the UI language.
`apply_settings` hands a new Settings to every screen on the stack that wants it, so switching
the UI language takes effect at once, on every screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quizapp.core import settings as user_settings
from quizapp.core.settings import Settings, SettingsError
from quizapp.core.text import visible
from quizapp.tui.i18n import t
from quizapp.tui.localise import translate_bindings

if TYPE_CHECKING:
    from quizapp.core.deck.loading import CheckResult
    from quizapp.core.store.database import Store

ScreenFactory = Callable[["QuizApp"], Screen[Any]]


class QuizApp(App[None]):
    """quizapp in the terminal."""

    TITLE = "quizapp"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False),
        Binding("question_mark,f1", "help", "Help", id="app.help", key_display="?"),
        Binding("ctrl+l", "toggle_language", "Italiano", id="app.language", priority=True),
    ]

    def __init__(
        self,
        extra_decks: list[Path] | None = None,
        *,
        settings: Settings | None = None,
        store: Store | None = None,
        settings_problem: SettingsError | None = None,
        start: ScreenFactory | None = None,
        checked: dict[Path, CheckResult] | None = None,
    ) -> None:
        """`start` makes the first screen (`quizapp study`/`quiz`); the app exits when it closes.

        `settings` default to the settings file (or the defaults, with a notice, when it is
        broken); a caller that read them passes the problem it found, for the same notice.
        `store` defaults to the progress database, opened when a screen first needs it.
        """
        super().__init__()
        self.extra_decks = list(extra_decks or [])
        self.checked = dict(checked or {})
        """Decks already checked (by `quizapp` before the app starts), by path."""
        self._settings_problem = settings_problem
        if settings is None:
            settings, self._settings_problem = user_settings.load_or_defaults()
        self.settings = settings
        self._store = store
        self._owns_store = False
        self.start = start
        translate_bindings(self, self.settings.ui_language)

    @property
    def lang(self) -> str:
        return self.settings.ui_language

    # -- start and stop --------------------------------------------------------------------

    def on_mount(self) -> None:
        self._apply_theme(self.settings.theme)
        self._apply_keymap(self.settings.keymap)
        if self._store is not None and self._store.notice:  # a database moved aside
            self.notify(visible(self._store.notice), severity="warning", markup=False, timeout=10)
        if self._settings_problem is not None:
            self.notify(
                visible(str(self._settings_problem)), severity="error", markup=False, timeout=10
            )
        if self.start is not None:
            from quizapp.core.store.database import StoreError

            try:
                first = self.start(self)
            except StoreError as error:  # the progress database failed as the session began
                self.exit(return_code=1, message=visible(str(error)))
                return
            self.push_screen(first, lambda _: self.exit())
            return
        from quizapp.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen(self.extra_decks, checked=self.checked))

    def on_unmount(self) -> None:
        if self._owns_store and self._store is not None:
            self._store.close()

    def open_store(self) -> Store | None:
        """The progress store, opened on first use; None (with a notice) if it cannot be."""
        if self._store is None:
            from quizapp.core.store.database import Store, StoreError

            try:
                self._store = Store()
            except StoreError as error:
                self.notify(visible(str(error)), severity="error", markup=False, timeout=10)
                return None
            self._owns_store = True
            if self._store.notice:
                self.notify(
                    visible(self._store.notice), severity="warning", markup=False, timeout=10
                )
        return self._store

    # -- settings --------------------------------------------------------------------------

    def apply_settings(self, new: Settings, *, save: bool = True) -> bool:
        """Use `new` everywhere now; save it to the settings file. False if it was not saved."""
        old, self.settings = self.settings, new
        saved = True
        if save:
            try:
                user_settings.save(new)
            except SettingsError as error:
                saved = False
                self.notify(visible(str(error)), severity="error", markup=False, timeout=10)
        if new.theme != old.theme:
            self._apply_theme(new.theme)
        if new.keymap != old.keymap:
            self._apply_keymap(new.keymap)
        translate_bindings(self, new.ui_language)
        for screen in self.screen_stack:
            apply = getattr(screen, "apply_settings", None)
            if callable(apply):
                apply(new)
        self.refresh_bindings()
        return saved

    def _apply_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name
        else:
            self.notify(
                t(self.lang, "app.unknown_theme", name=visible(name)),
                severity="warning",
                markup=False,
            )

    def _apply_keymap(self, keymap: dict[str, str]) -> None:
        from quizapp.tui.keys import unknown_binding_ids

        unknown = unknown_binding_ids(keymap)
        if unknown:
            self.notify(
                t(self.lang, "app.unknown_keys", ids=visible(", ".join(sorted(unknown)))),
                severity="warning",
                markup=False,
                timeout=10,
            )
        self.set_keymap({key: value for key, value in keymap.items() if key not in unknown})
        self.refresh_bindings()

    # -- actions ---------------------------------------------------------------------------

    def action_toggle_language(self) -> None:
        other = "en" if self.lang == "it" else "it"
        self.apply_settings(self.settings.model_copy(update={"ui_language": other}))

    def action_help(self) -> None:
        from quizapp.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_settings(self) -> None:
        from quizapp.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(self.settings))

    def action_command_palette(self) -> None:
        """Textual's palette, its search field labelled in the UI language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            placeholder = t(self.lang, "palette.search")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        placeholder = t(self.lang, "palette.search_themes")
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: the keys of the current screen, then settings, language, quit."""
        from quizapp.tui.keys import palette_commands

        yield from palette_commands(self, screen)
        yield SystemCommand(t(self.lang, "key.app.settings"), "", self.action_settings)
        yield SystemCommand(
            t(self.lang, "palette.theme"),
            t(self.lang, "palette.theme_help"),
            self.action_change_theme,
        )
        yield SystemCommand(t(self.lang, "key.app.quit"), "ctrl+q", self.action_quit)
