"""The home screen's study by tag (`f`: the tag picker, then a study or practice session of
the chosen tags) and learn mode (`i`: on or off, saved in the settings)."""

from __future__ import annotations

from collections.abc import Callable

from quizapp.core.deck.model import Deck
from quizapp.core.store.database import Store, StoreError
from quizapp.core.study.by_tag import tags_today
from quizapp.tui.base import BaseApp, LocalisedScreen
from quizapp.tui.i18n import t
from quizapp.tui.screens.tag_picker import Chosen, TagPickerScreen


def pick_tags(
    screen: LocalisedScreen[None],
    deck: Deck,
    store: Store,
    app: BaseApp,
    start: Callable[[str, tuple[str, ...]], None],
) -> None:
    """Offer the deck's tags (with today's counts); `start(mode, tags)` with the choice."""
    try:
        counts = tags_today(store, deck, app.settings)
    except StoreError as error:
        screen.notify_failure("home.study_error", error)
        return

    def chosen(choice: Chosen | None) -> None:
        if choice is not None:
            start(choice[1], choice[0])

    app.push_screen(TagPickerScreen(deck, counts, screen.lang), chosen)


def toggle_learn(screen: LocalisedScreen[None], app: BaseApp) -> None:
    """Learn mode on or off (saved), and say what it now does."""
    on = not app.settings.learn_mode
    app.change_settings(app.settings.model_copy(update={"learn_mode": on}))
    screen.notify(t(screen.lang, "home.learn_toggled_on" if on else "home.learn_toggled_off"))


def learn_state(lang: str, on: bool) -> str:
    return t(lang, "home.learn_on" if on else "home.learn_off")
