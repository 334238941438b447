"""The four grades of a review, as Anki and FSRS name them."""

from __future__ import annotations

from enum import IntEnum


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        """Lower-case name used in JSON and the database: again, hard, good, easy."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Rating:
        """`"good"`, `"GOOD"` or `"3"` -> Rating.GOOD; ValueError otherwise."""
        text = text.strip()
        if text.isdigit() and int(text) in (1, 2, 3, 4):
            return cls(int(text))
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"not a rating: {text!r} (again, hard, good, easy or 1-4)") from None
