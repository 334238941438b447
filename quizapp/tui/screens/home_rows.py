"""What a row of the home screen's table reads: a deck's counts today and its quiz scores
(dashes, never an error, when the progress database cannot be read)."""

from __future__ import annotations

from quizapp.core.deck.model import Deck
from quizapp.core.settings import Settings
from quizapp.core.store.records import QuizRun


def deck_counts(
    deck: Deck, store: object, settings: Settings
) -> tuple[int | None, int | None, int | None]:
    """New, learning and review cards left today; None each when `store` cannot say."""
    from quizapp.core.store.database import Store, StoreError
    from quizapp.core.study import counts as counts_left

    if not isinstance(store, Store):
        return (None, None, None)
    try:
        counts = counts_left(store, deck.id, settings)
    except StoreError:
        return (None, None, None)
    return (counts.new, counts.learning, counts.review)


def deck_scores(deck: Deck, store: object) -> tuple[QuizRun | None, QuizRun | None]:
    """The deck's best and last quiz runs; None each when `store` cannot say."""
    from quizapp.core.store.database import Store, StoreError

    if not isinstance(store, Store):
        return (None, None)
    try:
        summary = store.quiz_summary(deck.id)
    except StoreError:
        return (None, None)
    return (summary.best, summary.last)
