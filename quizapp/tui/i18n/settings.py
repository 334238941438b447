"""Words of the settings and help screens (screens/settings.py, screens/help.py)."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase

WORDS: dict[str, Entry] = {
    # -- settings --------------------------------------------------------------------------
    "key.settings.save": Phrase("Salva", "Save"),
    "key.settings.cancel": Phrase("Annulla", "Cancel"),
    "settings.title": Phrase("Impostazioni", "Settings"),
    "settings.file": Phrase("Salvate in {path}", "Saved to {path}"),
    "settings.saved": Phrase("Impostazioni salvate.", "Settings saved."),
    "settings.file_problems": Phrase(
        "Ignorato nel file (il resto è in uso; salvando, il file vecchio è tenuto in copia):",
        "Ignored in the file (the rest is in use; saving keeps a copy of the old file):",
    ),
    "settings.not_number": Phrase("serve un numero", "must be a number"),
    "settings.at_least": Phrase("almeno {limit}", "at least {limit}"),
    "settings.at_most": Phrase("al massimo {limit}", "at most {limit}"),
    "setting.ui_language": Phrase("Lingua dell'app", "App language"),
    "setting.study_language": Phrase("Lingua delle domande", "Question language"),
    "setting.vocab_direction": Phrase("Direzione del lessico", "Vocabulary direction"),
    "setting.answer_mode": Phrase("Modo di risposta", "Answer mode"),
    "setting.new_per_day": Phrase("Carte nuove al giorno", "New cards per day"),
    "setting.new_order": Phrase("Ordine delle nuove", "New card order"),
    "new_order.deck": Phrase("Ordine del mazzo", "Deck order"),
    "new_order.random": Phrase("Casuale", "Random"),
    "new_order.kind": Phrase("Alternate per tipo", "Interleaved by kind"),
    "new_order.tag": Phrase("Alternate per etichetta", "Interleaved by tag"),
    "setting.learn_mode": Phrase("Modo Impara", "Learn mode"),
    "learn_mode.off": Phrase("No: come le altre carte", "Off: as any other card"),
    "learn_mode.on": Phrase("Sì: prima a scelta, poi scritte", "On: multiple choice, then typed"),
    "setting.reviews_per_day": Phrase("Ripassi al giorno", "Reviews per day"),
    "setting.desired_retention": Phrase(
        "Ritenzione voluta (0.70-0.97)", "Desired retention (0.70-0.97)"
    ),
    "setting.day_start_hour": Phrase("Ora d'inizio del giorno", "Hour the day starts"),
    "setting.quiz_length": Phrase("Domande per quiz", "Questions per quiz"),
    "setting.theme": Phrase("Tema", "Theme"),
    "answer_mode.typed": Phrase("Risposta scritta", "Typed answer"),
    "answer_mode.flip": Phrase("Carta girata (autovalutazione)", "Flip (rate yourself)"),
    # -- help ------------------------------------------------------------------------------
    "key.help.close": Phrase("Chiudi", "Close"),
    "help.title": Phrase("Tasti", "Keys"),
    "help.key": Phrase("Tasto", "Key"),
    "help.action": Phrase("Azione", "Action"),
    "help.id": Phrase("Id (per la keymap)", "Id (for the keymap)"),
    "help.this_screen": Phrase("In questa schermata", "On this screen"),
    "help.everywhere": Phrase("Ovunque", "Everywhere"),
    "help.palette": Phrase("Tavolozza dei comandi", "Command palette"),
    "help.remap": Phrase(
        'Per cambiare un tasto, scrivi in {path} (id tra virgolette = "tasto"):\n'
        '[keymap]\n"study.again" = "a"',
        'To change a key, write in {path} (quoted id = "key"):\n[keymap]\n"study.again" = "a"',
    ),
}
