"""The domain of quizapp: decks, judging, scheduling, the store.

Imports neither textual nor rich.
"""
