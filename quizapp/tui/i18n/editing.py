"""Words of editing a card's deck file by hand (tui/editing.py and its dialogs)."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    # -- keys ------------------------------------------------------------------------------
    "key.study.edit": Phrase("Modifica", "Edit"),
    "key.results.edit": Phrase("Modifica", "Edit"),
    "key.browse.edit": Phrase("Modifica", "Edit"),
    "key.edit_copy.confirm": Phrase("Copia e modifica", "Copy and edit"),
    "key.edit_copy.cancel": Phrase("Annulla", "Cancel"),
    "key.edit_broken.again": Phrase("Modifica di nuovo", "Edit again"),
    "key.edit_broken.discard": Phrase("Scarta la modifica", "Discard the edit"),
    "key.edit_pick.cancel": Phrase("Annulla", "Cancel"),
    # -- a bundled deck --------------------------------------------------------------------
    "edit.copy_title": Phrase("Questo mazzo è incluso in quizapp", "This deck comes with quizapp"),
    "edit.copy_body": Phrase(
        "Non si può modificare dove si trova. Copiarlo nella cartella dei tuoi mazzi e "
        "modificare la copia? La copia ha lo stesso id e prende il posto del mazzo incluso: "
        "i tuoi progressi restano.\n\nCartella: {folder}",
        "It cannot be changed where it is. Copy it into your decks folder and edit the copy? "
        "The copy keeps the deck's id and takes the bundled deck's place: your progress "
        "stays.\n\nFolder: {folder}",
    ),
    "edit.copied": Phrase("Mazzo copiato in {path}", "Deck copied to {path}"),
    # -- after the editor ------------------------------------------------------------------
    "edit.broken_title": Phrase("La modifica ha errori", "The edit has errors"),
    "edit.broken_body": Phrase(
        "Così com'è, {file} non si può caricare:",
        "As it is, {file} cannot be loaded:",
    ),
    "edit.broken_more": Plural(
        ("… e {n} altro errore", "… e altri {n} errori"),
        ("… and {n} more error", "… and {n} more errors"),
    ),
    "edit.broken_hint": Phrase(
        "Modificalo di nuovo per correggerlo, o scarta la modifica: il mazzo torna com'era. "
        "La sessione e i progressi restano.",
        "Edit it again to fix it, or discard the edit: the deck goes back to how it was. "
        "The session and your progress stay.",
    ),
    "edit.saved": Phrase("Mazzo salvato e ricaricato.", "Deck saved and reloaded."),
    "edit.unchanged": Phrase("Il mazzo non è cambiato.", "The deck did not change."),
    "edit.discarded": Phrase(
        "Modifica scartata: il mazzo è com'era.", "Edit discarded: the deck is as it was."
    ),
    "edit.shown_again": Phrase(
        "Carta modificata: eccola di nuovo, com'è ora.",
        "Card changed: here it is again, as it is now.",
    ),
    "edit.card_gone": Phrase(
        "La carta non è più nel mazzo: si passa alla prossima.",
        "The card is no longer in the deck: on to the next one.",
    ),
    "edit.results_kept": Phrase(
        "Mazzo salvato. I risultati mostrano il quiz com'era.",
        "Deck saved. The results show the quiz as it was asked.",
    ),
    "edit.store_error": Phrase(
        "Mazzo salvato, ma i progressi non si possono aggiornare: {error}",
        "Deck saved, but the progress cannot be updated: {error}",
    ),
    "edit.pick_title": Phrase("Quale carta modificare?", "Which card to edit?"),
    # -- what stops an edit ----------------------------------------------------------------
    "edit.no_editor": Phrase(
        "Nessun editor trovato: imposta VISUAL o EDITOR (per esempio EDITOR=nano).",
        "No editor found: set VISUAL or EDITOR (for example EDITOR=nano).",
    ),
    "edit.editor_failed": Phrase(
        "L'editor «{editor}» non si avvia: {error}", "The editor “{editor}” does not start: {error}"
    ),
    "edit.cannot_suspend": Phrase(
        "Qui non si può aprire un editor (il terminale non si può sospendere).",
        "An editor cannot be opened here (the terminal cannot be suspended).",
    ),
    "edit.no_file": Phrase(
        "Questo mazzo non viene da un file: non c'è niente da modificare.",
        "This deck does not come from a file: there is nothing to edit.",
    ),
}
