"""A synthetic deck and review log for the statistics benchmark (built once, then reused).

50,000 vocabulary cards studied both ways (100,000 card keys) with 10 answers each: 1,000,000
rows over the last year, mostly study answers, some practice and quiz answers, about one in
eight wrong, with a few recurring wrong answers per card (the confusions), plus quiz runs.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import all_prompts
from quizapp.core.schedule import DAY_MS, MINUTE_MS, to_ms
from quizapp.core.store import Review, Store
from quizapp.core.store.records import QuizRun

DECK_ID = "bench-stats"
ANSWERS_PER_KEY = 10
GAPS_MS = [
    MINUTE_MS,
    10 * MINUTE_MS,
    DAY_MS,
    3 * DAY_MS,
    7 * DAY_MS,
    15 * DAY_MS,
    30 * DAY_MS,
    45 * DAY_MS,
    60 * DAY_MS,
]
TAGS = ("figures", "people", "companies", "concepts", "vocab")
VERSION = 2
"""Bump when the data changes, so that a cached database is built again."""


def synthetic_deck(cards: int) -> Deck:
    data: dict[str, Any] = {
        "deck": {
            "id": DECK_ID,
            "version": "1.0.0",
            "title": {"it": "Statistiche", "en": "Statistics"},
            "description": {"it": "Carte sintetiche", "en": "Synthetic cards"},
            "author": "quizapp",
            "license": "CC0-1.0",
        },
        "cards": [
            {
                "id": f"w{i:06d}",
                "kind": "vocab",
                "tags": [TAGS[i % len(TAGS)]],
                "it": {"terms": [f"parola {i}"]},
                "en": {"terms": [f"word {i}"]},
            }
            for i in range(cards)
        ],
    }
    return Deck.model_validate(data)


def _next_stage(stage: int, step: int, rating: int) -> tuple[int, int]:
    """Roughly the scheduler's stages (two learning steps, one relearning step): what the
    store records as `prior` for the next answer."""
    if stage == 2:
        return (3, 0) if rating == 1 else (2, 0)
    if rating == 1:
        return (3 if stage == 3 else 1, 0)
    if rating == 4 or (rating == 3 and (stage == 3 or step + 1 >= 2)):
        return 2, 0
    return (3 if stage == 3 else 1), step + (rating == 3)


def synthetic_log(cards: int, now: int, seed: int = 11) -> Iterator[Review]:
    rng = random.Random(seed)
    serial = 0
    for i in range(cards):
        for direction in ("it>en", "en>it"):
            expected = f"word {i}" if direction == "it>en" else f"parola {i}"
            confusions = [f"{expected}s", f"word {i + 1}", "non lo so"]
            at = now - rng.randrange(190, 365) * DAY_MS - rng.randrange(0, DAY_MS)
            stage, step = 0, 0
            for n in range(ANSWERS_PER_KEY):
                roll = rng.random()
                mode = "study" if roll < 0.9 else ("practice" if roll < 0.95 else "quiz")
                wrong = rng.random() < 0.12
                rating = 1 if wrong else (3 if rng.random() < 0.8 else rng.choice((2, 4)))
                prior = None
                if mode == "study":
                    prior, (stage, step) = stage, _next_stage(stage, step, rating)
                serial += 1
                yield Review(
                    id=f"{at:012x}{serial:016x}",
                    deck_id=DECK_ID,
                    card_id=f"w{i:06d}",
                    direction=direction,
                    at=at,
                    mode=mode,
                    rating=rating,
                    verdict="wrong" if wrong else "correct",
                    typed=rng.choice(confusions) if wrong else expected,
                    duration_ms=rng.randrange(1500, 12000),
                    content_hash="0123456789abcdef",
                    retention=0.9 if mode == "study" else None,
                    prior=prior,
                )
                at += GAPS_MS[min(n, len(GAPS_MS) - 1)] + rng.randrange(0, 3 * DAY_MS)


def quiz_runs(count: int, now: int, seed: int = 5) -> Iterator[QuizRun]:
    rng = random.Random(seed)
    for n in range(count):
        finished = now - rng.randrange(0, 365 * DAY_MS)
        total = 10
        yield QuizRun(
            f"quiz-{n:05d}",
            DECK_ID,
            finished - 300_000,
            finished,
            float(rng.randrange(3, 11)),
            total,
            "quiz",
        )


def build(path: Path, cards: int, now: int) -> None:
    """Write the deck's catalog, the log (and card state folded from it) and quiz runs."""
    deck = synthetic_deck(cards)
    with Store(path) as store:
        store.sync_catalog(deck.id, [(p.card.id, p.direction) for p in all_prompts(deck)])
        store.merge(synthetic_log(cards, now))
        for run in quiz_runs(200, now):
            store.save_quiz(run)


def cached_store(folder: Path, cards: int, *, fresh: bool = False) -> tuple[Path, int, float]:
    """The path of a store with the synthetic log (built when missing), the `now` it was built
    for, and the seconds spent building it (0 when it was reused)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-stats-v{VERSION}-{cards}.sqlite3"
    stamp = path.with_suffix(".now")
    if fresh or not path.exists() or not stamp.exists():
        for leftover in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            leftover.unlink(missing_ok=True)
        now = to_ms(datetime.now(timezone.utc))
        start = time.perf_counter()
        build(path, cards, now)
        stamp.write_text(str(now))
        return path, now, time.perf_counter() - start
    return path, int(stamp.read_text()), 0.0
