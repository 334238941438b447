"""The learner's own FSRS parameters, fitted to their review log (as Anki's "Optimize").

The training items are made as Anki makes them (rslib's `fsrs_items_for_training`): each card
key's study answers since its latest Forget, and for every answer after the first that came on
a later study day, an item with the answers up to it. The study days between two answers are
`schedule.days_elapsed` with the day-start hour logged with the later one: the very count the
scheduler feeds FSRS. Suspend, bury and set-due rows are not answers and are left out.

The fit is the crate Anki runs (`compute_parameters`, seeded, so the same log gives the same
parameters); it is kept only when its log loss on the same items is lower than the current
parameters' (Anki compares RMSE; quizapp compares the quantity the fit minimises, and shows
both). Below `MIN_REVIEWS` items nothing is fitted.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import tzinfo
from enum import Enum
from pathlib import Path

import fsrs_rs_python as fsrs

from quizapp.core import settings as settings_file
from quizapp.core.schedule import DEFAULT_DAY_START_HOUR, Mode, days_elapsed, parameters
from quizapp.core.settings import Settings
from quizapp.core.store import Key, Review, Store
from quizapp.core.study.rows import deck_parameters

MIN_REVIEWS = 400
"""Fewer training items than this and the fit is refused: the crate fits something from very
few, but with a few hundred reviews on later days the curve is still mostly noise."""
ALL_DECKS = "*"
"""The settings' key for parameters of every deck without its own."""


class Step(Enum):
    """The stages of an optimisation, in order (for a progress bar)."""

    READ = 1
    CURRENT = 2
    FIT = 3
    FITTED = 4


STEPS = len(Step)


@dataclass(frozen=True)
class Training:
    """The items a fit is made on, and what they came from."""

    items: list[fsrs.FSRSItem]
    cards: int
    answers: int
    histories: list[list[tuple[int, int]]]
    """Each card's (rating, study days since the previous answer), for the items above."""

    @property
    def reviews(self) -> int:
        """Answers whose outcome the fit predicts (one item each)."""
        return len(self.items)


@dataclass(frozen=True)
class Evaluation:
    log_loss: float
    rmse: float


@dataclass(frozen=True)
class Fit:
    """A fit and the current parameters, each evaluated on the same items."""

    scope: str
    """A deck id, or ALL_DECKS."""
    reviews: int
    cards: int
    current: tuple[float, ...]
    before: Evaluation
    fitted: tuple[float, ...]
    after: Evaluation
    seconds: float

    @property
    def better(self) -> bool:
        return self.after.log_loss < self.before.log_loss

    @property
    def chosen(self) -> tuple[float, ...]:
        return self.fitted if self.better else self.current


class TooFewReviews(Exception):
    def __init__(self, reviews: int, minimum: int = MIN_REVIEWS) -> None:
        self.reviews = reviews
        self.minimum = minimum
        super().__init__(f"{reviews} reviews, fewer than {minimum}")


def training_items(reviews: Iterable[Review], tz: tzinfo | None = None) -> Training:
    """The training items of these rows (in log order), as described above."""
    histories: dict[Key, list[Review]] = {}
    for review in reviews:
        if review.mode == Mode.FORGET:
            histories.pop(review.key, None)
        elif review.mode == Mode.STUDY and review.rating is not None:
            histories.setdefault(review.key, []).append(review)
    items: list[fsrs.FSRSItem] = []
    used: list[list[tuple[int, int]]] = []
    for history in histories.values():
        steps: list[fsrs.FSRSReview] = []
        pairs: list[tuple[int, int]] = []
        previous: int | None = None
        before = len(items)
        for review in history:
            hour = DEFAULT_DAY_START_HOUR if review.day_start is None else review.day_start
            days = days_elapsed(review.at, previous, hour, tz)
            steps.append(fsrs.FSRSReview(int(review.rating or 0), days))
            pairs.append((int(review.rating or 0), days))
            if previous is not None and days > 0:
                items.append(fsrs.FSRSItem(list(steps)))
            previous = review.at
        if len(items) > before:
            used.append(pairs)
    return Training(items, len(used), sum(len(pairs) for pairs in used), used)


def evaluate(weights: Iterable[float], training: Training) -> Evaluation:
    result = fsrs.FSRS(list(weights)).evaluate(training.items)
    return Evaluation(float(result.log_loss), float(result.rmse_bins))


def current_weights(settings: Settings, scope: str) -> tuple[float, ...]:
    """The weights the schedule uses now for this deck (or for every deck)."""
    return parameters(settings.fsrs_weights(scope)).weights


def optimize(
    store: Store,
    settings: Settings,
    deck_id: str | None,
    progress: Callable[[Step], None] | None = None,
) -> Fit:
    """Fit parameters to one deck's log (or the whole log when `deck_id` is None).
    TooFewReviews below MIN_REVIEWS; StoreError when the log cannot be read."""
    report = progress or (lambda _step: None)
    scope = ALL_DECKS if deck_id is None else deck_id
    report(Step.READ)
    rows = store.reviews(deck_id=deck_id) if deck_id is not None else store.iter_reviews()
    training = training_items(rows, store.tz)
    if training.reviews < MIN_REVIEWS:
        raise TooFewReviews(training.reviews)
    started = time.perf_counter()
    current = current_weights(settings, scope)
    report(Step.CURRENT)
    before = evaluate(current, training)
    report(Step.FIT)
    relearning = len(store.parameters(scope).relearning_steps)
    fitted = fsrs.FSRS(list(current)).compute_parameters(
        training.items, num_relearning_steps=relearning
    )
    weights = parameters(fitted).weights
    report(Step.FITTED)
    after = evaluate(weights, training)
    seconds = time.perf_counter() - started
    return Fit(scope, training.reviews, training.cards, current, before, weights, after, seconds)


def with_fit(settings: Settings, fit: Fit) -> Settings:
    """The settings with the fit's parameters for its scope (unchanged when not better)."""
    if not fit.better:
        return settings
    chosen = {**settings.fsrs_parameters, fit.scope: list(fit.fitted)}
    return settings.model_copy(update={"fsrs_parameters": chosen})


def use_fit(store: Store, settings: Settings, fit: Fit) -> None:
    """Refold the cards the fit's settings apply to with them (what opening a deck to study
    would do), so the schedule shown from now on is the fitted one."""
    decks = [fit.scope] if fit.scope != ALL_DECKS else store.deck_ids()
    for deck_id in decks:
        store.use_parameters(deck_id, deck_parameters(store, deck_id, settings))


def save_fit(store: Store, fit: Fit, path: Path | None = None) -> Settings:
    """Save a better fit in the settings file (read again first, so nothing set meanwhile is
    lost) and refold the cards with it; the settings in force after. SettingsError when the
    file cannot be read or written (then nothing is changed)."""
    fresh = settings_file.load(path)
    chosen = with_fit(fresh, fit)
    if chosen is not fresh:
        settings_file.save(chosen, path)
        use_fit(store, chosen, fit)
    return chosen


__all__ = [
    "ALL_DECKS",
    "MIN_REVIEWS",
    "STEPS",
    "Evaluation",
    "Fit",
    "Step",
    "TooFewReviews",
    "Training",
    "evaluate",
    "optimize",
    "save_fit",
    "training_items",
    "use_fit",
    "with_fit",
]
