"""Words of study by tag (the tag picker, screens/tag_picker.py, and the study screen's lines
for it) and of learn mode."""

from __future__ import annotations

from quizapp.core.bilingual import Entry, Phrase, Plural

WORDS: dict[str, Entry] = {
    # -- study by tag ----------------------------------------------------------------------
    "key.home.by_tag": Phrase("Per etichetta", "By tag"),
    "key.home.learn": Phrase("Modo Impara", "Learn mode"),
    # The home footer's words when 80 columns are short (the help keeps the whole ones);
    # "Impara"/"Learn" as the mode line says it ("Impara: no").
    "footer.home.by_tag": Phrase("Etichette", "Tags"),
    "footer.home.learn": Phrase("Impara", "Learn"),
    "key.tags.study": Phrase("Studia", "Study"),
    "key.tags.practice": Phrase("Pratica", "Practise"),
    "key.tags.cancel": Phrase("Annulla", "Cancel"),
    "tags.title": Phrase("Studia per etichetta: ", "Study by tag: "),
    "tags.help": Phrase(
        "Spazio sceglie una o più etichette (nessuna: quella evidenziata). s studia le loro "
        "carte in programma oggi; p le ripassa in anticipo, senza cambiare il programma.",
        "Space chooses one or more tags (none: the highlighted one). s studies their cards "
        "due today; p practises them ahead, without changing the schedule.",
    ),
    "tags.count": Plural(
        (
            "{tag} · {n} carta · da ripassare {due} · nuove {new}",
            "{tag} · {n} carte · da ripassare {due} · nuove {new}",
        ),
        (
            "{tag} · {n} card · due {due} · new {new}",
            "{tag} · {n} cards · due {due} · new {new}",
        ),
    ),
    "tags.none": Phrase("Questo mazzo non ha etichette.", "This deck has no tags."),
    "home.by_tag_hint": Phrase("f: studia o ripassa per etichetta", "f: study or practise by tag"),
    "tags.line": Phrase("Solo {tags}", "Only {tags}"),
    "tags.nothing_due": Phrase(
        "Nessuna carta con {tags} in programma ora.", "No card tagged {tags} is due now."
    ),
    "tags.offer_ahead": Phrase(
        "Premi {practice} per ripassarle in anticipo (il programma non cambia).",
        "Press {practice} to practise them ahead (the schedule is not changed).",
    ),
    # -- learn mode ------------------------------------------------------------------------
    "home.learn_on": Phrase("Impara: sì", "Learn: on"),
    "home.learn_off": Phrase("Impara: no", "Learn: off"),
    "home.learn_toggled_on": Phrase(
        "Modo Impara: le carte nuove prima a scelta multipla, poi scritte.",
        "Learn mode: new cards first as multiple choice, then typed.",
    ),
    "home.learn_toggled_off": Phrase(
        "Modo Impara spento: le carte nuove come le altre.",
        "Learn mode off: new cards are asked as any other.",
    ),
    "learn.choose": Phrase(
        "Impara: scegli; se è giusta, la prossima volta la scriverai.",
        "Learn: choose; once right, you will type it next time.",
    ),
}
