"""Help, settings, the command palette and user keymaps (Pilot)."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import DataTable, Input, Select, Static

import quizapp.tui
from quizapp.core import locations
from quizapp.core import settings as user_settings
from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp, bound_nodes, declared_bindings, unknown_binding_ids
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.settings import SettingsScreen
from quizapp.tui.screens.study import StudyScreen


def _help_rows(app: QuizApp) -> list[tuple[str, str, str]]:
    table = app.screen.query_one("#keys", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]  # type: ignore[misc]


async def test_help_lists_every_key_of_the_screen_below_including_hidden_ones() -> None:
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("f1")  # `?` would be typed into the answer
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = _help_rows(app)
        ids = [row[2] for row in rows]
        study_ids = [b.id for b in StudyScreen.BINDINGS if hasattr(b, "id")]
        assert ids[1 : 1 + len(study_ids)] == study_ids
        assert ("1", "Again", "study.again") in rows
        assert ("^u", "Undo", "study.undo") in rows
        assert ("?, f1", "Help", "app.help") in rows
        await pilot.press("escape")
        assert isinstance(app.screen, StudyScreen)


async def test_help_speaks_the_ui_language() -> None:
    app = QuizApp(settings=Settings(ui_language="it"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        rows = _help_rows(app)
        assert rows[0][0] == "In questa schermata"
        assert ("s", "Studia", "home.study") in rows
        assert "[keymap]" in str(app.screen.query_one("#help-hint", Static).content)


async def test_a_keymap_from_settings_remaps_keys_and_help_shows_it() -> None:
    settings = Settings(ui_language="en", keymap={"study.again": "a", "home.study": "n"})
    app = QuizApp(settings=settings)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert not isinstance(app.screen, StudyScreen)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        screen.query_one("#answer", Input).value = "6 milioni di dollari"
        await pilot.press("enter", "a")  # correct, but the learner says Again
        await pilot.pause()
        reviews = app.open_store().reviews()  # type: ignore[union-attr]
        assert [r.rating for r in reviews] == [1]
        await pilot.press("f1")
        assert ("a", "Again", "study.again") in _help_rows(app)


async def test_unknown_keymap_ids_are_reported_not_fatal() -> None:
    assert unknown_binding_ids({"study.again": "a", "study.agian": "b"}) == {"study.agian"}
    app = QuizApp(settings=Settings(ui_language="en", keymap={"study.agian": "b"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("study.agian" in n.message for n in app._notifications)


def _classes_with_keys() -> set[type[DOMNode]]:
    """Every screen, dialog, widget and app of quizapp.tui that declares a binding with an id."""
    found: set[type[DOMNode]] = set()
    for info in pkgutil.walk_packages(quizapp.tui.__path__, "quizapp.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if not isinstance(value, type) or value.__module__ != module.__name__:
                continue
            own = value.__dict__.get("BINDINGS", ())
            if issubclass(value, DOMNode) and any(isinstance(b, Binding) and b.id for b in own):
                found.add(value)
    return found


def test_every_screen_with_keys_can_be_remapped() -> None:
    """The tag picker's and Optimize's keys too: a keymap entry for them is not "unknown"."""
    assert _classes_with_keys() == set(bound_nodes())
    assert unknown_binding_ids({"tags.study": "x", "optimize.start": "ctrl+g"}) == set()


def test_every_binding_id_is_unique_and_translated() -> None:
    from quizapp.tui.i18n import has

    ids = [binding.id for binding in declared_bindings()]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not has(f"key.{i}")] == []


async def test_command_palette_lists_the_screen_actions() -> None:
    app = QuizApp(settings=Settings(ui_language="it"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Studia", "Pratica", "Impostazioni", "Aiuto", "English", "Tema"} <= set(titles)
        assert len(titles) == len(set(titles)), "each action once (home's q is ctrl+q's quit)"
        study = next(c for c in app.get_system_commands(app.screen) if c.title == "Studia")
        await study.callback()
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)


async def test_settings_are_edited_validated_and_saved() -> None:
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#new_per_day", Input).value = "99999"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen), "an invalid value is not saved"
        error = str(screen.query_one("#settings-error", Static).content)
        assert error == "New cards per day: at most 9999"
        assert screen.query_one("#field-new_per_day").has_class("-invalid")
        assert not locations.settings_path().exists()
        screen.query_one("#new_per_day", Input).value = "5"
        screen.query_one("#ui_language", Select).value = "it"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        saved = user_settings.load()
        assert (saved.new_per_day, saved.ui_language) == (5, "it")
        assert app.settings == saved
        table = app.screen.query_one("#decks", DataTable)
        assert [str(c) for c in table.get_row_at(0)][:2] == ["L'IA cinese dopo DeepSeek", "5"]


async def test_settings_cancel_changes_nothing() -> None:
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#quiz_length", Input).value = "3"
        await pilot.press("escape")
        await pilot.pause()
        assert app.settings.quiz_length == 10
        assert not locations.settings_path().exists()


async def test_the_command_palette_speaks_the_ui_language() -> None:
    from textual.command import CommandInput, CommandPalette

    app = QuizApp(settings=Settings(ui_language="it"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Cerca un comando…"
        await pilot.press("escape")
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Cerca un tema…"
