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
TIGHT_LIMIT_MB = 220
"""For a quiz and a deck with errors: before, a quiz made a prompt and a candidate answer of
every card (317 MB here, 2.6 GB at a million cards) and a deck with errors was checked whole
(601 MB here); now about 140 MB each."""

QUIZ = (
    "import sys\n"
    "from quizapp.core.deck import load_deck_cached\n"
    "from quizapp.core.quiz import Quiz, QuizOptions\n"
    "from quizapp.core.store import Store\n"
    "deck = load_deck_cached(sys.argv[1])\n"
    "with Store() as store:\n"
    "    quiz = Quiz(deck, store, None, QuizOptions(length=int(sys.argv[2])), seed=1)\n"
    "print(len(quiz.questions), quiz.questions[0].prompt.card.id)\n"
)
"""What `quizapp quiz` does before its screen shows the first question."""


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


def peak_mb(*args: str, code: str | None = None) -> tuple[int, float, str]:
    """Run `quizapp ARGS` (or `python -c CODE ARGS`) in a child of a fresh process: its exit
    code, its peak memory (MB, RUSAGE_CHILDREN of the middle process) and what it printed."""
    child = "['-m', 'quizapp']" if code is None else f"['-c', {code!r}]"
    script = (
        "import resource, subprocess, sys\n"
        f"done = subprocess.run([sys.executable, *{child}, *sys.argv[1:]],"
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
        ["export", "{deck}", "--to", "apkg", "-o", "{out}.apkg"],
        ["judge", "--deck", "{deck}", "--card", "0", "x"],
    ],
    ids=["validate", "export-json", "export-csv", "export-apkg", "judge"],
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


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(resource, "RUSAGE_CHILDREN"), reason="needs getrusage")
def test_a_quiz_on_a_large_deck_reads_only_the_cards_it_needs(deck: Path, tmp_path: Path) -> None:
    env = {"QUIZAPP_DATA_DIR": str(tmp_path / "data"), "QUIZAPP_CACHE_DIR": str(tmp_path / "c")}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        code, peak, output = peak_mb(str(deck), "10", code=QUIZ)
    assert code == 0, output
    count, _card_id = output.split()[:2]
    assert count == "10"
    assert peak < TIGHT_LIMIT_MB, f"quiz: {peak:.0f} MB"


def broken_deck(path: Path, count: int, every: int) -> Path:
    """A deck like `tiny_deck` in which every `every`-th id is not a slug, and the last card
    reuses the first card's id (written as it goes: a million cards take little memory)."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(BIG_HEADER.replace('"big"', '"tiny"') + 'languages = ["it"]\n')
        for number in range(count + 1):
            key = _base36(number) if number < count else "0"
            shown = f"Bad {key}" if number and number % every == every - 1 else key
            out.write(
                f'[[cards]]\nid="{shown}"\nkind="qa"\nit={{question="{key}",answers=["x"]}}\n'
            )
    return path


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(resource, "RUSAGE_CHILDREN"), reason="needs getrusage")
def test_a_large_deck_with_errors_is_checked_in_bounded_memory(tmp_path: Path) -> None:
    path = broken_deck(tmp_path / "broken.toml", CARDS, 500)
    code, peak, output = peak_mb("validate", str(path))
    assert code == 1, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if ": error: " in line]
    assert len(errors) == CARDS // 500 + 1  # every bad id, and the duplicate at the end
    assert errors[-1].endswith("card '0': duplicate id (first used on line 10)")
    assert peak < TIGHT_LIMIT_MB, f"validate: {peak:.0f} MB"


def test_errors_of_a_large_deck_checked_in_slices_are_those_of_the_whole_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same problems, lines and cap ("and N more") as checking the whole text at once."""
    from quizapp.core.deck import cache, check_deck, loading, problems, sliced_errors

    monkeypatch.setattr(loading, "LARGE_DECK_CHARS", 10_000)
    monkeypatch.setattr(cache, "SLICE_CHARS", 5_000)
    monkeypatch.setattr(problems, "MAX_PROBLEMS", 50)
    monkeypatch.setattr(sliced_errors, "MAX_PROBLEMS", 50)
    path = broken_deck(tmp_path / "broken.toml", 3_000, 40)
    calls: list[int] = []
    check_piece = loading.check_piece

    def counted(piece_path: Path, text: str) -> object:
        calls.append(len(text))
        return check_piece(piece_path, text)

    monkeypatch.setattr(loading, "check_piece", counted)
    sliced = check_deck(path)
    assert len(calls) > 20 and max(calls) < 10_000  # checked a slice at a time
    whole = loading.check_text(path, path.read_text(encoding="utf-8"))
    assert sliced.deck is None
    assert [p.format() for p in sliced.problems] == [p.format() for p in whole.problems]
    assert len(sliced.problems) == 51
    assert "and 26 more problems (26 errors) not shown" in sliced.problems[-1].message


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
