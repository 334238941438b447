"""Synthetic decks for the scale benchmarks: 1,000, 10,000 or 100,000 cards from a seed.

The text reads like a real deck (Italian and English, accents, apostrophes, «quotes», optional
parts in answers, cloze gaps with hints, notes on some cards) and every kind appears: qa,
vocab, cloze, choice and list, with tags. The same seed always gives the same bytes. Questions
are unique per language, so a valid deck has no errors and no warnings (`quizapp validate`
prints one line per deck, as it would for a good real deck).

Decks are written to `benchmarks/out/decks/` (ignored by git) and reused when present:

    python benchmarks/synth.py 1000 10000 100000      # write (or reuse) and validate them
    python benchmarks/synth.py 100000 --out /tmp/decks --seed 7
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

GENERATOR_VERSION = 1
"""Part of the file name: a change to the generator writes new files instead of reusing old."""
DEFAULT_SEED = 20_240_901
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "decks"

# -- word lists ----------------------------------------------------------------------------

FIRST_NAMES = [
    "Giulia", "Niccolò", "Chiara", "Mattia", "Francesca", "Andrea", "Federica", "Lorenzo",
    "Beatrice", "Raffaele", "Ilaria", "Gianluca", "Elena", "Tommaso", "Martina", "Giacomo",
    "Benedetta", "Salvatore", "Noemi", "Pietro", "Agnese", "Emanuele", "Lucía", "Zoë",
]  # fmt: skip
SURNAME_HEADS = [
    "D'Ami", "Dell'Ac", "Bel", "Cal", "De Ros", "Fer", "Gal", "Mar", "Mon", "Ric", "San",
    "Tor", "Vit", "Lo Pre", "Dall'Ogl", "Bru", "Car", "Fontan", "Gras", "Pellegr",
]  # fmt: skip
SURNAME_TAILS = [
    "co", "ini", "elli", "etti", "one", "ucci", "ato", "esi", "illo", "otti", "ari", "ieri",
]  # fmt: skip
CITIES = [
    "Torino", "Milano", "Genova", "Bologna", "Firenze", "Napoli", "Bari", "Palermo", "Cagliari",
    "Trieste", "Perugia", "L'Aquila", "Forlì", "Cantù", "Sant'Agata", "Reggio Calabria",
    "Ascoli Piceno", "Città di Castello", "Vibo Valentia", "Aosta", "Trento", "Lecce",
]  # fmt: skip
COMPANY_WORDS = [
    "Quanta", "Lumen", "Vettore", "Orbita", "Sintesi", "Nodo", "Aurora", "Fulcro", "Delta",
    "Prisma", "Cardine", "Sorgente", "Alveare", "Bussola", "Ancora", "Scintilla",
]  # fmt: skip
COMPANY_FORMS = [
    "{w} S.p.A.", "{w} Tech", "{w} & Figli", "{w} Labs", "Gruppo {w}", "{w} Sistemi",
]  # fmt: skip
# (Italian with article, English, part of speech, gender)
NOUNS = [
    ("la città", "the city", "f"), ("l'università", "the university", "f"),
    ("il caffè", "the coffee", "m"), ("la virtù", "the virtue", "f"),
    ("l'azienda", "the company", "f"), ("il mercato", "the market", "m"),
    ("l'addestramento", "the training", "m"), ("la rete", "the network", "f"),
    ("il calcolatore", "the computer", "m"), ("l'interfaccia", "the interface", "f"),
    ("la società", "the society", "f"), ("il perché", "the reason why", "m"),
    ("l'investimento", "the investment", "m"), ("la banca dati", "the database", "f"),
    ("il chip", "the chip", "m"), ("la borsa", "the stock exchange", "f"),
    ("l'impresa", "the enterprise", "f"), ("il modello", "the model", "m"),
    ("la qualità", "the quality", "f"), ("l'attività", "the activity", "f"),
    ("il ricercatore", "the researcher", "m"), ("la fabbrica", "the factory", "f"),
    ("l'algoritmo", "the algorithm", "m"), ("il brevetto", "the patent", "m"),
    ("la capacità", "the capacity", "f"), ("il dirigente", "the manager", "m"),
    ("l'ingegnere", "the engineer", "m"), ("la tariffa", "the tariff", "f"),
]  # fmt: skip
ADJECTIVES = [
    ("antico", "antica", "ancient"), ("nuovo", "nuova", "new"), ("pubblico", "pubblica", "public"),
    ("veloce", "veloce", "fast"), ("costoso", "costosa", "expensive"),
    ("efficiente", "efficiente", "efficient"), ("aperto", "aperta", "open"),
    ("cinese", "cinese", "Chinese"), ("europeo", "europea", "European"),
    ("piccolo", "piccola", "small"), ("grande", "grande", "large"),
    ("digitale", "digitale", "digital"), ("sicuro", "sicura", "safe"),
    ("più recente", "più recente", "most recent"), ("redditizio", "redditizia", "profitable"),
]  # fmt: skip
PRODUCTS = [
    ("(il) caffè", "coffee"), ("(le) automobili", "cars"), ("(i) chip", "chips"),
    ("(i) tessuti", "fabrics"), ("(il) software", "software"), ("(le) biciclette", "bicycles"),
    ("(i) farmaci", "medicines"), ("(le) turbine", "turbines"), ("(i) satelliti", "satellites"),
    ("(l')olio", "oil"), ("(le) batterie", "batteries"), ("(i) sensori", "sensors"),
]  # fmt: skip
TAGS = [
    "economia", "storia", "tecnologia", "geografia", "persone", "cifre", "lessico", "aziende",
    "cultura", "ricerca", "finanza", "industria",
]  # fmt: skip
NOTES_IT = [
    "Attenzione all'accento: «più» e «perché» lo vogliono sempre.",
    "È una cifra dichiarata dall'azienda stessa, non verificata da terzi.",
    "L'articolo parla di «circa»: la risposta esatta non è nota.",
    "Si scrive con l'apostrofo, perché l'articolo si elide davanti a vocale.",
]
NOTES_EN = [
    "Mind the accent: «più» and «perché» always take one.",
    "This is the company's own figure, not checked by anyone else.",
    "The article says “about”: the exact answer is not known.",
    "Italian elides the article before a vowel, hence the apostrophe.",
]

Fact = tuple[str, str, dict[str, object]]
"""An Italian question, its English twin, and what the card needs besides."""

KIND_WEIGHTS = {"qa": 30, "vocab": 30, "cloze": 15, "choice": 15, "list": 10}


# -- one card of each kind -----------------------------------------------------------------


class _Maker:
    """Draws names and facts from one random stream; questions are never repeated."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.questions: set[str] = set()

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FIRST_NAMES)} {r.choice(SURNAME_HEADS)}{r.choice(SURNAME_TAILS)}"

    def company(self) -> str:
        word = self.rng.choice(COMPANY_WORDS) + self.rng.choice(["", "a", "ia", "one", "ix"])
        return self.rng.choice(COMPANY_FORMS).format(w=word)

    def year(self) -> int:
        return self.rng.randint(1861, 2024)

    def tags(self, *extra: str) -> list[str]:
        return sorted({*extra, *self.rng.sample(TAGS, self.rng.randint(0, 2))})

    def unique(self, build: Callable[[], Fact]) -> Fact:
        """Call `build` until its Italian and English questions are both new."""
        while True:
            it, en, facts = build()
            keys = ("it " + _folded(it), "en " + _folded(en))
            if not (keys[0] in self.questions or keys[1] in self.questions):
                self.questions.update(keys)
                return it, en, facts

    def note(self, lang: str, index: int) -> str | None:
        if index % 5 not in (0, 3):
            return None
        return (NOTES_IT if lang == "it" else NOTES_EN)[index % len(NOTES_IT)]

    def qa(self, index: int) -> dict[str, object]:
        r = self.rng

        def build() -> Fact:
            person, company, city = self.person(), self.company(), r.choice(CITIES)
            shape = r.randrange(3)
            if shape == 0:
                year = self.year()
                return (
                    f"In che anno {person} ha fondato {company} a {city}?",
                    f"In what year did {person} found {company} in {city}?",
                    {"it": [str(year)], "en": [str(year)], "reject": [str(year + 1)]},
                )
            if shape == 1:
                millions = r.randint(2, 950)
                return (
                    f"Quanto è costato l'impianto di {company} a {city}, secondo {person}?",
                    f"How much did {company}'s plant in {city} cost, according to {person}?",
                    {
                        "it": [f"{millions} milioni (di euro)", f"€{millions} milioni"],
                        "en": [f"{millions} million (euros)", f"€{millions} million"],
                        "reject": [f"{millions} miliardi (di euro)"],
                    },
                )
            year = self.year()
            return (
                f"Chi guidava la ricerca di {company} nella sede di {city} nel {year}?",
                f"Who led {company}'s research at its {city} site in {year}?",
                {"it": [person], "en": [person], "reject": []},
            )

        it, en, facts = self.unique(build)
        return {
            "id": f"qa-{index:06d}",
            "kind": "qa",
            "tags": self.tags("cifre" if facts["reject"] else "persone"),
            "it": _side(
                question=it,
                answers=facts["it"],
                reject=facts["reject"],
                note=self.note("it", index),
            ),
            "en": _side(
                question=en,
                answers=facts["en"],
                reject=facts["reject"],
                note=self.note("en", index),
            ),
        }

    def vocab(self, index: int) -> dict[str, object]:
        r = self.rng
        noun_it, noun_en, gender = r.choice(NOUNS)
        masc, fem, adj_en = r.choice(ADJECTIVES)
        adjective = fem if gender == "f" else masc
        bare = noun_it[2:] if noun_it.startswith("l'") else noun_it.split(" ", 1)[1]
        term_it = f"{noun_it} {adjective}"
        bare_it = f"{bare} {adjective}"
        term_en = f"the {adj_en} {noun_en.removeprefix('the ')}"
        city = r.choice(CITIES)
        return {
            "id": f"vocab-{index:06d}",
            "kind": "vocab",
            "tags": self.tags("lessico"),
            "pos": "noun",
            "gender": gender,
            "it": _side(
                terms=[term_it, bare_it],
                example=f"A {city} {noun_it} {adjective} è al centro dell'attenzione.",
                note=self.note("it", index),
            ),
            "en": _side(
                terms=[term_en, term_en.removeprefix("the ")],
                example=f"In {city}, {term_en} is getting everyone's attention.",
            ),
        }

    def cloze(self, index: int) -> dict[str, object]:
        r = self.rng
        person, company, city, year = self.person(), self.company(), r.choice(CITIES), self.year()
        product_it, product_en = r.choice(PRODUCTS)
        return {
            "id": f"cloze-{index:06d}",
            "kind": "cloze",
            "tags": self.tags("storia"),
            "it": _side(
                text=f"Nel {{{{{year}::un anno}}}} {person} si è trasferito a "
                f"{{{{{city}::una città}}}} per produrre {product_it} con {company}.",
                note=self.note("it", index),
            ),
            "en": _side(
                text=f"In {{{{{year}::a year}}}}, {person} moved to {{{{{city}::a city}}}} "
                f"to make {product_en} with {company}.",
            ),
        }

    def choice(self, index: int) -> dict[str, object]:
        r = self.rng

        def build() -> Fact:
            company, person = self.company(), self.person()
            cities = r.sample(CITIES, 4)
            return (
                f"In quale città {person} ha aperto la sede di {company}?",
                f"In which city did {person} open {company}'s headquarters?",
                {"cities": cities},
            )

        it, en, facts = self.unique(build)
        cities = facts["cities"]
        assert isinstance(cities, list)
        return {
            "id": f"choice-{index:06d}",
            "kind": "choice",
            "tags": self.tags("geografia"),
            "it": _side(question=it, answer=cities[0], distractors=cities[1:]),
            "en": _side(
                question=en, answer=cities[0], distractors=cities[1:], note=self.note("en", index)
            ),
        }

    def list_card(self, index: int) -> dict[str, object]:
        r = self.rng

        def build() -> Fact:
            company, city = self.company(), r.choice(CITIES)
            count = r.randint(2, 4)
            return (
                f"Quali sono i {count} prodotti principali di {company} a {city}?",
                f"What are the {count} main products of {company} in {city}?",
                {"products": r.sample(PRODUCTS, count)},
            )

        it, en, facts = self.unique(build)
        products = facts["products"]
        assert isinstance(products, list)
        return {
            "id": f"list-{index:06d}",
            "kind": "list",
            "tags": self.tags("aziende", "industria"),
            "ordered": index % 7 == 0,
            "it": _side(question=it, items=[p[0] for p in products]),
            "en": _side(question=en, items=[[p[1], p[1].rstrip("s")] for p in products]),
        }


def _folded(question: str) -> str:
    return " ".join(question.casefold().split())


def _side(**fields: object) -> dict[str, object]:
    return {key: value for key, value in fields.items() if value not in (None, [])}


def cards(count: int, seed: int = DEFAULT_SEED) -> Iterator[dict[str, object]]:
    """`count` cards as TOML-ready dicts, the kinds mixed in fixed proportions."""
    maker = _Maker(seed)
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    build = {
        "qa": maker.qa,
        "vocab": maker.vocab,
        "cloze": maker.cloze,
        "choice": maker.choice,
        "list": maker.list_card,
    }
    for index in range(count):
        kind = maker.rng.choices(kinds, weights)[0]
        yield build[kind](index)


# -- writing TOML --------------------------------------------------------------------------


def _value(value: object) -> str:
    # A JSON string (ensure_ascii off) is a valid TOML basic string; lists likewise.
    return json.dumps(value, ensure_ascii=False)


def _table(prefix: str, table: dict[str, object]) -> Iterator[str]:
    nested = {k: v for k, v in table.items() if isinstance(v, dict)}
    for key, value in table.items():
        if key not in nested:
            yield f"{key} = {_value(value)}"
    for key, value in nested.items():
        assert isinstance(value, dict)
        yield ""
        yield f"[{prefix}.{key}]"
        yield from _table(f"{prefix}.{key}", value)


def deck_text(count: int, seed: int = DEFAULT_SEED) -> Iterator[str]:
    """The lines of a deck of `count` cards."""
    yield f"# Synthetic quizapp deck: {count:,} cards, seed {seed} (benchmarks/synth.py)."
    yield ""
    yield "[deck]"
    yield f'id = "synth-{count}"'
    yield "format = 1"
    yield 'version = "1.0.0"'
    yield 'languages = ["it", "en"]'
    yield 'author = "quizapp benchmarks"'
    yield 'license = "CC0-1.0"'
    yield ""
    yield "[deck.title]"
    yield f'it = "Mazzo sintetico da {count:,} carte"'.replace(",", ".")
    yield f'en = "Synthetic deck of {count:,} cards"'
    yield ""
    yield "[deck.description]"
    yield 'it = "Carte generate: cifre, persone, città, lessico e frasi d\'esempio."'
    yield 'en = "Generated cards: figures, people, cities, vocabulary and example sentences."'
    for card in cards(count, seed):
        yield ""
        yield "[[cards]]"
        yield from _table("cards", card)


def deck_path(count: int, seed: int = DEFAULT_SEED, out: Path = DEFAULT_OUT) -> Path:
    return out / f"synth-{count}-s{seed}-g{GENERATOR_VERSION}.toml"


def ensure_deck(count: int, seed: int = DEFAULT_SEED, out: Path = DEFAULT_OUT) -> Path:
    """The deck file of `count` cards, written (atomically) unless it is already there."""
    path = deck_path(count, seed, out)
    if path.is_file():
        return path
    out.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            for line in deck_text(count, seed):
                stream.write(line)
                stream.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1_000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-check", action="store_true", help="do not validate the decks")
    args = parser.parse_args(argv)
    from quizapp.core.deck.loading import check_deck

    failed = 0
    for count in args.counts:
        started = time.perf_counter()
        path = ensure_deck(count, args.seed, args.out)
        size = path.stat().st_size
        took = time.perf_counter() - started
        line = f"{path}: {count:,} cards, {size / 1e6:.1f} MB ({took:.1f} s)"
        if not args.no_check:
            result = check_deck(path)
            kinds: dict[str, int] = {}
            for card in result.deck.cards if result.deck else []:
                kinds[card.kind] = kinds.get(card.kind, 0) + 1
            line += f"; {len(result.errors)} errors, {len(result.warnings)} warnings; {kinds}"
            for problem in result.problems[:5]:
                print("  " + problem.format())
            failed += bool(result.problems) or result.deck is None
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
