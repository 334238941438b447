"""Binding descriptions in the learner's language.

Bindings are declared in English in each `BINDINGS`; every one with an id has a translation
keyed `key.<id>` in i18n. Translating from the id (not from the current text) makes switching
language back and forth lossless.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from quizapp.tui.i18n import has, t


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Give every binding of `node` that has an id its description in `lang`."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=t(lang, f"key.{b.id}")) if b.id and has(f"key.{b.id}") else b
            for b in bindings
        ]
