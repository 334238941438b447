"""How quizapp scales: 1,000, 10,000 and 100,000 cards (and the bundled deck).

Every figure is a whole process, started as a user starts it, timed from the moment it is
spawned (interpreter start and imports included):

* deck load: `load_deck` (parse + validate everything, as `quizapp validate` does), then the
  validated-deck cache being built (cold) and read (warm);
* first card: `quizapp study DECK` runs in a pseudo-terminal of 80x24, as in a real terminal
  (no test harness, no hook in the app); the clock stops when the first card's question has
  been written to the terminal. The expected question is worked out beforehand from the deck.
  Cold: no deck cache; warm: the cache is there from an earlier run. The progress database
  already knows the deck (as on any day after the first), and is a fresh copy for each run;
* per-answer round trip: in the same terminal, a wrong answer typed and Enter until the
  verdict is on screen, plus Enter (grade) until the next card's question is on screen; the
  median of several answers;
* the home screen (`quizapp`, the deck among the user's decks): time until the decks are
  listed, cold and warm, and a move of the cursor until the deck's details are shown;
* `quizapp validate DECK` and `quizapp stats` (n/a when this quizapp has no stats command);
* peak memory: the largest resident size (ru_maxrss) of the process.

Targets come from the issues; "growth" is the cost at 100,000 cards over the cost at 1,000
(100x would be linear). Run: `.venv/bin/python benchmarks/bench_scale.py [--quick]`
(--quick: without the 100,000-card deck). Decks are generated once into benchmarks/out/.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

import quizapp  # noqa: E402
from quizapp.cli.main import COMMANDS  # noqa: E402
from quizapp.core.deck.loading import load_deck_cached  # noqa: E402
from quizapp.core.deck.prompts import prompt_keys, prompts_for  # noqa: E402
from quizapp.core.settings import Settings  # noqa: E402
from quizapp.core.store.database import Store  # noqa: E402
from quizapp.tui.i18n import t  # noqa: E402

BIN = Path(sys.executable).parent
QUIZAPP = str(BIN / "quizapp") if (BIN / "quizapp").exists() else None
BUNDLED = HERE.parent / "decks" / "deepseek_it.toml"
ANSWERS = 8
WAIT_S = 120.0

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and other strings
    r"|\x1b[@-Z\\-_]|\x1b[()][0-9A-Za-z]"
)


def command(*args: str) -> list[str]:
    if QUIZAPP:
        return [QUIZAPP, *args]
    return [sys.executable, "-m", "quizapp", *args]


@dataclass
class Run:
    seconds: float
    rss_mb: float
    extra: list[float] = field(default_factory=list)


def run_process(argv: list[str], env: dict[str, str]) -> Run:
    """Run to the end; wall time and peak memory of the child."""
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {error[-500:]}")
    return Run(elapsed, usage.ru_maxrss / 1024)


# -- driving the app in a pseudo-terminal ----------------------------------------------------


class Terminal:
    """`quizapp study` in a pseudo-terminal; reads what it writes as plain text."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.pending = ""
        self.seen = ""

    def wait_for(self, text: str, timeout: float = WAIT_S) -> float:
        """Seconds from the start until `text` has been written since the last `send`."""
        deadline = time.perf_counter() + timeout
        while text not in self.pending:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{text!r} never appeared; last output: {self.pending[-600:]!r}")
            ready, _, _ = select.select([self.master], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError as error:
                if error.errno == errno.EIO:  # the app is gone
                    raise TimeoutError(f"the app exited; output: {self.pending[-600:]!r}") from None
                raise
            self.pending += _ESCAPES.sub("", chunk.decode("utf-8", "replace"))
        return time.perf_counter() - self.started

    def send(self, keys: str) -> float:
        """Type `keys`; returns the time (from the start) they were sent."""
        self.seen += self.pending
        self.pending = ""
        os.write(self.master, keys.encode())
        return time.perf_counter() - self.started

    def close(self) -> float:
        """Quit (ctrl+q) and return the peak memory in MB."""
        with contextlib.suppress(OSError):
            os.write(self.master, b"\x11")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.process.returncode = os.waitstatus_to_exitcode(status)
                os.close(self.master)
                return usage.ru_maxrss / 1024
            try:  # keep draining, or the app blocks writing its last frame
                if select.select([self.master], [], [], 0.05)[0]:
                    os.read(self.master, 65536)
            except OSError:
                pass
        self.process.kill()
        _, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        os.close(self.master)
        return usage.ru_maxrss / 1024


def _visible(question: str) -> str:
    """A piece of the question that is written in one go: its start, before any line wrap."""
    return question.split("\n", 1)[0][:40]


@dataclass
class Expected:
    """What `quizapp study` shows first, and after each answer (a fresh day, no reviews)."""

    questions: list[str]
    choice: list[bool]


def expected_questions(deck_path: Path, count: int) -> Expected:
    deck = load_deck_cached(deck_path)
    settings = Settings()
    seen: set[str] = set()
    questions: list[str] = []
    choice: list[bool] = []
    for card_id, direction in prompt_keys(deck, settings.study_language, settings.vocab_direction):
        if card_id in seen:  # a sibling waits for another day
            continue
        seen.add(card_id)
        prompts = prompts_for(
            deck.id, deck.card(card_id), settings.study_language, settings.vocab_direction
        )
        prompt = next(p for p in prompts if p.direction == direction)
        questions.append(_visible(prompt.question))
        choice.append(bool(prompt.options))
        if len(questions) > count:
            break
    return Expected(questions, choice)


def study_run(deck: Path, env: dict[str, str], expected: Expected, answers: int) -> Run:
    """Time to the first card, then `answers` round trips; peak memory."""
    terminal = Terminal(command("study", str(deck), "--typed"), env)
    try:
        first = terminal.wait_for(expected.questions[0])
        trips: list[float] = []
        verdict = t("en", "study.expected") + ":"
        for index in range(answers):
            sent = terminal.send("1" if expected.choice[index] else "x\r")
            shown = terminal.wait_for(verdict) - sent
            sent = terminal.send("\r")
            following = terminal.wait_for(expected.questions[index + 1]) - sent
            trips.append(shown + following)
    finally:
        rss = terminal.close()
    return Run(first, rss, trips)


def home_run(env: dict[str, str], titles: list[str], details: list[str], moves: int) -> Run:
    """`quizapp` (the home screen): time until the deck `titles` are listed, then `moves`
    times down and up the list, each timed until the highlighted deck's details are shown."""
    terminal = Terminal(command(), env)
    try:
        listed = max(terminal.wait_for(title) for title in titles)
        steps: list[float] = []
        for _ in range(moves):
            for key, shown in (("\x1b[B", details[-1]), ("\x1b[A", details[0])):
                sent = terminal.send(key)
                steps.append(terminal.wait_for(shown) - sent)
    finally:
        rss = terminal.close()
    return Run(listed, rss, steps)


# -- one deck ------------------------------------------------------------------------------


@dataclass
class Results:
    label: str
    cards: int
    values: dict[str, float | str] = field(default_factory=dict)


def measure(label: str, deck: Path, work: Path, rounds: int) -> Results:
    loaded = load_deck_cached(deck)
    results = Results(label, len(loaded.cards))
    heavy = 1 if len(loaded.cards) >= 50_000 else rounds  # the slow runs, once at 100k
    values = results.values
    env = {
        **os.environ,
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "QUIZAPP_CONFIG_DIR": str(work / "config"),
        "QUIZAPP_CACHE_DIR": str(work / "cache"),
    }
    env.pop("LC_ALL", None)
    env.pop("NO_COLOR", None)
    template = work / "template"
    env["QUIZAPP_DATA_DIR"] = str(template)
    with Store(template / "progress.sqlite3") as store:  # the deck as known from earlier days
        settings = Settings()
        keys = prompt_keys(loaded, settings.study_language, settings.vocab_direction)
        store.sync_catalog(loaded.id, keys)

    def fresh_data() -> None:
        data = work / "data"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(template, data)
        env["QUIZAPP_DATA_DIR"] = str(data)

    def no_cache() -> None:
        shutil.rmtree(work / "cache", ignore_errors=True)

    def python(code: str) -> list[str]:
        return [sys.executable, "-c", code, str(deck)]

    load_code = "import sys; from quizapp.core.deck.loading import {0}; {0}(sys.argv[1])"
    best = min  # the least disturbed run on a shared machine
    full = [run_process(python(load_code.format("load_deck")), env) for _ in range(heavy)]
    values["load_full"] = best(r.seconds for r in full)
    values["rss_load_full"] = max(r.rss_mb for r in full)
    cold: list[Run] = []
    for _ in range(heavy):
        no_cache()
        cold.append(run_process(python(load_code.format("load_deck_cached")), env))
    values["load_cold"] = best(r.seconds for r in cold)
    warm = [run_process(python(load_code.format("load_deck_cached")), env) for _ in range(rounds)]
    values["load_warm"] = best(r.seconds for r in warm)

    expected = expected_questions(deck, ANSWERS + 1)
    study_cold: list[Run] = []
    for _ in range(heavy):
        no_cache()
        fresh_data()
        study_cold.append(study_run(deck, env, expected, 0))
    values["first_cold"] = best(r.seconds for r in study_cold)
    values["rss_study_cold"] = max(r.rss_mb for r in study_cold)
    study_warm: list[Run] = []
    for index in range(max(rounds, 3)):
        fresh_data()
        study_warm.append(study_run(deck, env, expected, ANSWERS if index == 0 else 0))
    values["first_warm"] = best(r.seconds for r in study_warm)
    values["rss_study_warm"] = max(r.rss_mb for r in study_warm)
    values["answer"] = statistics.median(study_warm[0].extra)

    # The home screen, with the deck among the user's decks (beside the bundled one).
    home = work / "home"
    shutil.copytree(template, home)
    (home / "decks").mkdir(exist_ok=True)
    bundled = load_deck_cached(BUNDLED)
    listed = [bundled]
    if deck != BUNDLED:
        shutil.copy(deck, home / "decks" / deck.name)
        listed.append(loaded)
    home_env = {**env, "QUIZAPP_DATA_DIR": str(home)}
    titles = [d.deck.title.en for d in listed]
    details = [_visible(f"{d.deck.title.it} / {d.deck.title.en}") for d in listed]
    moves = 3 if len(listed) > 1 else 0
    no_cache()
    home_cold = [home_run(home_env, titles, details, 0)]
    home_warm = [home_run(home_env, titles, details, moves) for _ in range(max(rounds, 2))]
    values["home_cold"] = home_cold[0].seconds
    values["home_warm"] = best(r.seconds for r in home_warm)
    values["rss_home"] = max(r.rss_mb for r in home_cold + home_warm)
    steps = [step for r in home_warm for step in r.extra]
    values["home_move"] = statistics.median(steps) if steps else "-"

    validate = [run_process(command("validate", str(deck)), env) for _ in range(heavy)]
    values["validate"] = best(r.seconds for r in validate)
    values["rss_validate"] = max(r.rss_mb for r in validate)
    if "stats" in COMMANDS:
        stats = [run_process(command("stats"), env) for _ in range(rounds)]
        values["stats"] = best(r.seconds for r in stats)
        values["rss_stats"] = max(r.rss_mb for r in stats)
    else:
        values["stats"] = values["rss_stats"] = "n/a"
    return results


# -- the table -----------------------------------------------------------------------------

Target = Callable[[str], float | None]
ROWS: list[tuple[str, str, str, Target]] = [
    # key, what, unit, target by deck label (None: no target)
    ("load_full", "deck load, parse + validate all", "s", lambda label: None),
    ("load_cold", "deck load via cache, cold (build)", "s", lambda label: None),
    ("load_warm", "deck load via cache, warm", "s", lambda label: None),
    (
        "first_warm",
        "study: first card, warm cache",
        "s",
        lambda label: {"bundled": 0.5, "10k": 1.0, "100k": 1.5}.get(label),
    ),
    (
        "first_cold",
        "study: first card, cold cache",
        "s",
        lambda label: {"bundled": 0.5, "10k": 1.0, "100k": 3.0}.get(label),
    ),
    ("answer", "study: per-answer round trip *", "s", lambda label: 0.2),
    ("home_warm", "home: decks listed, warm cache", "s", lambda label: None),
    ("home_cold", "home: decks listed, cold cache", "s", lambda label: None),
    ("home_move", "home: cursor move, details shown *", "s", lambda label: 0.1),
    ("validate", "quizapp validate", "s", lambda label: None),
    ("stats", "quizapp stats", "s", lambda label: None),
    ("rss_study_warm", "peak memory, study warm", "MB", lambda label: 300.0),
    ("rss_study_cold", "peak memory, study cold", "MB", lambda label: 300.0),
    ("rss_home", "peak memory, home", "MB", lambda label: 300.0),
    ("rss_load_full", "peak memory, parse + validate all", "MB", lambda label: None),
    ("rss_validate", "peak memory, quizapp validate", "MB", lambda label: None),
    ("rss_stats", "peak memory, quizapp stats", "MB", lambda label: None),
]


def _cell(value: float | str, unit: str) -> str:
    if isinstance(value, str):
        return value
    return f"{value:.0f}" if unit == "MB" else f"{value:.3f}" if value < 10 else f"{value:.1f}"


def table(results: list[Results]) -> tuple[str, int]:
    labels = [r.label for r in results]
    header = f"{'measure':<36} {'unit':<4} " + " ".join(f"{label:>9}" for label in labels)
    header += f" {'growth':>8}  target / verdict"
    lines = [header, "-" * len(header)]
    failures = 0
    for key, what, unit, target in ROWS:
        cells = [_cell(r.values.get(key, "-"), unit) for r in results]
        by_label = {r.label: r.values.get(key) for r in results}
        growth = "-"
        small, large = by_label.get("1k"), by_label.get("100k")
        if isinstance(small, float) and isinstance(large, float) and small > 0:
            growth = f"{large / small:.1f}x"
        verdicts = []
        for r in results:
            limit = target(r.label)
            value = r.values.get(key)
            if limit is None or not isinstance(value, float):
                continue
            ok = value <= limit
            failures += not ok
            verdicts.append(f"{r.label} <{limit:g}: {'PASS' if ok else 'FAIL'}")
        line = f"{what:<36} {unit:<4} " + " ".join(f"{c:>9}" for c in cells)
        lines.append(f"{line} {growth:>8}  {', '.join(verdicts)}")
    lines.append("")
    lines.append(
        "growth: cost at 100k cards / cost at 1k (linear = 100x). Times: the best run; memory: "
        "the largest. Home: the bundled deck and this one.\n* targets of ours: 0.1 s per key "
        "press (the usual limit of 'instant'; a round trip is two: answer, grade); the issues "
        "ask that the screens stay responsive."
    )
    return "\n".join(lines), failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="quizapp at 1k, 10k and 100k cards")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-card deck")
    parser.add_argument("--rounds", type=int, default=2, help="runs per figure (best is kept)")
    args = parser.parse_args(argv)
    # As pip does for an installed quizapp: without it (this machine sets
    # PYTHONDONTWRITEBYTECODE) every start would compile quizapp's modules again.
    package = str(Path(quizapp.__file__).parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)
    env_folder = tempfile.TemporaryDirectory(prefix="quizapp-scale-driver-")
    os.environ["QUIZAPP_CACHE_DIR"] = env_folder.name  # the driver's own reads of the decks
    sizes = [("1k", 1_000), ("10k", 10_000)] + ([] if args.quick else [("100k", 100_000)])
    decks: list[tuple[str, Path]] = [("bundled", BUNDLED)]
    for label, count in sizes:
        started = time.perf_counter()
        path = synth.ensure_deck(count)
        took = time.perf_counter() - started
        print(f"deck {label}: {path.name}, {path.stat().st_size / 1e6:.1f} MB ({took:.1f} s)")
        decks.append((label, path))
    version = sys.version.split()[0]
    print(f"python {version}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}", flush=True)
    results: list[Results] = []
    for label, path in decks:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="quizapp-scale-") as folder:
            results.append(measure(label, path, Path(folder), args.rounds))
        print(f"measured {label} in {time.perf_counter() - started:.0f} s", flush=True)
    text, failures = table(results)
    print()
    print(text)
    print(f"\n{failures} target(s) missed" if failures else "\nevery target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
