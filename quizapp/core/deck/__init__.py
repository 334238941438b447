"""A deck file: its model, reading it with located problems, the validated-deck cache, prompts.

Modules: `model` (pydantic models; the JSON Schema comes from here), `answers` (the answer
syntax), `loading` (TOML -> Deck, every problem with file:line:column), `cache` and `index`
(the validated-deck cache and its packed cards), `catalog` (finding decks), `prompts` (a card
and a direction -> what the learner is asked).
"""
