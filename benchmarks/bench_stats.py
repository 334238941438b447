"""How long do the statistics take on a million reviews?

    python benchmarks/bench_stats.py [--cards 50000] [--dir DIR] [--fresh] [--rounds 3]

Builds (once: about two minutes, 300 MB) a store of 50,000 vocabulary cards studied both ways,
100,000 card keys with 10 answers each: 1,000,000 reviews over the past year, most of them
scheduled, some practice and quiz answers, with their card state and 200 quiz runs. It is kept
in the cache folder (QUIZAPP_CACHE_DIR or the platform's, `bench/`) and reused; --fresh
builds it again. Then it times `quizapp.core.stats.compute` (everything the stats screen and
`quizapp stats` show) for all decks over the default period (30 days) and over a year, the
first call and the best of --rounds, and prints where the time goes. Target: under 2 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import stats_data

from quizapp.core import locations, stats
from quizapp.core.store.database import Store

TARGET_S = 2.0
PARTS = [
    ("daily counts and sums", "quizapp.core.stats", "daily"),
    ("card keys (states, forecast, tags)", "quizapp.core.stats", "scan"),
    ("answers by tag and direction", "quizapp.core.stats", "group_stats"),
    ("retention replay (sample)", "quizapp.core.stats", "recalled"),
    ("hardest cards and confusions", "quizapp.core.stats", "hardest"),
]


def timed_parts() -> dict[str, float]:
    """Wrap the steps of `compute` to add up the time each takes."""
    spent: dict[str, float] = {}
    module = sys.modules["quizapp.core.stats"]
    for label, _module, name in PARTS:
        original: Callable[..., Any] = getattr(module, name)

        def wrapper(*args: Any, _f: Callable[..., Any] = original, _l: str = label) -> Any:
            start = time.perf_counter()
            try:
                return _f(*args)
            finally:
                spent[_l] = spent.get(_l, 0.0) + time.perf_counter() - start

        setattr(module, name, wrapper)
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=50_000, help="vocabulary cards (x2 keys)")
    parser.add_argument("--dir", type=Path, help="where to keep the database (default: cache)")
    parser.add_argument("--fresh", action="store_true", help="build the database again")
    parser.add_argument("--rounds", type=int, default=3, help="timed calls per period")
    args = parser.parse_args()
    folder = args.dir or locations.cache_dir() / "bench"
    print(f"store: {folder}", flush=True)
    path, now, built = stats_data.cached_store(folder, args.cards, fresh=args.fresh)
    if built:
        print(f"  built in {built:.1f} s", flush=True)
    deck = stats_data.synthetic_deck(args.cards)
    spent = timed_parts()
    results = []
    with Store(path) as store:
        reviews = store.review_count()
        print(f"{reviews:,} reviews, {args.cards * 2:,} card keys", flush=True)
        for days in (stats.DEFAULT_DAYS, 365):
            times: list[float] = []
            best: dict[str, float] = {}
            for _ in range(args.rounds):
                spent.clear()
                start = time.perf_counter()
                result = stats.compute(store, [deck], days=days, now=now)
                times.append(time.perf_counter() - start)
                if times[-1] == min(times):
                    best = dict(spent)
            results.append((days, times, best, result))
    print()
    print(f"{'period':>8} {'first':>8} {'best':>8}   where the best call's time went")
    for days, times, parts, result in results:
        where = ", ".join(f"{label} {seconds:.2f}" for label, seconds in parts.items())
        print(f"{days:>6} d {times[0]:>6.2f} s {min(times):>6.2f} s   {where}")
        retention = result.retention
        print(
            f"{'':>28}{result.period.answers:,} answers in the period, "
            f"{retention.total.reviews:,} reviews, {retention.sample_cards:,} of "
            f"{retention.cards:,} cards replayed"
        )
    print()
    for days, times, _parts, _result in results:
        verdict = "met" if min(times) < TARGET_S else "NOT met"
        print(
            f"target: all statistics of {reviews:,} reviews, {days} days, < {TARGET_S} s: {verdict}"
        )
    print(f"Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
