"""Daily limits: how many new cards a deck introduces, and how many reviews it asks, per study
day (the learner's `new_per_day` and `reviews_per_day`). Learning cards have no limit: they are
under way and come back within minutes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """A deck's daily limits."""

    new_per_day: int = 20
    reviews_per_day: int = 200

    def left(self, new_done: int, reviews_done: int) -> Left:
        """What is left today after `new_done` new cards and `reviews_done` reviews (study
        answers of this study day; practice and quiz answers do not count)."""
        return Left(
            max(0, self.new_per_day - new_done), max(0, self.reviews_per_day - reviews_done)
        )


@dataclass(frozen=True)
class Left:
    """New cards and reviews a deck may still ask today."""

    new: int
    reviews: int


@dataclass(frozen=True)
class Counts:
    """Cards left today in one deck: new (within the day's limit), learning, review."""

    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review
