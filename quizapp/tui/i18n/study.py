"""Words of the study screen (screens/study.py) and of what it shares with the quiz: the
answer input, the verdict and the grades."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    # -- keys ------------------------------------------------------------------------------
    "key.study.again": Phrase("Di nuovo", "Again"),
    "key.study.hard": Phrase("Difficile", "Hard"),
    "key.study.good": Phrase("Bene", "Good"),
    "key.study.easy": Phrase("Facile", "Easy"),
    "key.study.reveal": Phrase("Mostra", "Reveal"),
    "key.study.confirm": Phrase("Conferma il voto", "Confirm the grade"),
    "key.study.right": Phrase("Avevo ragione", "I was right"),
    "key.study.undo": Phrase("Annulla", "Undo"),
    "key.study.suspend": Phrase("Sospendi", "Suspend"),
    "key.study.bury": Phrase("Rimanda", "Bury"),
    "key.study.peek": Phrase("Traduci", "Other language"),
    "key.study.mode": Phrase("Scritta/girata", "Typed/flip"),
    "key.study.practice": Phrase("Pratica libera", "Practise anyway"),
    "key.study.back": Phrase("Indietro", "Back"),
    **{f"key.study.option{n}": Phrase(f"Opzione {n}", f"Option {n}") for n in range(1, 10)},
    # -- the header ------------------------------------------------------------------------
    "study.counts": Phrase(
        "Nuove {new} · In apprendimento {learning} · Da ripassare {review}",
        "New {new} · Learning {learning} · Due {review}",
    ),
    "study.practice_counts": Plural(
        (
            "Ripasso libero · ne resta {n} · il programma non cambia",
            "Ripasso libero · ne restano {n} · il programma non cambia",
        ),
        (
            "Practice · {n} left · the schedule is not changed",
            "Practice · {n} left · the schedule is not changed",
        ),
    ),
    # -- the card --------------------------------------------------------------------------
    "study.edited": Phrase(
        "Il testo di questa carta è cambiato dall'ultima volta.",
        "This card's text changed since you last studied it.",
    ),
    "study.options": Phrase(
        "Scegli una risposta con {keys} (o con le frecce e {enter}); poi il voto.",
        "Pick an answer with {keys} (or the arrows and {enter}); then the grade.",
    ),
    "study.answer_in": Phrase("→ rispondi in {lang}", "→ answer in {lang}"),
    "study.items": Plural(
        ("{n} elemento atteso", "{n} elementi attesi"), ("{n} item expected", "{n} items expected")
    ),
    "study.no_peek": Phrase(
        "Questa carta non ha l'altra lingua.", "This card has no other language."
    ),
    "study.placeholder": Phrase(
        "Scrivi la risposta e premi Invio", "Type your answer and press Enter"
    ),
    "study.flip_hint": Phrase(
        "Pensa alla risposta, poi premi {reveal} e datti un voto.",
        "Think of the answer, then press {reveal} and grade yourself.",
    ),
    # -- the verdict -----------------------------------------------------------------------
    "study.typed": Phrase("Hai scritto", "You typed"),
    "study.expected": Phrase("Risposta", "Answer"),
    "study.sentence": Phrase("Frase", "Sentence"),
    "study.right_saved": Phrase(
        "Avevi ragione: salvata come «{grade}».", "You were right: saved as {grade}."
    ),
    # -- saving, undo, suspend and bury ----------------------------------------------------
    "study.saved_error": Phrase("Risposta NON salvata: {error}", "Answer NOT saved: {error}"),
    "study.undo_error": Phrase("Annullamento NON riuscito: {error}", "Undo failed: {error}"),
    "study.undone.answer": Phrase("Ultima risposta annullata.", "Last answer undone."),
    "study.undone.pending": Phrase(
        "Risposta ritirata (non valutata).", "Answer taken back (not graded)."
    ),
    "study.undone.suspend": Phrase("Sospensione annullata.", "Suspend undone."),
    "study.undone.bury": Phrase("Carta di nuovo in programma oggi.", "Bury undone."),
    "study.suspended": Phrase(
        "Carta sospesa ({undo} per annullare).", "Card suspended ({undo} to undo)."
    ),
    "study.buried": Phrase(
        "Carta rimandata a domani ({undo} per annullare).",
        "Card buried until tomorrow ({undo} to undo).",
    ),
    "study.store_error": Phrase(
        "I progressi non si possono leggere. {back} per tornare indietro.",
        "Your progress cannot be read. {back} to go back.",
    ),
    # -- the end of the day ----------------------------------------------------------------
    "study.done": Phrase("Per oggi hai finito.", "You are done for today."),
    "study.next_due": Phrase("Prossima carta tra {when}.", "Next card in {when}."),
    "study.nothing_due": Phrase("Nessuna carta in programma.", "No card is scheduled."),
    "study.offer_practice": Phrase(
        "Premi {practice} per un ripasso libero (non cambia il programma).",
        "Press {practice} to practise anyway (the schedule is not changed).",
    ),
}
