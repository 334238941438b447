"""The quizapp Textual application: theme, key map, language, first screen (screens/ has the
rest).

The app owns what every screen shares (see `BaseApp`): the learner's settings, a reactive that
screens watch (an immutable model that is replaced, never mutated), and the progress store
(opened when first needed). When the settings change, the app applies the theme and the key
map; each screen follows the UI language by itself, so switching it takes effect at once, on
every screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from quizapp.core import settings_lenient
from quizapp.core.settings import Settings, SettingsError
from quizapp.core.text import visible
from quizapp.tui import keys
from quizapp.tui.base import BaseApp
from quizapp.tui.i18n import t

if TYPE_CHECKING:
    from quizapp.core.deck.loading import CheckResult
    from quizapp.core.store.database import Store

ScreenFactory = Callable[["QuizApp"], Screen[Any]]


class QuizApp(BaseApp):
    """quizapp in the terminal."""

    TITLE = "quizapp"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False),
        # No key_display: while a text field takes `?`, the footer shows the key that works, F1.
        Binding("question_mark,f1", "help", "Help", id="app.help"),
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
        if settings is None:
            settings, settings_problem = settings_lenient.load_or_defaults()
        super().__init__(settings, store)
        self.extra_decks = list(extra_decks or [])
        self.checked = dict(checked or {})
        """Decks already checked (by `quizapp` before the app starts), by path."""
        self._settings_problem = settings_problem
        self.start = start

    # -- start ------------------------------------------------------------------------------

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

    # -- settings --------------------------------------------------------------------------

    def watch_settings(self, old: Settings, new: Settings) -> None:
        """The theme and the key map of new settings (screens follow the language themselves)."""
        if new.theme != old.theme:
            self._apply_theme(new.theme)
        if new.keymap != old.keymap:
            self._apply_keymap(new.keymap)
        self.refresh_bindings()

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
        self.change_settings(self.settings.model_copy(update={"ui_language": other}))

    def action_help_quit(self) -> None:
        """ctrl+c (Textual's reflex guard): how to quit, in the UI language."""
        shown = keys.spoken(self, "app.quit", self.lang)
        self.notify(
            t(self.lang, "app.quit_hint", shown=shown), title=t(self.lang, "app.quit_title")
        )

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

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = t(self.lang, "palette.search")
            self.push_screen(CommandPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        placeholder = t(self.lang, "palette.search_themes")
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette: the keys of the current screen, then help, settings, theme and
        quit."""
        lang = self.lang
        yield from keys.palette_commands(self, screen, lang)
        yield SystemCommand(t(lang, "key.app.help"), "?", self.action_help)
        yield SystemCommand(t(lang, "key.app.settings"), "", self.action_settings)
        yield SystemCommand(
            t(lang, "palette.theme"), t(lang, "palette.theme_help"), self.action_change_theme
        )
        yield SystemCommand(t(lang, "key.app.quit"), "ctrl+q", self.action_quit)


# -- every key a user can remap ------------------------------------------------------------


def bound_nodes() -> tuple[type[DOMNode], ...]:
    """The app and every screen (and widget with keys of its own) whose bindings a user can
    remap (imported here, when a keymap is checked: the app does not import every screen to
    start)."""
    from quizapp.tui.editing.dialogs import BrokenEditScreen, CopyDeckScreen, PickCardScreen
    from quizapp.tui.screens.browse import BrowseScreen
    from quizapp.tui.screens.browse_due import SetDueScreen
    from quizapp.tui.screens.help import HelpScreen
    from quizapp.tui.screens.home import HomeScreen
    from quizapp.tui.screens.leave_quiz import LeaveQuizScreen
    from quizapp.tui.screens.optimize import OptimizeScreen
    from quizapp.tui.screens.quiz import QuizScreen
    from quizapp.tui.screens.quiz_setup import QuizSetupScreen
    from quizapp.tui.screens.results import ResultsScreen
    from quizapp.tui.screens.settings import SettingsScreen
    from quizapp.tui.screens.stats import StatsScreen
    from quizapp.tui.screens.study import StudyScreen
    from quizapp.tui.screens.tag_picker import TagPickerScreen
    from quizapp.tui.widgets.option_picker import OptionPicker

    return (
        QuizApp,
        HomeScreen,
        TagPickerScreen,
        StudyScreen,
        OptionPicker,
        SettingsScreen,
        OptimizeScreen,
        HelpScreen,
        StatsScreen,
        QuizScreen,
        LeaveQuizScreen,
        QuizSetupScreen,
        ResultsScreen,
        BrowseScreen,
        SetDueScreen,
        CopyDeckScreen,
        BrokenEditScreen,
        PickCardScreen,
    )


def declared_bindings() -> Iterator[Binding]:
    """Every binding with an id that quizapp declares."""
    return keys.declared_bindings(bound_nodes())


def unknown_binding_ids(keymap: Mapping[str, str]) -> set[str]:
    """The ids in a user keymap that name no binding (a typo, or a key of an older version)."""
    if not keymap:
        return set()  # nothing to check: do not import every screen at start-up
    return keys.unknown_binding_ids(keymap, bound_nodes())
