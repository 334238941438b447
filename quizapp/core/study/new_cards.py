"""A study session's new-card order (`schedule.new_order`), wired to its deck and the store:
which group a card is interleaved by, and which keys were introduced earlier today."""

from __future__ import annotations

from collections.abc import Iterable

from quizapp.core.deck import Deck
from quizapp.core.schedule import CardState, Mode, QueueSource, Stage
from quizapp.core.schedule.new_order import WINDOW, Group, NewCards, NewOrder
from quizapp.core.store import Key, Store
from quizapp.core.study.deck_prompts import DeckPrompts


class _Source:
    """What the study queue reads (the store, or the store seen through some cards) and the
    log, as `new_order.NewSource` sees them."""

    def __init__(self, queue_source: QueueSource, store: Store) -> None:
        self.queue_source = queue_source
        self.store = store

    def state(self, key: Key) -> CardState | None:
        return self.queue_source.state(key)

    def next_new(self, deck_id: str, now: int, held: frozenset[str], limit: int) -> list[Key]:
        return self.queue_source.next_new(deck_id, now, held, limit)

    def studied_cards(self, deck_id: str, since: int) -> frozenset[str]:
        return self.queue_source.studied_cards(deck_id, since)

    def introduced(self, key: Key, since: int) -> bool:
        state = self.store.state(key)
        if state is None or state.stage == Stage.NEW:
            return False  # still new: gathered with the fresh keys
        return any(
            row.mode == Mode.STUDY and row.at >= since and row.prior == Stage.NEW
            for row in self.store.reviews(key)
        )


def card_group(deck: Deck, order: NewOrder) -> Group:
    """Card id -> its kind (order `kind`) or its first tag (`tag`; "" without tags)."""

    def group(card_id: str) -> str:
        card = deck.card(card_id)
        if order == "kind":
            return card.kind
        return card.tags[0] if card.tags else ""

    return group


def new_cards(
    deck: Deck,
    source: QueueSource,
    store: Store,
    prompts: DeckPrompts,
    order: NewOrder,
    per_day: int,
) -> NewCards | None:
    """The day's new-card order for a session (None: deck order, the queue's own), among
    at least four days' worth of new cards (`per_day` a day)."""
    if order == "deck":
        return None

    def keys_of(card_id: str) -> Iterable[Key]:
        return [prompt.key for prompt in prompts.of_card(card_id)]

    return NewCards(
        _Source(source, store),
        deck.id,
        order,
        card_group(deck, order),
        lambda: iter(prompts),
        keys_of,
        window=max(WINDOW, 4 * per_day),
    )
