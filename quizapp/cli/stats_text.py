"""The statistics as plain text for a terminal, at most 80 columns wide.

Lines are returned as strings; the caller prints them with `output.say`. Deck titles, tags,
card text and typed answers are escaped here already (`printable`), before they are cut to
width and padded into columns, so that an escaped character (`\\x1b` takes four columns)
neither pushes a line past 80 columns nor breaks a table; `say` leaves them as they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta

from quizapp.core.stats import Bucket, Group, HardCard, Recall, Stats, duration, percent
from quizapp.core.text import printable

WIDTH = 80
SHADES = " ░▒▓█"
BARS = " ▁▂▃▄▅▆▇█"


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def counted(count: int, noun: str) -> str:
    """`1 answer`, `2 answers`: the count with its noun in the singular or the plural."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def level(count: int, top: int, steps: int) -> int:
    """0 for nothing, else 1..steps-1 in proportion to the busiest value."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(steps - 1, -(-count * (steps - 1) // top)))


def heatmap_rows(days: Sequence[tuple[date, int]]) -> list[str]:
    """A calendar: one column per week (oldest left), one row per weekday (Monday on top)."""
    if not days:
        return []
    first = days[0][0] - timedelta(days=days[0][0].weekday())
    weeks = (days[-1][0] - first).days // 7 + 1
    grid = [[" "] * weeks for _ in range(7)]
    top = max(count for _day, count in days)
    for day, count in days:
        column = (day - first).days // 7
        grid[day.weekday()][column] = SHADES[level(count, top, len(SHADES))] if count else "·"
    names = ("Mon", "", "Wed", "", "Fri", "", "Sun")
    return [f"  {name:<4}{''.join(row)}" for name, row in zip(names, grid, strict=True)]


def bars(values: Sequence[int]) -> str:
    top = max(values, default=0)
    return "".join(BARS[level(value, top, len(BARS))] for value in values)


def _recall(cell: Recall) -> str:
    return f"{percent(cell.rate):>4} ({cell.reviews})" if cell.reviews else "-"


def _group_table(title: str, groups: Sequence[Group], none_name: str) -> Iterator[str]:
    yield title
    yield f"  {'':<16} {'cards':>6} {'studied':>8} {'answers':>8} {'accuracy':>9} {'stability':>10}"
    for group in groups:
        stability = "-" if group.stability is None else f"{group.stability:.1f}d"
        yield (
            f"  {shorten(printable(group.name or none_name), 16):<16} {group.cards:>6} "
            f"{group.studied:>8} "
            f"{group.answers:>8} {percent(group.accuracy):>9} {stability:>10}"
        )


def _card_line(card: HardCard) -> Iterator[str]:
    recall = percent(card.retrievability)
    flags = " leech" if card.leech else ""
    flags += " suspended" if card.suspended else ""
    card_id, direction = printable(card.card_id), printable(card.direction)
    lapses = f"{card.lapses} lapse{'' if card.lapses == 1 else 's'}"
    again = f"Again {card.again} time{'' if card.again == 1 else 's'}"
    head = f"  {card_id} ({direction}): {lapses}, {again}, recall now {recall}{flags}"
    yield shorten(head, WIDTH)
    if card.question:
        yield "    " + shorten(printable(card.question), WIDTH - 4)
    if card.confusions:
        typed = ", ".join(f"{printable(c.answer)} ×{c.count}" for c in card.confusions)
        yield "    typed instead: " + shorten(typed, WIDTH - 19)


def _buckets(buckets: Sequence[Bucket]) -> str:
    return "  ".join(f"{bucket.label} {bucket.count}" for bucket in buckets)


def report(result: Stats, titles: Mapping[str, str]) -> list[str]:
    """Every section, in the order of the stats screen."""
    lines: list[str] = []
    add = lines.append
    deck = titles.get(result.deck_id or "", result.deck_id) if result.deck_id else "all decks"
    hour = f"{result.day_start_hour:02d}:00"
    add(shorten(f"quizapp statistics: {printable(deck)}", WIDTH))
    add(
        f"Last {result.days} study days ({result.period_from} to {result.period_to}); "
        f"days start at {hour} ({result.timezone})"
    )
    add("")
    today = result.today.activity
    add(f"Today ({result.today.date})")
    add(
        f"  {counted(today.answers, 'answer')}, {counted(today.cards, 'card')}, "
        f"{today.new_cards} new, time {duration(today.time_ms)}, "
        f"again {percent(today.again_rate)}, streak {counted(result.today.streak, 'day')}"
    )
    period = result.period
    add(f"Last {result.days} days")
    add(
        f"  {counted(period.answers, 'answer')}, {counted(period.cards, 'card')}, "
        f"{period.new_cards} new, "
        f"time {duration(period.time_ms)}, again {percent(period.again_rate)}, "
        f"studied on {period.days_studied} of {result.days} days"
    )
    add("")
    add("Answers per day, past year")
    lines += heatmap_rows([(day.date, day.count) for day in result.heatmap])
    add(
        f"  {SHADES[1]} few  {SHADES[-1]} most (busiest day: "
        f"{max((day.count for day in result.heatmap), default=0)})"
    )
    add("")
    forecast = [day.count for day in result.forecast]
    add("Cards due, next 30 days")
    add(f"  {bars(forecast)}")
    add(
        f"  today {forecast[0]} ({result.overdue} overdue), tomorrow {forecast[1]}, "
        f"next 7 days {sum(forecast[:7])}, next 30 days {sum(forecast)}"
    )
    add("")
    retention = result.retention
    add("Retention of scheduled reviews: true (passed) and FSRS-predicted")
    head = ("week of", "reviews", "true", "predicted", "young", "mature")
    add("  {:<12} {:>8} {:>6} {:>10} {:>12} {:>12}".format(*head))
    for week in retention.weeks:
        if not week.total.reviews:
            continue
        add(
            f"  {week.week.isoformat():<12} {week.total.reviews:>8} {percent(week.total.rate):>6} "
            f"{percent(week.total.predicted):>10} {_recall(week.young):>12} "
            f"{_recall(week.mature):>12}"
        )
    total = retention.total
    add(
        f"  {'all':<12} {total.reviews:>8} {percent(total.rate):>6} "
        f"{percent(total.predicted):>10} {_recall(retention.young):>12} "
        f"{_recall(retention.mature):>12}"
    )
    if retention.sample_cards < retention.cards:
        add(
            f"  (young, mature and predicted from {retention.sample_cards:,} of "
            f"{retention.cards:,} cards)"
        )
    add("")
    lines += _group_table("By tag", result.by_tag, "(no tag)")
    add("")
    lines += _group_table("By direction", result.by_direction, "-")
    add("")
    hardest = result.hardest
    add(f"Hardest cards ({hardest.leech_count} leeches: 8 lapses or more)")
    shown: set[tuple[str, str, str]] = set()
    for card in (*hardest.lapses, *hardest.lowest_retrievability):
        key = (card.deck_id, card.card_id, card.direction)
        if key not in shown and len(shown) < 8:
            shown.add(key)
            lines += _card_line(card)
    if not shown:
        add("  none yet")
    add("")
    add("Quizzes")
    for history in result.quizzes:
        name = printable(titles.get(history.deck_id, history.deck_id))
        scores = ", ".join(
            f"{run.date:%m-%d} {percent(run.ratio)}" + (" (retry)" if run.kind == "retry" else "")
            for run in history.runs[-8:]
        )
        add(shorten(f"  {name}: {scores}", WIDTH))
        add(f"    whole quizzes: best {percent(history.best)}, last {percent(history.last)}")
    if not result.quizzes:
        add("  none in this period")
    add("")
    cards = result.cards
    add(
        f"Cards: {cards.new} new, {cards.learning} learning, {cards.relearning} relearning, "
        f"{cards.review} review, {cards.suspended} suspended"
    )
    add(shorten(f"  intervals: {_buckets(cards.intervals)}", WIDTH))
    add(shorten(f"  difficulty: {_buckets(cards.difficulty)}", WIDTH))
    return lines
