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
    "key.stats.scope": ("Mazzo / tutti", "Deck / all"),
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
    "key.study.bury": ("Rimanda", "Bury"),
    "study.suspended": (
        "Carta sospesa (ctrl+u per annullare).",
        "Card suspended (ctrl+u to undo).",
    ),
    "study.buryed": (
        "Carta rimandata a domani (ctrl+u per annullare).",
        "Card buried until tomorrow (ctrl+u to undo).",
    ),
    "key.study.peek": ("Traduci", "Other language"),
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
    "palette.search": ("Cerca un comando…", "Search for commands…"),
    "palette.search_themes": ("Cerca un tema…", "Search for themes…"),
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
    "study.no_peek": (
        "Questa carta non ha l'altra lingua.",
        "This card has no other language.",
    ),
    "study.practice_counts": (
        "Ripasso libero · ne restano {left} · il programma non cambia",
        "Practice · {left} left · the schedule is not changed",
    ),
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
    "study.next_due": ("Prossima carta tra {when}.", "Next card in {when}."),
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
    # -- quiz, quiz setup and results ------------------------------------------------------
    **{f"key.quiz.option{n}": (f"Opzione {n}", f"Option {n}") for n in range(1, 10)},
    "key.quiz.next": ("Avanti", "Next"),
    "key.quiz.leave": ("Esci dal quiz", "Leave quiz"),
    "key.quiz_leave.confirm": ("Esci", "Leave"),
    "key.quiz_leave.cancel": ("Continua", "Keep going"),
    "key.quiz_setup.start": ("Inizia", "Start"),
    "key.quiz_setup.cancel": ("Annulla", "Cancel"),
    "key.results.retry": ("Riprova le sbagliate", "Retry missed"),
    "key.results.back": ("Indietro", "Back"),
    "quiz.status": ("Domanda {n} di {total}", "Question {n} of {total}"),
    "quiz.points": ("Punti {score}", "Score {score}"),
    "quiz.time_left": ("Tempo {time}", "Time {time}"),
    "quiz.format.typed": ("Scrivi la risposta", "Type the answer"),
    "quiz.format.choice": ("Scegli la risposta giusta (1-{n})", "Choose the right answer (1-{n})"),
    "quiz.format.truefalse": ("Vero o falso?", "True or false?"),
    "quiz.claim": ("Risposta proposta", "Proposed answer"),
    "quiz.true": ("Vero", "True"),
    "quiz.false": ("Falso", "False"),
    "quiz.placeholder": ("Scrivi la risposta e premi Invio", "Type your answer and press Enter"),
    "quiz.type_first": (
        "Scrivi una risposta (anche «non lo so»), poi Invio.",
        'Type an answer (even "I don\'t know"), then Enter.',
    ),
    "quiz.right": ("Giusto!", "Right!"),
    "quiz.wrong": ("Sbagliato.", "Wrong."),
    "quiz.expected": ("Risposta giusta", "Right answer"),
    "quiz.was_true": ("L'affermazione era vera.", "The statement was true."),
    "quiz.was_false": ("L'affermazione era falsa.", "The statement was false."),
    "quiz.next_hint": ("Invio: domanda successiva", "Enter: next question"),
    "quiz.last_hint": ("Invio: risultati", "Enter: results"),
    "quiz.time_up": ("Tempo scaduto!", "Time is up!"),
    "quiz.no_questions": (
        "Nessuna carta di questo mazzo corrisponde alle scelte del quiz.",
        "No card of this deck matches the quiz options.",
    ),
    "quiz.not_saved": ("Risposta NON salvata: {error}", "Answer NOT saved: {error}"),
    "quiz.run_not_saved": ("Quiz NON salvato: {error}", "Quiz NOT saved: {error}"),
    "quiz.leave_title": ("Lasciare il quiz?", "Leave the quiz?"),
    "quiz.leave_body": (
        "Le risposte date restano nella cronologia, ma questo quiz non avrà un punteggio.",
        "Your answers so far stay in your history, but this quiz will not be scored.",
    ),
    "setup.title": ("Nuovo quiz: {deck}", "New quiz: {deck}"),
    "setup.length": ("Domande", "Questions"),
    "setup.tag": ("Argomento", "Topic"),
    "setup.all_tags": ("tutti", "all"),
    "setup.time": ("Limite di tempo", "Time limit"),
    "setup.no_limit": ("nessuno", "none"),
    "setup.minutes": ("{n} minuti", "{n} minutes"),
    "setup.available": ("{n} carte con questo argomento.", "{n} cards on this topic."),
    "setup.available_all": ("{n} carte nel mazzo.", "{n} cards in the deck."),
    "setup.shorter": (
        "Solo {n} carte: il quiz avrà {n} domande.",
        "Only {n} cards: the quiz will have {n} questions.",
    ),
    "setup.bad_length": ("Scrivi un numero da 1 a {most}.", "Type a number from 1 to {most}."),
    "results.title": ("Risultati", "Results"),
    "results.score": (
        "Punteggio: {score} su {total} ({percent}%)",
        "Score: {score} out of {total} ({percent}%)",
    ),
    "results.time": ("Tempo: {time}", "Time: {time}"),
    "results.limit": ("{time} (limite {limit})", "{time} (limit {limit})"),
    "results.timed_out": (
        "Tempo scaduto: {n} domande senza risposta.",
        "Time ran out: {n} questions unanswered.",
    ),
    "results.all_right": ("Tutte giuste: niente da riprovare.", "All right: nothing to retry."),
    "results.retry_hint": ("r: riprova le {n} sbagliate", "r: retry the {n} missed"),
    "results.given": ("Hai risposto", "You answered"),
    "results.expected": ("Risposta giusta", "Right answer"),
    "results.statement": ("Affermazione", "Statement"),
    "results.none": ("(nessuna risposta)", "(no answer)"),
    "outcome.unanswered": ("Senza risposta", "Unanswered"),
    # -- statistics (screens/stats.py) ----------------------------------------------------
    "key.stats.back": ("Indietro", "Back"),
    "key.stats.period": ("Periodo", "Period"),
    "key.stats.refresh": ("Aggiorna", "Refresh"),
    "key.stats.tab1": ("Panoramica", "Overview"),
    "key.stats.tab2": ("Calendario", "Calendar"),
    "key.stats.tab3": ("Previsioni", "Forecast"),
    "key.stats.tab4": ("Ritenzione", "Retention"),
    "key.stats.tab5": ("Carte", "Cards"),
    "key.stats.tab6": ("Le più difficili", "Hardest"),
    "stats.tab.overview": ("Panoramica", "Overview"),
    "stats.tab.calendar": ("Calendario", "Calendar"),
    "stats.tab.forecast": ("Previsioni", "Forecast"),
    "stats.tab.retention": ("Ritenzione", "Retention"),
    "stats.tab.cards": ("Carte", "Cards"),
    "stats.tab.hardest": ("Difficili", "Hardest"),
    "stats.title": ("Statistiche", "Statistics"),
    "stats.computing": ("Calcolo delle statistiche…", "Computing the statistics…"),
    "stats.failed": ("Statistiche non disponibili.", "Statistics not available."),
    "stats.all_decks": ("tutti i mazzi", "all decks"),
    "stats.status": (
        "{deck} · ultimi {days} giorni ({start} – {end})",
        "{deck} · last {days} days ({start} – {end})",
    ),
    "stats.today": ("Oggi ({date})", "Today ({date})"),
    "stats.activity": (
        "  {answers} risposte · {cards} carte · {new} nuove · {time} · «Di nuovo» {again}",
        "  {answers} answers · {cards} cards · {new} new · {time} · again {again}",
    ),
    "stats.streak": (
        "  Giorni di studio di fila: {days}",
        "  Study days in a row: {days}",
    ),
    "stats.period": ("Ultimi {days} giorni", "Last {days} days"),
    "stats.days_studied": (
        "  Giorni di studio: {studied} su {days}",
        "  Studied on {studied} of {days} days",
    ),
    "stats.states": (
        "Carte (per direzione): {new} nuove · {learning} in apprendimento · "
        "{review} da ripassare · {suspended} sospese",
        "Cards (per direction): {new} new · {learning} learning · {review} in review · "
        "{suspended} suspended",
    ),
    "stats.states_full": (
        "{new} nuove · {learning} in apprendimento · {relearning} da riapprendere · "
        "{review} da ripassare · {suspended} sospese",
        "{new} new · {learning} learning · {relearning} relearning · {review} in review · "
        "{suspended} suspended",
    ),
    "stats.due_line": (
        "In scadenza: {today} oggi ({overdue} in ritardo) · {week} nei prossimi 7 giorni",
        "Due: {today} today ({overdue} overdue) · {week} in the next 7 days",
    ),
    "stats.quizzes": ("Quiz (punteggi, dal più vecchio)", "Quizzes (scores, oldest first)"),
    "stats.no_quizzes": ("Nessun quiz in questo periodo.", "No quiz in this period."),
    "stats.weekdays": ("lun mar mer gio ven sab dom", "Mon Tue Wed Thu Fri Sat Sun"),
    "stats.months": (
        "gen feb mar apr mag giu lug ago set ott nov dic",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    "stats.calendar_note": (
        "Risposte nell'ultimo anno: {total}; giorni di studio: {active}. Giorno più intenso: "
        "{busiest} ({most}). Colore più tenue = meno risposte.",
        "Answers in the past year: {total}; days studied: {active}. Busiest day: {busiest} "
        "({most}). Fainter = fewer answers.",
    ),
    "stats.forecast_note": (
        "Carte in scadenza per giorno, oggi a sinistra.\nOggi {today} ({overdue} in ritardo) · "
        "domani {tomorrow} · 7 giorni {week} · 30 giorni {month}",
        "Cards due per day, today on the left.\nToday {today} ({overdue} overdue) · "
        "tomorrow {tomorrow} · 7 days {week} · 30 days {month}",
    ),
    "stats.true": ("ricordate davvero", "true retention"),
    "stats.predicted": ("previste da FSRS", "predicted by FSRS"),
    "stats.last_weeks": ("(ultime {weeks} settimane)", "(last {weeks} weeks)"),
    "stats.col.week": ("Settimana", "Week"),
    "stats.col.reviews": ("Ripassi", "Reviews"),
    "stats.col.true": ("Vera", "True"),
    "stats.col.predicted": ("Prevista", "Predicted"),
    "stats.col.young": ("Giovani", "Young"),
    "stats.col.mature": ("Mature", "Mature"),
    "stats.col.tag": ("Etichetta", "Tag"),
    "stats.col.direction": ("Direzione", "Direction"),
    "stats.col.cards": ("Carte", "Cards"),
    "stats.col.studied": ("Studiate", "Studied"),
    "stats.col.answers": ("Risposte", "Answers"),
    "stats.col.accuracy": ("Esatte", "Accuracy"),
    "stats.col.stability": ("Stabilità", "Stability"),
    "stats.all": ("Totale", "All"),
    "stats.retention_note": (
        "Ripassi programmati di carte già imparate, superati con Difficile o meglio. "
        "Giovani: intervallo sotto i 21 giorni; mature: 21 o più.",
        "Scheduled reviews of learnt cards, passed with Hard or better. Young: interval "
        "under 21 days; mature: 21 or more.",
    ),
    "stats.sample": (
        "Giovani, mature e previste su un campione di {sample} carte su {cards}.",
        "Young, mature and predicted from a sample of {sample} of {cards} cards.",
    ),
    "stats.by_tag": ("Per etichetta", "By tag"),
    "stats.by_direction": ("Per direzione", "By direction"),
    "stats.intervals": ("Intervalli delle carte da ripassare", "Intervals of review cards"),
    "stats.difficulty": (
        "Difficoltà FSRS (1 facile, 10 difficile)",
        "FSRS difficulty (1 easy, 10 hard)",
    ),
    "stats.no_tag": ("(nessuna)", "(none)"),
    "stats.direction.it": ("in italiano", "in Italian"),
    "stats.direction.en": ("in inglese", "in English"),
    "stats.direction.it>en": ("it→en", "it→en"),
    "stats.direction.en>it": ("en→it", "en→it"),
    "stats.leeches": (
        "Sanguisughe (8 o più dimenticanze): {count}",
        "Leeches (8 lapses or more): {count}",
    ),
    "stats.most_lapses": ("Dimenticate più spesso", "Forgotten most often"),
    "stats.lowest_recall": ("Più a rischio adesso", "Least likely recalled now"),
    "stats.none": ("  nessuna, per ora", "  none yet"),
    "stats.card_facts": (
        "{lapses} dimenticanze · probabilità di ricordarla ora {recall}",
        "{lapses} lapses · chance of recall now {recall}",
    ),
    "stats.leech": ("sanguisuga", "leech"),
    "stats.typed_instead": ("Scritto al posto della risposta", "Typed instead"),
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
