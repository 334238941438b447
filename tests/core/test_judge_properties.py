"""Properties of the judge that hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.answers import expand
from quizapp.core.judge import Outcome, judge, judge_list, normalise
from quizapp.core.judge.diff import diff

# Answers a deck author could write: any characters but the answer syntax's own.
answer_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="()\\"),
    min_size=1,
    max_size=40,
).filter(lambda text: any(char.isalnum() for char in text))
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzàèéìòù", min_size=1, max_size=10)
item_text = (
    st.lists(words, min_size=1, max_size=3)
    .map(" ".join)
    .filter(lambda text: not {"e", "ed", "and"} & set(text.split()))
)
langs = st.sampled_from(["it", "en"])


@given(answer_text, langs)
def test_an_answer_judged_against_itself_is_correct(answer: str, lang: str) -> None:
    verdict = judge(answer, [answer], lang)
    assert verdict.outcome is Outcome.CORRECT, verdict.reason["en"]
    assert verdict.score == (1, 1)


@given(answer_text, langs, st.booleans(), st.booleans())
def test_every_accepted_form_is_correct_whatever_the_card_asks(
    answer: str, lang: str, strict: bool, article: bool
) -> None:
    written = f"(il) {answer}"
    for form in expand(written):
        verdict = judge(form, [written], lang, strict_accents=strict, article_required=article)
        assert verdict.outcome is Outcome.CORRECT


@given(st.lists(item_text, min_size=1, max_size=5, unique_by=normalise), langs, st.booleans())
def test_a_list_judged_against_itself_is_correct(
    items: list[str], lang: str, ordered: bool
) -> None:
    verdict = judge_list(", ".join(items), [[item] for item in items], lang, ordered=ordered)
    assert verdict.outcome is Outcome.CORRECT, verdict.reason["en"]
    assert verdict.score == (len(items), len(items))


@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_normalised_text_has_no_outer_spaces_or_doubled_spaces(text: str) -> None:
    result = normalise(text)
    assert result == result.strip()
    assert "  " not in result


@settings(max_examples=300)
@given(
    st.text(max_size=60),
    st.lists(st.text(max_size=40), max_size=3),
    langs,
    st.lists(st.text(max_size=20), max_size=2),
    st.booleans(),
    st.booleans(),
)
def test_judging_never_raises(
    typed: str,
    expected: list[str],
    lang: str,
    reject: list[str],
    strict: bool,
    article: bool,
) -> None:
    verdict = judge(
        typed, expected, lang, reject=reject, strict_accents=strict, article_required=article
    )
    assert verdict.outcome in Outcome
    assert set(verdict.reason) == {"it", "en"}
    verdict.to_json()


@settings(max_examples=200)
@given(st.text(max_size=60), st.lists(st.lists(st.text(max_size=15), max_size=3), max_size=5))
def test_judging_a_list_never_raises(typed: str, items: list[list[str]]) -> None:
    verdict = judge_list(typed, items, "it")
    right, total = verdict.score
    assert 0 <= right <= total == len(items)


@given(st.text(max_size=30), st.text(max_size=30))
def test_the_diff_covers_both_texts_exactly(typed: str, expected: str) -> None:
    result = diff(typed, expected)
    assert "".join(s.text for s in result.typed) == typed
    assert "".join(s.text for s in result.expected) == expected
    assert {s.tag for s in result.typed} <= {"ok", "wrong", "extra"}
    assert {s.tag for s in result.expected} <= {"ok", "wrong", "missing"}


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["it", "en"]))
def test_any_whole_number_in_digits_reads_back_as_itself(number: int, lang: str) -> None:
    grouped = f"{number:,}".replace(",", "." if lang == "it" else ",")
    verdict = judge(grouped, [str(number)], lang)
    assert verdict.outcome is Outcome.CORRECT
