"""The home screen: decks with today's counts, study language and direction, UI language,
and a broken deck shown with its located errors while the others work."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from quizapp.core import locations
from quizapp.core import settings as user_settings
from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.footer import KeyFooter


def _cells(app: QuizApp, row: int = 0) -> list[str]:
    table = app.screen.query_one("#decks", DataTable)
    return [str(cell) for cell in table.get_row_at(row)]


def _headers(app: QuizApp) -> list[str]:
    table = app.screen.query_one("#decks", DataTable)
    return [str(column.label) for column in table.ordered_columns]


def _footer_descriptions(app: QuizApp) -> set[str]:
    """What the keys are called where the learner sees them: the footer and the palette."""
    footer = {key.description for key in app.screen.query_one(KeyFooter).keys}
    return footer | {command.title for command in app.get_system_commands(app.screen)}


async def test_home_lists_the_bundled_deck_with_todays_counts() -> None:
    app = QuizApp(settings=Settings(ui_language="en", new_per_day=7))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert table.row_count == 1
        assert _headers(app) == ["Deck", "New", "Learn", "Due", "Cards", "Best", "Last"]
        assert _cells(app) == ["Chinese AI after DeepSeek", "7", "0", "0", "297", "-", "-"]
        info = str(app.screen.query_one("#deck-info", Static).content)
        assert "L'IA cinese dopo DeepSeek / Chinese AI after DeepSeek" in info


async def test_counts_change_after_studying_a_card() -> None:
    app = QuizApp(settings=Settings(ui_language="en", new_per_day=3, new_order="deck"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "StudyScreen"
        from textual.widgets import Input

        assert screen.turn is not None and screen.turn.prompt.card.kind == "qa"
        screen.query_one("#answer", Input).value = "non lo so"
        await pilot.press("enter")  # judged wrong
        await pilot.pause()
        await pilot.press("enter")  # confirm the suggested grade
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        new, learning = _cells(app)[1:3]
        assert (new, learning) == ("2", "1")


async def test_ui_language_switches_everywhere_and_is_saved() -> None:
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Study" in _footer_descriptions(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert _headers(app)[:2] == ["Mazzo", "Nuove"]
        assert _cells(app)[0] == "L'IA cinese dopo DeepSeek"
        assert {"Studia", "Esci", "English"} <= _footer_descriptions(app)
        assert "Etichette:" in str(app.screen.query_one("#deck-info", Static).content)
        assert user_settings.load().ui_language == "it"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert _headers(app)[0] == "Deck" and "Italiano" in _footer_descriptions(app)
        assert user_settings.load().ui_language == "en"


async def test_study_language_and_direction_are_chosen_on_home_and_saved() -> None:
    app = QuizApp(settings=Settings(ui_language="en", study_language="it"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        mode = app.screen.query_one("#mode", Static)
        assert "Questions in Italian · vocabulary it→en and en→it" in str(mode.content)
        await pilot.press("l", "d")
        assert "Questions in English · vocabulary it→en " in str(mode.content)
        saved = user_settings.load()
        assert (saved.study_language, saved.vocab_direction) == ("en", "it>en")
        await pilot.press("d", "d")
        assert user_settings.load().vocab_direction == "both"


async def test_a_broken_settings_file_is_reported_and_kept() -> None:
    path = locations.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("new_per_day = 'many'\n", encoding="utf-8")
    app = QuizApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("settings.toml:1:15" in m and "new_per_day" in m for m in messages)
        await pilot.press("l")  # a change cannot be saved over a file it cannot read
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == "new_per_day = 'many'\n"


async def test_broken_deck_shows_errors_and_markup_is_literal() -> None:
    decks = Path(os.environ["QUIZAPP_DATA_DIR"]) / "decks"
    decks.mkdir(parents=True)
    (decks / "rotto.toml").write_text('[deck]\nid = "[bold]x[/]"\n', encoding="utf-8")
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert table.row_count == 2
        assert _cells(app, 1)[0] == "rotto.toml (cannot be loaded)"
        await pilot.press("down")
        info = app.screen.query_one("#deck-info", Static)
        text = str(info.content)
        assert "this deck cannot be loaded" in text
        assert "rotto.toml:2:6: error: 'id' must be a slug" in text
        assert "'[bold]x[/]'" in text, "card text must be shown literally, not as markup"
        assert info.has_class("deck-errors")
        await pilot.press("s")  # the broken deck cannot be studied; the app stays on home
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("up", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "StudyScreen"


async def test_a_quiz_from_home_shows_its_score_on_home() -> None:
    from textual.widgets import Input

    from quizapp.tui.screens.quiz import QuizScreen
    from quizapp.tui.screens.results import ResultsScreen

    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizSetupScreen"
        app.screen.query_one("#length", Input).value = "2"
        await pilot.press("enter")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and len(quiz.quiz.questions) == 2
        for _ in range(2):  # a wrong answer in every format
            question = quiz.question
            assert question is not None
            if question.format == "typed":
                quiz.query_one("#answer", Input).value = "non lo so"
                await pilot.press("enter")
            elif question.format == "choice":
                await pilot.press(str((question.correct + 1) % len(question.options) + 1))
            else:
                await pilot.press("2" if question.claim_true else "1")
            await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert _cells(app)[5:] == ["0%", "0%"]


async def test_stats_open_on_the_highlighted_deck_and_switch_to_all() -> None:
    from quizapp.tui.screens.stats import StatsScreen

    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        stats = app.screen
        assert isinstance(stats, StatsScreen) and stats.deck_id == "deepseek-it"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert stats.result is not None
        await pilot.press("a")
        assert stats.deck_id is None
        await pilot.press("a")
        assert stats.deck_id == "deepseek-it"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_home_uses_the_decks_checked_before_the_app_started(tmp_path: Path) -> None:
    from quizapp.core.deck import catalog
    from quizapp.core.deck.loading import check_deck

    bundled = catalog.discover()[0].path
    other = tmp_path / "other.toml"
    other.write_text(bundled.read_text(encoding="utf-8").replace("DeepSeek", "Altro"))
    # the bundled deck's entry holds another deck's result: the screen must show that one
    app = QuizApp(settings=Settings(ui_language="en"), checked={bundled: check_deck(other)})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _cells(app)[0] == "Chinese AI after Altro"
        assert app.screen.checked == {}, "each checked deck is used once"


async def test_drawing_home_only_reads_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """The decks' card keys are recorded when they load (and when the study language changes
    them); drawing the counts again, as on coming back to home, writes nothing."""
    app = QuizApp(settings=Settings(ui_language="en", new_per_day=7))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        store = app.open_store()
        assert store is not None
        assert store.deck_ids() == ["deepseek-it"]  # recorded when the decks loaded
        writes: list[object] = []
        synced: list[str] = []
        real_sync = store.sync_catalog

        def sync(deck_id: str, keys: list[tuple[str, str]]) -> bool:
            synced.append(deck_id)
            return real_sync(deck_id, keys)

        monkeypatch.setattr(store, "sync_catalog", sync)
        monkeypatch.setattr(store, "_write", writes.append)
        await pilot.press("o")  # the settings screen, and back: home draws again
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert _cells(app)[1:3] == ["7", "0"]
        assert (synced, writes) == ([], [])
        await pilot.press("l")  # another study language: other card keys to record
        await pilot.pause()
        assert synced == ["deepseek-it"] and len(writes) == 1
