"""Another form of the same verb: "sfruttate" or "sfruttato" for "sfruttare", "exploits" for
"(to) exploit". A real word, but not another word: the learner knows the verb and wrote the
wrong form of it, which a teacher counts as almost (a different word, "rilasciare" for
"rilanciare", stays wrong). Nouns and adjectives are left alone: "forza" for "forze" or
"modella" for "modello" is another word.

Two words are forms of one when they share a stem of at least four letters and what follows
it in each is an ending of the language (a verb's, a noun's or an adjective's).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from quizapp.core.judge.match import ALMOST, WRONG, Match, Rules
from quizapp.core.judge.normalise import Form, as_written

MIN_STEM = 4
MAX_ENDING = 5

_ENDINGS = {
    "it": """a e i o are ere ire arsi ersi irsi ato ata ati ate uto uta uti ute ito ita iti ite
    ando endo o i a iamo ate ete ite ano ono iscono isco isce avo ava avamo avate avano evo eva
    evano ivo iva ivano ai asti ò ammo aste arono ei esti é emmo este erono ii isti ì immo iste
    irono erò erai erà eremo erete eranno irò irà irai eranno erei erebbe erebbero irei
    irebbe i ino ano""",
    "en": "s es ed d ing e er ers ies ied y ly",
}


@cache
def _tails(lang: str) -> frozenset[str]:
    """Every ending of the language and every tail of one (the shared stem may take the
    ending's first letters: "sfrutta|re", "sfrutta|te")."""
    endings = _ENDINGS.get(lang, _ENDINGS["it"] + " " + _ENDINGS["en"]).split()
    return frozenset(ending[i:] for ending in endings for i in range(len(ending) + 1))


@lru_cache(maxsize=4096)
def same_word(typed: str, expected: str, lang: str) -> bool:
    """`typed` is another form of `expected` (both normalised, letters only)."""
    if typed == expected or not (typed.isalpha() and expected.isalpha()):
        return False
    stem = 0
    for got, want in zip(typed, expected, strict=False):
        if got != want:
            break
        stem += 1
    if stem < MIN_STEM:
        return False
    got, want = typed[stem:], expected[stem:]
    if len(got) > MAX_ENDING or len(want) > MAX_ENDING:
        return False
    tails = _tails(lang)
    return got in tails and want in tails


INFINITIVE = ("are", "ere", "ire", "rre", "arsi", "ersi", "irsi")


def _is_verb(form: Form, forms: tuple[Form, ...], lang: str) -> Callable[[str], bool]:
    """Which words of `form` are verbs: an Italian infinitive, or an English answer the card
    also gives with "to" ("harness", "to harness")."""
    if lang == "en":
        marked = any(other.words == ("to", *form.words) for other in forms)
        return lambda word: marked
    return lambda word: word.endswith(INFINITIVE)


def word_form(typed: Form, match: Match, forms: tuple[Form, ...], rules: Rules) -> Match:
    """A wrong answer whose words are the expected ones but for the form of one or two of
    them: almost, with both forms named."""
    if match.outcome is not WRONG or match.code not in ("wrong", "other_word"):
        return match
    for form in forms:
        if len(form.loose) != len(typed.loose):
            continue
        changed = [
            (got, want) for got, want in zip(typed.words, form.words, strict=True) if got != want
        ]
        if not changed or len(changed) > 2:
            continue
        verb = _is_verb(form, forms, rules.lang)
        if all(verb(want) and same_word(got, want, rules.lang) for got, want in changed):
            fields = {
                "typed": " ".join(as_written(got, typed.text) for got, _ in changed),
                "expected": " ".join(as_written(want, form.text) for _, want in changed),
            }
            return Match(ALMOST, "word_form", 0.85, form, fields)
    return match
