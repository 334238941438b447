"""A deck file: its model, reading it with located problems, the validated-deck cache, prompts.

Modules: `cards` and `model` (pydantic models; the JSON Schema comes from here), `source` (the
cards of a deck behind one Protocol: a list, or the cache's packed cards of `index`),
`loading` (TOML -> Deck: `reading`, `schema_problems`, `checks`, every `problems` located as
file:line:column), `cache` (the validated-deck cache), `catalog` (finding decks), `prompts`
(a card and a direction -> what the learner is asked). The answer syntax, which the judge
reads too, is `quizapp.core.answers`.
"""

from quizapp.core.deck.cards import Card, ChoiceCard, ClozeCard, ListCard, QACard, VocabCard
from quizapp.core.deck.index import summary
from quizapp.core.deck.loading import (
    CheckResult,
    DeckError,
    Problem,
    check_deck,
    check_deck_cached,
    load_deck,
    load_deck_cached,
)
from quizapp.core.deck.model import Deck, DeckInfo, json_schema
from quizapp.core.deck.prompts import (
    Prompt,
    all_prompts,
    content_hash,
    peek,
    prompt_keys,
    prompts_for,
)
from quizapp.core.deck.source import CardSource, DeckSummary

__all__ = [
    "Card",
    "CardSource",
    "CheckResult",
    "ChoiceCard",
    "ClozeCard",
    "Deck",
    "DeckError",
    "DeckInfo",
    "DeckSummary",
    "ListCard",
    "Problem",
    "Prompt",
    "QACard",
    "VocabCard",
    "all_prompts",
    "check_deck",
    "check_deck_cached",
    "content_hash",
    "json_schema",
    "load_deck",
    "load_deck_cached",
    "peek",
    "prompt_keys",
    "prompts_for",
    "summary",
]
