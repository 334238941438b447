"""The rows a study or practice session writes to the log, and what they are counted with.

A scheduled answer carries the desired retention and the day-start hour in force (so that a
later change of either changes future intervals only); an action on a card (suspend, bury,
unsuspend) carries the day-start hour. A practice answer carries neither: it changes nothing.
The FSRS parameters a deck is studied with are the weights of the settings, with the steps and
maximum interval the deck has (Anki's, for a deck imported with its history).
"""

from __future__ import annotations

import dataclasses

from quizapp.core.rating import Rating
from quizapp.core.schedule import Mode, Parameters, parameters
from quizapp.core.settings import Settings
from quizapp.core.store import MAX_DURATION_MS, Key, Review, Store
from quizapp.core.study.answering import Answered
from quizapp.core.study.turns import Turn


def deck_parameters(store: Store, deck_id: str, settings: Settings) -> Parameters:
    """The FSRS parameters to study this deck with."""
    weights = parameters(settings.fsrs_weights(deck_id)).weights
    return dataclasses.replace(store.parameters(deck_id), weights=weights)


def answer_row(
    turn: Turn,
    answered: Answered | None,
    rating: Rating,
    at: int,
    mode: Mode,
    settings: Settings,
    content_hash: str,
) -> Review:
    """The row of a graded answer (its think time capped at MAX_DURATION_MS)."""
    answered_at = answered.answered_at if answered is not None else at
    studied = mode == Mode.STUDY
    deck_id, card_id, direction = turn.key
    return Review(
        id=turn.review_id,
        deck_id=deck_id,
        card_id=card_id,
        direction=direction,
        at=at,
        mode=mode,
        rating=rating,
        verdict=answered.outcome if answered is not None else None,
        typed=answered.typed if answered is not None else None,
        duration_ms=max(0, min(answered_at - turn.shown_at, MAX_DURATION_MS)),
        content_hash=content_hash,
        retention=settings.retention_for(deck_id) if studied else None,
        day_start=settings.day_start_hour if studied else None,
    )


def action_row(
    review_id: str, key: Key, at: int, mode: Mode, settings: Settings, until: int | None = None
) -> Review:
    """The row of an action on one direction of a card (suspend, bury, unsuspend)."""
    return Review(review_id, *key, at=at, mode=mode, until=until, day_start=settings.day_start_hour)
