"""Positions of keys and values in a TOML document."""

from __future__ import annotations

import tomli

from quizapp.core.tomlpos import scan

DOC = '''\
# comment
[deck]
id = "x"  # trailing
title = { it = "a", "en" = 'b' }

[[cards]]
id = "one"
[cards.it]
question = """più
righe \\""" ancora"""
note = \'\'\'lit '' \'\'\'
answers = [
  "a",   # c
  ["b", "c"],
]

[[cards]]
id = "two"
dotted.key = 1
[cards.en]
answers = ["x"]
'''


def test_document_is_valid_toml() -> None:
    assert tomli.loads(DOC)["cards"][1]["dotted"] == {"key": 1}


def test_keys_tables_and_array_elements_are_located() -> None:
    positions = scan(DOC)
    assert positions.keys[("deck",)] == (2, 1)
    assert positions.keys[("deck", "id")] == (3, 1)
    assert positions.keys[("deck", "title", "it")] == (4, 11)
    assert positions.keys[("deck", "title", "en")] == (4, 21)
    assert positions.keys[("cards", 0)] == (6, 1)
    assert positions.keys[("cards", 0, "it", "question")] == (9, 1)
    assert positions.keys[("cards", 0, "it", "note")] == (11, 1)
    assert positions.values[("cards", 0, "it", "answers", 0)] == (13, 3)
    assert positions.values[("cards", 0, "it", "answers", 1, 1)] == (14, 9)
    assert positions.keys[("cards", 1, "dotted", "key")] == (19, 1)
    assert positions.keys[("cards", 1, "en", "answers")] == (21, 1)


def test_find_falls_back_to_the_enclosing_table() -> None:
    positions = scan(DOC)
    assert positions.find(("cards", 1, "en", "missing")) == (20, 1)
    assert positions.find(("cards", 0, "it", "answers", 1), value=True) == (14, 3)
    assert positions.find(("nowhere",)) is None
