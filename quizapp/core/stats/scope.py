"""Which rows the statistics read: one deck or all, answers or every event.

Answers are the rows of modes study, practice and quiz; suspend, bury and their undoing are
events, never counted as answers. Card-state figures (states, forecast, hardest cards) cover
the card keys a deck has now (its catalog, as the home screen counts them); keys of removed
cards keep their history in the answer counts, and a deck whose file was never opened (only
its history is known) is counted from its history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.deck import Deck, prompt_keys
from quizapp.core.schedule import ANSWER_MODES
from quizapp.core.store import StateScope, Store


@dataclass(frozen=True)
class Scope:
    deck_id: str | None
    """One deck, or None for every deck."""
    logged: tuple[str, ...]
    """Decks with rows in the log, in scope."""
    uncatalogued: tuple[str, ...] = ()
    """Decks in scope with a schedule but no catalog (their file was never opened here)."""

    def keys(self, store: Store, decks: Sequence[Deck] = ()) -> StateScope:
        """The card keys of the card-state figures: the decks' keys now, less stray ones.

        The catalog holds the keys of the language questions are asked in now; a key of a
        loaded deck's card in the other language (studied before `l` switched it) is still
        the deck's and is counted, not stray."""
        stray = store.stray_keys(self.deck_id)
        if stray and decks:
            known = {deck.id: _every_key(deck) for deck in decks}
            stray = [key for key in stray if key[0] not in known or key[1:] not in known[key[0]]]
        return StateScope(self.deck_id, tuple(stray), self.uncatalogued)


def _every_key(deck: Deck) -> frozenset[tuple[str, str]]:
    """(card id, direction) of every prompt the deck has, in either question language."""
    return frozenset(prompt_keys(deck, "it", "both")) | frozenset(prompt_keys(deck, "en", "both"))


def choose_scope(store: Store, deck_id: str | None) -> Scope:
    logged = store.logged_decks()
    scheduled = store.scheduled_decks()
    catalogued = store.catalogued_decks()
    if deck_id is not None:
        logged = tuple(deck for deck in logged if deck == deck_id)
        scheduled &= {deck_id}
    return Scope(deck_id, logged, tuple(sorted(scheduled - catalogued)))


def deck_ids(store: Store, chosen: Scope, known: Sequence[str]) -> tuple[str, ...]:
    """Every deck the figures cover: those loaded, logged, with a schedule or a quiz."""
    if chosen.deck_id is not None:
        return (chosen.deck_id,)
    quizzed = store.quizzed_decks()
    return tuple(sorted({*known, *chosen.logged, *store.deck_ids(), *quizzed}))


__all__ = ["ANSWER_MODES", "Scope", "choose_scope", "deck_ids"]
