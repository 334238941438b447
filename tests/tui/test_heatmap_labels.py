"""The calendar names every month that starts in it, the last one too."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App, ComposeResult

from quizapp.tui.widgets.charts import MONTHS, Heatmap


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Heatmap()


async def test_a_month_starting_in_the_last_week_is_labelled() -> None:
    end = date(2026, 12, 2)
    days = [(end - timedelta(days=n), n % 3) for n in range(364, -1, -1)]
    app = _Host()
    async with app.run_test(size=(80, 24)) as pilot:
        heatmap = app.query_one(Heatmap)
        heatmap.show(days, ["Mo"] * 7, list(MONTHS))
        await pilot.pause()
        header = heatmap.render().plain.splitlines()[0]
    for name in ("Jan", "Jun", "Nov", "Dec"):
        assert name in header, (name, header)
