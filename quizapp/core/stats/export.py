"""The answers of a period, one row per review, for a teacher's spreadsheet (`stats --csv`).

Only answers (study, practice, quiz) are rows; suspend and bury are not reviews. Text typed
by learners is data: control characters are escaped (`\\x1b`), and a cell that a spreadsheet
would run as a formula (starting with = + - @) gets a leading apostrophe, which spreadsheets
show as plain text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import tzinfo

from quizapp.core.deck import Deck, prompts_for
from quizapp.core.rating import Rating
from quizapp.core.schedule import from_ms
from quizapp.core.stats.calendar import study_calendar
from quizapp.core.store import Store, now_ms
from quizapp.core.text import printable

CSV_COLUMNS = (
    "review_id",
    "deck",
    "card",
    "direction",
    "question",
    "time_utc",
    "study_day",
    "mode",
    "rating",
    "verdict",
    "typed",
    "duration_ms",
)
_FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_text(text: str | None) -> str:
    """Text safe to put in a spreadsheet cell and to print on a terminal."""
    if text is None:
        return ""
    shown = printable(text)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown


class _Questions:
    def __init__(self, decks: Sequence[Deck]) -> None:
        self._cards = {(deck.id, card.id): card for deck in decks for card in deck.cards}
        self._seen: dict[tuple[str, str, str], str] = {}

    def __call__(self, deck_id: str, card_id: str, direction: str) -> str:
        key = (deck_id, card_id, direction)
        if key not in self._seen:
            card = self._cards.get((deck_id, card_id))
            text = ""
            if card is not None:
                language = direction.split(">")[0].split(".")[0]
                for prompt in prompts_for(deck_id, card, language):
                    if prompt.direction == direction:
                        text = prompt.question
            self._seen[key] = text
        return self._seen[key]


def review_rows(
    store: Store,
    decks: Sequence[Deck] = (),
    *,
    deck_id: str | None = None,
    days: int = 30,
    now: int | None = None,
    day_start_hour: int = 4,
    tz: tzinfo | None = None,
) -> Iterator[list[str]]:
    """The header, then one row per answer of the last `days` study days, oldest first."""
    days_of = study_calendar(now_ms() if now is None else now, days - 1, 0, day_start_hour, tz)
    start, end = days_of.days[0].start, days_of.days[-1].end
    question = _Questions(decks)
    yield list(CSV_COLUMNS)
    for row in store.iter_answers(deck_id, start, end):
        review_id, deck, card, direction, at, mode, rating, verdict, typed, duration = row
        index = days_of.index(at)
        yield [
            spreadsheet_text(review_id),
            spreadsheet_text(deck),
            spreadsheet_text(card),
            spreadsheet_text(direction),
            spreadsheet_text(question(deck, card, direction)),
            from_ms(at).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            days_of.dates[index].isoformat() if index is not None else "",
            mode,
            Rating(rating).label if rating in (1, 2, 3, 4) else "",
            spreadsheet_text(verdict),
            spreadsheet_text(typed),
            "" if duration is None else str(int(duration)),
        ]
