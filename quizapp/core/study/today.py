"""A deck's day at a glance, for the home screen: its card keys recorded in the store (the one
write, done when the deck is loaded) and the cards left today (a read)."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo

from quizapp.core.deck import Deck
from quizapp.core.schedule import Counts, Limits, counts_today, study_day, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study.deck_prompts import deck_keys


def sync_deck(store: Store, deck: Deck, settings: Settings) -> bool:
    """Record a deck's card keys for these settings (new cards and today's counts come from
    them); True when they changed. StoreError when the database cannot be written."""
    return store.sync_catalog(deck.id, deck_keys(deck, settings))


def limits(settings: Settings) -> Limits:
    return Limits(settings.new_per_day, settings.reviews_per_day)


def counts(
    store: Store,
    deck_id: str,
    settings: Settings,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Counts:
    """New, learning and review cards left today in a deck whose keys are recorded (reads
    only)."""
    moment = to_ms(now or datetime.now(timezone.utc))
    day = study_day(moment, settings.day_start_hour, tz)
    return counts_today(store, deck_id, moment, day, limits(settings))


def today_counts(
    store: Store,
    deck: Deck,
    settings: Settings | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Counts:
    """`sync_deck` then `counts`: the cards left today in a deck (for the home screen)."""
    settings = settings or Settings()
    sync_deck(store, deck, settings)
    return counts(store, deck.id, settings, now, tz)
