"""Quiz answers in the review log: kept in the history (mode "quiz"), the schedule untouched."""

from __future__ import annotations

from quizapp.core.deck import Prompt, content_hash
from quizapp.core.rating import Rating
from quizapp.core.schedule import Mode
from quizapp.core.store import Review, Store, new_id


def log_quiz_answer(
    store: Store,
    prompt: Prompt,
    typed: str,
    outcome: str,
    *,
    at: int,
    rating: Rating | None = None,
    duration_ms: int | None = None,
    review_id: str | None = None,
) -> Review:
    """Log one quiz answer (mode "quiz"): durable when this returns."""
    review = Review(
        id=review_id or new_id(at),
        deck_id=prompt.deck_id,
        card_id=prompt.card.id,
        direction=prompt.direction,
        at=at,
        mode=Mode.QUIZ,
        rating=rating,
        verdict=outcome,
        typed=typed,
        duration_ms=duration_ms,
        content_hash=content_hash(prompt.card),
    )
    store.record(review)
    return review
