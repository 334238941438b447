"""The UI's own words in Italian and English, one module a screen. Card text never goes
through here.

`t(lang, key, **values)` is a phrase in `lang` with its `{placeholders}` filled; `tn(lang, key,
n, **values)` the same for a text that depends on a count (`1 risposta`, `2 risposte`).
`phrase(key, ...)` and `phrase_n(key, n, ...)` give the filled Phrase itself, in both
languages, for a widget that shows it later in whatever language the UI speaks by then.
Binding descriptions are keyed `key.<binding id>`, so the Footer, the help screen and the
command palette speak the learner's language. tests/tui/test_words.py checks that both
languages have every key with the same placeholders, and that every key used exists.
"""

from __future__ import annotations

from quizapp.core.bilingual import Catalogue, Phrase
from quizapp.tui.i18n import (
    browse,
    common,
    editing,
    home,
    learn,
    optimize,
    quiz,
    settings,
    stats,
    study,
)

WORDS = Catalogue(
    common.WORDS,
    home.WORDS,
    study.WORDS,
    quiz.WORDS,
    stats.WORDS,
    settings.WORDS,
    browse.WORDS,
    learn.WORDS,
    editing.WORDS,
    optimize.WORDS,
)
"""Every word of the UI, by key."""


def t(lang: str, key: str, **values: object) -> str:
    """The phrase `key` in `lang` ("it" or "en"), with `{placeholders}` filled."""
    return WORDS.phrase(key).format(lang, **values)


def tn(lang: str, key: str, n: int, **values: object) -> str:
    """The text `key` for the count `n`, in `lang`: `{n}` and the other placeholders filled."""
    return WORDS.plural(key).format(lang, n, **values)


def phrase(key: str, **values: object) -> Phrase:
    """The phrase `key` in both languages, filled."""
    found = WORDS.phrase(key)
    return found.fill(**values) if values else found


def phrase_n(key: str, n: int, **values: object) -> Phrase:
    """The text `key` for the count `n`, in both languages."""
    return WORDS.plural(key).of(n, **values)


def has(key: str) -> bool:
    return key in WORDS
