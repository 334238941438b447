"""quizapp: learn from bilingual (Italian/English) decks in the terminal."""

__version__ = "0.1.0"
