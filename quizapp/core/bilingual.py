"""Words in Italian and English: a phrase, a phrase that depends on a count, a catalogue.

The UI's own words and the judge's reasons are both written in the two languages side by side:

    >>> Phrase("Prossima carta tra {when}.", "Next card in {when}.").format("en", when="4d")
    'Next card in 4d.'
    >>> ANSWERS = Plural(("{n} risposta", "{n} risposte"), ("{n} answer", "{n} answers"))
    >>> ANSWERS.of(1).text("it"), ANSWERS.of(2).text("en")
    ('1 risposta', '2 answers')

A value given to a phrase may itself be a Phrase: each language takes its own text of it (an
amount read with a decimal comma in Italian and a point in English, a count with its noun).
`Catalogue.problems()` lists what a test should refuse: a key whose two languages name
different `{placeholders}`, an empty text, a plural without its count. Plain Python: no UI
library, so the core may use it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from string import Formatter
from typing import Literal, NamedTuple, TypeAlias

Language = Literal["it", "en"]
LANGUAGES: tuple[Language, ...] = ("it", "en")

_FORMATTER = Formatter()


def placeholders(template: str) -> frozenset[str]:
    """The names of the `{placeholders}` in a template (`{n}`, `{error}`; `{{` is no field)."""
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _text, name, _spec, _conversion in _FORMATTER.parse(template)
        if name is not None
    )


def _fill(template: str, lang: str, values: Mapping[str, object]) -> str:
    if not values:
        return template
    own = {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in values.items()}
    return template.format_map(own)


class Phrase(NamedTuple):
    """One text in both languages (a tuple: `italian, english = phrase` works)."""

    it: str
    en: str

    def text(self, lang: str) -> str:
        """The text in `lang`: Italian for "it", English otherwise."""
        return self.it if lang == "it" else self.en

    def format(self, lang: str, **values: object) -> str:
        """The text in `lang` with its `{placeholders}` filled."""
        return _fill(self.text(lang), lang, values)

    def fill(self, **values: object) -> Phrase:
        """Both languages with their `{placeholders}` filled: a phrase to show later."""
        return Phrase(_fill(self.it, "it", values), _fill(self.en, "en", values))

    @classmethod
    def of(cls, texts: Mapping[str, str]) -> Phrase:
        """From a {"it": ..., "en": ...} mapping (a missing language falls back to the other)."""
        italian, english = texts.get("it", ""), texts.get("en", "")
        return cls(italian or english, english or italian)


def plural_form(n: int) -> int:
    """0 for the singular, 1 for the plural: Italian and English agree (1 risposta, 0 risposte;
    1 answer, 0 answers)."""
    return 0 if n == 1 else 1


class Plural(NamedTuple):
    """A text that depends on a count `{n}`: (singular, plural) in each language.

    The singular may leave the number out ("r: riprova la sbagliata"); the plural names it.
    """

    it: tuple[str, str]
    en: tuple[str, str]

    def of(self, n: int, **values: object) -> Phrase:
        """The phrase for `n` (filled in as `{n}`), with the other `{placeholders}` filled."""
        form = plural_form(n)
        return Phrase(self.it[form], self.en[form]).fill(n=n, **values)

    def format(self, lang: str, n: int, **values: object) -> str:
        return self.of(n, **values).text(lang)


Entry: TypeAlias = Phrase | Plural


class Catalogue(Mapping[str, Entry]):
    """Phrases and plurals by key, gathered from groups (one a screen, say), each key once."""

    def __init__(self, *groups: Mapping[str, Entry]) -> None:
        self._entries: dict[str, Entry] = {}
        for group in groups:
            for key, entry in group.items():
                if key in self._entries:
                    raise ValueError(f"the key {key!r} is in two groups")
                self._entries[key] = entry

    def __getitem__(self, key: str) -> Entry:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def phrase(self, key: str) -> Phrase:
        entry = self._entries[key]
        if not isinstance(entry, Phrase):
            raise TypeError(f"{key!r} depends on a count: use plural()")
        return entry

    def plural(self, key: str) -> Plural:
        entry = self._entries[key]
        if not isinstance(entry, Plural):
            raise TypeError(f"{key!r} is a phrase, not a plural")
        return entry

    def problems(self) -> list[str]:
        """What is wrong with the catalogue, one line a problem (empty when all is well)."""
        found: list[str] = []
        for key, entry in self._entries.items():
            if isinstance(entry, Phrase):
                found += _phrase_problems(key, entry)
            else:
                found += _plural_problems(key, entry)
        return found


def _phrase_problems(key: str, phrase: Phrase) -> list[str]:
    found = [f"{key}: no {lang} text" for lang in LANGUAGES if not phrase.text(lang).strip()]
    try:
        italian, english = placeholders(phrase.it), placeholders(phrase.en)
    except ValueError as error:
        return [*found, f"{key}: not a template ({error})"]
    if italian != english:
        found.append(f"{key}: it has {sorted(italian)}, en has {sorted(english)}")
    return found


def _plural_problems(key: str, plural: Plural) -> list[str]:
    found: list[str] = []
    names: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for lang in LANGUAGES:
        forms = plural.it if lang == "it" else plural.en
        if len(forms) != 2 or not all(form.strip() for form in forms):
            found.append(f"{key}: {lang} needs a singular and a plural")
            continue
        try:
            one, other = placeholders(forms[0]), placeholders(forms[1])
        except ValueError as error:
            found.append(f"{key}: not a template ({error})")
            continue
        if "n" not in other:
            found.append(f"{key}: the {lang} plural does not show {{n}}")
        if not one <= other:
            found.append(f"{key}: the {lang} singular names {sorted(one - other)}")
        names[lang] = (one, other)
    if len(names) == 2 and names["it"][1] != names["en"][1]:
        found.append(f"{key}: it has {sorted(names['it'][1])}, en has {sorted(names['en'][1])}")
    return found
