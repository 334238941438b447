"""Words of the home screen (screens/home.py)."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    # -- keys ------------------------------------------------------------------------------
    "key.home.study": Phrase("Studia", "Study"),
    "key.home.practice": Phrase("Pratica", "Practice"),
    "key.home.quiz": Phrase("Quiz", "Quiz"),
    "key.home.stats": Phrase("Statistiche", "Stats"),
    "key.home.study_lang": Phrase("Lingua di studio", "Study language"),
    "key.home.direction": Phrase("Direzione lessico", "Vocab direction"),
    "key.home.settings": Phrase("Impostazioni", "Settings"),
    "key.home.quit": Phrase("Esci", "Quit"),
    # -- the table of decks ----------------------------------------------------------------
    "home.deck": Phrase("Mazzo", "Deck"),
    "home.new": Phrase("Nuove", "New"),
    "home.learning": Phrase("Appr.", "Learn"),
    "home.due": Phrase("Ripasso", "Due"),
    "home.cards": Phrase("Carte", "Cards"),
    "home.best": Phrase("Quiz max", "Best"),
    "home.last": Phrase("Ultimo", "Last"),
    "home.broken": Phrase("non caricabile", "cannot be loaded"),
    "home.mode": Phrase(
        "Domande in {language} · lessico {direction} · {learn}  (l, d, i)",
        "Questions in {language} · vocabulary {direction} · {learn}  (l, d, i)",
    ),
    "home.no_decks": Phrase("Nessun mazzo trovato.", "No decks found."),
    # -- the highlighted deck --------------------------------------------------------------
    "home.kinds": Phrase("Carte: {kinds}", "Cards: {kinds}"),
    "kind.qa": Phrase("domande", "questions"),
    "kind.vocab": Phrase("lessico", "vocabulary"),
    "kind.cloze": Phrase("frasi da completare", "cloze"),
    "kind.choice": Phrase("scelta multipla", "multiple choice"),
    "kind.list": Phrase("elenchi", "lists"),
    "home.tags": Phrase("Etichette: {tags}", "Tags: {tags}"),
    "home.author": Phrase(
        "Autore: {author} · Licenza: {license}", "Author: {author} · Licence: {license}"
    ),
    "home.file": Phrase("File: {path} ({origin})", "File: {path} ({origin})"),
    "origin.bundled": Phrase("inclusa", "bundled"),
    "origin.user": Phrase("tua", "yours"),
    "origin.path": Phrase("file", "file"),
    # -- a deck that cannot be opened ------------------------------------------------------
    "home.cannot_load": Phrase(
        "{path}: questo mazzo non si può caricare.", "{path}: this deck cannot be loaded."
    ),
    "home.more_errors": Plural(
        (
            "... e un altro errore (quizapp validate li elenca tutti)",
            "... e altri {n} errori (quizapp validate li elenca tutti)",
        ),
        (
            "... and {n} more error (quizapp validate lists them all)",
            "... and {n} more errors (quizapp validate lists them all)",
        ),
    ),
    "home.fix_errors": Phrase(
        "Questo mazzo non si può caricare: correggi gli errori mostrati.",
        "This deck cannot be loaded; fix the errors shown.",
    ),
    "home.study_error": Phrase(
        "Impossibile aprire il mazzo: {error}", "Cannot open the deck: {error}"
    ),
    "home.deck_locked": Phrase(
        "Un'altra finestra di quizapp (pid {pid}) sta studiando questo mazzo: continua lì, "
        "o chiudila prima.",
        "Another quizapp window (pid {pid}) is studying this deck: go on there, or close it first.",
    ),
}
