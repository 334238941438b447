"""The answer syntax: alternatives, optional parts, cloze gaps."""

from __future__ import annotations

import pytest

from quizapp.core.answers import AnswerSyntaxError, display, expand, parse_cloze


@pytest.mark.parametrize(
    ("written", "forms"),
    [
        ("Liang Wenfeng", ["Liang Wenfeng"]),
        ("(il) modello", ["il modello", "modello"]),
        ("(l')inferenza", ["l'inferenza", "inferenza"]),
        ("6 milioni (di dollari)", ["6 milioni di dollari", "6 milioni"]),
        ("(il) modello (R1)", ["il modello R1", "il modello", "modello R1", "modello"]),
        (r"Stati Uniti \(USA\)", ["Stati Uniti (USA)"]),
        ("  spazi   in   più ", ["spazi in più"]),
    ],
)
def test_expand(written: str, forms: list[str]) -> None:
    assert expand(written) == forms
    assert display(written) == forms[0]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("(il modello", "'(' is never closed"),
        ("il) modello", "')' without '('"),
        ("((a))", "nested parentheses"),
        ("( )", "empty once optional parts are left out"),
        ("(a)(b)(c)(d)(e) x", "more than 4 optional parts"),
    ],
)
def test_expand_errors(written: str, message: str) -> None:
    with pytest.raises(AnswerSyntaxError, match=message.replace("(", r"\(").replace(")", r"\)")):
        expand(written)


def test_cloze_gaps_alternatives_and_hints() -> None:
    cloze = parse_cloze("Il {{training|addestramento::fase}} di {{V3}} è costato {{6 milioni}}.")
    assert [gap.answers for gap in cloze.gaps] == [
        ("training", "addestramento"),
        ("V3",),
        ("6 milioni",),
    ]
    assert cloze.gaps[0].hint == "fase"
    assert cloze.render(hide=0) == "Il [fase] di V3 è costato 6 milioni."
    assert cloze.render(hide=1) == "Il training di […] è costato 6 milioni."
    assert cloze.render() == "Il training di V3 è costato 6 milioni."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nessuna lacuna", "has no gap"),
        ("{{aperta", "unbalanced"),
        ("chiusa}} e {{x}}", "unbalanced"),
        ("{{a}} e {{b", "unbalanced"),
        ("{{|x}}", "empty answer"),
        ("{{(a}}", "never closed"),
    ],
)
def test_cloze_errors(text: str, message: str) -> None:
    with pytest.raises(AnswerSyntaxError, match=message):
        parse_cloze(text)
