"""The short reason of every verdict, in Italian and English.

Each verdict carries a `code` (a stable name for the rule that decided it, for the TUI and for
tests) and the reason text built from the templates below. Card text in a reason is data.
"""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, tuple[str, str]] = {
    # code: (Italian, English)
    "exact": ("Giusto.", "Correct."),
    "punctuation": ("Giusto (punteggiatura a parte).", "Correct (punctuation aside)."),
    "apostrophe_accent": (
        "Giusto: l'apostrofo vale come accento ({expected}).",
        "Correct: the apostrophe stands for the accent ({expected}).",
    ),
    "spaces": (
        "Giusto, ma attenzione agli spazi: {expected}.",
        "Correct, but mind the spaces: {expected}.",
    ),
    "article_missing": (
        "Giusto; con l'articolo: {expected}.",
        "Correct; with its article: {expected}.",
    ),
    "article_extra": ("Giusto (l'articolo non serve).", "Correct (no article needed)."),
    "amount": ("Giusto: {expected}.", "Correct: {expected}."),
    "accents": (
        "Quasi: attenzione agli accenti ({expected}, non {typed}).",
        "Almost: watch the accents ({expected}, not {typed}).",
    ),
    "typo": (
        "Quasi: un errore di battitura ({typed} → {expected}).",
        "Almost: one typo ({typed} → {expected}).",
    ),
    "typos": (
        "Quasi: {count} errori di battitura ({typed} → {expected}).",
        "Almost: {count} typos ({typed} → {expected}).",
    ),
    "article_wrong": (
        "Quasi: «{expected}», non «{typed}» (l'articolo).",
        "Almost: “{expected}”, not “{typed}” (the article).",
    ),
    "elision": (
        "Quasi: «{expected}», non «{typed}» (con l'apostrofo).",
        "Almost: “{expected}”, not “{typed}” (elided).",
    ),
    "word_form": (
        "Quasi: «{expected}», non «{typed}» (un'altra forma della parola).",
        "Almost: “{expected}”, not “{typed}” (another form of the word).",
    ),
    "surname_only": (
        "Quasi: il nome completo è {expected}.",
        "Almost: the full name is {expected}.",
    ),
    "name_spelling": (
        "Quasi: il nome si scrive {expected}.",
        "Almost: the name is spelled {expected}.",
    ),
    "name_order": (
        "Quasi: nome e cognome vanno nell'ordine {expected}.",
        "Almost: the name goes in the order {expected}.",
    ),
    "other_language": (
        "Quasi: in {lang}: {expected}.",
        "Almost: in {lang}: {expected}.",
    ),
    "extra_words": (
        "Giusto: {expected} (non serviva «{extra}»).",
        "Correct: {expected} (no need for “{extra}”).",
    ),
    "extra_unasked": (
        "Quasi: {expected}; la carta non chiede «{extra}».",
        "Almost: {expected}; the card does not ask for “{extra}”.",
    ),
    "possessive": ("Giusto: {expected}.", "Correct: {expected}."),
    "decade": ("Giusto: {expected}.", "Correct: {expected}."),
    "range_for_year": (
        "Quasi: la domanda chiede un anno solo: {expected}.",
        "Almost: the question asks for one year: {expected}.",
    ),
    "range": ("Giusto: {expected}.", "Correct: {expected}."),
    "currency_missing": (
        "Quasi: manca la valuta ({expected}).",
        "Almost: the currency is missing ({expected}).",
    ),
    "percent_missing": (
        "Quasi: manca «%» ({expected}).",
        "Almost: the “%” is missing ({expected}).",
    ),
    "empty": ("Nessuna risposta.", "No answer."),
    "wrong": ("Sbagliato: la risposta è {expected}.", "Wrong: the answer is {expected}."),
    "accent_word": (
        "Sbagliato: «{typed}» è un'altra parola; qui ci vuole «{expected}».",
        "Wrong: “{typed}” is a different word; this needs “{expected}”.",
    ),
    "strict_accents": (
        "Sbagliato: in questa carta gli accenti contano ({expected}, non {typed}).",
        "Wrong: accents count on this card ({expected}, not {typed}).",
    ),
    "article_required": (
        "Sbagliato: serve l'articolo ({expected}).",
        "Wrong: the article is required ({expected}).",
    ),
    "article_wrong_required": (
        "Sbagliato: «{expected}», non «{typed}»: in questa carta l'articolo conta.",
        "Wrong: “{expected}”, not “{typed}”: the article counts on this card.",
    ),
    "other_word": (
        "Sbagliato: «{typed}» è un'altra parola, non un errore di battitura di «{expected}».",
        "Wrong: “{typed}” is another word, not a typo of “{expected}”.",
    ),
    "rejected": (
        "Sbagliato: «{typed}» è una risposta sbagliata nota; la risposta è {expected}.",
        "Wrong: “{typed}” is a known wrong answer; the answer is {expected}.",
    ),
    "amount_wrong": (
        "Sbagliato: hai scritto {typed_reading}, la risposta è {expected_shown}.",
        "Wrong: you wrote {typed_reading}, expected {expected_shown}.",
    ),
    "unit_wrong": (
        "Sbagliato: {unit}; la risposta è {expected}, non {typed}.",
        "Wrong: {unit}; the answer is {expected}, not {typed}.",
    ),
    # lists
    "list_all": ("Tutti e {n} giusti.", "All {n} right."),
    "list_slips": ("Tutti e {n}, con qualche svista: {slips}.", "All {n}, with slips: {slips}."),
    "list_extra": (
        "Tutti e {n}, ma anche {extra} (non richiesto).",
        "All {n}, but also {extra} (not asked).",
    ),
    "list_partial": ("{k} su {n}: manca {missing}.", "{k} of {n}: missing {missing}."),
    "list_order": (
        "{k} su {n} al posto giusto: l'ordine è {expected}.",
        "{k} of {n} in the right place: the order is {expected}.",
    ),
    "list_wrong": (
        "Nessuno dei {n}: la risposta è {expected}.",
        "None of the {n}: the answer is {expected}.",
    ),
}

NOTES: dict[str, tuple[str, str]] = {
    "trilione": (
        "In questo uso giornalistico «trilione» vale 10^12 (mille miliardi, come il "
        "«bilione»), non 10^18.",
        "In this press usage “trilione” means 10^12 (a thousand billion, like “bilione”), "
        "not 10^18.",
    ),
    "not_asked": ("Non richiesto: {extra}.", "Not asked: {extra}."),
    "extra_words": ("Non serviva «{extra}».", "No need for “{extra}”."),
    "order": ("L'ordine conta in questa carta.", "The order matters on this card."),
}


def _fill(template: str, fields: dict[str, Any]) -> str:
    return template.format_map(fields)


def reason(code: str, notes: tuple[str, ...] = (), **fields: Any) -> dict[str, str]:
    """{"it": ..., "en": ...} for a verdict code, with any notes after it."""
    it, en = TEMPLATES[code]
    if any(isinstance(value, dict) for value in fields.values()):
        it_fields, en_fields = _lang_fields(fields, "it"), _lang_fields(fields, "en")
    else:
        it_fields = en_fields = fields
    it_parts, en_parts = [_fill(it, it_fields)], [_fill(en, en_fields)]
    for note in notes:
        note_it, note_en = NOTES[note]
        it_parts.append(_fill(note_it, it_fields))
        en_parts.append(_fill(note_en, en_fields))
    return {"it": " ".join(it_parts), "en": " ".join(en_parts)}


def _lang_fields(fields: dict[str, Any], lang: str) -> dict[str, Any]:
    """Fields may hold a {"it": ..., "en": ...} pair (amount readings use decimal commas)."""
    return {
        key: value.get(lang, "") if isinstance(value, dict) else value
        for key, value in fields.items()
    }
