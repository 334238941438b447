"""Words of a quiz: its setup dialog, the quiz screen, the leave dialog and the results
(screens/quiz_setup.py, quiz.py, leave_quiz.py, results.py)."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    # -- setup -----------------------------------------------------------------------------
    "key.quiz_setup.start": Phrase("Inizia", "Start"),
    "key.quiz_setup.cancel": Phrase("Annulla", "Cancel"),
    "setup.title": Phrase("Nuovo quiz: {deck}", "New quiz: {deck}"),
    "setup.length": Phrase("Domande", "Questions"),
    "setup.time": Phrase("Limite di tempo (min)", "Time limit (min)"),
    "setup.no_limit": Phrase("nessuno", "none"),
    "setup.topics": Phrase(
        "Argomenti (Spazio ne sceglie uno; nessuno scelto: tutto il mazzo)",
        "Topics (Space ticks one; none ticked: the whole deck)",
    ),
    "setup.no_topics": Phrase(
        "Argomenti: il mazzo non ha etichette, il quiz pesca da tutte le sue carte.",
        "Topics: the deck has no tags, so the quiz draws from all its cards.",
    ),
    "setup.available": Plural(
        ("{n} carta con questo argomento.", "{n} carte con questo argomento."),
        ("{n} card on this topic.", "{n} cards on this topic."),
    ),
    "setup.available_any": Plural(
        (
            "{n} carta con almeno uno dei {k} argomenti.",
            "{n} carte con almeno uno dei {k} argomenti.",
        ),
        ("{n} card with any of the {k} topics.", "{n} cards with any of the {k} topics."),
    ),
    "setup.available_any_at_most": Plural(
        (
            "Al massimo {n} carta con almeno uno dei {k} argomenti.",
            "Al massimo {n} carte con almeno uno dei {k} argomenti.",
        ),
        (
            "At most {n} card with any of the {k} topics.",
            "At most {n} cards with any of the {k} topics.",
        ),
    ),
    "setup.available_all": Plural(
        ("{n} carta nel mazzo.", "{n} carte nel mazzo."),
        ("{n} card in the deck.", "{n} cards in the deck."),
    ),
    "setup.shorter": Plural(
        ("Solo {n} carta: il quiz avrà {n} domanda.", "Solo {n} carte: il quiz avrà {n} domande."),
        (
            "Only {n} card: the quiz will have {n} question.",
            "Only {n} cards: the quiz will have {n} questions.",
        ),
    ),
    "setup.limit_none": Phrase("Nessun limite di tempo.", "No time limit."),
    "setup.limit": Phrase("Limite di tempo: {limit}.", "Time limit: {limit}."),
    "setup.bad_time": Phrase(
        "Limite di tempo: da 0 a {most} minuti, come «5», «1,5» o «2:30».",
        'Time limit: 0 to {most} minutes, as "5", "1.5" or "2:30".',
    ),
    "setup.bad_length": Phrase(
        "Scrivi un numero da 1 a {most}.", "Type a number from 1 to {most}."
    ),
    # -- the quiz --------------------------------------------------------------------------
    **{f"key.quiz.option{n}": Phrase(f"Opzione {n}", f"Option {n}") for n in range(1, 10)},
    "key.quiz.next": Phrase("Avanti", "Next"),
    "key.quiz.leave": Phrase("Esci dal quiz", "Leave quiz"),
    "quiz.status": Phrase("Domanda {n} di {total}", "Question {n} of {total}"),
    "quiz.points": Phrase("Punti {score}", "Score {score}"),
    "quiz.time_left": Phrase("Tempo {time}", "Time {time}"),
    "quiz.format.typed": Phrase("Scrivi la risposta", "Type the answer"),
    "quiz.format.choice": Phrase(
        "Scegli la risposta giusta (1-{n})", "Choose the right answer (1-{n})"
    ),
    "quiz.format.truefalse": Phrase("Vero o falso?", "True or false?"),
    "quiz.claim": Phrase("Risposta proposta", "Proposed answer"),
    "quiz.true": Phrase("Vero", "True"),
    "quiz.false": Phrase("Falso", "False"),
    "quiz.type_first": Phrase(
        "Scrivi una risposta (anche «non lo so»), poi Invio.",
        'Type an answer (even "I don\'t know"), then Enter.',
    ),
    "quiz.right": Phrase("Giusto!", "Right!"),
    "quiz.wrong": Phrase("Sbagliato.", "Wrong."),
    "quiz.expected": Phrase("Risposta giusta", "Right answer"),
    "quiz.picked": Phrase("Hai scelto", "You picked"),
    "quiz.was_true": Phrase("L'affermazione era vera.", "The statement was true."),
    "quiz.was_false": Phrase("L'affermazione era falsa.", "The statement was false."),
    "quiz.next_hint": Phrase("Invio: domanda successiva", "Enter: next question"),
    "quiz.last_hint": Phrase("Invio: risultati", "Enter: results"),
    "quiz.time_up": Phrase("Tempo scaduto!", "Time is up!"),
    "quiz.no_questions": Phrase(
        "Nessuna carta di questo mazzo corrisponde alle scelte del quiz.",
        "No card of this deck matches the quiz options.",
    ),
    "quiz.not_saved": Phrase("Risposta NON salvata: {error}", "Answer NOT saved: {error}"),
    "quiz.run_not_saved": Phrase("Quiz NON salvato: {error}", "Quiz NOT saved: {error}"),
    # -- leaving ---------------------------------------------------------------------------
    "key.quiz_leave.confirm": Phrase("Esci", "Leave"),
    "key.quiz_leave.cancel": Phrase("Continua", "Keep going"),
    "quiz.leave_title": Phrase("Lasciare il quiz?", "Leave the quiz?"),
    "quiz.leave_body": Phrase(
        "Le risposte date restano nella cronologia, ma questo quiz non avrà un punteggio.",
        "Your answers so far stay in your history, but this quiz will not be scored.",
    ),
    # -- results ---------------------------------------------------------------------------
    "key.results.retry": Phrase("Riprova le sbagliate", "Retry missed"),
    "key.results.back": Phrase("Indietro", "Back"),
    "results.title": Phrase("Risultati", "Results"),
    "results.score": Phrase(
        "Punteggio: {score} su {total} ({percent}%)", "Score: {score} out of {total} ({percent}%)"
    ),
    "results.time": Phrase("Tempo: {time}", "Time: {time}"),
    "results.limit": Phrase("{time} (limite {limit})", "{time} (limit {limit})"),
    "results.timed_out": Plural(
        (
            "Tempo scaduto: {n} domanda senza risposta.",
            "Tempo scaduto: {n} domande senza risposta.",
        ),
        ("Time ran out: {n} question unanswered.", "Time ran out: {n} questions unanswered."),
    ),
    "results.all_right": Phrase(
        "Tutte giuste: niente da riprovare.", "All right: nothing to retry."
    ),
    "results.retry_hint": Plural(
        ("r: riprova la sbagliata", "r: riprova le {n} sbagliate"),
        ("r: retry the missed one", "r: retry the {n} missed"),
    ),
    "results.given": Phrase("Hai risposto", "You answered"),
    "results.expected": Phrase("Risposta giusta", "Right answer"),
    "results.statement": Phrase("Affermazione", "Statement"),
    "results.none": Phrase("(nessuna risposta)", "(no answer)"),
}
