"""Anki's side of `bench_store.py`: the same answer, timed in Anki's own backend (`anki`).

A collection of `cards` Basic notes in one deck, every card a review (intervals of 1 to 60
days, due today or up to 30 days overdue, so that even the smallest deck does not run out
within the answers timed), FSRS on, the deck's daily limits raised to Anki's
maximum (9,999 new and 9,999 reviews) so that it answers as many cards as quizapp does. One
answer is `col.sched.getCard()` then `col.sched.answerCard(card, ease)`: Anki commits each
answer to its SQLite file (WAL, synchronous=FULL) before it returns.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

ANKI_LIMIT = 9_999
"""The largest daily limit Anki's deck options accept."""


def available() -> bool:
    try:
        import anki.collection  # noqa: F401
    except ImportError:
        return False
    return True


class AnkiDeck:
    """One Anki collection with one deck of `cards` review cards."""

    def __init__(self, cards: int, folder: Path) -> None:
        from anki.collection import AddNoteRequest, Collection

        start = time.perf_counter()
        path = folder / f"anki-{cards}"
        path.mkdir(parents=True, exist_ok=True)
        self.cards = cards
        self.col: Any = Collection(str(path / "collection.anki2"))
        col = self.col
        deck_id = col.decks.id("Benchmark")
        model = col.models.by_name("Basic")
        requests = []
        for i in range(cards):
            note = col.new_note(model)
            note["Front"] = f"Domanda numero {i}?"
            note["Back"] = f"risposta {i}"
            requests.append(AddNoteRequest(note=note, deck_id=deck_id))
        col.add_notes(requests)
        config = col.decks.config_dict_for_deck_id(deck_id)
        config["new"]["perDay"] = ANKI_LIMIT
        config["rev"]["perDay"] = ANKI_LIMIT
        col.decks.update_config(config)
        col.set_config("fsrs", True)
        today = col.sched.today
        col.db.execute(
            "UPDATE cards SET type = 2, queue = 2, ivl = 1 + abs(random()) % 60, "
            f"due = {today} - abs(random()) % 30, factor = 2500, "
            f"reps = {10}, left = 0 WHERE did = {deck_id}"
        )
        col.decks.select(deck_id)
        self.synchronous = int(col.db.scalar("PRAGMA synchronous"))
        print(
            f"  Anki: {cards:,} review cards, FSRS on, limits {ANKI_LIMIT:,}/day, "
            f"synchronous={self.synchronous}: {time.perf_counter() - start:.2f} s",
            flush=True,
        )

    def answer(self, correct: bool) -> bool:
        """One answer (getCard + answerCard); False when Anki has nothing left to show."""
        card = self.col.sched.getCard()
        if card is None:
            return False
        self.col.sched.answerCard(card, 3 if correct else 1)
        return True

    def counts(self) -> tuple[int, int, int]:
        """What Anki's reviewer shows after each answer: new, learning, review."""
        return tuple(self.col.sched.counts())  # type: ignore[return-value]

    def close(self) -> None:
        self.col.close()
