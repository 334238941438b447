"""Words of the Browse screen (screens/browse.py) and its set-due dialog."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    # -- keys ------------------------------------------------------------------------------
    "key.home.browse": Phrase("Sfoglia", "Browse"),
    "key.browse.select": Phrase("Scegli", "Select"),
    "key.browse.select_all": Phrase("Seleziona tutte", "Select all"),
    "key.browse.suspend": Phrase("Sospendi", "Suspend"),
    "key.browse.bury": Phrase("Rimanda", "Bury"),
    "key.browse.reset": Phrase("Azzera", "Reset"),
    "key.browse.set_due": Phrase("Scadenza", "Due date"),
    "key.browse.undo": Phrase("Annulla", "Undo"),
    "key.browse.search": Phrase("Cerca", "Search"),
    "key.browse.state": Phrase("Stato", "State"),
    "key.browse.tag": Phrase("Etichetta", "Tag"),
    "key.browse.leech": Phrase("Sanguisughe", "Leeches"),
    "key.browse.sort": Phrase("Ordina", "Sort"),
    "key.browse.reverse": Phrase("Inverti ordine", "Reverse order"),
    "key.browse.back": Phrase("Indietro", "Back"),
    "key.browse_due.cancel": Phrase("Annulla", "Cancel"),
    # -- the table -------------------------------------------------------------------------
    "browse.title": Phrase("Sfoglia: {deck}", "Browse: {deck}"),
    "browse.col.card": Phrase("Carta", "Card"),
    "browse.col.direction": Phrase("Dir.", "Dir"),
    "browse.col.question": Phrase("Domanda", "Question"),
    "browse.col.state": Phrase("Stato", "State"),
    "browse.col.due": Phrase("Scad.", "Due"),
    "browse.col.interval": Phrase("Int.", "Ivl"),
    "browse.col.lapses": Phrase("Dim.", "Lps"),
    "browse.col.flags": Phrase("S/R", "S/B"),
    "browse.state.new": Phrase("nuova", "new"),
    "browse.state.learning": Phrase("appr.", "learn"),
    "browse.state.review": Phrase("ripasso", "review"),
    "browse.state.relearning": Phrase("riappr.", "relearn"),
    "browse.state.suspended": Phrase("sospese", "suspended"),
    "browse.state.buried": Phrase("rimandate", "buried"),
    "browse.state.due": Phrase("da ripassare oggi", "due today"),
    "browse.state.all": Phrase("tutte", "all"),
    "browse.flag.suspended": Phrase("S", "S"),
    "browse.flag.buried": Phrase("R", "B"),
    "browse.flag.leech": Phrase("!", "!"),
    "browse.today": Phrase("oggi", "today"),
    "browse.days": Phrase("{n}g", "{n}d"),
    "browse.years": Phrase("{n}a", "{n}y"),
    "browse.sort.deck": Phrase("mazzo", "deck"),
    "browse.sort.card": Phrase("carta", "card"),
    "browse.sort.direction": Phrase("direzione", "direction"),
    "browse.sort.question": Phrase("domanda", "question"),
    "browse.sort.state": Phrase("stato", "state"),
    "browse.sort.due": Phrase("scadenza", "due"),
    "browse.sort.interval": Phrase("intervallo", "interval"),
    "browse.sort.stability": Phrase("stabilità", "stability"),
    "browse.sort.difficulty": Phrase("difficoltà", "difficulty"),
    "browse.sort.retrievability": Phrase("richiamo", "recall"),
    "browse.sort.reps": Phrase("ripetizioni", "reps"),
    "browse.sort.lapses": Phrase("dimenticanze", "lapses"),
    "browse.filters": Phrase(
        "f stato: {state} · t etichetta: {tag} · l sanguisughe: {leech} · o ordine: {sort}",
        "f state: {state} · t tag: {tag} · l leeches: {leech} · o sort: {sort}",
    ),
    "browse.on": Phrase("sì", "on"),
    "browse.off": Phrase("no", "off"),
    "browse.all_tags": Phrase("tutte", "all"),
    "browse.search_placeholder": Phrase(
        "/ per cercare nel testo delle carte…", "/ to search the cards' text…"
    ),
    "browse.shown": Plural(
        ("{n} carta di {total}", "{n} carte di {total}"),
        ("{n} card of {total}", "{n} cards of {total}"),
    ),
    "browse.selected": Plural(
        ("una selezionata", "{n} selezionate"), ("one selected", "{n} selected")
    ),
    "browse.more_keys": Phrase(
        "(e modifica · n azzera · a sceglie tutte · esc indietro)",
        "(e edits · n resets · a selects all · esc back)",
    ),
    "browse.nothing": Phrase(
        "Nessuna carta corrisponde ai filtri.", "No card matches the filters."
    ),
    "browse.detail": Phrase(
        "Stabilità {stability} · difficoltà {difficulty} · richiamo {recall} · "
        "rip. {reps} · dim. {lapses}",
        "Stability {stability} · difficulty {difficulty} · recall {recall} · "
        "reps {reps} · lapses {lapses}",
    ),
    "browse.leech_word": Phrase("sanguisuga", "leech"),
    # -- what an action did ----------------------------------------------------------------
    "browse.done.suspend": Plural(
        ("Sospesa una carta (u annulla).", "Sospese {n} carte (u annulla)."),
        ("Suspended one card (u undoes).", "Suspended {n} cards (u undoes)."),
    ),
    "browse.done.unsuspend": Plural(
        ("Riattivata una carta (u annulla).", "Riattivate {n} carte (u annulla)."),
        ("Unsuspended one card (u undoes).", "Unsuspended {n} cards (u undoes)."),
    ),
    "browse.done.bury": Plural(
        ("Rimandata a domani una carta (u annulla).", "Rimandate a domani {n} carte (u annulla)."),
        (
            "Buried one card until tomorrow (u undoes).",
            "Buried {n} cards until tomorrow (u undoes).",
        ),
    ),
    "browse.done.unbury": Plural(
        (
            "Ripristinata una carta rimandata (u annulla).",
            "Ripristinate {n} carte rimandate (u annulla).",
        ),
        ("Unburied one card (u undoes).", "Unburied {n} cards (u undoes)."),
    ),
    "browse.done.reset": Plural(
        (
            "Azzerata una carta: è di nuovo nuova (u annulla).",
            "Azzerate {n} carte: sono di nuovo nuove (u annulla).",
        ),
        (
            "Reset one card: it is new again (u undoes).",
            "Reset {n} cards: they are new again (u undoes).",
        ),
    ),
    "browse.done.set-due": Plural(
        ("Nuova scadenza per una carta (u annulla).", "Nuova scadenza per {n} carte (u annulla)."),
        ("New due date for one card (u undoes).", "New due date for {n} cards (u undoes)."),
    ),
    "browse.unchanged": Phrase(
        "Niente da cambiare: le carte scelte sono già così.",
        "Nothing to change: the chosen cards are already so.",
    ),
    "browse.undone": Plural(
        ("Annullato: l'ultima azione su una carta.", "Annullato: l'ultima azione su {n} carte."),
        ("Undone: the last action on one card.", "Undone: the last action on {n} cards."),
    ),
    "browse.nothing_to_undo": Phrase("Niente da annullare.", "Nothing to undo."),
    "browse.error": Phrase("Azione NON salvata: {error}", "Action NOT saved: {error}"),
    # -- the set-due dialog ----------------------------------------------------------------
    "browse_due.title": Plural(
        ("Nuova scadenza per una carta", "Nuova scadenza per {n} carte"),
        ("New due date for one card", "New due date for {n} cards"),
    ),
    "browse_due.body": Phrase(
        "Tra quanti giorni? 0 = oggi (la memoria della carta non cambia).",
        "In how many days? 0 = today (the card's memory does not change).",
    ),
    "browse_due.invalid": Phrase(
        "Un numero intero da 0 a {max}.", "A whole number from 0 to {max}."
    ),
}
