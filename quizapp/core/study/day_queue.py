"""The queue of a study session's day (`schedule.queue.StudyQueue`), as the settings and the
session's options want it: new cards in the chosen order (`new_cards`)."""

from __future__ import annotations

from quizapp.core.deck import Deck
from quizapp.core.schedule import StudyQueue
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study.deck_prompts import DeckPrompts
from quizapp.core.study.new_cards import new_cards
from quizapp.core.study.today import limits


def study_queue(deck: Deck, store: Store, settings: Settings, prompts: DeckPrompts) -> StudyQueue:
    """The study queue over `prompts`, its new cards in `settings.new_order`."""
    order = new_cards(deck, store, prompts, settings.new_order, settings.new_per_day)
    return StudyQueue(store, deck.id, limits(settings), prompts.__contains__, order)
