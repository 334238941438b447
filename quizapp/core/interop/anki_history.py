"""Anki's review log -> quizapp reviews, and the FSRS state rebuilt from them.

`history_records` turns the log of an imported package into plain records keyed like every
quizapp review (deck id, card id, direction); `rebuild_states` replays each card's records
through FSRS (`Scheduler.reschedule_card`), so a learner moving from Anki keeps their
schedule. `store_reviews` turns the records into progress-store rows: the store's fold of
those rows is the card state (`rebuild_states` is only a cross-check of it).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

import fsrs

from quizapp.core.interop import ids
from quizapp.core.interop.apkg_read import AnkiPackage
from quizapp.core.interop.building import ImportedDeck
from quizapp.core.rating import Rating
from quizapp.core.schedule.engine import to_ms
from quizapp.core.store.records import Review

MAX_DURATION_MS = 60 * 60 * 1000
"""Anki records the time a card was shown; an hour or more is a learner who walked away."""
_MANUAL = {4, 5}
"""Review log kinds that are not answers: a manual reschedule, a reset."""


@dataclass(frozen=True, order=True)
class ImportedReview:
    """One answer given in Anki, as quizapp stores reviews."""

    reviewed_at: datetime
    """When the answer was given (UTC)."""
    deck_id: str
    card_id: str
    direction: str
    rating: Rating
    duration_ms: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.deck_id, self.card_id, self.direction)


def history_records(package: AnkiPackage, imported: ImportedDeck) -> list[ImportedReview]:
    """The package's answers for the imported cards, oldest first.

    Reviews of notes that did not become cards, manual reschedules and entries without a
    rating (ease 0) are left out.
    """
    records: list[ImportedReview] = []
    deck_id = imported.deck.id
    for review in package.reviews:
        if review.ease not in (1, 2, 3, 4) or review.kind in _MANUAL:
            continue
        target = imported.origin.get((review.note_id, review.card_ord))
        if target is None:
            continue
        card_id, direction = target
        records.append(
            ImportedReview(
                reviewed_at=datetime.fromtimestamp(review.id / 1000, tz=timezone.utc),
                deck_id=deck_id,
                card_id=card_id,
                direction=direction,
                rating=Rating(review.ease),
                duration_ms=min(max(review.duration_ms, 0), MAX_DURATION_MS),
            )
        )
    records.sort()
    return records


def fsrs_card_id(key: tuple[str, str, str]) -> int:
    """A stable integer id for a card key (FSRS cards and logs are keyed by integers)."""
    return ids.number("fsrs", *key, low=1, high=2**62)


def rebuild_states(
    records: Iterable[ImportedReview], scheduler: fsrs.Scheduler | None = None
) -> dict[tuple[str, str, str], fsrs.Card]:
    """Each reviewed card key's FSRS card, as if FSRS had scheduled every answer."""
    scheduler = scheduler or fsrs.Scheduler(enable_fuzzing=False)
    logs: dict[tuple[str, str, str], list[fsrs.ReviewLog]] = defaultdict(list)
    for record in records:
        logs[record.key].append(
            fsrs.ReviewLog(
                card_id=fsrs_card_id(record.key),
                rating=fsrs.Rating(int(record.rating)),
                review_datetime=record.reviewed_at,
                review_duration=record.duration_ms,
            )
        )
    return {
        key: scheduler.reschedule_card(fsrs.Card(card_id=fsrs_card_id(key)), card_logs)
        for key, card_logs in logs.items()
    }


def review_id(record: ImportedReview) -> str:
    """A stable review id: the same Anki answer imported twice gets the same id.

    Like quizapp's own ids it starts with the time in hex (so ids sort by time); the rest is
    derived from the card key and the time (Anki's review log id is the answer time in ms).
    """
    at = to_ms(record.reviewed_at)
    digest = hashlib.sha256("\x1f".join(("anki", *record.key, str(at))).encode()).hexdigest()
    return f"{at:012x}{digest[:16]}"


def store_reviews(records: Iterable[ImportedReview]) -> list[Review]:
    """The records as study reviews for the progress store (merged by id, idempotently)."""
    return [
        Review(
            id=review_id(record),
            deck_id=record.deck_id,
            card_id=record.card_id,
            direction=record.direction,
            at=to_ms(record.reviewed_at),
            mode="study",
            rating=int(record.rating),
            duration_ms=record.duration_ms,
        )
        for record in records
    ]
