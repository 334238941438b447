"""Hostile text for the tests: markup, terminal escapes, bidi overrides, zero-width characters.

`hostile_deck(path)` writes a valid deck whose every text (title, description, questions,
answers, options, notes, examples, cloze sentences, list items) carries them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import tomli_w

MARKUP = (
    "[bold]grassetto[/] [/] [link=https://evil.invalid]clic[/link] $variable [@click=app.quit]q[/]"
)
"""Rich and Textual markup, a Textual variable and a Textual action link: all must show as typed."""

ESCAPES = {
    "csi_colour": "\x1b[31mrosso\x1b[0m",
    "clear_screen": "\x1b[2J\x1b[H",
    "osc52_clipboard": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "osc_title": "\x1b]0;hacked\x07",
    "osc8_link": "\x1b]8;;https://evil.invalid\x1b\\link\x1b]8;;\x1b\\",
    "c1_csi": "\x9b31m",
    "bell": "ding\x07",
    "carriage_return": "safe\rEVIL",
    "backspace": "abc\x08\x08\x08XYZ",
    "bidi_override": "abc\u202edcba\u202c",
    "bidi_isolate": "\u2066isolated\u2069 \u2067rtl\u2069",
    "zero_width": "zero\u200bwidth\u200djoiner\u2060word\ufeffbom",
}
"""Each one, raw in a terminal, would colour, clear, write the clipboard, retitle the window,
hide a link, ring, overwrite, reorder or hide text."""

ALL_ESCAPES = "".join(ESCAPES.values())
PAYLOAD = f"{MARKUP} {ALL_ESCAPES}"

# Characters that must never reach a terminal raw: C0 controls except newline (and tab),
# DEL and the C1 controls, bidi controls, and the zero-width / invisible format characters.
_RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)


def raw_controls(text: str) -> list[str]:
    """The characters of `text` that a terminal would act on or that show nothing."""
    return sorted({f"U+{ord(char):04X}" for char in _RAW.findall(text)})


def escaped_forms() -> list[str]:
    """How a few of the payload's characters must appear once escaped."""
    return ["\\x1b]52;c;ZWNobyBwd25lZA==\\x07", "\\x9b31m", "safe\\x0dEVIL", "abc\\u202edcba"]


def _side(payload: str, **extra: Any) -> dict[str, Any]:
    return {**extra, "note": f"nota {payload}"}


def hostile_document(deck_id: str = "hostile") -> dict[str, Any]:
    """A valid deck whose texts all carry the payload."""
    answer = f"risposta {MARKUP} {ESCAPES['osc52_clipboard']} {ESCAPES['bidi_override']}"
    return {
        "deck": {
            "id": deck_id,
            "version": "1.0.0",
            "title": {"it": f"Titolo {PAYLOAD}", "en": f"Title {PAYLOAD}"},
            "description": {"it": f"Descrizione {PAYLOAD}", "en": f"Description {PAYLOAD}"},
            "author": f"autore {PAYLOAD}",
            "license": "CC0-1.0",
        },
        "cards": [
            {
                "id": "qa",
                "kind": "qa",
                "it": _side(PAYLOAD, question=f"Domanda {PAYLOAD}", answers=[answer]),
                "en": _side(PAYLOAD, question=f"Question {PAYLOAD}", answers=[answer]),
            },
            {
                "id": "vocab",
                "kind": "vocab",
                "it": _side(PAYLOAD, terms=[f"termine {MARKUP}"], example=f"esempio {PAYLOAD}"),
                "en": _side(PAYLOAD, terms=[f"term {ALL_ESCAPES}"], example=f"example {PAYLOAD}"),
            },
            {
                "id": "cloze",
                "kind": "cloze",
                "it": _side(PAYLOAD, text=f"Frase {PAYLOAD} con {{{{lacuna::{MARKUP}}}}}."),
            },
            {
                "id": "choice",
                "kind": "choice",
                "it": _side(
                    PAYLOAD,
                    question=f"Scegli {PAYLOAD}",
                    answer=f"giusta {MARKUP}",
                    distractors=[f"sbagliata {ALL_ESCAPES}", "[red]rossa[/red]"],
                ),
            },
            {
                "id": "list",
                "kind": "list",
                "it": _side(
                    PAYLOAD, question=f"Elenca {PAYLOAD}", items=[f"uno {MARKUP}", ALL_ESCAPES]
                ),
            },
        ],
    }


def hostile_deck(path: Path, deck_id: str = "hostile") -> Path:
    path.write_text(tomli_w.dumps(hostile_document(deck_id)), encoding="utf-8")
    return path


BIG_HEADER = """[deck]
id = "big"
version = "1"
author = "a"
license = "CC0-1.0"
title = { it = "Grande", en = "Big" }
description = { it = "d", en = "d" }
"""
"""The [deck] table of the oversized decks (tests/core/test_limits.py, the hostile benchmark)."""


def card(
    card_id: str = "c",
    *,
    question: str = "Domanda?",
    answers: str = '["risposta"]',
    tags: str = "[]",
    kind: str = "qa",
) -> str:
    """One [[cards]] table as TOML text, with any of its values as large as a test needs."""
    return (
        f"\n[[cards]]\nid = {json.dumps(card_id)}\nkind = {json.dumps(kind)}\ntags = {tags}\n"
        f"[cards.it]\nquestion = {json.dumps(question)}\nanswers = {answers}\n"
    )
