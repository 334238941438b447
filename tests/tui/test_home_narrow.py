"""Home in a small terminal (60x20): every column of the deck list, the mode line and the
footer fit; the deck's name gives up the room."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.footer import FooterKey


@pytest.mark.parametrize("lang", ["en", "it"])
async def test_home_at_60x20_keeps_every_column_and_its_keys(lang: str) -> None:
    app = QuizApp(settings=Settings(ui_language=lang))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        widths = sum(column.get_render_width(table) for column in table.ordered_columns)
        assert widths <= table.scrollable_content_region.width, "no column is cut off"
        assert table.max_scroll_x == 0
        title = "Chinese AI after DeepSeek" if lang == "en" else "L'IA cinese dopo DeepSeek"
        row = table.render_line(1).text  # the deck's row, under the header
        assert title[:6] in row and "…" in row, "a name cut short ends with an ellipsis"
        mode = app.screen.query_one("#mode", Static)
        assert mode.region.height >= 2, "the mode line wraps instead of being cut"
        keys = list(app.screen.query(FooterKey))
        assert keys and keys[-1].region.right <= 60
        assert {"home.study", "app.help"} <= {key.shown.binding_id for key in keys}
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert table.ordered_columns[0].width == len(title), "wide again: the whole name"


@pytest.mark.parametrize("lang", ["en", "it"])
def test_home_60x20_snapshot(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    monkeypatch.setenv("QUIZAPP_CONFIG_DIR", "/home/learner/.config/quizapp")
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    app = Path(__file__).parent / "snapshot_app.py"
    assert snap_compare(str(app), terminal_size=(60, 20))
