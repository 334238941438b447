"""The UI's own words in Italian and English. Card text never goes through here.

`t(lang, key, **values)` looks a string up and fills `{placeholders}`. Binding descriptions
are keyed `key.<binding id>`, so the Footer, the help screen and the command palette speak the
learner's language. A test checks that every key has both languages and every key used exists.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("it", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # -- app and keys ----------------------------------------------------------------------
    "app.title": ("quizapp", "quizapp"),
    "key.app.quit": ("Esci", "Quit"),
    "key.app.help": ("Aiuto", "Help"),
    "key.app.settings": ("Impostazioni", "Settings"),
    "key.app.language": ("English", "Italiano"),
    "key.app.back": ("Indietro", "Back"),
    "key.home.study": ("Studia", "Study"),
    "key.home.practice": ("Ripasso libero", "Practice"),
    "key.home.quiz": ("Quiz", "Quiz"),
    "key.home.stats": ("Statistiche", "Stats"),
    "key.home.study_lang": ("Lingua di studio", "Study language"),
    "key.home.direction": ("Direzione lessico", "Vocab direction"),
    "key.home.quit": ("Esci", "Quit"),
}


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """Italian when the locale says so (`LANG=it_IT.UTF-8`), otherwise English."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(variable, "")
        if value:
            return "it" if value.lower().startswith("it") else "en"
    return "en"


def t(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang` ("it" or "en"), with `{placeholders}` filled."""
    italian, english = STRINGS[key]
    text = italian if lang == "it" else english
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in STRINGS
