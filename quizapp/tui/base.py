"""What a screen may ask of the app it runs in, without importing the app (app.py imports the
screens, so the screens import this instead).

`BaseApp` holds the learner's settings as a reactive: an immutable Settings that is replaced,
never changed in place, and that screens watch. It also holds the progress store, opened when a
screen first needs it. `LocalisedScreen` (and `LocalisedModal`, for a dialog) is a screen
whose `lang` follows the app's UI language; its widgets bind their own `lang` to it, so
switching language redraws every screen on the stack at once. A screen also runs inside a
plain `App` (tests do that): it then keeps the language it was made with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.app import App
from textual.dom import DOMNode
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from quizapp.core import settings as user_settings
from quizapp.core.settings import Settings, SettingsError
from quizapp.core.text import visible
from quizapp.tui.i18n import t

if TYPE_CHECKING:
    from quizapp.core.store.database import Store

ResultT = TypeVar("ResultT")


class BaseApp(App[None]):
    """The settings (reactive) and the progress store that every screen shares."""

    settings: var[Settings] = var(Settings, init=False)
    """The learner's settings; assign a new Settings (or call `change_settings`) to change them."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        super().__init__()
        self.set_reactive(BaseApp.settings, settings)
        self._store = store
        self._owns_store = False

    @property
    def lang(self) -> str:
        return self.settings.ui_language

    def change_settings(
        self, new: Settings, *, save: bool = True, keep_broken: bool = False
    ) -> bool:
        """Use `new` everywhere now, and save it to the settings file; False if not saved.
        `keep_broken`: a file that does not load is first renamed to a copy, then replaced."""
        saved = True
        if save:
            try:
                user_settings.save(new, keep_broken=keep_broken)
            except SettingsError as error:
                saved = False
                self.notify(visible(str(error)), severity="error", markup=False, timeout=10)
        self.settings = new
        return saved

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

    def on_unmount(self) -> None:
        if self._owns_store and self._store is not None:
            self._store.close()


def base_app(node: DOMNode) -> BaseApp:
    """`node.app` as a BaseApp, for a screen that cannot work without one (home, settings)."""
    app = node.app
    assert isinstance(app, BaseApp), f"{type(node).__name__} needs to run inside a BaseApp"
    return app


if TYPE_CHECKING:
    _Mixin = Widget  # for the type checker: `lang` is a reactive of a widget (a screen)
else:
    _Mixin = object  # at run time a plain mixin, which Textual's CSS lookup passes over


class Localised(_Mixin):
    """What a screen that speaks the app's UI language has: `lang`, which follows the app's
    settings (see `LocalisedScreen` and `LocalisedModal`, the two kinds of screen with it)."""

    lang: var[str] = var("en", init=False)
    """The UI language of the screen ("it" or "en"); its widgets bind their `lang` to it."""

    def __init__(
        self, lang: str | None = None, *, name: str | None = None, id: str | None = None
    ) -> None:
        """`lang` None: the language of the running app's settings."""
        super().__init__(name=name, id=id)
        if lang is None:
            app = self.app
            lang = app.lang if isinstance(app, BaseApp) else "en"
        self.set_reactive(Localised.lang, lang)

    def on_mount(self) -> None:
        app = self.app
        if isinstance(app, BaseApp):
            self.watch(app, "settings", self._follow_settings, init=False)

    def settings_changed(self, settings: Settings) -> None:
        """New settings in the app (after `lang` has followed them): by default nothing more."""

    def notify_failure(self, key: str, error: Exception, *, timeout: float | None = None) -> None:
        """Tell the learner what failed: the phrase `key`, its `{error}` shown as plain text."""
        text = t(self.lang, key, error=visible(str(error)))
        self.notify(text, severity="error", markup=False, timeout=timeout)

    def _follow_settings(self, settings: Settings) -> None:
        self.lang = settings.ui_language
        self.settings_changed(settings)


# The mixin comes first: Textual takes a class's CSS (and CSS type names) from the first
# DOMNode among its bases, so a modal keeps ModalScreen's.


class LocalisedScreen(Localised, Screen[ResultT]):
    """A screen whose `lang` follows the app's UI language."""


class LocalisedModal(Localised, ModalScreen[ResultT]):
    """A modal screen (a dialog) whose `lang` follows the app's UI language."""
