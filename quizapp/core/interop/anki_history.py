"""Anki's history -> quizapp's log, whole, so that the state after import is Anki's.

Every revlog row of an imported card becomes a row of quizapp's log (rslib/src/revlog/mod.rs
says what each kind is):

* learn (0), review (1), relearn (2) and filtered (3) rows with a button (ease 1-4) are
  answers; a filtered row with no ease factor is cramming in a deck that does not
  reschedule, and changes nothing (left out, as Anki's FSRS leaves it out). Each answer keeps
  the interval Anki gave it (revlog `ivl`, in days), so due dates are Anki's own;
* manual (4) rows with no ease factor are Forget (`forget`); other manual rows are Set due
  date, and rescheduled (5) rows an FSRS reschedule: both `due-date`, due `ivl` minus the days
  since the last answer (Anki's interval after a set due date is those days plus the new
  ones);
* suspended and buried cards (the cards table, Anki does not log them) get a `suspend` or a
  `bury` row just after their last logged row.

Rows carry the collection's day-start hour and the deck's desired retention; the deck's FSRS
parameters, steps and maximum interval are returned with them, for the store to fold with.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import tzinfo

from quizapp.core.interop.anki_schedule_read import AnkiDeckSchedule, AnkiSchedule
from quizapp.core.interop.apkg_read import AnkiPackage
from quizapp.core.interop.building import ImportedDeck
from quizapp.core.schedule import (
    DEFAULT_PARAMETERS,
    Parameters,
    days_elapsed,
    next_day_at,
    parameters,
)
from quizapp.core.store.records import Key, Review

MAX_DURATION_MS = 60 * 60 * 1000
"""Anki records the time a card was shown; an hour or more is a learner who walked away."""


@dataclass
class ImportedHistory:
    """The log rows of an Anki history, and what the schedule needs to fold them as Anki."""

    reviews: list[Review] = field(default_factory=list)
    deck: AnkiDeckSchedule = field(default_factory=AnkiDeckSchedule)
    rollover: int = 4
    anki_cards: dict[Key, int] = field(default_factory=dict)
    """quizapp key -> Anki card id (to compare with the package's own state)."""

    @property
    def parameters(self) -> Parameters:
        base = parameters(self.deck.weights) if self.deck.weights else DEFAULT_PARAMETERS
        return Parameters(
            weights=base.weights,
            learning_steps=self.deck.learning_steps,
            relearning_steps=self.deck.relearning_steps,
            maximum_interval=self.deck.maximum_interval,
        )

    def count(self, mode: str) -> int:
        return sum(1 for review in self.reviews if review.mode == mode)

    @property
    def answers(self) -> int:
        return self.count("study")

    @property
    def cards(self) -> int:
        return len({review.key for review in self.reviews})


def review_id(key: Key, at: int, mode: str = "study") -> str:
    """A stable id: the same Anki row imported twice gets the same id.

    Like quizapp's own ids it starts with the time in hex (so ids sort by time); the rest is
    derived from the card key, the time and (for rows other than answers) the kind.
    """
    parts = ("anki", *key, str(at)) if mode == "study" else ("anki", *key, str(at), mode)
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{at:012x}{digest[:16]}"


def _deck_schedule(schedule: AnkiSchedule, deck_ids: list[int]) -> AnkiDeckSchedule:
    """The preset of the deck most of the imported cards are in."""
    if not deck_ids:
        return AnkiDeckSchedule()
    chosen = max(set(deck_ids), key=lambda deck_id: (deck_ids.count(deck_id), -deck_id))
    return schedule.decks.get(chosen, AnkiDeckSchedule())


def import_history(
    package: AnkiPackage, imported: ImportedDeck, now: int, tz: tzinfo | None = None
) -> ImportedHistory:
    """The history of the imported cards as log rows (`now`: when buried cards unbury from)."""
    schedule = package.schedule or AnkiSchedule()
    deck_id = imported.deck.id
    keys: dict[int, Key] = {}
    for card in schedule.cards.values():
        target = imported.origin.get((card.note_id, card.ord))
        if target is not None:
            keys[card.id] = (deck_id, target[0], target[1])
    deck = _deck_schedule(schedule, [schedule.cards[c].deck_id for c in keys])
    history = ImportedHistory(deck=deck, rollover=schedule.rollover)
    history.anki_cards = {key: card_id for card_id, key in keys.items()}
    last_answer: dict[int, int] = {}
    last_row: dict[int, int] = {}
    hour = schedule.rollover
    for entry in schedule.log:
        key = keys.get(entry.card_id)
        if key is None or entry.is_cramming:
            continue
        at = entry.id
        if entry.ease in (1, 2, 3, 4):
            row = Review(
                id=review_id(key, at),
                deck_id=key[0],
                card_id=key[1],
                direction=key[2],
                at=at,
                mode="study",
                rating=entry.ease,
                duration_ms=min(max(entry.duration_ms, 0), MAX_DURATION_MS),
                retention=deck.desired_retention,
                until=entry.interval if entry.interval > 0 else None,
                day_start=hour,
            )
            last_answer[entry.card_id] = at
        elif entry.is_reset:
            row = Review(review_id(key, at, "forget"), *key, at=at, mode="forget", day_start=hour)
        elif entry.kind in (4, 5):
            since = days_elapsed(at, last_answer.get(entry.card_id), hour, tz)
            days = max(entry.interval - since, 0) if entry.interval > 0 else 0
            row = Review(
                review_id(key, at, "due-date"),
                *key,
                at=at,
                mode="due-date",
                until=days,
                day_start=hour,
            )
        else:
            continue
        history.reviews.append(row)
        last_row[entry.card_id] = at
    for card_id, key in keys.items():
        queue = schedule.cards[card_id].queue
        if queue not in (-1, -2, -3):
            continue
        at = last_row.get(card_id, 0) + 1
        if queue == -1:
            mode, until = "suspend", None
        else:
            mode, until = "bury", next_day_at(now, hour, tz) * 1000
        history.reviews.append(
            Review(review_id(key, at, mode), *key, at=at, mode=mode, until=until, day_start=hour)
        )
    history.reviews.sort(key=lambda review: (review.at, review.id))
    return history
