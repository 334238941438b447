"""The starter deck of `quizapp new`: one card of each kind, each explained in comments."""

from __future__ import annotations

from pathlib import Path

from quizapp.core.deck.loading import check_text
from quizapp.core.interop.errors import InteropError
from quizapp.core.interop.files import write_file
from quizapp.core.interop.ids import slugify
from quizapp.core.interop.schema_file import SCHEMA_LINE
from quizapp.core.interop.toml_write import toml_string
from quizapp.core.surrogates import repaired
from quizapp.core.text import printable

_TEMPLATE = """\
{schema_line}
# A quizapp deck. Check it with:   quizapp validate {file_name}
# Editors that read the first line (Taplo, Even Better TOML) check keys as you type against
# deck.schema.json beside this file: share the two together (quizapp schema writes it again).
#
# Every card has a stable `id` (lower-case letters, digits, '-', '_' or '.'). Learners'
# progress is keyed by it: fix a card's wording freely, change the id only when the card asks
# something new. Each card has one table per language, [cards.it] and [cards.en].

[deck]
id = {deck_id}  # stable; progress is keyed by it
format = 1
version = "0.1.0"
languages = ["it", "en"]
author = "Your Name"
license = "CC-BY-4.0"

[deck.title]
it = {title}
en = {title}

[deck.description]
it = "Di che cosa parla questo mazzo."
en = "What this deck is about."

# qa: a question and its accepted answers. Parentheses mark an optional part:
# "(il) modello" accepts "il modello" and "modello". `reject` lists known wrong answers.
[[cards]]
id = "capitale-italia"
kind = "qa"
tags = ["geografia"]

[cards.it]
question = "Qual è la capitale d'Italia?"
answers = ["Roma"]
reject = ["Milano"]
note = "Shown after answering (optional)."

[cards.en]
question = "What is the capital of Italy?"
answers = ["Rome"]

# vocab: a term and its translation, studied both ways. The first term is the one shown;
# the others are accepted variants.
[[cards]]
id = "addestramento"
kind = "vocab"
pos = "noun"        # noun, verb, adjective, adverb, preposition, conjunction, expression, phrase
gender = "m"       # m, f, m/f, m pl, f pl

[cards.it]
terms = ["(l')addestramento"]
example = "L'addestramento richiede molti dati."

[cards.en]
terms = ["training"]
example = "Training needs a lot of data."

# cloze: a sentence with gaps. {{{{answer}}}} is a gap, {{{{a|b}}}} accepts either,
# {{{{answer::hint}}}} shows the hint in the gap. Each gap is asked on its own.
[[cards]]
id = "inferenza"
kind = "cloze"

[cards.it]
text = "Usare un modello già addestrato si chiama {{{{inferenza::la fase dopo l'addestramento}}}}."

[cards.en]
text = "Running a trained model is called {{{{inference}}}}."

# choice: the right option and plausible wrong ones (the quiz shuffles them).
[[cards]]
id = "fiume-roma"
kind = "choice"

[cards.it]
question = "Quale fiume attraversa Roma?"
answer = "Tevere"
distractors = ["Arno", "Po", "Adige"]

[cards.en]
question = "Which river flows through Rome?"
answer = "Tiber"
distractors = ["Arno", "Po", "Adige"]

# list: a set of items; an item may be a list of accepted forms. Add `ordered = true`
# when the order matters.
[[cards]]
id = "colori-bandiera"
kind = "list"
ordered = true

[cards.it]
question = "Elenca i colori della bandiera italiana, da sinistra."
items = ["verde", "bianco", "rosso"]

[cards.en]
question = "Name the colours of the Italian flag, from the left."
items = ["green", "white", "red"]
"""


def starter_text(path: Path, deck_id: str | None = None, title: str | None = None) -> str:
    stem = repaired(path.stem)  # a file name that is not UTF-8 holds lone surrogates
    deck_id = deck_id or slugify(stem, 60) or "my-deck"
    title = title or stem.replace("_", " ").replace("-", " ").strip().capitalize() or deck_id
    return _TEMPLATE.format(
        schema_line=SCHEMA_LINE,
        file_name=printable(path.name),
        deck_id=toml_string(deck_id),
        title=toml_string(title),
    )


def write_starter(
    path: Path, *, deck_id: str | None = None, title: str | None = None, force: bool = False
) -> str:
    """Write the starter deck to `path` (checked first); returns its deck id."""
    text = starter_text(path, deck_id, title)
    result = check_text(path, text)
    if result.deck is None or result.problems:
        first = result.problems[0].format() if result.problems else "unknown problem"
        raise InteropError(path, f"the starter deck would not load ({first}); nothing written")
    write_file(path, text.encode("utf-8"), force=force)
    return result.deck.id
