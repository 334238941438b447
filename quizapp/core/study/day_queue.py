"""The queue of a study session's day (`schedule.queue.StudyQueue`), as the settings and the
session's options want it: new cards in the chosen order (`new_cards`), and only some cards
when studying by tag (`by_tag`)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from quizapp.core.deck import Deck
from quizapp.core.schedule import QueueSource, StudyQueue
from quizapp.core.settings import Settings
from quizapp.core.store import Key, Store
from quizapp.core.study.by_tag import TaggedSource
from quizapp.core.study.deck_prompts import DeckPrompts
from quizapp.core.study.new_cards import new_cards
from quizapp.core.study.today import limits


def study_queue(
    deck: Deck,
    store: Store,
    settings: Settings,
    prompts: DeckPrompts,
    cards: Collection[str] | None = None,
) -> StudyQueue:
    """The study queue over `prompts` (only those of `cards`, when given: study by tag), its
    new cards in `settings.new_order`."""
    if cards is None:
        source: QueueSource = store
        known: Callable[[Key], bool] = prompts.__contains__
    else:
        source = TaggedSource(store, deck.id, [key for key in prompts if key[1] in cards])

        def known(key: Key) -> bool:
            return key[1] in cards and key in prompts

    order = new_cards(deck, source, store, prompts, settings.new_order, settings.new_per_day)
    return StudyQueue(source, deck.id, limits(settings), known, order)
