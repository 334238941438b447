"""Time deck import and export on a synthetic deck: `python benchmarks/interop.py [CARDS]`.

Prints one line per step (seconds, cards per second). Nothing here is asserted; tests never
time anything.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from quizapp.core.deck.model import Deck
from quizapp.core.interop.anki_import import import_apkg
from quizapp.core.interop.apkg_write import deck_to_apkg
from quizapp.core.interop.csv_export import deck_to_csv
from quizapp.core.interop.csv_import import import_csv
from quizapp.core.interop.toml_write import deck_to_toml, write_deck


def synthetic(count: int) -> Deck:
    cards = []
    for n in range(count):
        kind = ("qa", "vocab", "cloze")[n % 3]
        if kind == "qa":
            sides = {
                "it": {"question": f"Domanda numero {n}?", "answers": [f"risposta {n}"]},
                "en": {"question": f"Question number {n}?", "answers": [f"answer {n}"]},
            }
        elif kind == "vocab":
            sides = {"it": {"terms": [f"(il) termine {n}"]}, "en": {"terms": [f"term {n}"]}}
        else:
            sides = {"it": {"text": f"La frase {n} ha una {{{{lacuna {n}}}}}."}}
        cards.append({"id": f"card-{n}", "kind": kind, "tags": ["bench"], **sides})
    info = {
        "id": "bench",
        "version": "1.0.0",
        "title": {"it": "Prova", "en": "Bench"},
        "description": {"it": "Mazzo sintetico.", "en": "Synthetic deck."},
        "author": "quizapp",
        "license": "CC0-1.0",
    }
    return Deck.model_validate({"deck": info, "cards": cards})


def step(name: str, count: int, action: object) -> object:
    start = time.perf_counter()
    result = action() if callable(action) else None
    seconds = time.perf_counter() - start
    print(f"{name:<28} {seconds:8.3f} s  {count / seconds:10,.0f} cards/s")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    deck = synthetic(count)
    print(f"{count:,} cards")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        step("deck -> TOML text", count, lambda: deck_to_toml(deck))
        step("write TOML (checked, atomic)", count, lambda: write_deck(deck, base / "d.toml"))
        apkg = step("deck -> apkg", count, lambda: deck_to_apkg(deck))
        assert isinstance(apkg, bytes)
        (base / "d.apkg").write_bytes(apkg)
        step("apkg -> deck", count, lambda: import_apkg(base / "d.apkg"))
        (base / "d.csv").write_bytes(deck_to_csv(deck))
        step("csv -> deck", count, lambda: import_csv(base / "d.csv"))


if __name__ == "__main__":
    main()
