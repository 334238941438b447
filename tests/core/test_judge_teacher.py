"""The deck's judge as a fair teacher: people, the other language, words around an answer,
figures, articles and reasons that hold together, on a small deck of its own and on the
bundled deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import Prompt, prompts_for
from quizapp.core.judge import Outcome, judge_for, judge_list
from tests.conftest import BUNDLED_DECK

DECK = """
[deck]
id = "teacher"
version = "1"
author = "a"
license = "CC0"
[deck.title]
it = "t"
en = "t"
[deck.description]
it = "t"
en = "t"

[[cards]]
id = "founder"
kind = "qa"
tags = ["people"]
[cards.it]
question = "Chi ha fondato DeepSeek?"
answers = ["Liang Wenfeng", "Liang"]
[cards.en]
question = "Who founded DeepSeek?"
answers = ["Liang Wenfeng", "Liang"]

[[cards]]
id = "president"
kind = "qa"
tags = ["people"]
[cards.it]
question = "Chi ha ricevuto i fondatori a febbraio?"
answers = ["Xi Jinping"]
note = "Il presidente cinese, che l'articolo chiama anche solo Xi."

[[cards]]
id = "meeting"
kind = "list"
tags = ["people"]
[cards.it]
question = "Chi era all'incontro?"
items = [["Xi Jinping", "Xi"], "Jack Ma"]

[[cards]]
id = "ceo"
kind = "qa"
tags = ["people"]
[cards.it]
question = "Quale CEO si è detto inquieto?"
answers = ["Sam Altman", "Altman"]
note = "Sam Altman guida OpenAI."

[[cards]]
id = "scientist"
kind = "qa"
tags = ["people"]
[cards.it]
question = "Quale scienziato ha parlato di un prezzo ridicolo?"
answers = ["Andrej Karpathy"]

[[cards]]
id = "month"
kind = "qa"
tags = ["dates"]
[cards.it]
question = "In che mese è uscito R1?"
answers = ["gennaio", "a gennaio"]
reject = ["febbraio"]
[cards.en]
question = "In which month did R1 come out?"
answers = ["(in) January"]

[[cards]]
id = "job"
kind = "qa"
[cards.it]
question = "Che mestiere fa Kevin Jin?"
answers = ["(l')economista"]
[cards.en]
question = "What does Kevin Jin do?"
answers = ["(an) economist"]

[[cards]]
id = "capital"
kind = "cloze"
[cards.it]
text = "Hangzhou è lontana da {{Pechino::una capitale}} e vicina a {{Shanghai}}."
[cards.en]
text = "Hangzhou is far from {{Beijing::a capital}} and close to {{Shanghai}}."

[[cards]]
id = "dragons"
kind = "qa"
tags = ["figures"]
[cards.it]
question = "Quante startup di Hangzhou formano i «dragoni»?"
answers = ["6", "sei"]

[[cards]]
id = "users"
kind = "qa"
tags = ["figures"]
[cards.it]
question = "A quanti utenti Tencent ha offerto DeepSeek?"
answers = ["1 miliardo", "un miliardo"]

[[cards]]
id = "cost"
kind = "qa"
tags = ["figures"]
[cards.it]
question = "Quanto è costato addestrare V3?"
answers = ["6 milioni (di dollari)", "$6 milioni"]
reject = ["6 miliardi (di dollari)"]

[[cards]]
id = "gap"
kind = "vocab"
[cards.it]
terms = ["(il) divario"]
[cards.en]
terms = ["gap"]

[[cards]]
id = "range"
kind = "list"
ordered = true
[cards.it]
question = "Da che anno a che anno va il grafico?"
items = ["2010", "2024"]
"""


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    path = tmp_path_factory.mktemp("deck") / "teacher.toml"
    path.write_text(DECK, encoding="utf-8")
    return load_deck(path)


def prompt(deck: Deck, card: str, direction: str | None = None, lang: str = "it") -> Prompt:
    prompts = prompts_for(deck.id, deck.card(card), lang, "both")
    return next(p for p in prompts if direction is None or p.direction == direction)


def verdict(deck: Deck, card: str, typed: str, direction: str | None = None) -> tuple[str, str]:
    judged = judge_for(deck)(prompt(deck, card, direction), typed)
    return judged.outcome.value, judged.code


# -- people ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "typed"),
    [("founder", "Wenfeng Liang"), ("scientist", "Karpathy Andrej"), ("president", "Jinping Xi")],
)
def test_a_name_the_other_way_round_is_almost(deck: Deck, card: str, typed: str) -> None:
    assert verdict(deck, card, typed) == ("almost", "name_order")


def test_a_surname_alone_is_almost_on_every_card(deck: Deck) -> None:
    assert verdict(deck, "founder", "Liang") == ("almost", "surname_only")  # the card lists it
    assert verdict(deck, "president", "Xi") == ("almost", "surname_only")  # the card does not
    listed = judge_for(deck)(prompt(deck, "meeting"), "Xi, Jack Ma")
    assert listed.outcome is Outcome.ALMOST and listed.score == (2, 2)
    assert listed.items[0].code == "surname_only"
    judged = judge_for(deck)(prompt(deck, "president"), "Xi")
    assert "Xi Jinping" in judged.reason["en"] and "Xi Jinping" in judged.reason["it"]


def test_a_given_name_alone_stays_wrong(deck: Deck) -> None:
    assert verdict(deck, "founder", "Wenfeng")[0] == "wrong"


# -- the other language ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "typed", "shown", "direction"),
    [
        ("month", "January", "gennaio", None),
        ("job", "economist", "l'economista", None),
        ("capital", "Beijing", "Pechino", "it.1"),
    ],
)
def test_the_right_answer_in_the_other_language_is_almost(
    deck: Deck, card: str, typed: str, shown: str, direction: str | None
) -> None:
    judged = judge_for(deck)(prompt(deck, card, direction), typed)
    assert (judged.outcome, judged.code) == (Outcome.ALMOST, "other_language")
    assert f"in Italian: {shown}" in judged.reason["en"]
    assert f"in italiano: {shown}" in judged.reason["it"]


def test_a_vocab_card_does_not_accept_its_own_question(deck: Deck) -> None:
    assert verdict(deck, "gap", "divario", "it>en")[0] == "wrong"


# -- words around the answer -------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "typed", "outcome"),
    [
        ("founder", "era Liang Wenfeng", "correct"),
        ("ceo", "Altman di OpenAI", "almost"),  # OpenAI from the note; Altman alone: almost
        ("dragons", "6 startup", "correct"),
        ("users", "un miliardo di utenti", "correct"),
        ("cost", "circa 6 milioni", "correct"),
    ],
)
def test_words_from_the_question_or_the_note_do_not_make_it_wrong(
    deck: Deck, card: str, typed: str, outcome: str
) -> None:
    judged = judge_for(deck)(prompt(deck, card), typed)
    assert judged.outcome.value == outcome, judged.reason["en"]


def test_the_remark_names_the_words_that_were_not_needed(deck: Deck) -> None:
    judged = judge_for(deck)(prompt(deck, "dragons"), "6 startup")
    assert judged.code == "extra_words"
    assert "startup" in judged.reason["en"] and "startup" in judged.reason["it"]


def test_words_around_a_rejected_or_wrong_figure_do_not_save_it(deck: Deck) -> None:
    assert verdict(deck, "cost", "è costato 6 miliardi di dollari") == ("wrong", "rejected")
    assert verdict(deck, "users", "un milione di utenti")[0] == "wrong"


# -- figures -----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["6 milioni di euro", "6 milioni di sterline", "€6M"])
def test_a_wrong_currency_is_wrong(deck: Deck, typed: str) -> None:
    assert verdict(deck, "cost", typed) == ("wrong", "unit_wrong")


@pytest.mark.parametrize(
    "typed", ["2010-2024", "2010–2024", "dal 2010 al 2024", "from 2010 to 2024"]
)
def test_a_range_of_years(deck: Deck, typed: str) -> None:
    judged = judge_for(deck)(prompt(deck, "range"), typed)
    assert (judged.outcome, judged.score) == (Outcome.CORRECT, (2, 2))


# -- reasons -----------------------------------------------------------------------------


def test_an_ordered_list_typed_in_reverse_does_not_contradict_itself(deck: Deck) -> None:
    judged = judge_for(deck)(prompt(deck, "range"), "2024, 2010")
    assert judged.outcome is Outcome.PARTIAL and judged.score == (1, 2)
    for text in judged.reason.values():
        assert "2010, 2024" in text  # the order is named
        assert "Not asked" not in text and "Non richiesto" not in text
        assert "missing" not in text and "manca" not in text


def test_a_reason_names_a_few_items_not_asked_and_counts_the_rest() -> None:
    typed = "Baichuan, " + ", ".join(f"Azienda{n}" for n in range(30))
    judged = judge_list(typed, [["Baichuan"], ["Moonshot"]], "it")
    assert "e altri 27" in judged.reason["it"] and "and 27 more" in judged.reason["en"]
    assert max(len(text) for text in judged.reason.values()) < 200


def test_the_expected_answer_is_shown_as_the_deck_writes_it(deck: Deck) -> None:
    judged = judge_for(deck)(prompt(deck, "founder"), "Liang Wenfneg")
    assert "Wenfeng" in judged.reason["en"]


# -- the bundled deck --------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Deck:
    return load_deck(BUNDLED_DECK)


@pytest.mark.parametrize(
    ("card", "direction", "typed", "outcome"),
    [
        ("v3-training-cost", "it", "6 milioni di euro", "wrong"),
        ("v3-training-cost", "it", "6 million euros", "wrong"),
        ("v3-training-cost", "it", "circa 6 milioni di dollari", "correct"),
        ("v3-training-cost", "it", "circa 6 milioni", "almost"),  # the deck asks for the currency
        ("liang-wenfeng", "it", "era Liang Wenfeng", "correct"),
        ("liang-wenfeng", "it", "Wenfeng Liang", "almost"),
        ("karpathy", "it", "Karpathy Andrej", "almost"),
        ("r1-release-month", "it", "January", "almost"),
        ("hangzhou-dragons-count", "it", "6 startup", "correct"),
        ("divario", "en>it", "il diario", "wrong"),
        ("azione", "en>it", "la nazione", "wrong"),
        ("addestramento", "en>it", "il addestramento", "almost"),
        ("all-avanguardia", "en>it", "alla avanguardia", "almost"),
        ("vc-chart-range", "it", "nel 2010", "correct"),
    ],
)
def test_examples_on_the_bundled_deck(
    bundled: Deck, card: str, direction: str, typed: str, outcome: str
) -> None:
    judged = judge_for(bundled)(prompt(bundled, card, direction), typed)
    assert judged.outcome.value == outcome, judged.reason["en"]


def test_words_of_the_deck_are_known_and_remembered(bundled: Deck) -> None:
    judge = judge_for(bundled)
    assert judge is judge_for(bundled)
    assert {"liang", "wenfeng", "hangzhou", "inferenza"} <= judge.known_words


def test_another_deck_object_gets_its_own_judge(deck: Deck, tmp_path: Path) -> None:
    path = tmp_path / "again.toml"
    path.write_text(DECK, encoding="utf-8")
    again = load_deck(path)
    assert judge_for(again) is not judge_for(deck)
    assert verdict(again, "president", "Xi") == verdict(deck, "president", "Xi")


ODD_NAMES = """
[deck]
id = "odd"
version = "1"
author = "a"
license = "CC0"
[deck.title]
it = "t"
en = "t"
[deck.description]
it = "t"
en = "t"

[[cards]]
id = "odd-names"
kind = "list"
tags = ["people"]
[cards.it]
question = "Chi c'era?"
items = ["D'Amico Rossi", "Jean-Luc Picard", "Ünal Öz", ["O'Neil", "Mary O'Neil"], "Li"]
note = "Secondo O'Neil, e anche Picard, Öz era lì. D'Amico no."
"""


def test_names_of_any_shape_are_learnt_without_fuss(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(ODD_NAMES, encoding="utf-8")
    deck = load_deck(path)
    judge = judge_for(deck)
    judged = judge(prompt(deck, "odd-names"), "D'Amico Rossi, Jean-Luc Picard, Öz Ünal, O'Neil, Li")
    assert judged.score == (5, 5) and judged.outcome is Outcome.ALMOST
    assert {item.code for item in judged.items if item.typed == "Öz Ünal"} == {"name_order"}
    assert "oz" in judge.context(prompt(deck, "odd-names")).surnames  # "Öz" alone in the note
    assert judge(prompt(deck, "odd-names"), "Öz, Li").items[0].code == "surname_only"


def test_a_synthetic_deck_is_judged_as_a_whole(tmp_path: Path) -> None:
    from benchmarks import synth

    path = tmp_path / "synth.toml"
    path.write_text("\n".join(synth.deck_text(1_200)), encoding="utf-8")
    deck = load_deck(path)
    judge = judge_for(deck)
    for card in deck.cards[::40]:
        for each in prompts_for(deck.id, card, "it", "both"):
            shown = each.answer_display
            assert judge(each, shown).outcome in (Outcome.CORRECT, Outcome.ALMOST), each.key
            assert judge(each, shown[::-1]).reason["en"]


def test_two_common_words_are_no_person(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text(
        DECK.replace('answers = ["Andrej Karpathy"]', 'answers = ["(the) Chinese Premier"]'),
        encoding="utf-8",
    )
    office = load_deck(path)
    assert verdict(office, "scientist", "Premier Chinese")[0] == "wrong"
    assert verdict(office, "scientist", "Premier")[0] == "wrong"


def test_a_long_remark_is_cut(deck: Deck) -> None:
    question = "quale scienziato ha parlato di un prezzo ridicolo? " * 3
    judged = judge_for(deck)(prompt(deck, "scientist"), question + "Andrej Karpathy")
    assert judged.code == "extra_words"
    assert max(len(text) for text in judged.reason.values()) < 120


def test_the_decks_words_are_learnt_only_when_a_typo_needs_them(tmp_path: Path) -> None:
    path = tmp_path / "lazy.toml"
    path.write_text(DECK, encoding="utf-8")
    lazy = load_deck(path)
    judge = judge_for(lazy)
    assert verdict(lazy, "month", "gennaio")[0] == "correct"
    assert verdict(lazy, "month", "qualcosa di diverso")[0] == "wrong"
    assert "known_words" not in vars(judge)  # neither answer asked whether a word is real
    assert "_people" not in vars(judge)  # nor about the deck's people
    assert verdict(lazy, "gap", "il diario", "en>it") == ("wrong", "other_word")
    assert "known_words" in vars(judge)
