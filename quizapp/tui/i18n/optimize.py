"""Words of the Optimize dialog (screens/optimize.py), opened from the settings screen."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    "key.settings.optimize": Phrase("Ottimizza FSRS", "Optimize FSRS"),
    "key.optimize.start": Phrase("Avvia", "Start"),
    "key.optimize.close": Phrase("Chiudi", "Close"),
    "optimize.title": Phrase(
        "Parametri FSRS dai tuoi ripassi", "FSRS parameters from your reviews"
    ),
    "optimize.scope": Phrase("Mazzo", "Deck"),
    "optimize.all": Phrase("Tutti i mazzi", "All decks"),
    "optimize.intro": Phrase(
        "Adatta i parametri ai tuoi ripassi; li salva solo se prevedono meglio le risposte.",
        "Fits the parameters to your reviews; saves them only if they predict your answers better.",
    ),
    "optimize.step.READ": Phrase("Lettura dei ripassi…", "Reading the reviews…"),
    "optimize.step.CURRENT": Phrase(
        "Valutazione dei parametri attuali…", "Evaluating the current parameters…"
    ),
    "optimize.step.FIT": Phrase("Adattamento…", "Fitting…"),
    "optimize.step.FITTED": Phrase(
        "Valutazione dei parametri nuovi…", "Evaluating the fitted parameters…"
    ),
    # At least MIN_REVIEWS (400) reviews, always plural; the count here is of cards.
    "optimize.used": Plural(
        ("{reviews} ripassi di una carta", "{reviews} ripassi di {n} carte"),
        ("{reviews} reviews of one card", "{reviews} reviews of {n} cards"),
    ),
    "optimize.table": Phrase(
        "            log loss   RMSE\nattuali    {b_loss:>9}  {b_rmse:>6}\n"
        "adattati   {a_loss:>9}  {a_rmse:>6}",
        "            log loss   RMSE\ncurrent    {b_loss:>9}  {b_rmse:>6}\n"
        "fitted     {a_loss:>9}  {a_rmse:>6}",
    ),
    "optimize.saved": Phrase(
        "Salvati: il mazzo ora è programmato con i parametri adattati.",
        "Saved: the schedule uses the fitted parameters from now on.",
    ),
    "optimize.kept": Phrase(
        "L'adattamento non è migliore dei parametri attuali: restano quelli.",
        "The fit is not better than the current parameters: they are kept.",
    ),
    "optimize.too_few": Phrase(
        "{reviews} ripassi utili: ne servono almeno {minimum}. Nulla è cambiato.",
        "{reviews} reviews to learn from: at least {minimum} are needed. Nothing changed.",
    ),
    "optimize.failed": Phrase("Non riuscito: {error}", "Failed: {error}"),
}
