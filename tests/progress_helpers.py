"""Shared helpers for the tests of the store, the scheduler and sessions."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import Prompt
from quizapp.core.rating import Rating
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study import Session

START = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def counter_ids(prefix: str = "") -> Callable[[int], str]:
    """Review ids that sort by time and are reproducible."""
    serial = itertools.count()
    return lambda at: f"{at:012x}{prefix}{next(serial):08d}"


@dataclass(frozen=True)
class FakeVerdict:
    outcome: str
    rating: Rating


def fake_judge(prompt: Prompt, typed: str) -> FakeVerdict:
    """Exact match on the first accepted answer: correct (good) or wrong (again)."""
    if typed == (prompt.expected[0] if prompt.expected else ""):
        return FakeVerdict("correct", Rating.GOOD)
    if typed.lower() == (prompt.expected[0].lower() if prompt.expected else ""):
        return FakeVerdict("almost", Rating.HARD)
    return FakeVerdict("wrong", Rating.AGAIN)


def make_deck(
    qa: int = 0, vocab: int = 0, choice: int = 0, deck_id: str = "test-deck", **changes: Any
) -> Deck:
    """A valid deck with `qa` question cards, `vocab` vocabulary cards, `choice` choice cards."""
    cards: list[dict[str, Any]] = []
    for i in range(qa):
        cards.append(
            {
                "id": f"q{i}",
                "kind": "qa",
                "it": {"question": f"Domanda {i}?", "answers": [f"risposta {i}"]},
                "en": {"question": f"Question {i}?", "answers": [f"answer {i}"]},
            }
        )
    for i in range(vocab):
        cards.append(
            {
                "id": f"v{i}",
                "kind": "vocab",
                "it": {"terms": [f"parola {i}"]},
                "en": {"terms": [f"word {i}"]},
            }
        )
    for i in range(choice):
        cards.append(
            {
                "id": f"c{i}",
                "kind": "choice",
                "it": {"question": f"Scegli {i}", "answer": "giusto", "distractors": ["a", "b"]},
            }
        )
    for card_id, card in changes.items():
        index = next(i for i, c in enumerate(cards) if c["id"] == card_id)
        if card is None:
            del cards[index]
        else:
            cards[index] = card
    return Deck.model_validate(
        {
            "deck": {
                "id": deck_id,
                "version": "1.0.0",
                "title": {"it": "Prova", "en": "Test"},
                "description": {"it": "Per i test", "en": "For tests"},
                "author": "quizapp",
                "license": "CC0-1.0",
            },
            "cards": cards,
        }
    )


def fixed_session(
    store: Store, deck: Deck, clock: Callable[[], datetime], settings: Settings, **options: Any
) -> Session:
    """A session of the core's tests: a fake clock, study days in UTC, counter review ids and
    the fake judge (`options` as `Session` takes them: tags, choices...)."""
    return Session(
        deck,
        store,
        settings,
        clock=clock,
        judge=fake_judge,
        tz=timezone.utc,
        ids=counter_ids(),
        **options,
    )
