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
    "key.app.language": ("English", "Italiano"),  # names the language it switches to
    "key.app.back": ("Indietro", "Back"),
    "key.home.study": ("Studia", "Study"),
    "key.home.practice": ("Pratica", "Practice"),
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
    # -- app, home, settings, help ---------------------------------------------------------
    "key.help.close": ("Chiudi", "Close"),
    "key.home.settings": ("Impostazioni", "Settings"),
    "key.settings.save": ("Salva", "Save"),
    "key.settings.cancel": ("Annulla", "Cancel"),
    "key.study.practice": ("Pratica libera", "Practise anyway"),
    "key.study.confirm": ("Conferma il voto", "Confirm the grade"),
    "app.unknown_theme": (
        "Tema sconosciuto «{name}»: resta quello predefinito.",
        "Unknown theme '{name}': keeping the default.",
    ),
    "app.unknown_keys": (
        "Nella keymap delle impostazioni ci sono id di tasti sconosciuti: {ids}.",
        "The settings keymap names unknown key ids: {ids}.",
    ),
    "palette.theme": ("Tema", "Theme"),
    "palette.theme_help": ("Cambia il tema dei colori", "Change the colour theme"),
    "lang.it": ("italiano", "Italian"),
    "lang.en": ("inglese", "English"),
    "direction.both": ("it→en e en→it", "it→en and en→it"),
    "direction.it>en": ("it→en", "it→en"),
    "direction.en>it": ("en→it", "en→it"),
    "answer_mode.typed": ("Risposta scritta", "Typed answer"),
    "answer_mode.flip": ("Carta girata (autovalutazione)", "Flip (rate yourself)"),
    "origin.bundled": ("inclusa", "bundled"),
    "origin.user": ("tua", "yours"),
    "origin.path": ("file", "file"),
    "home.deck": ("Mazzo", "Deck"),
    "home.new": ("Nuove", "New"),
    "home.learning": ("Appr.", "Learn"),
    "home.due": ("Ripasso", "Due"),
    "home.cards": ("Carte", "Cards"),
    "home.best": ("Quiz max", "Best"),
    "home.last": ("Ultimo", "Last"),
    "home.broken": ("non caricabile", "cannot be loaded"),
    "home.mode": (
        "Domande in {language} · lessico {direction}  (l, d per cambiare)",
        "Questions in {language} · vocabulary {direction}  (l, d to change)",
    ),
    "home.no_decks": ("Nessun mazzo trovato.", "No decks found."),
    "home.cannot_load": (
        "{path}: questo mazzo non si può caricare.",
        "{path}: this deck cannot be loaded.",
    ),
    "home.kinds": ("Carte: {kinds}", "Cards: {kinds}"),
    "kind.qa": ("domande", "questions"),
    "kind.vocab": ("lessico", "vocabulary"),
    "kind.cloze": ("frasi da completare", "cloze"),
    "kind.choice": ("scelta multipla", "multiple choice"),
    "kind.list": ("elenchi", "lists"),
    "home.tags": ("Etichette: {tags}", "Tags: {tags}"),
    "home.author": (
        "Autore: {author} · Licenza: {license}",
        "Author: {author} · Licence: {license}",
    ),
    "home.file": ("File: {path} ({origin})", "File: {path} ({origin})"),
    "home.fix_errors": (
        "Questo mazzo non si può caricare: correggi gli errori mostrati.",
        "This deck cannot be loaded; fix the errors shown.",
    ),
    "settings.title": ("Impostazioni", "Settings"),
    "settings.file": ("Salvate in {path}", "Saved to {path}"),
    "settings.saved": ("Impostazioni salvate.", "Settings saved."),
    "settings.not_number": ("serve un numero", "must be a number"),
    "settings.at_least": ("almeno {limit}", "at least {limit}"),
    "settings.at_most": ("al massimo {limit}", "at most {limit}"),
    "setting.ui_language": ("Lingua dell'app", "App language"),
    "setting.study_language": ("Lingua delle domande", "Question language"),
    "setting.vocab_direction": ("Direzione del lessico", "Vocabulary direction"),
    "setting.answer_mode": ("Modo di risposta", "Answer mode"),
    "setting.new_per_day": ("Carte nuove al giorno", "New cards per day"),
    "setting.reviews_per_day": ("Ripassi al giorno", "Reviews per day"),
    "setting.desired_retention": ("Ritenzione voluta (0.70-0.97)", "Desired retention (0.70-0.97)"),
    "setting.day_start_hour": ("Ora d'inizio del giorno", "Hour the day starts"),
    "setting.quiz_length": ("Domande per quiz", "Questions per quiz"),
    "setting.theme": ("Tema", "Theme"),
    "help.title": ("Tasti", "Keys"),
    "help.key": ("Tasto", "Key"),
    "help.action": ("Azione", "Action"),
    "help.id": ("Id (per la keymap)", "Id (for the keymap)"),
    "help.this_screen": ("In questa schermata", "On this screen"),
    "help.everywhere": ("Ovunque", "Everywhere"),
    "help.palette": ("Tavolozza dei comandi", "Command palette"),
    "help.remap": (
        'Per cambiare un tasto: in {path}, sezione [keymap], id = "tasto" (es. study.again = "a").',
        'To change a key: in {path}, section [keymap], id = "key" (e.g. study.again = "a").',
    ),
    "study.offer_practice": (
        "Premi p per un ripasso libero (non cambia il programma).",
        "Press p to practise anyway (the schedule is not changed).",
    ),
    "study.undone.answer": ("Ultima risposta annullata.", "Last answer undone."),
    "study.undone.suspend": ("Sospensione annullata.", "Suspend undone."),
    "study.undone.bury": ("Carta di nuovo in programma oggi.", "Bury undone."),
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
    # -- hardening: hostile input and faults -----------------------------------------------
    "study.store_error": (
        "I progressi non si possono leggere. Esc per tornare indietro.",
        "Your progress cannot be read. Escape to go back.",
    ),
    "study.undo_error": ("Annullamento NON riuscito: {error}", "Undo failed: {error}"),
    "home.more_errors": (
        "... e altri {n} errori (quizapp validate li elenca tutti)",
        "... and {n} more errors (quizapp validate lists them all)",
    ),
    "home.study_error": ("Impossibile aprire il mazzo: {error}", "Cannot open the deck: {error}"),
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
