"""Charts drawn with block characters in the theme's colours: a calendar heatmap and bars.

Why not a plotting library (textual-plotext): a calendar heatmap is not among plotext's
charts; plotext paints with its own palette, not the app's theme variables ($success,
$primary...), so charts would not follow the theme the learner picks; and at 80x24 a chart has
a few dozen cells to spend, where exact control of each one (eighth-block bar tops, one cell
per day) reads better than a scaled plot with axes and ticks. Two small widgets, each a few
dozen lines, with colours from component classes in their DEFAULT_CSS, also keep snapshots
stable and add no dependency.

Labels are drawn character by character, so they go through `printable`: a label taken from
data (a tag, a deck's title) then shows any control or bidi character as its escape.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from quizapp.core.text import printable

EIGHTHS = " ▁▂▃▄▅▆▇█"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def shade(count: int, top: int, levels: int) -> int:
    """0 for no answers; otherwise 1..levels in proportion to the busiest day."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(levels, -(-count * levels // top)))


class Heatmap(Widget):
    """Counts per day as a calendar: a column per week (oldest left), a row per weekday."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "heatmap--label",
        "heatmap--empty",
        "heatmap--level-1",
        "heatmap--level-2",
        "heatmap--level-3",
        "heatmap--level-4",
    }
    DEFAULT_CSS = """
    Heatmap { height: 8; width: auto; text-wrap: nowrap; text-overflow: clip; }
    Heatmap > .heatmap--label { color: $text-muted; }
    Heatmap > .heatmap--empty { color: $text-disabled; }
    Heatmap > .heatmap--level-1 { color: $success 30%; }
    Heatmap > .heatmap--level-2 { color: $success 55%; }
    Heatmap > .heatmap--level-3 { color: $success 80%; }
    Heatmap > .heatmap--level-4 { color: $success; }
    """
    LEVELS = 4

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[tuple[date, int]] = []
        self.weekdays: Sequence[str] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        self.months: Sequence[str] = MONTHS

    def show(
        self, days: Sequence[tuple[date, int]], weekdays: Sequence[str], months: Sequence[str]
    ) -> None:
        self.days = list(days)
        self.weekdays = [printable(name) for name in weekdays]
        self.months = [printable(name) for name in months]
        self.refresh(layout=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"heatmap--{name}")

    def render(self) -> Text:
        text = Text(no_wrap=True)
        if not self.days:
            return text
        first = self.days[0][0] - timedelta(days=self.days[0][0].weekday())
        weeks = (self.days[-1][0] - first).days // 7 + 1
        top = max(count for _day, count in self.days)
        cells: list[list[tuple[str, str]]] = [[(" ", "empty")] * weeks for _ in range(7)]
        # A month that starts in one of the last weeks runs its name past the grid: kept.
        header = [" "] * (weeks + max((len(name) for name in self.months), default=0))
        for day, count in self.days:
            column = (day - first).days // 7
            level = shade(count, top, self.LEVELS)
            cells[day.weekday()][column] = ("█", f"level-{level}") if level else ("·", "empty")
            name = self.months[day.month - 1]
            if day.day == 1:
                header[column : column + len(name)] = list(name)
        label = self._style("label")
        text.append("    " + "".join(header).rstrip() + "\n", label)
        for weekday, row in enumerate(cells):
            name = self.weekdays[weekday] if weekday % 2 == 0 else ""
            text.append(f"{name[:3]:<4}", label)
            for char, style in row:
                text.append(char, self._style(style))
            if weekday < 6:
                text.append("\n")
        return text


class BarChart(Widget):
    """Vertical bars, one group per label and one bar per series in each group, with eighth-
    block tops; the value axis runs from `low` to `high` (labelled on the left)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bar-chart--axis",
        "bar-chart--series-0",
        "bar-chart--series-1",
    }
    DEFAULT_CSS = """
    BarChart { height: 10; width: auto; text-wrap: nowrap; text-overflow: clip; }
    BarChart > .bar-chart--axis { color: $text-muted; }
    BarChart > .bar-chart--series-0 { color: $primary; }
    BarChart > .bar-chart--series-1 { color: $warning; }
    """

    def __init__(self, *, rows: int = 8, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.labels: list[str] = []
        self.series: list[list[float | None]] = []
        self.low = 0.0
        self.high = 1.0
        self.axis = ("0", "1")
        self.bar_width = 1
        self.gap = 1

    def show(
        self,
        labels: Sequence[str],
        series: Sequence[Sequence[float | None]],
        *,
        low: float = 0.0,
        high: float | None = None,
        axis: tuple[str, str] | None = None,
        bar_width: int = 1,
        gap: int = 1,
    ) -> None:
        self.labels = [printable(label) for label in labels]
        self.series = [list(values) for values in series]
        values = [v for values in self.series for v in values if v is not None]
        self.low = low
        self.high = high if high is not None else max([low + 1, *values])
        self.axis = axis or (f"{self.high:g}", f"{self.low:g}")
        self.bar_width, self.gap = bar_width, gap
        self.styles.height = self.rows + 1
        self.refresh(layout=True)

    def _eighths(self, value: float | None) -> int:
        if value is None or self.high <= self.low:
            return 0
        share = (min(max(value, self.low), self.high) - self.low) / (self.high - self.low)
        eighths = round(share * self.rows * 8)
        return max(eighths, 1) if value > self.low else 0

    def render(self) -> Text:
        text = Text(no_wrap=True)
        axis = self.get_component_rich_style("bar-chart--axis")
        margin = max(len(self.axis[0]), len(self.axis[1])) + 1
        heights = [[self._eighths(v) for v in values] for values in self.series]
        group_width = len(self.series) * self.bar_width + self.gap
        for row in range(self.rows - 1, -1, -1):
            tick = self.axis[0] if row == self.rows - 1 else self.axis[1] if row == 0 else ""
            text.append(f"{tick:>{margin - 1}} ", axis)
            for index in range(len(self.labels)):
                for number, series in enumerate(heights):
                    fill = min(max(series[index] - row * 8, 0), 8) if index < len(series) else 0
                    style = self.get_component_rich_style(f"bar-chart--series-{number % 2}")
                    text.append(EIGHTHS[fill] * self.bar_width, style)
                text.append(" " * self.gap)
            text.append("\n")
        footer = [" "] * (len(self.labels) * group_width)
        position = 0
        for index, label in enumerate(self.labels):
            start = index * group_width
            if label and start >= position:
                footer[start : start + len(label)] = list(label)
                position = start + len(label) + 1
        text.append(" " * margin + "".join(footer).rstrip(), axis)
        return text
