"""The prompts of a deck for a learner's settings (study language, vocabulary direction), by
key: which keys exist is known from the start, each prompt is built when first asked for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from quizapp.core.deck import Deck, Prompt, all_prompts, prompt_keys, prompts_for
from quizapp.core.settings import Settings
from quizapp.core.store import Key


def deck_prompts(deck: Deck, settings: Settings) -> list[Prompt]:
    """The prompts of a deck for these settings, in deck order."""
    return all_prompts(deck, settings.study_language, settings.vocab_direction)


def deck_keys(deck: Deck, settings: Settings) -> list[tuple[str, str]]:
    """(card id, direction) of the deck's prompts for these settings, in deck order."""
    return prompt_keys(deck, settings.study_language, settings.vocab_direction)


class DeckPrompts(Mapping[Key, Prompt]):
    """The prompts of a deck by key, each card's built when one of them is first asked for.

    Which keys exist is known from the start (`prompts.prompt_keys`, from the deck's index when
    it came from the cache); a Prompt is made only for the cards a session shows, so a session
    over 100,000 cards starts without building 150,000 prompts.
    """

    def __init__(self, deck: Deck, settings: Settings, keys: Sequence[tuple[str, str]]) -> None:
        self.deck = deck
        self.deck_id = deck.id
        self.settings = settings
        self.pairs = keys
        """(card id, direction) in deck order."""
        self._known = deck.cards.prompt_key_set(settings.study_language, settings.vocab_direction)
        self._built: dict[str, list[Prompt]] = {}

    @property
    def order(self) -> list[Key]:
        """Every key, in deck order."""
        return [(self.deck_id, card_id, direction) for card_id, direction in self.pairs]

    def __contains__(self, key: object) -> bool:
        return (
            isinstance(key, tuple)
            and len(key) == 3
            and key[0] == self.deck_id
            and (key[1], key[2]) in self._known
        )

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[Key]:
        deck_id = self.deck_id
        return ((deck_id, card_id, direction) for card_id, direction in self.pairs)

    def __getitem__(self, key: Key) -> Prompt:
        if key not in self:
            raise KeyError(key)
        for prompt in self.of_card(key[1]):
            if prompt.direction == key[2]:
                return prompt
        raise KeyError(key)  # pragma: no cover - the keys come from the same rules

    def of_card(self, card_id: str) -> list[Prompt]:
        """Every prompt of one card (empty for a card that is not in the deck)."""
        built = self._built.get(card_id)
        if built is None:
            try:
                card = self.deck.card(card_id)
            except KeyError:
                return []
            settings = self.settings
            built = prompts_for(
                self.deck.id, card, settings.study_language, settings.vocab_direction
            )
            self._built[card_id] = built
        return built
