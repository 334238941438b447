"""Settings traps: the help's keymap example, a partly wrong settings file, editing a field."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Static

from quizapp.core import locations
from quizapp.core import settings as user_settings
from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.settings import SettingsScreen


def _write(text: str) -> None:
    path = locations.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


async def test_the_help_keymap_example_works_written_as_shown() -> None:
    for lang in ("en", "it"):
        app = QuizApp(settings=Settings(ui_language=lang))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            hint = str(app.screen.query_one("#help-hint", Static).content)
        example = hint[hint.index("[keymap]") :]
        _write(example + "\n")
        assert user_settings.load().keymap == {"study.again": "a"}, lang


async def test_a_bad_entry_keeps_the_rest_and_is_named_at_start_and_in_settings() -> None:
    _write('new_per_day = 60\n[keymap]\nstudy.again = "a"\nstudy.good = 3\n')
    app = QuizApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.settings.new_per_day == 60
        assert app.settings.keymap == {"study.again": "a"}
        messages = [n.message for n in app._notifications]
        assert any("settings.toml:4:14" in m and "keymap.study.good" in m for m in messages)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#new_per_day", Input).value == "60"
        shown = str(app.screen.query_one("#settings-error", Static).content)
        assert "keymap.study.good" in shown and "settings.toml:4:14" in shown
        await pilot.press("ctrl+s")  # saving keeps a copy of the file as it was
        await pilot.pause()
    saved = user_settings.load()
    assert saved.new_per_day == 60 and saved.keymap == {"study.again": "a"}
    [copy] = locations.settings_path().parent.glob("settings.toml.broken-*")
    assert "study.good = 3" in copy.read_text(encoding="utf-8")


KEYS = [("ctrl+a", None), ("ctrl+k", None), ("0", "0"), ("full_stop", "."), ("8", "8"), ("5", "5")]


async def test_home_kill_and_type_replaces_the_value_every_time() -> None:
    app = QuizApp(settings=Settings(ui_language="en", desired_retention=0.91))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        field = app.screen.query_one("#desired_retention", Input)
        for attempt in range(6):
            field.value = "0.91"
            field.focus()
            field.cursor_position = attempt % 5  # wherever the cursor was left
            await pilot.pause()
            # all at once, as a terminal delivers keys typed (or sent) fast
            for key, character in KEYS:
                app.post_message(events.Key(key, character))
            await pilot.pause()
            await pilot.pause()
            assert field.value == "0.85", attempt
