"""Memory on a large deck: every command reads it through the same bounded path (parsed and
validated a slice at a time, kept packed), so memory grows far slower than the deck.

Measured on 100,000 tiny cards (6.5 MB): before, `validate` and `export` held the whole parsed
document and a model per card, about 80 bytes of memory per byte of deck (5.3 GB for the
million cards of `benchmarks/hostile_inputs.py`); the limit here is a fifth of that.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import BIG_HEADER

CARDS = 100_000
LIMIT_MB = 320


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


def tiny_deck(path: Path, count: int) -> Path:
    """A valid deck of `count` tiny question cards, about 65 bytes each: a million of them
    make a 64.9 MB deck, just under the size cap."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(BIG_HEADER.replace('"big"', '"tiny"') + 'languages = ["it"]\n')
        for number in range(count):
            key = _base36(number)
            out.write(f'[[cards]]\nid="{key}"\nkind="qa"\nit={{question="{key}",answers=["x"]}}\n')
    return path


def peak_mb(*args: str) -> tuple[int, float, str]:
    """Run `quizapp ARGS` in a child of a fresh process: its exit code, its peak memory (MB,
    RUSAGE_CHILDREN of the middle process) and what it printed."""
    script = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run([sys.executable, '-m', 'quizapp', *sys.argv[1:]],"
        " capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(done.returncode, peak, sep='\\n')\n"
        "print(done.stdout + done.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    code, peak, output = result.stdout.split("\n", 2)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes or KiB
    return int(code), int(peak) / scale, output


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_deck(tmp_path_factory.mktemp("large") / "tiny.toml", CARDS)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(resource, "RUSAGE_CHILDREN"), reason="needs getrusage")
@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{deck}"],
        ["export", "{deck}", "--to", "json", "-o", "{out}.json"],
        ["export", "{deck}", "--to", "csv", "-o", "{out}.csv"],
        ["judge", "--deck", "{deck}", "--card", "0", "x"],
    ],
    ids=["validate", "export-json", "export-csv", "judge"],
)
def test_a_large_deck_is_read_in_bounded_memory(
    command: list[str], deck: Path, tmp_path: Path
) -> None:
    assert deck.stat().st_size > 6_000_000
    args = [part.format(deck=deck, out=tmp_path / "out") for part in command]
    code, peak, output = peak_mb(*args)
    assert code == 0, output
    assert "Traceback" not in output
    assert peak < LIMIT_MB, f"{command[0]}: {peak:.0f} MB"


def test_a_warning_deep_in_a_large_deck_is_located_on_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Located by scanning the one slice that holds the card: the same line as the long way."""
    from quizapp.core.deck import cache, loading

    monkeypatch.setattr(loading, "LARGE_DECK_CHARS", 10_000)
    monkeypatch.setattr(cache, "SLICE_CHARS", 5_000)  # about 20 slices
    path = tiny_deck(tmp_path / "tiny.toml", 2_000)
    text = path.read_text(encoding="utf-8")
    card = 'id="zzzz"\nkind="qa"\nit={question="q",answers=["q"]}\n'
    path.write_text(text + "[[cards]]\n" + card, encoding="utf-8")
    from quizapp.core.deck import check_deck
    from quizapp.core.deck.loading import check_text

    sliced = check_deck(path)
    whole = check_text(path, path.read_text(encoding="utf-8"))
    assert sliced.deck is not None and len(sliced.deck.cards) == 2_001
    assert type(sliced.deck.cards).__name__ == "PackedCards"  # checked slice by slice
    warnings = [p for p in sliced.problems if p.card == "zzzz"]
    assert [(p.line, p.column, p.message) for p in warnings] == [
        (p.line, p.column, p.message) for p in whole.problems if p.card == "zzzz"
    ]
    assert warnings and warnings[0].line == text.count("\n") + 4
