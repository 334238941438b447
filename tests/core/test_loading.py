"""Loading decks: the bundled deck, warnings, unreadable files, and fuzzing with hypothesis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.core.deck import reading
from quizapp.core.deck.loading import DeckError, check_deck, check_text, load_deck
from tests.conftest import BUNDLED_DECK

HEADER = """\
[deck]
id = "t"
version = "1"
title = { it = "Titolo", en = "Title" }
description = { it = "Descrizione", en = "Description" }
author = "a"
license = "CC0"
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "deck.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_bundled_deck_loads() -> None:
    deck = load_deck(BUNDLED_DECK)
    assert deck.id == "deepseek-it"
    assert {"qa", "vocab", "cloze", "choice", "list"} <= {card.kind for card in deck.cards}


def test_italian_text_survives_loading(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER
        + """
[[cards]]
id = "perche"
kind = "qa"
[cards.it]
question = "Perché l’IA cinese è cresciuta in città come Hangzhou?"
answers = ["l'IA", "(l')intelligenza artificiale"]
[cards.en]
question = "Why?"
answers = ["because"]
""",
    )
    card = load_deck(path).card("perche")
    assert card.it is not None
    assert card.it.question == "Perché l’IA cinese è cresciuta in città come Hangzhou?"
    assert card.it.answers == ["l'IA", "(l')intelligenza artificiale"]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + HEADER.encode())
    assert load_deck(path).id == "t"


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER.encode() + b'note = "caff\xe8"\n')
    result = check_deck(path)
    assert [p.format() for p in result.problems] == [
        f"{path}:8:13: error: is not valid UTF-8 text (save the deck as UTF-8)"
    ]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert check_deck(tmp_path / "nope.toml").problems[0].message == "no such file"
    assert check_deck(tmp_path).problems[0].message == "is a folder, not a deck file"


def test_oversized_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_DECK_BYTES", 100)
    path = _write(tmp_path, HEADER)
    (problem,) = check_deck(path).problems
    assert "decks are capped at" in problem.message


def test_deep_nesting_is_a_deck_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "x = " + "[" * 10_000 + "]" * 10_000 + "\n")
    with pytest.raises(DeckError):
        load_deck(path)


def test_warnings_do_not_stop_loading(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER
        + """
[[cards]]
id = "one"
kind = "qa"
[cards.it]
question = "Chi ha fondato DeepSeek?"
answers = ["Liang Wenfeng"]

[[cards]]
id = "two"
kind = "qa"
[cards.it]
question = "chi ha fondato  DeepSeek?"
answers = ["Liang"]
[cards.en]
question = "Liang"
answers = ["Liang"]
""",
    )
    result = check_deck(path)
    assert result.deck is not None
    messages = [(p.line, p.severity, p.message) for p in result.problems]
    assert messages == [
        (9, "warning", "card 'one': no English side ([cards.en])"),
        (20, "warning", "card 'two': same it question as card 'one'"),
        (23, "warning", "card 'two': an answer is identical to its en question"),
    ]


def test_error_summary_names_file_and_count(tmp_path: Path) -> None:
    path = _write(tmp_path, "[deck]\nid = 3\n")
    with pytest.raises(DeckError) as raised:
        load_deck(path)
    assert str(raised.value).startswith(f"{path}:")
    assert "more)" in str(raised.value)


# -- fuzzing ----------------------------------------------------------------------------------


def _assert_only_problems(text: str | bytes, tmp_path: Path) -> None:
    path = _write(tmp_path, text)
    result = check_deck(path)  # must not raise
    if result.deck is None:
        assert result.errors
        with pytest.raises(DeckError):
            load_deck(path)


FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_give_only_deck_errors(tmp_path: Path, data: bytes) -> None:
    _assert_only_problems(data, tmp_path)


@FUZZ
@given(st.text(max_size=300))
def test_random_text_gives_only_deck_errors(tmp_path: Path, data: str) -> None:
    _assert_only_problems(data, tmp_path)


_scalars = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.sampled_from(["qa", "vocab", "cloze", "choice", "list", "it", "en", "{{x}}", "(a)"]),
)
_keys = st.sampled_from(
    [
        "deck",
        "cards",
        "id",
        "kind",
        "it",
        "en",
        "question",
        "answers",
        "terms",
        "text",
        "items",
        "answer",
        "distractors",
        "tags",
        "title",
        "format",
        "x",
        "ordered",
    ]
)
_values: Any = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=5),
    max_leaves=25,
)


@FUZZ
@given(st.dictionaries(_keys, _values, max_size=6))
def test_random_toml_documents_give_only_deck_errors(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    _assert_only_problems(tomli_w.dumps(document), tmp_path)


_GOOD_CARD: dict[str, Any] = {
    "id": "c",
    "kind": "qa",
    "it": {"question": "Chi?", "answers": ["Liang"]},
    "en": {"question": "Who?", "answers": ["Liang"]},
}


@FUZZ
@given(st.lists(st.dictionaries(_keys, _values, max_size=6), max_size=4), st.data())
def test_mutated_cards_give_only_deck_errors(
    tmp_path: Path, cards: list[dict[str, Any]], data: st.DataObject
) -> None:
    base = {
        "deck": {
            "id": "t",
            "version": "1",
            "title": {"it": "a", "en": "b"},
            "description": {"it": "a", "en": "b"},
            "author": "a",
            "license": "l",
        },
        "cards": [{**_GOOD_CARD, **card} for card in cards],
    }
    text = tomli_w.dumps(base)
    result = check_text(tmp_path / "x.toml", text)
    for problem in result.problems:
        assert problem.line is None or 1 <= problem.line <= text.count("\n") + 1
