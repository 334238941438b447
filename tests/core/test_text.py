"""Card text printed in a plain terminal cannot control it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.text import printable


def test_italian_passes_unchanged() -> None:
    text = "Perché l’IA è cresciuta in città? «Sì» — dice Liang."
    assert printable(text) == text


def test_control_and_bidi_characters_are_escaped() -> None:
    hostile = "a\x1b[31mb\x07c\rd\x1b]52;c;SGVsbG8=\x07e\u202eF\u200bG"
    out = printable(hostile)
    assert out == "a\\x1b[31mb\\x07c\\x0dd\\x1b]52;c;SGVsbG8=\\x07e\\u202eF\\u200bG"


@given(st.text())
def test_output_never_contains_control_characters(text: str) -> None:
    out = printable(text)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in out)
    assert "\u202e" not in out and "\u200b" not in out
