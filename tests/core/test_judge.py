"""The judge's parts: readings, notes, closest answer, diff, lists, prompts, deck words."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.prompts import all_prompts, prompts_for
from quizapp.core.judge import Outcome, deck_words, judge, judge_list, judge_prompt
from quizapp.core.judge.amounts import parse_amounts, parse_digits
from quizapp.core.judge.diff import Segment, diff, plain_line
from quizapp.core.judge.figure_words import italian_number
from quizapp.core.judge.normalise import normalise
from quizapp.core.rating import Rating
from tests.conftest import BUNDLED_DECK


def test_a_wrong_figure_shows_both_readings() -> None:
    verdict = judge("6 miliardi di dollari", ["6 milioni di dollari"], "it")
    assert verdict.outcome is Outcome.WRONG
    assert verdict.readings == ("6 000 000 000 USD", "6 000 000 USD")
    assert "6 000 000 000 USD" in verdict.reason["en"]
    assert "6 000 000 USD" in verdict.reason["it"]


def test_italian_reasons_use_the_decimal_comma() -> None:
    verdict = judge("45.9", ["54,9"], "it")
    assert "45,9" in verdict.reason["it"] and "54,9" in verdict.reason["it"]
    assert "45.9" in verdict.reason["en"] and "54.9" in verdict.reason["en"]


@pytest.mark.parametrize("typed", ["10^18 yuan", "1 bilione di yuan"])
def test_trilione_note_when_a_learner_reads_it_as_10_18_or_writes_bilione(typed: str) -> None:
    verdict = judge(typed, ["1 trilione di yuan"], "it")
    assert "10^12" in verdict.reason["it"] and "10^12" in verdict.reason["en"]


def test_no_trilione_note_for_an_unrelated_wrong_figure() -> None:
    verdict = judge("2 trilioni di yuan", ["1 trilione di yuan"], "it")
    assert verdict.outcome is Outcome.WRONG
    assert "10^12" not in verdict.reason["en"]


def test_closest_is_the_accepted_form_nearest_to_what_was_typed() -> None:
    assert judge("Hnagzhou", ["Shanghai", "Hangzhou"], "it").closest == "Hangzhou"
    assert judge("adestramento", ["(l')addestramento"], "it").closest == "addestramento"
    assert judge("Shenzen", ["Hangzhou", "Shenzhen"], "it").closest == "Shenzhen"
    assert judge("Hxnx", ["Hangzhou", "Hang"], "it").closest == "Hang"


def test_suggested_ratings() -> None:
    assert judge("Hangzhou", ["Hangzhou"], "it").rating is Rating.GOOD
    assert judge("Hangzou", ["Hangzhou"], "it").rating is Rating.HARD
    assert judge("Pechino", ["Hangzhou"], "it").rating is Rating.AGAIN
    tigers = [["Baichuan"], ["Moonshot"], ["MiniMax"], ["Zhipu"]]
    assert judge_list("Baichuan, Moonshot", tigers, "it").rating is Rating.HARD
    assert judge_list("Baichuan", tigers, "it").rating is Rating.AGAIN


def test_json_shape() -> None:
    data = judge("liang wenfneg", ["Liang Wenfeng"], "it").to_json()
    assert data["verdict"] == "almost"
    assert data["score"] == [1, 1]
    assert set(data["reason"]) == {"it", "en"}
    assert data["closest"] == "Liang Wenfeng"
    assert data["rating"] == "hard"
    assert data["code"] == "typo"
    assert ["ne", "wrong"] in data["diff"]["typed"]


def test_diff_marks_a_swap_as_two_wrong_letters() -> None:
    result = diff("Wenfneg", "Wenfeng")
    assert result.typed == (Segment("Wenf", "ok"), Segment("ne", "wrong"), Segment("g", "ok"))
    assert result.expected == (Segment("Wenf", "ok"), Segment("en", "wrong"), Segment("g", "ok"))


def test_diff_ignores_case_and_typographic_forms() -> None:
    assert diff("L’IA", "l'IA").clean
    assert not diff("perche", "perché").clean


def test_diff_extra_and_missing() -> None:
    result = diff("Deep Seek", "DeepSeek")
    assert Segment(" ", "extra") in result.typed
    result = diff("Hangzou", "Hangzhou")
    assert Segment("h", "missing") in result.expected


def test_plain_marks_line_up_under_wide_and_escaped_characters() -> None:
    text, marks = plain_line((Segment("杭州", "ok"), Segment("x", "wrong")))
    assert text == "杭州x" and marks == "    ^"
    text, marks = plain_line((Segment("a\x1b", "extra"),))
    assert text == "a\\x1b" and marks == "+" * 5


def test_amount_parsing() -> None:
    assert parse_digits("1.000") == 1000 == parse_digits("1,000")
    assert parse_digits("54,9") == parse_digits("54.9")
    assert parse_digits("1.234,5") == parse_digits("1,234.5")
    assert parse_digits("1.2.3") is None
    assert italian_number("trentacinque") == 35
    assert italian_number("centotrentotto") == 138
    assert italian_number("duemilaventuno") == 2021
    assert italian_number("ventitré") == 23
    assert italian_number("modello") is None
    amounts = parse_amounts(normalise("1 trilione di yuan (138 miliardi di dollari)"))
    assert amounts is not None
    assert [(a.value, a.unit) for a in amounts] == [(10**12, "CNY"), (138 * 10**9, "USD")]
    assert parse_amounts(normalise("Liang Wenfeng")) is None
    assert parse_amounts(normalise("V3")) is None
    assert parse_amounts(normalise("10^99999")) is None


def test_list_items_report_pairings_missing_and_not_asked() -> None:
    tigers = [["Baichuan"], ["Moonshot"], ["MiniMax"], ["Zhipu"]]
    verdict = judge_list("Zhipu, Monshot and Baichuan, Alibaba", tigers, "en")
    assert verdict.outcome is Outcome.PARTIAL and verdict.score == (3, 4)
    states = {(item.typed, item.expected, item.code) for item in verdict.items}
    assert ("Monshot", "Moonshot", "typo") in states
    assert ("Alibaba", None, "not_asked") in states
    assert (None, "MiniMax", "missing") in states
    assert "MiniMax" in verdict.reason["en"] and "Alibaba" in verdict.reason["it"]


def test_an_ordered_list_says_the_order_matters() -> None:
    verdict = judge_list("terzo, secondo", [["secondo"], ["terzo"]], "it", ordered=True)
    assert verdict.outcome is Outcome.PARTIAL
    assert "order" in verdict.reason["en"]


def test_judge_prompt_on_the_bundled_deck() -> None:
    deck = load_deck(BUNDLED_DECK)
    known = deck_words(deck)
    by_key = {(p.card.id, p.direction): p for p in all_prompts(deck, "it")}
    tigers = by_key[("ai-tigers", "it")]
    assert judge_prompt(tigers, "Baichuan, Moonshot, MiniMax e Zhipu", known).score == (4, 4)
    cost = by_key[("v3-training-cost", "it")]
    assert judge_prompt(cost, "6 miliardi di dollari", known).code == "rejected"
    assert judge_prompt(cost, "sei milioni di dollari", known).outcome is Outcome.CORRECT
    cloze = by_key[("inference-cloze", "it.1")]
    assert judge_prompt(cloze, "l'inferenza", known).outcome is Outcome.CORRECT
    vocab = by_key[("addestramento", "en>it")]
    assert judge_prompt(vocab, "addestramento", known).outcome is Outcome.CORRECT
    for prompt in all_prompts(deck, "en"):
        shown = prompt.answer_display
        assert judge_prompt(prompt, shown, known).outcome is Outcome.CORRECT, prompt.key


def test_deck_words_are_normalised_and_remembered() -> None:
    deck = load_deck(BUNDLED_DECK)
    words = deck_words(deck)
    assert {"liang", "wenfeng", "hangzhou", "inferenza", "addestramento", "zhipu"} <= words
    assert "6 miliardi di dollari" in words  # rejected answers are known too
    assert deck_words(deck) is words


DECK = """
[deck]
id = "t"
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
id = "inference"
kind = "qa"
[cards.it]
question = "Come si chiama l'uso di un modello addestrato?"
answers = ["inferenza"]

[[cards]]
id = "inferences"
kind = "vocab"
[cards.it]
terms = ["inferenze"]
[cards.en]
terms = ["inferences"]
"""


def test_another_word_of_the_deck_is_not_a_typo(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_text(DECK, encoding="utf-8")
    deck = load_deck(path)
    prompt = prompts_for(deck.id, deck.card("inference"), "it")[0]
    assert judge_prompt(prompt, "inferenze").outcome is Outcome.ALMOST
    verdict = judge_prompt(prompt, "inferenze", deck_words(deck))
    assert verdict.outcome is Outcome.WRONG and verdict.code == "other_word"
