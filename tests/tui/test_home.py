"""The home screen lists the decks; a broken deck shows its located errors, the others work."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import DataTable, Static

from quizapp.tui.app import QuizApp


async def test_home_lists_the_bundled_deck() -> None:
    app = QuizApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[0]) == "L'IA cinese dopo DeepSeek"
        info = str(app.screen.query_one("#deck-info", Static).content)
        assert "Chinese AI after DeepSeek" in info


async def test_broken_deck_shows_errors_and_markup_is_literal() -> None:
    decks = Path(os.environ["QUIZAPP_DATA_DIR"]) / "decks"
    decks.mkdir(parents=True)
    (decks / "rotto.toml").write_text('[deck]\nid = "[bold]x[/]"\n', encoding="utf-8")
    app = QuizApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        assert table.row_count == 2
        await pilot.press("down")
        info = app.screen.query_one("#deck-info", Static)
        text = str(info.content)
        assert "this deck cannot be loaded" in text
        assert "rotto.toml:2:6: error: 'id' must be a slug" in text
        assert "'[bold]x[/]'" in text, "card text must be shown literally, not as markup"
        assert info.has_class("deck-errors")
        await pilot.press("up")
        assert not info.has_class("deck-errors")
