"""What hostile input costs: each case run as a whole `quizapp` process, with its wall time,
its peak memory and the first line it printed.

    python benchmarks/hostile_inputs.py [--cards N]   (N: the tiny-card deck, default 1,000,000)

Every case must end with a clear message (exit 1) at a bounded cost; none may hang or crash.
The valid ones (a deck of markup, a million tiny cards at the size cap, a repaired database)
exit 0 (doctor: 1 when it found, or repaired, a problem), each under 1 GB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.faults.test_large_deck_memory import QUIZ, broken_deck, tiny_deck  # noqa: E402
from tests.hostile import BIG_HEADER as HEADER  # noqa: E402
from tests.hostile import card, hostile_deck  # noqa: E402

TIMEOUT_S = 600
TINY_CARDS = 1_000_000
"""Item 11: a 64.9 MB deck of a million tiny cards, just under the size cap."""


def cases(folder: Path) -> list[tuple[str, list[str]]]:
    ten_mb = "x" * (10 * 1024 * 1024)

    def deck(name: str, text: str) -> str:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    sparse = folder / "200mb.toml"
    with open(sparse, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    zero = folder / "zero.toml"
    zero.symlink_to("/dev/zero")
    endless = folder / "endless.jsonl"
    endless.write_text(
        json.dumps({"format": "quizapp-progress", "version": 1}) + "\n" + "x" * (5 * 1024 * 1024),
        encoding="utf-8",
    )
    return [
        ("deck of 200 MB (sparse)", ["validate", str(sparse)]),
        ("deck that never ends (/dev/zero)", ["validate", str(zero)]),
        ("10 MB question", ["validate", deck("q.toml", HEADER + card(question=ten_mb))]),
        ("10 MB answer", ["validate", deck("a.toml", HEADER + card(answers=json.dumps([ten_mb])))]),
        ("10 MB card id", ["validate", deck("i.toml", HEADER + card(card_id=ten_mb))]),
        ("10 MB key name", ["validate", deck("k.toml", HEADER + card() + f"{ten_mb} = 1\n")]),
        (
            "arrays nested 10,000 deep",
            ["validate", deck("n.toml", HEADER + card() + "x = " + "[" * 10_000 + "]" * 10_000)],
        ),
        (
            "inline tables nested 10,000 deep",
            [
                "validate",
                deck("t.toml", HEADER + card() + "x = " + "{a=" * 10_000 + "1" + "}" * 10_000),
            ],
        ),
        (
            "100,000 tags on one card",
            [
                "validate",
                deck("g.toml", HEADER + card(tags=json.dumps([f"t{i}" for i in range(100_000)]))),
            ],
        ),
        (
            "20,000 cards with a bad id",
            ["validate", deck("e.toml", HEADER + "".join(card(f"Bad {i}") for i in range(20_000)))],
        ),
        ("deck of markup and escapes (valid)", ["validate", str(hostile_deck(folder / "h.toml"))]),
        ("progress file with a 5 MB line", ["import-progress", str(endless)]),
        (
            "progress file, lone surrogates",
            ["import-progress", str(_surrogates(folder / "surrogates.jsonl"))],
        ),
        (
            "Anki package, one 900 MB field",
            ["import", str(_huge_field(folder / "huge.apkg")), "-o", str(folder / "huge.toml")],
        ),
        *_pipes(folder),
        *_damaged_index(folder),
        *_million_cards(folder),
    ]


def _pipes(folder: Path) -> list[tuple[str, list[str]]]:
    """Item 8: a named pipe where a file is expected (each would wait forever for a writer)."""
    if not hasattr(os, "mkfifo"):
        return []
    pipe = folder / "pipe.toml"
    os.mkfifo(pipe)
    return [
        ("deck that is a named pipe", ["validate", str(pipe)]),
        ("deck that is a named pipe (study)", ["study", str(pipe)]),
    ]


def _damaged_index(folder: Path) -> list[tuple[str, list[str]]]:
    """Item 9: the page of the review log's index overwritten (in a database of its own)."""
    data = folder / "damaged"
    script = (
        "import sqlite3, sys; from pathlib import Path\n"
        "from quizapp.core.store import Store\n"
        "from tests.faults.test_storage_faults import new_session, answer_one\n"
        "path = Path(sys.argv[1]) / 'progress.sqlite3'\n"
        "with Store(path) as store:\n"
        "    session = new_session(store, deck_cards=400)\n"
        "    for _ in range(400): answer_one(session)\n"
        "con = sqlite3.connect(path); con.execute('PRAGMA wal_checkpoint(TRUNCATE)')\n"
        '[root] = con.execute("SELECT rootpage FROM sqlite_master WHERE name = '
        "'sqlite_autoindex_reviews_1'\").fetchone(); con.close()\n"
        "with open(path, 'r+b') as f: f.seek((root - 1) * 4096); f.write(bytes(4096))\n"
    )
    subprocess.run([sys.executable, "-c", script, str(data)], cwd=HERE.parent, check=True)
    here = f"QUIZAPP_DATA_DIR={data}"
    return [
        ("damaged index: doctor", [here, "doctor"]),
        ("damaged index: doctor --repair", [here, "doctor", "--repair"]),
        ("damaged index: doctor after repair", [here, "doctor"]),
    ]


def _cards() -> int:
    if "--cards" in sys.argv:
        return int(sys.argv[sys.argv.index("--cards") + 1])
    return TINY_CARDS


def _million_cards(folder: Path) -> list[tuple[str, list[str]]]:
    """Item 11: memory on a deck at the size cap, through every command that reads it (the
    first one builds the deck cache that the others read), and a deck that size with errors."""
    count = _cards()
    deck = str(tiny_deck(folder / "million.toml", count))
    broken = str(broken_deck(folder / "broken.toml", count, 5_000))
    listed = folder / "listed"
    (listed / "decks").mkdir(parents=True)
    os.link(deck, listed / "decks" / "million.toml")  # a link out of the folder is ignored
    out = str(folder / "million")
    return [
        ("1M cards (64.9 MB): validate", ["validate", deck]),
        ("1M cards: export --to json", ["export", deck, "--to", "json", "-o", out + ".json"]),
        ("1M cards: export --to csv", ["export", deck, "--to", "csv", "-o", out + ".csv"]),
        ("1M cards: export --to apkg", ["export", deck, "--to", "apkg", "-o", out + ".apkg"]),
        ("1M cards: judge --deck", ["judge", "--deck", deck, "--card", "0", "x"]),
        ("1M cards: quiz (its questions)", ["python", "-c", QUIZ, deck, "10"]),
        ("1M cards: decks (home's listing)", [f"QUIZAPP_DATA_DIR={listed}", "decks"]),
        ("1M cards: stats --deck", ["stats", "--deck", deck]),
        ("1M cards: cards --search", ["cards", deck, "--search", "zzzzzz"]),
        ("1M cards: export-progress", [f"QUIZAPP_DATA_DIR={listed}", "export-progress"]),
        ("1M cards, 201 errors: validate", ["validate", broken]),
    ]


def _surrogates(path: Path) -> Path:
    """A progress file whose typed answers hold lone surrogates (valid JSON, not text)."""
    review = {
        "type": "review",
        "deck": "deepseek-it",
        "card": "liang-wenfeng",
        "direction": "it",
        "at": "2025-03-01T09:00:00.000Z",
        "mode": "study",
        "rating": "good",
    }
    lines = [json.dumps({"format": "quizapp-progress", "version": 1})]
    for n in range(1_000):
        line = json.dumps({**review, "id": f"r{n}", "typed": "a"})
        lines.append(line.replace('"typed": "a"', '"typed": "a\\ud800b"'))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _huge_field(path: Path) -> Path:
    """A current-format package (under 1 MB, zstd) whose one note holds a 900 MB field, made by
    another process so that this one does not start quizapp holding the field's pages."""
    script = (
        "import sys; from pathlib import Path; "
        "from tests.cli.test_apkg_huge_field_cli import huge_field_package; "
        "huge_field_package(Path(sys.argv[1]), 900_000_000)"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], cwd=HERE.parent, check=True)
    return path


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """One case, in its own process (and with its own environment for `NAME=value` words
    before the command), stopped after TIMEOUT_S: a hang shows as exit -9, not as no end."""
    while args and "=" in args[0] and not args[0].startswith("-"):
        name, value = args[0].split("=", 1)
        env = {**env, name: value}
        args = args[1:]
    start = time.perf_counter()
    command = args[1:] if args[:1] == ["python"] else ["-m", "quizapp", *args]
    process = subprocess.Popen(
        [sys.executable, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    assert process.stdout is not None
    timer = threading.Timer(TIMEOUT_S, process.kill)
    timer.start()
    output = process.stdout.read().decode("utf-8", errors="replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in output.splitlines() if line.strip()]
    # doctor starts with the database's name: its verdict is the line after
    first = next((line for line in lines if not line.startswith("Database: ")), "")
    return seconds, usage.ru_maxrss / 1024, process.returncode, first


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="quizapp-hostile-") as temp:
        folder = Path(temp)
        env = {
            **os.environ,
            "QUIZAPP_DATA_DIR": str(folder / "data"),
            "QUIZAPP_CONFIG_DIR": str(folder / "config"),
            "QUIZAPP_CACHE_DIR": str(folder / "cache"),
            "PYTHONIOENCODING": "utf-8",
        }
        print(f"{'input':<36} {'exit':>4} {'seconds':>8} {'peak MB':>8}  first line printed")
        bad = 0
        for name, args in cases(folder):
            seconds, peak, code, first = run(args, env)
            shown = first.replace(str(folder) + "/", "")
            shown = shown if len(shown) <= 90 else shown[:89] + "…"
            print(f"{name:<36} {code:>4} {seconds:>8.2f} {peak:>8.0f}  {shown}")
            bad += code not in (0, 1) or "Traceback" in first
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
