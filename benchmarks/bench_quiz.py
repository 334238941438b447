"""How fast a quiz is made and shown, on the bundled deck.

    python benchmarks/bench_quiz.py [--runs 9]

Times (best of --runs; the machine is shared):

* `quizapp quiz` to its first question: a fresh Python process imports quizapp and Textual,
  loads the deck, opens the progress database, makes the quiz and mounts the quiz screen
  (headless; the interpreter's own start, about 20 ms, is not counted). Target: under 0.5 s.
* making the questions of a 10-question quiz in a process that already made one (the
  distractor pool of a deck is made once), and a quiz over every card (277 questions).
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "decks" / "deepseek_it.toml"
TARGET_S = 0.5


def startup_child(database: str) -> None:
    """In a fresh process: the steps of `quizapp quiz`, up to the first question mounted."""
    start = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from textual import events

    from quizapp.core import settings_lenient
    from quizapp.core.deck.loading import load_deck
    from quizapp.core.quiz.run import QuizOptions
    from quizapp.core.store.database import Store
    from quizapp.tui.app import QuizApp
    from quizapp.tui.screens.quiz import QuizScreen

    deck = load_deck(DECK)
    loaded, _ = settings_lenient.load_or_defaults()
    store = Store(Path(database))
    shown: list[float] = []

    class Timed(QuizScreen):
        # Textual runs this, then QuizScreen's own on_mount (which shows the question); the
        # time is taken once the screen has been refreshed with it.
        def on_mount(self) -> None:
            self.call_after_refresh(self.shown)

        def shown(self) -> None:
            assert self.question is not None and str(self.query_one("#question").content)
            shown.append(time.perf_counter() - start)
            self.app.exit()

    class Headless(QuizApp):
        CSS_PATH = str(ROOT / "quizapp" / "tui" / str(QuizApp.CSS_PATH))

        def on_mount(self, event: events.Mount) -> None:  # type: ignore[override]
            event.prevent_default()  # not the home screen
            self.push_screen(Timed(deck, store, loaded, QuizOptions(length=10)))

    Headless().run(headless=True, size=(80, 24))
    store.close()
    print(f"{shown[0]:.4f}")


def best(runs: int, work: Callable[[int], object]) -> float:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        work(run)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--startup-child", metavar="DATABASE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.startup_child:
        startup_child(args.startup_child)
        return 0

    startups = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(max(3, args.runs // 3)):
            child = subprocess.run(
                [sys.executable, __file__, "--startup-child", f"{folder}/p{run}.sqlite3"],
                capture_output=True,
                text=True,
                check=True,
            )
            startups.append(float(child.stdout.strip().splitlines()[-1]))

    sys.path.insert(0, str(ROOT))
    from quizapp.core.deck.loading import load_deck
    from quizapp.core.quiz.run import QuizOptions, build_questions
    from quizapp.core.settings import Settings

    deck = load_deck(DECK)
    settings = Settings()
    build_questions(deck, settings, QuizOptions(length=10), seed=0)

    def ten(run: int) -> object:
        return build_questions(deck, settings, QuizOptions(length=10), seed=run)

    def every(run: int) -> object:
        return build_questions(deck, settings, QuizOptions(length=500), seed=run)

    rows = [
        ("quizapp quiz: start to first question (headless)", min(startups)),
        (f"10-question quiz, pool made (best of {args.runs})", best(args.runs, ten)),
        ("quiz over every card (277 questions)", best(max(1, args.runs // 3), every)),
    ]
    print(f"python {platform.python_version()} on {platform.machine()}; {len(deck.cards)} cards")
    print(f"{'case':<52} {'time':>10}")
    for name, seconds in rows:
        print(f"{name:<52} {seconds * 1000:>7.1f} ms")
    verdict = "met" if min(startups) < TARGET_S else "NOT met"
    print(f"start to first question: target {TARGET_S * 1000:.0f} ms {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
