"""The deck lint (`quizapp.core.lint`): each check with a small deck that has the fault and one
that does not, and the warning located at the line and column a teacher must fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.core.lint import CHECKS, LintProblem, check_and_lint, parse_source
from quizapp.core.lint.source_text import SourceError, read_source

HEADER = """[deck]
id = "lint-test"
version = "1"
author = "A"
license = "CC0"
languages = {languages}

[deck.title]
it = "Prova"
en = "Test"

[deck.description]
it = "Prova"
en = "Test"
"""


def deck_text(cards: str, languages: str = '["it"]') -> str:
    return HEADER.format(languages=languages) + cards


def lint(
    tmp_path: Path, text: str, source: str | None = None, source_lang: str | None = None
) -> list[LintProblem]:
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8")
    result = check_and_lint(
        path,
        source_text=parse_source(source) if source is not None else None,
        source_lang=source_lang,
    )
    assert result.errors == [], [p.format() for p in result.problems]
    others = [p for p in result.problems if not isinstance(p, LintProblem)]
    assert others == [], [p.format() for p in others]
    return [p for p in result.problems if isinstance(p, LintProblem)]


def where(text: str, needle: str, after: str = "") -> tuple[int, int]:
    """Line and column (1-based) of `needle` in the deck text, after the text `after`."""
    index = text.index(needle, text.index(after) if after else 0)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def found(problems: list[LintProblem], check: str) -> list[LintProblem]:
    return [p for p in problems if p.check == check]


# -- giveaways -----------------------------------------------------------------------------

BOOK = """
[[cards]]
id = "book"
kind = "qa"
[cards.it]
question = "Quale libro ha scritto Kevin Jin?"
answers = ["The New China Playbook"]
"""


def test_a_question_that_states_another_cards_answer_is_a_giveaway(tmp_path: Path) -> None:
    text = deck_text(
        BOOK
        + """
[[cards]]
id = "job"
kind = "qa"
[cards.it]
question = "Che mestiere fa Kevin Jin, autore di The New China Playbook?"
answers = ["economista"]
"""
    )
    problems = found(lint(tmp_path, text), "giveaway")
    assert [(p.card, p.line, p.column) for p in problems] == [
        ("job", *where(text, "New China Playbook", after='id = "job"'))
    ]
    assert "card 'book'" in problems[0].message and "New China Playbook" in problems[0].fix


def test_a_question_about_the_same_person_that_does_not_state_the_answer_is_not(
    tmp_path: Path,
) -> None:
    text = deck_text(
        BOOK
        + """
[[cards]]
id = "job"
kind = "qa"
[cards.it]
question = "Che mestiere fa Kevin Jin?"
answers = ["economista"]
note = "The New China Playbook è un titolo che l'articolo cita."
"""
    )
    assert found(lint(tmp_path, text), "giveaway") == []


def test_a_note_that_restates_another_cards_fact_is_a_giveaway(tmp_path: Path) -> None:
    text = deck_text(
        """
[[cards]]
id = "batteries"
kind = "qa"
[cards.it]
question = "Che cosa hanno di cinese anche i veicoli elettrici non cinesi?"
answers = ["le batterie"]

[[cards]]
id = "exporter"
kind = "qa"
[cards.it]
question = "Quale paese esporta più automobili?"
answers = ["la Cina"]
note = "Perfino le auto elettriche straniere usano batterie cinesi."
"""
    )
    problems = found(lint(tmp_path, text), "giveaway")
    assert [(p.card, p.line, p.column) for p in problems] == [
        ("exporter", *where(text, "batterie cinesi"))
    ]


def test_a_mere_mention_of_an_answer_is_not_a_giveaway(tmp_path: Path) -> None:
    text = deck_text(
        """
[[cards]]
id = "founder"
kind = "qa"
[cards.it]
question = "Quale azienda ha fondato Jack Ma?"
answers = ["Alibaba"]

[[cards]]
id = "index"
kind = "qa"
[cards.it]
question = "Quale indice ha guidato Alibaba in borsa?"
answers = ["Hang Seng Tech"]
note = "Alibaba è una delle aziende più citate."
"""
    )
    assert found(lint(tmp_path, text), "giveaway") == []


VOCAB = """
[[cards]]
id = "costola"
kind = "vocab"
[cards.it]
terms = ["(la) costola"]
[cards.en]
terms = ["offshoot"]
"""


def test_a_note_that_translates_a_vocabulary_card_gives_it_away(tmp_path: Path) -> None:
    text = deck_text(
        VOCAB
        + """
[[cards]]
id = "fund"
kind = "qa"
[cards.it]
question = "Di quale fondo è figlia DeepSeek?"
answers = ["High-Flyer"]
note = "DeepSeek ne è una costola, in inglese an offshoot."
[cards.en]
question = "Which fund is DeepSeek a child of?"
answers = ["High-Flyer"]
""",
        languages='["it", "en"]',
    )
    problems = found(lint(tmp_path, text), "giveaway")
    assert [(p.card, p.line, p.column) for p in problems] == [
        ("fund", *where(text, "offshoot", after='id = "fund"'))
    ]
    assert "(it>en)" in problems[0].message


def test_a_loanword_that_is_its_own_translation_is_not_a_giveaway(tmp_path: Path) -> None:
    text = deck_text(
        """
[[cards]]
id = "vc"
kind = "vocab"
[cards.it]
terms = ["(il) capitale di rischio", "(il) venture capital"]
[cards.en]
terms = ["venture capital"]

[[cards]]
id = "fund"
kind = "qa"
[cards.it]
question = "Da dove non veniva il denaro di DeepSeek?"
answers = ["dal venture capital"]
[cards.en]
question = "Where did DeepSeek's money not come from?"
answers = ["venture capital"]
note = "No venture capital at all."
""",
        languages='["it", "en"]',
    )
    assert found(lint(tmp_path, text), "giveaway") == []


# -- twin prompts --------------------------------------------------------------------------


def _rush(accept_each_other: bool) -> str:
    extra = ', "{other}"' if accept_each_other else ""
    cards = ""
    for word, other in (("affrettarsi", "precipitarsi"), ("precipitarsi", "affrettarsi")):
        cards += f"""
[[cards]]
id = "{word}"
kind = "vocab"
[cards.it]
terms = ["{word}"{extra.format(other=other)}]
[cards.en]
terms = ["to rush", "rush"]
"""
    return deck_text(cards, languages='["it", "en"]')


def test_two_prompts_that_show_the_same_word_must_accept_each_other(tmp_path: Path) -> None:
    text = _rush(accept_each_other=False)
    problems = found(lint(tmp_path, text), "twin-prompts")
    assert sorted((p.card, p.line, p.column) for p in problems) == sorted(
        [
            ("affrettarsi", *where(text, '"affrettarsi"]')),
            ("precipitarsi", *where(text, '"precipitarsi"]')),
        ]
    )
    assert "«to rush» (en>it)" in problems[0].message


def test_twin_prompts_that_accept_each_other_are_fine(tmp_path: Path) -> None:
    assert found(lint(tmp_path, _rush(accept_each_other=True)), "twin-prompts") == []


def test_a_term_the_other_card_also_lists_makes_twins(tmp_path: Path) -> None:
    text = deck_text(
        """
[[cards]]
id = "azione"
kind = "vocab"
[cards.it]
terms = ["(l')azione"]
[cards.en]
terms = ["share", "stock"]

[[cards]]
id = "titolo"
kind = "vocab"
[cards.it]
terms = ["(il) titolo"]
[cards.en]
terms = ["stock", "security"]
""",
        languages='["it", "en"]',
    )
    problems = found(lint(tmp_path, text), "twin-prompts")
    assert [(p.card, p.line, p.column) for p in problems] == [
        ("titolo", *where(text, '"(il) titolo"'))
    ]


# -- figures -------------------------------------------------------------------------------


def _qa(answers: str, question: str = "Quanto è costato V3?") -> str:
    return deck_text(
        f"""
[[cards]]
id = "cost"
kind = "qa"
[cards.it]
question = "{question}"
answers = {answers}
"""
    )


def test_a_form_that_drops_the_currency_accepts_any_currency(tmp_path: Path) -> None:
    text = _qa('["6 milioni (di dollari)", "sei milioni di dollari"]')
    problems = found(lint(tmp_path, text), "figure-unit-dropped")
    assert [(p.line, p.column) for p in problems] == [where(text, '6 milioni (di dollari)"')]
    assert "USD" in problems[0].message and "not optional" in problems[0].fix


def test_a_separate_form_without_its_currency_is_found_too(tmp_path: Path) -> None:
    text = _qa('["1 trilione di yuan", "1 trilione"]')
    problems = found(lint(tmp_path, text), "figure-unit-dropped")
    assert [(p.line, p.column) for p in problems] == [where(text, '1 trilione"]')]


def test_every_form_with_its_currency_is_fine(tmp_path: Path) -> None:
    text = _qa('["6 milioni di dollari", "$6 milioni", "sei milioni di dollari"]')
    assert lint(tmp_path, text) == []


def test_a_bare_count_wants_its_unit(tmp_path: Path) -> None:
    text = _qa('["6", "sei"]', question="Quante startup formano i dragoni?")
    problems = found(lint(tmp_path, text), "figure-without-unit")
    assert [(p.line, p.column) for p in problems] == [where(text, '6"')]


def test_a_count_with_its_unit_and_a_year_are_fine(tmp_path: Path) -> None:
    assert lint(tmp_path, _qa('["6 (startup)", "sei (startup)"]')) == []
    assert lint(tmp_path, _qa('["2021"]', question="In che anno?")) == []


# -- choice options ------------------------------------------------------------------------


def _choice(answer: str, distractors: str) -> str:
    return deck_text(
        f"""
[[cards]]
id = "pick"
kind = "choice"
[cards.en]
question = "Which country holds the frontier?"
answer = "{answer}"
distractors = {distractors}
""",
        languages='["en"]',
    )


def test_the_only_option_with_an_article_stands_out(tmp_path: Path) -> None:
    text = _choice("the United States", '["China", "Japan", "Germany"]')
    problems = found(lint(tmp_path, text), "choice-article")
    assert [(p.line, p.column) for p in problems] == [where(text, 'the United States"')]


def test_the_only_option_without_an_article_stands_out_too(tmp_path: Path) -> None:
    text = _choice("China", '["the United States", "the Netherlands", "the United Kingdom"]')
    assert [p.check for p in lint(tmp_path, text)] == ["choice-article"]


def test_the_only_figure_among_names_stands_out(tmp_path: Path) -> None:
    text = _choice("2021", '["Hangzhou", "Beijing", "Shanghai"]')
    problems = found(lint(tmp_path, text), "choice-type")
    assert [(p.line, p.column) for p in problems] == [where(text, '2021"')]
    assert "a year" in problems[0].message


def test_options_alike_in_form_are_fine(tmp_path: Path) -> None:
    text = _choice("the United States", '["the United Kingdom", "the Netherlands", "the EU"]')
    assert lint(tmp_path, text) == []
    assert lint(tmp_path, _choice("Hangzhou", '["Beijing", "Shanghai", "Shenzhen"]')) == []


# -- answers that disagree with themselves -------------------------------------------------


def test_an_answer_that_is_also_rejected_is_judged_wrong(tmp_path: Path) -> None:
    text = deck_text(
        """
[[cards]]
id = "employer"
kind = "qa"
[cards.it]
question = "Dove lavorava Karpathy?"
answers = ["Tesla AI", "(da) OpenAI"]
reject = ["OpenAI"]
"""
    )
    problems = found(lint(tmp_path, text), "answers-disagree")
    assert [(p.line, p.column) for p in problems] == [where(text, '(da) OpenAI"')]
    assert "reject" in problems[0].fix


def test_a_list_item_with_a_comma_in_it_is_cut_in_two(tmp_path: Path) -> None:
    text = deck_text(
        """
[[cards]]
id = "causes"
kind = "list"
[cards.it]
question = "A che cosa attribuiscono i successi cinesi?"
items = [["sussidi, aiuti di stato"], "contrabbando"]
"""
    )
    problems = found(lint(tmp_path, text), "answers-disagree")
    assert [(p.line, p.column) for p in problems] == [where(text, 'sussidi, aiuti di stato"')]
    assert "comma" in problems[0].fix


def test_answers_that_agree_are_fine(tmp_path: Path) -> None:
    text = deck_text(
        """
[[cards]]
id = "fields"
kind = "list"
[cards.it]
question = "In quali campi?"
items = [["machine learning e computer vision"], "robot"]

[[cards]]
id = "employer"
kind = "qa"
[cards.it]
question = "Dove lavorava Karpathy?"
answers = ["Tesla AI", "(da) Tesla"]
reject = ["Nvidia"]
"""
    )
    assert lint(tmp_path, text) == []


# -- against the source text ---------------------------------------------------------------

SOURCE = """UNA CITTÀ
DeepSeek ha sede a Hangzhou, come Alibaba.
Il fondatore è Liang Wenfeng.
ALTRO
Nel 2021 la raccolta ha toccato il massimo.
"""

CITY = """
[[cards]]
id = "city"
kind = "qa"
[cards.it]
question = "Secondo l'articolo, dove ha sede DeepSeek?"
answers = ["Hangzhou"]
reject = ["Shenzhen", "Alibaba", "2020", "(a) Pechino"]
note = "{note}"
[cards.en]
question = "Where is DeepSeek based, according to the article?"
answers = ["Hangzhou"]
reject = ["Shenzhen"]
"""


def _city(note: str = "Una città costiera.") -> str:
    return deck_text(CITY.format(note=note), languages='["it", "en"]')


def test_the_source_has_paragraphs_and_headings() -> None:
    source = parse_source(SOURCE)
    assert [(p.number, p.line) for p in source.paragraphs] == [(1, 2), (2, 3), (3, 5)]
    blocks = parse_source("Primo paragrafo,\nsu due righe.\n\nSecondo.\n")
    assert [(p.number, p.line) for p in blocks.paragraphs] == [(1, 1), (2, 4)]
    assert [p.number for p in source.where(("liang", "wenfeng"))] == [2]


def test_wrong_answers_the_source_never_mentions_are_flagged(tmp_path: Path) -> None:
    text = _city()
    problems = found(lint(tmp_path, text, SOURCE), "reject-not-in-source")
    # "Alibaba" is in the source, "2020" is a near-miss figure, and the English side is not
    # in the source's language: only the Italian "Shenzhen" and "Pechino" are reported.
    assert [(p.line, p.column) for p in problems] == [
        where(text, 'Shenzhen"'),
        where(text, '(a) Pechino"'),
    ]


def test_without_a_source_wrong_answers_are_not_checked(tmp_path: Path) -> None:
    assert lint(tmp_path, _city()) == []


def test_the_source_language_chooses_the_side(tmp_path: Path) -> None:
    text = _city()
    problems = found(lint(tmp_path, text, SOURCE, source_lang="en"), "reject-not-in-source")
    assert [(p.line, p.column) for p in problems] == [where(text, 'Shenzhen"', after="[cards.en]")]


def test_a_note_that_cites_the_wrong_paragraph_is_flagged(tmp_path: Path) -> None:
    text = _city("Nel paragrafo 3 l'articolo dice «ha sede a Hangzhou».")
    problems = found(lint(tmp_path, text, SOURCE), "paragraph-citation")
    assert [(p.line, p.column) for p in problems] == [where(text, "paragrafo 3")]
    assert "paragraph 1 (line 2)" in problems[0].message
    assert "name the section" in problems[0].fix


def test_a_note_that_cites_a_paragraph_the_source_lacks_is_flagged(tmp_path: Path) -> None:
    text = _city("Lo dicono i paragrafi 2 e 9.")
    problems = found(lint(tmp_path, text, SOURCE), "paragraph-citation")
    assert [p.message.split(": ", 1)[1] for p in problems] == [
        "the note cites paragraph 9, but the source has 3 paragraphs"
    ]


def test_a_note_that_cites_the_right_paragraph_is_fine(tmp_path: Path) -> None:
    text = _city("Nel paragrafo 1 l'articolo dice «ha sede a Hangzhou».")
    assert found(lint(tmp_path, text, SOURCE), "paragraph-citation") == []


def test_a_source_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "absent.txt")
    binary = tmp_path / "source.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(SourceError, match="not UTF-8"):
        read_source(binary)
    with pytest.raises(SourceError, match="folder"):
        read_source(tmp_path)


# -- the whole ------------------------------------------------------------------------------


def test_every_check_has_a_name_and_a_description() -> None:
    assert set(CHECKS) == {
        "giveaway",
        "twin-prompts",
        "figure-unit-dropped",
        "figure-without-unit",
        "choice-article",
        "choice-type",
        "answers-disagree",
        "reject-not-in-source",
        "paragraph-citation",
    }
    assert all(CHECKS.values())


def test_a_deck_with_errors_is_not_linted(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_text(deck_text("[[cards]]\nid = 3\n"), encoding="utf-8")
    result = check_and_lint(path)
    assert result.errors and not [p for p in result.problems if isinstance(p, LintProblem)]
    assert check_and_lint(tmp_path / "absent.toml").errors


def test_warnings_are_located_and_printable(tmp_path: Path) -> None:
    text = _qa('["6 milioni (di dollari)"]')
    (problem,) = lint(tmp_path, text)
    line, column = where(text, '6 milioni (di dollari)"')
    assert problem.format().startswith(f"{tmp_path / 'deck.toml'}:{line}:{column}: warning: ")
    assert problem.format().endswith("[figure-unit-dropped]")
    assert problem.fix_line().startswith("    fix: ")
    data = problem.as_dict()
    assert data["check"] == "figure-unit-dropped" and data["fix"] == problem.fix
    assert (data["line"], data["column"], data["severity"]) == (line, column, "warning")


def test_the_lint_imports_neither_textual_nor_rich() -> None:
    probe = "import sys, quizapp.core.lint\nprint(sorted(m for m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert "quizapp.core.lint.giveaways" in out
    assert "'textual" not in out and "'rich" not in out
