"""Words every screen uses: the app's keys and notices, the palette, languages, directions,
verdicts and grades."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase

WORDS: dict[str, Entry] = {
    # -- keys of the app (binding ids) -----------------------------------------------------
    "key.app.quit": Phrase("Esci", "Quit"),
    "key.app.help": Phrase("Aiuto", "Help"),
    "key.app.settings": Phrase("Impostazioni", "Settings"),
    "key.app.language": Phrase("English", "Italiano"),  # names the language it switches to
    # -- the app ---------------------------------------------------------------------------
    "app.unknown_theme": Phrase(
        "Tema sconosciuto «{name}»: resta quello predefinito.",
        "Unknown theme '{name}': keeping the default.",
    ),
    "app.unknown_keys": Phrase(
        "Nella keymap delle impostazioni ci sono id di tasti sconosciuti: {ids}.",
        "The settings keymap names unknown key ids: {ids}.",
    ),
    "app.quit_title": Phrase("Vuoi uscire?", "Do you want to quit?"),
    "app.quit_hint": Phrase(
        "Per uscire da quizapp premi {shown}.", "Press {shown} to quit quizapp."
    ),
    "palette.search": Phrase("Cerca un comando…", "Search for commands…"),
    "palette.search_themes": Phrase("Cerca un tema…", "Search for themes…"),
    "palette.theme": Phrase("Tema", "Theme"),
    "palette.theme_help": Phrase("Cambia il tema dei colori", "Change the colour theme"),
    # -- languages and directions ----------------------------------------------------------
    "lang.it": Phrase("italiano", "Italian"),
    "lang.en": Phrase("inglese", "English"),
    "direction.both": Phrase("it→en e en→it", "it→en and en→it"),
    "direction.it>en": Phrase("it→en", "it→en"),
    "direction.en>it": Phrase("en→it", "en→it"),
    # -- verdicts and grades ---------------------------------------------------------------
    "outcome.correct": Phrase("Giusto", "Correct"),
    "outcome.almost": Phrase("Quasi", "Almost"),
    "outcome.partial": Phrase("In parte", "Partly right"),
    "outcome.wrong": Phrase("Sbagliato", "Wrong"),
    "outcome.unanswered": Phrase("Senza risposta", "Unanswered"),
    "rating.again": Phrase("Di nuovo", "Again"),
    "rating.hard": Phrase("Difficile", "Hard"),
    "rating.good": Phrase("Bene", "Good"),
    "rating.easy": Phrase("Facile", "Easy"),
}
