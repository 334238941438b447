"""A session's deck read again after its file was edited by hand (see `deck.editing`)."""

from __future__ import annotations

from typing import Protocol

from quizapp.core.deck import Deck
from quizapp.core.schedule import StudyQueue
from quizapp.core.settings import Settings
from quizapp.core.store import Key
from quizapp.core.study import answering
from quizapp.core.study.answering import Answered, Judge
from quizapp.core.study.deck_prompts import DeckPrompts, deck_keys
from quizapp.core.study.history import History
from quizapp.core.study.turns import SessionError, Turn


class _Session(Protocol):
    """The parts of a `Session` that follow its deck."""

    deck: Deck
    settings: Settings
    prompts: DeckPrompts
    _deck_judge: bool
    _judge: Judge
    _keys: list[tuple[str, str]]
    _hashes: dict[str, str]
    _queue: StudyQueue
    _history: History
    _turn: Turn | None
    _answered: Answered | None

    def sync(self) -> None: ...

    def now(self) -> int: ...

    def _make_turn(self, key: Key, now: int) -> Turn: ...


class DeckReload:
    """What `Session` has for a deck that changed under it."""

    _turn: Turn | None
    _answered: Answered | None

    def use_deck(self: _Session, deck: Deck) -> Turn | None:
        """Go on with `deck`, the same deck (same id) as its file is now: its prompts, judge
        and content hashes follow it; progress, undo and today's queue are kept. The card on
        show comes back as it now is, not yet answered (None when the deck no longer has it:
        `next()` then moves on). Undo forgets the answers to cards that left the deck."""
        if deck.id != self.deck.id:
            raise SessionError(f"the deck is {self.deck.id!r}, not {deck.id!r}")
        self.deck = deck
        if self._deck_judge:
            self._judge = answering.deck_judge(deck)
        self._keys = deck_keys(deck, self.settings)
        self.prompts = DeckPrompts(deck, self.settings, self._keys)
        self._hashes.clear()
        self._queue.known = self.prompts.__contains__
        self._history.keep_after_last(lambda action: action.turn.key not in self.prompts)
        self.sync()  # cards added by the edit join the catalog (and so today's new cards)
        shown = self._turn
        kept = shown is not None and shown.key in self.prompts
        turn = self._make_turn(shown.key, self.now()) if shown and kept else None
        self._turn = turn
        self._answered = None
        return turn
