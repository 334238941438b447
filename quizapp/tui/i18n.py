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
    "key.study.again": ("Di nuovo", "Again"),
    "key.study.hard": ("Difficile", "Hard"),
    "key.study.good": ("Bene", "Good"),
    "key.study.easy": ("Facile", "Easy"),
    "key.study.reveal": ("Mostra", "Reveal"),
    "key.study.right": ("Avevo ragione", "I was right"),
    "key.study.undo": ("Annulla", "Undo"),
    "key.study.suspend": ("Sospendi", "Suspend"),
    "key.study.bury": ("Rimanda a domani", "Bury"),
    "study.suspended": (
        "Carta sospesa (ctrl+u per annullare).",
        "Card suspended (ctrl+u to undo).",
    ),
    "study.buryed": (
        "Carta rimandata a domani (ctrl+u per annullare).",
        "Card buried until tomorrow (ctrl+u to undo).",
    ),
    "key.study.peek": ("Altra lingua", "Other language"),
    "key.study.mode": ("Scritta/girata", "Typed/flip"),
    "key.study.back": ("Indietro", "Back"),
    # -- study ------------------------------------------------------------------------------
    "study.counts": (
        "Nuove {new} · In apprendimento {learning} · Da ripassare {review}",
        "New {new} · Learning {learning} · Due {review}",
    ),
    "study.placeholder": ("Scrivi la risposta e premi Invio", "Type your answer and press Enter"),
    "study.flip_hint": (
        "Pensa alla risposta, poi premi Spazio",
        "Think of the answer, then press Space",
    ),
    "study.done": ("Per oggi hai finito.", "You are done for today."),
    "study.next_due": ("Prossima carta: {when}.", "Next card due: {when}."),
    "study.nothing_due": ("Nessuna carta in programma.", "No card is scheduled."),
    "study.items": ("{n} elementi attesi", "{n} items expected"),
    "study.options": ("Scegli con 1-{n}", "Pick with 1-{n}"),
    "study.expected": ("Risposta", "Answer"),
    "study.typed": ("Hai scritto", "You typed"),
    "study.grade_hint": (
        "Invio conferma {rating}; 1-4 per cambiare",
        "Enter confirms {rating}; 1-4 to change",
    ),
    "study.undone": ("Ultima risposta annullata.", "Last answer undone."),
    "study.saved_error": ("Risposta NON salvata: {error}", "Answer NOT saved: {error}"),
    "study.edited": (
        "Il testo di questa carta è cambiato dall'ultima volta.",
        "This card's text changed since you last studied it.",
    ),
    "outcome.correct": ("Giusto", "Correct"),
    "outcome.almost": ("Quasi", "Almost"),
    "outcome.partial": ("In parte", "Partly right"),
    "outcome.wrong": ("Sbagliato", "Wrong"),
    "rating.again": ("Di nuovo", "Again"),
    "rating.hard": ("Difficile", "Hard"),
    "rating.good": ("Bene", "Good"),
    "rating.easy": ("Facile", "Easy"),
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
