"""The stats screen over a hand-built log, for snapshot tests (language from QUIZAPP_TEST_UI).

The log is made here, in the test's data folder, at fixed times before a fixed clock: eight
weeks of study of the bundled deck, with lapses, typed confusions and two quizzes.
"""

from __future__ import annotations

import os
import random
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from textual.app import App

from quizapp.core import locations, stats
from quizapp.core.deck.loading import load_deck
from quizapp.core.schedule import DAY_MS, MINUTE_MS, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Review, Store
from quizapp.core.store.records import QuizRun
from quizapp.tui.screens.stats import StatsScreen

DECK = os.path.join(os.path.dirname(__file__), "..", "..", "decks", "deepseek_it.toml")
NOW = datetime(2026, 3, 20, 17, 30, tzinfo=timezone.utc)
ROME = ZoneInfo("Europe/Rome")


def build_log(store: Store, deck_id: str, card_ids: list[str]) -> None:
    """Answers over eight weeks: each day a few cards, a few wrong with typed confusions."""
    rng = random.Random(20260320)
    now = to_ms(NOW)
    serial = 0
    wrong = ("6 miliardi", "sei miliardi", "6 milioni", "Shenzhen")
    for back in range(56, -1, -1):
        if back % 9 == 4:
            continue  # a day off now and then
        day = now - back * DAY_MS - 4 * 3_600_000
        for number in range(rng.randrange(3, 9)):
            card = card_ids[(back * 7 + number) % len(card_ids)]
            rating = 1 if rng.random() < 0.18 else 3
            at = day + number * 7 * MINUTE_MS
            serial += 1
            store.record(
                Review(
                    f"{at:012x}{serial:08d}",
                    deck_id,
                    card,
                    "it",
                    at,
                    rating=rating,
                    verdict="wrong" if rating == 1 else "correct",
                    typed=rng.choice(wrong) if rating == 1 else None,
                    duration_ms=rng.randrange(3_000, 20_000),
                    retention=0.9,
                )
            )
    for number, (back, score) in enumerate(((30, 6), (12, 8), (2, 9))):
        finished = now - back * DAY_MS
        store.save_quiz(QuizRun(f"q{number}", deck_id, finished - 600_000, finished, score, 10))


class StatsSnapshot(App[None]):
    def on_mount(self) -> None:
        lang = os.environ.get("QUIZAPP_TEST_UI", "en")
        deck = load_deck(DECK)
        store = Store(locations.database_path())
        settings = Settings(ui_language=lang)  # type: ignore[arg-type]
        if not store.review_count():
            build_log(store, deck.id, [card.id for card in deck.cards if card.kind == "qa"][:12])
        stats.sync_catalogs(store, [deck], settings)
        self.push_screen(StatsScreen([deck], store, settings, clock=lambda: NOW, tz=ROME))


app = StatsSnapshot()
