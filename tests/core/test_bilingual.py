"""Phrase, Plural and Catalogue: words in both languages, counts, and a catalogue's problems."""

from __future__ import annotations

import pytest

from quizapp.core.bilingual import Catalogue, Phrase, Plural, placeholders, plural_form

ANSWERS = Plural(("{n} risposta", "{n} risposte"), ("{n} answer", "{n} answers"))


def test_a_phrase_speaks_either_language_and_fills_its_placeholders() -> None:
    phrase = Phrase("Prossima carta tra {when}.", "Next card in {when}.")
    assert phrase.text("it") == "Prossima carta tra {when}."
    assert phrase.format("en", when="4d") == "Next card in 4d."
    assert phrase.format("fr", when="4d") == "Next card in 4d."  # any other language: English
    assert phrase.fill(when="1h") == Phrase("Prossima carta tra 1h.", "Next card in 1h.")
    italian, english = phrase
    assert (italian, english) == (phrase.it, phrase.en)


def test_a_phrase_as_a_value_gives_each_language_its_own_text() -> None:
    amount = Phrase("6,5 milioni", "6.5 million")
    said = Phrase("Hai scritto {typed}.", "You wrote {typed}.").fill(typed=amount)
    assert said == Phrase("Hai scritto 6,5 milioni.", "You wrote 6.5 million.")


def test_markup_and_braces_in_values_are_kept_as_they_are() -> None:
    phrase = Phrase("Errore: {error}", "Error: {error}")
    assert phrase.format("en", error="[bold]{x}[/]") == "Error: [bold]{x}[/]"


@pytest.mark.parametrize(
    ("n", "italian", "english"),
    [(0, "0 risposte", "0 answers"), (1, "1 risposta", "1 answer"), (2, "2 risposte", "2 answers")],
)
def test_plurals_pick_the_form_for_the_count(n: int, italian: str, english: str) -> None:
    assert ANSWERS.of(n) == Phrase(italian, english)
    assert ANSWERS.format("it", n) == italian


def test_a_singular_may_leave_the_number_out() -> None:
    retry = Plural(("riprova la sbagliata", "riprova le {n} sbagliate"), ("the one", "the {n}"))
    assert retry.of(1).it == "riprova la sbagliata" and retry.of(3).en == "the 3"
    assert [plural_form(n) for n in (0, 1, 2, 21)] == [1, 0, 1, 1]


def test_a_phrase_from_a_mapping_falls_back_to_the_other_language() -> None:
    assert Phrase.of({"it": "Giusto.", "en": "Correct."}) == Phrase("Giusto.", "Correct.")
    assert Phrase.of({"en": "Correct."}) == Phrase("Correct.", "Correct.")


def test_placeholders_are_the_field_names() -> None:
    assert placeholders("{n} of {total}, {{literal}}") == {"n", "total"}
    assert placeholders("no fields") == frozenset()


def test_a_catalogue_finds_its_entries_and_refuses_a_key_twice() -> None:
    words = Catalogue({"a.one": Phrase("uno", "one")}, {"a.count": ANSWERS})
    assert len(words) == 2 and list(words) == ["a.one", "a.count"]
    assert words.phrase("a.one").text("en") == "one"
    assert words.plural("a.count").of(2).it == "2 risposte"
    with pytest.raises(TypeError):
        words.phrase("a.count")
    with pytest.raises(TypeError):
        words.plural("a.one")
    with pytest.raises(ValueError, match=r"a\.one"):
        Catalogue({"a.one": Phrase("uno", "one")}, {"a.one": Phrase("due", "two")})


def test_problems_name_every_mismatch() -> None:
    words = Catalogue(
        {
            "ok": Phrase("{n} di {total}", "{n} of {total}"),
            "missing": Phrase("{n} di {total}", "{n} of"),
            "empty": Phrase("", "text"),
            "broken": Phrase("{n", "{n}"),
            "plural.ok": ANSWERS,
            "plural.no_n": Plural(("una", "molte"), ("one", "many")),
            "plural.extra": Plural(("{n} {x}", "{n}"), ("{n}", "{n}")),
            "plural.differ": Plural(("{n}", "{n} {a}"), ("{n}", "{n} {b}")),
        }
    )
    problems = "\n".join(words.problems())
    for key in ("missing", "empty", "broken", "plural.no_n", "plural.extra", "plural.differ"):
        assert f"{key}:" in problems
    assert "ok:" not in problems and "plural.ok:" not in problems
