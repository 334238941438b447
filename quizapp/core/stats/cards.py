"""The hardest cards (chosen in keys.py) with what learners type instead of the answer."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from quizapp.core.deck import Card, Deck, prompts_for
from quizapp.core.schedule import CardState, retrievability
from quizapp.core.stats.keys import KeysPass
from quizapp.core.stats.model import Confusion, HardCard, Hardest
from quizapp.core.store import Key, Store

CONFUSIONS = 3
"""Wrong answers shown per card."""


def confusions(store: Store, key: tuple[str, str, str]) -> tuple[Confusion, ...]:
    """The wrong answers typed most often for one card key, alike once normalised (case,
    spaces, quotes, surrounding punctuation), each shown as it was typed most often."""
    # The judge's first step; imported when needed (it loads the judge's tables).
    from quizapp.core.judge.normalise import normalise

    totals: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for typed, count in store.wrong_answers(key):
        form = normalise(typed)
        if not form:
            continue
        totals[form] += count
        forms[form][typed.strip()] += count
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:CONFUSIONS]
    return tuple(
        Confusion(min(forms[form].items(), key=lambda f: (-f[1], f[0]))[0], count)
        for form, count in ranked
    )


class _Questions:
    """The question of a card key, from the loaded decks."""

    def __init__(self, decks: Sequence[Deck]) -> None:
        self._decks: Mapping[str, Deck] = {deck.id: deck for deck in decks}
        self._cards: dict[str, dict[str, Card]] = {}

    def __call__(self, deck_id: str, card_id: str, direction: str) -> str | None:
        deck = self._decks.get(deck_id)
        if deck is None:
            return None
        if deck_id not in self._cards:
            self._cards[deck_id] = {card.id: card for card in deck.cards}
        card = self._cards[deck_id].get(card_id)
        if card is None:
            return None
        language = direction.split(">")[0].split(".")[0]
        for prompt in prompts_for(deck_id, card, language):
            if prompt.direction == direction:
                return prompt.question
        return None


def hardest(store: Store, scanned: KeysPass, decks: Sequence[Deck], now: int) -> Hardest:
    question = _Questions(decks)
    made: dict[Key, HardCard] = {}

    def cards(keys: Sequence[Key]) -> tuple[HardCard, ...]:
        for key in keys:
            if key not in made:
                state = store.state(key) or CardState()
                card = _hard_card(store, key, state, question(*key), now)
                made[key] = replace(card, again=scanned.again.get(key, 0))
        return tuple(made[key] for key in keys)

    at_risk = [card for card in cards(scanned.least_recall) if _below_certain(card)]
    return Hardest(
        lapses=cards(scanned.most_lapses),
        leeches=cards(scanned.leeches),
        leech_count=scanned.leech_count,
        lowest_retrievability=tuple(at_risk),
    )


def _below_certain(card: HardCard) -> bool:
    """A card shown as less than 100% likely to be recalled (a card studied today is not)."""
    return card.retrievability is not None and round(card.retrievability * 100) < 100


def _hard_card(
    store: Store, key: Key, state: CardState, question: str | None, now: int
) -> HardCard:
    return HardCard(
        deck_id=key[0],
        card_id=key[1],
        direction=key[2],
        question=question,
        lapses=state.lapses,
        reps=state.reps,
        stability=state.stability,
        difficulty=state.difficulty,
        retrievability=retrievability(state, now),
        suspended=state.suspended,
        confusions=confusions(store, key),
    )


__all__ = ["confusions", "hardest"]
