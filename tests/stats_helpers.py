"""A review log built by hand, for the statistics tests (the right answers are known)."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from quizapp.core.deck.model import Deck
from quizapp.core.schedule import DAY_MS, to_ms
from quizapp.core.store import Review, Store
from quizapp.core.store.records import QuizRun

ROME = ZoneInfo("Europe/Rome")
DECK = "stats-deck"
_serial = itertools.count()


def rome(*parts: int) -> int:
    """Milliseconds of a wall-clock time in Rome (year, month, day, hour, minute)."""
    return to_ms(datetime(*parts, tzinfo=ROME))  # type: ignore[misc]


def answer(
    store: Store,
    card: str,
    at: int,
    rating: int = 3,
    *,
    mode: str = "study",
    direction: str = "it",
    deck: str = DECK,
    typed: str | None = None,
    verdict: str | None = None,
    duration_ms: int | None = 4_000,
) -> Review:
    """Record one answer (the store fills in `prior` and the card's state)."""
    review = Review(
        id=f"{at:012x}{next(_serial):016x}",
        deck_id=deck,
        card_id=card,
        direction=direction,
        at=at,
        mode=mode,
        rating=rating,
        verdict=verdict or ("wrong" if rating == 1 else "correct"),
        typed=typed,
        duration_ms=duration_ms,
        retention=0.9 if mode == "study" else None,
    )
    store.record(review)
    return review


def event(store: Store, card: str, at: int, mode: str, direction: str = "it") -> None:
    """A suspend, bury... row (not an answer)."""
    store.record(Review(f"{at:012x}{next(_serial):016x}", DECK, card, direction, at, mode=mode))


def learn(store: Store, card: str, start: int, direction: str = "it") -> int:
    """Take a new card to review: Good now, Good ten minutes later. Returns the last time."""
    answer(store, card, start, 3, direction=direction)
    answer(store, card, start + 10 * 60_000, 3, direction=direction)
    return start + 10 * 60_000


def review_when_due(
    store: Store, card: str, rating: int, direction: str = "it", late_days: int = 0
) -> int:
    """Answer a card in review on the day it is due (or `late_days` after)."""
    state = store.state((DECK, card, direction))
    assert state is not None and state.due is not None
    at = state.due + late_days * DAY_MS
    answer(store, card, at, rating, direction=direction)
    return at


def quiz(store: Store, number: int, finished_at: int, score: float, total: int = 10) -> None:
    store.save_quiz(
        QuizRun(f"quiz-{number}", DECK, finished_at - 60_000, finished_at, score, total, "quiz")
    )


def make_deck(cards: list[dict[str, Any]], title: dict[str, str] | None = None) -> Deck:
    return Deck.model_validate(
        {
            "deck": {
                "id": DECK,
                "version": "1.0.0",
                "title": title or {"it": "Statistiche", "en": "Statistics"},
                "description": {"it": "Per i test", "en": "For tests"},
                "author": "quizapp",
                "license": "CC0-1.0",
            },
            "cards": cards,
        }
    )


def qa(card_id: str, tags: list[str], question: str = "Domanda?") -> dict[str, Any]:
    return {
        "id": card_id,
        "kind": "qa",
        "tags": tags,
        "it": {"question": f"{question} ({card_id})", "answers": ["risposta"]},
        "en": {"question": f"Question ({card_id})?", "answers": ["answer"]},
    }


def vocab(card_id: str, tags: list[str]) -> dict[str, Any]:
    return {
        "id": card_id,
        "kind": "vocab",
        "tags": tags,
        "it": {"terms": [f"parola {card_id}"]},
        "en": {"terms": [f"word {card_id}"]},
    }
