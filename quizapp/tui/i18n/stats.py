"""Words of the statistics screen (screens/stats.py and its panes)."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    # -- keys ------------------------------------------------------------------------------
    "key.stats.back": Phrase("Indietro", "Back"),
    "key.stats.period": Phrase("Periodo", "Period"),
    "key.stats.scope": Phrase("Mazzo / tutti", "Deck / all"),
    "key.stats.refresh": Phrase("Aggiorna", "Refresh"),
    "key.stats.tab1": Phrase("Panoramica", "Overview"),
    "key.stats.tab2": Phrase("Calendario", "Calendar"),
    "key.stats.tab3": Phrase("Previsioni", "Forecast"),
    "key.stats.tab4": Phrase("Ritenzione", "Retention"),
    "key.stats.tab5": Phrase("Carte", "Cards"),
    "key.stats.tab6": Phrase("Le più difficili", "Hardest"),
    # -- the screen ------------------------------------------------------------------------
    "stats.tab.overview": Phrase("Panoramica", "Overview"),
    "stats.tab.calendar": Phrase("Calendario", "Calendar"),
    "stats.tab.forecast": Phrase("Previsioni", "Forecast"),
    "stats.tab.retention": Phrase("Ritenzione", "Retention"),
    "stats.tab.cards": Phrase("Carte", "Cards"),
    "stats.tab.hardest": Phrase("Difficili", "Hardest"),
    "stats.title": Phrase("Statistiche", "Statistics"),
    "stats.computing": Phrase("Calcolo delle statistiche…", "Computing the statistics…"),
    "stats.failed": Phrase("Statistiche non disponibili.", "Statistics not available."),
    "stats.all_decks": Phrase("tutti i mazzi", "all decks"),
    "stats.status": Phrase(
        "{deck} · {period} ({start} – {end})", "{deck} · {period} ({start} – {end})"
    ),
    "stats.last_days": Plural(
        ("ultimo giorno", "ultimi {n} giorni"), ("last day", "last {n} days")
    ),
    # -- counts, with their nouns ----------------------------------------------------------
    "stats.answers": Plural(("{n} risposta", "{n} risposte"), ("{n} answer", "{n} answers")),
    "stats.cards": Plural(("{n} carta", "{n} carte"), ("{n} card", "{n} cards")),
    "stats.new": Plural(("{n} nuova", "{n} nuove"), ("{n} new", "{n} new")),
    "stats.suspended": Plural(("{n} sospesa", "{n} sospese"), ("{n} suspended", "{n} suspended")),
    "stats.lapses": Plural(("{n} dimenticanza", "{n} dimenticanze"), ("{n} lapse", "{n} lapses")),
    # -- overview --------------------------------------------------------------------------
    "stats.today": Phrase("Oggi ({date})", "Today ({date})"),
    "stats.activity": Phrase(
        "  {answers} · {cards} · {new} · {time} · «Di nuovo» {again}",
        "  {answers} · {cards} · {new} · {time} · again {again}",
    ),
    "stats.streak": Phrase("  Giorni di studio di fila: {days}", "  Study days in a row: {days}"),
    "stats.period": Plural(("Ultimo giorno", "Ultimi {n} giorni"), ("Last day", "Last {n} days")),
    "stats.days_studied": Plural(
        ("  Giorni di studio: {studied} su {n}", "  Giorni di studio: {studied} su {n}"),
        ("  Studied on {studied} of {n} day", "  Studied on {studied} of {n} days"),
    ),
    "stats.states": Phrase(
        "Carte (per direzione): {new} · {learning} in apprendimento · {review} da ripassare · "
        "{suspended}",
        "Cards (per direction): {new} · {learning} learning · {review} in review · {suspended}",
    ),
    "stats.due_line": Phrase(
        "In scadenza: {today} oggi ({overdue} in ritardo) · {week} nei prossimi 7 giorni",
        "Due: {today} today ({overdue} overdue) · {week} in the next 7 days",
    ),
    "stats.quizzes": Phrase("Quiz (punteggi, dal più vecchio)", "Quizzes (scores, oldest first)"),
    "stats.retry_mark": Phrase("(ripasso errori)", "(retry)"),
    "stats.best_last": Phrase(
        "  quiz interi: massimo {best} · ultimo {last} (i ripassi degli errori non contano)",
        "  whole quizzes: best {best} · last {last} (retries of missed questions left out)",
    ),
    "stats.no_quizzes": Phrase("Nessun quiz in questo periodo.", "No quiz in this period."),
    # -- calendar and forecast -------------------------------------------------------------
    "stats.weekdays": Phrase("lun mar mer gio ven sab dom", "Mon Tue Wed Thu Fri Sat Sun"),
    "stats.months": Phrase(
        "gen feb mar apr mag giu lug ago set ott nov dic",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    "stats.calendar_note": Phrase(
        "Risposte nell'ultimo anno: {total}; giorni di studio: {active}. Giorno più intenso: "
        "{busiest} ({most}). Colore più tenue = meno risposte.",
        "Answers in the past year: {total}; days studied: {active}. Busiest day: {busiest} "
        "({most}). Fainter = fewer answers.",
    ),
    "stats.forecast_note": Phrase(
        "Carte in scadenza per giorno, oggi a sinistra.\nOggi {today} ({overdue} in ritardo) · "
        "domani {tomorrow} · 7 giorni {week} · 30 giorni {month}",
        "Cards due per day, today on the left.\nToday {today} ({overdue} overdue) · tomorrow "
        "{tomorrow} · 7 days {week} · 30 days {month}",
    ),
    # -- retention -------------------------------------------------------------------------
    "stats.true": Phrase("ricordate davvero", "true retention"),
    "stats.predicted": Phrase("previste da FSRS", "predicted by FSRS"),
    "stats.last_weeks": Plural(
        ("(ultima settimana)", "(ultime {n} settimane)"), ("(last week)", "(last {n} weeks)")
    ),
    "stats.col.week": Phrase("Settimana", "Week"),
    "stats.col.reviews": Phrase("Ripassi", "Reviews"),
    "stats.col.true": Phrase("Vera", "True"),
    "stats.col.predicted": Phrase("Prevista", "Predicted"),
    "stats.col.young": Phrase("Giovani", "Young"),
    "stats.col.mature": Phrase("Mature", "Mature"),
    "stats.all": Phrase("Totale", "All"),
    "stats.retention_note": Phrase(
        "Ripassi programmati di carte già imparate, superati con Difficile o meglio. Giovani: "
        "intervallo sotto i 21 giorni; mature: 21 o più.",
        "Scheduled reviews of learnt cards, passed with Hard or better. Young: interval under "
        "21 days; mature: 21 or more.",
    ),
    "stats.sample": Phrase(
        "Giovani, mature e previste su un campione di {sample} carte su {cards}.",
        "Young, mature and predicted from a sample of {sample} of {cards} cards.",
    ),
    # -- cards -----------------------------------------------------------------------------
    "stats.states_full": Phrase(
        "{new} · {learning} in apprendimento · {relearning} da riapprendere · {review} da "
        "ripassare · {suspended}",
        "{new} · {learning} learning · {relearning} relearning · {review} in review · {suspended}",
    ),
    "stats.by_tag": Phrase("Per etichetta", "By tag"),
    "stats.by_direction": Phrase("Per direzione", "By direction"),
    "stats.intervals": Phrase("Intervalli delle carte da ripassare", "Intervals of review cards"),
    "stats.difficulty": Phrase(
        "Difficoltà FSRS (1 facile, 10 difficile)", "FSRS difficulty (1 easy, 10 hard)"
    ),
    "stats.col.tag": Phrase("Etichetta", "Tag"),
    "stats.col.direction": Phrase("Direzione", "Direction"),
    "stats.col.cards": Phrase("Carte", "Cards"),
    "stats.col.studied": Phrase("Studiate", "Studied"),
    "stats.col.answers": Phrase("Risposte", "Answers"),
    "stats.col.accuracy": Phrase("Esatte", "Accuracy"),
    "stats.col.stability": Phrase("Stabilità", "Stability"),
    "stats.no_tag": Phrase("(nessuna)", "(none)"),
    "stats.direction.it": Phrase("in italiano", "in Italian"),
    "stats.direction.en": Phrase("in inglese", "in English"),
    "stats.direction.it>en": Phrase("it→en", "it→en"),
    "stats.direction.en>it": Phrase("en→it", "en→it"),
    # -- hardest ---------------------------------------------------------------------------
    "stats.leeches": Phrase(
        "Sanguisughe (8 o più dimenticanze): {count}", "Leeches (8 lapses or more): {count}"
    ),
    "stats.most_lapses": Phrase(
        "Dimenticate più spesso (dimenticanze, poi «Di nuovo»)",
        "Forgotten most often (lapses, then Again answers)",
    ),
    "stats.again": Plural(
        ("«Di nuovo» {n} volta", "«Di nuovo» {n} volte"), ("Again {n} time", "Again {n} times")
    ),
    "stats.lowest_recall": Phrase("Più a rischio adesso", "Least likely recalled now"),
    "stats.none": Phrase("  nessuna, per ora", "  none yet"),
    "stats.card_facts": Phrase(
        "{lapses} · {again} · probabilità di ricordarla ora {recall}",
        "{lapses} · {again} · chance of recall now {recall}",
    ),
    "stats.none_at_risk": Phrase("  nessuna sotto il 100% per ora", "  none below 100% yet"),
    "stats.leech": Phrase("sanguisuga", "leech"),
    "stats.typed_instead": Phrase("Scritto al posto della risposta", "Typed instead"),
}
