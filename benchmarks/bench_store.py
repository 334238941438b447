"""How fast is one answer, and how long does a rebuild take?

Builds synthetic decks of 1,000 and 100,000 question cards, a review log of 10 reviews per
card (1,000,000 rows for the large deck), then measures:

* the round trip of one answer: `next()` (pick the prompt), `answer()` (judge the typed text),
  `grade()` (schedule it and commit it durably: WAL, synchronous=FULL);
* rebuilding all card state from the log;
* opening a session and the day's counts.

Run: `.venv/bin/python benchmarks/bench_store.py` (about a minute and a half, 300 MB of
temporary disk; `--small` for a quick run with 10x fewer cards). Answers are timed on the two
decks in turn, so both see the same machine; other processes on a shared machine inflate the
figures, which is why the best of several rounds is printed beside the overall median.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import Prompt
from quizapp.core.rating import Rating
from quizapp.core.schedule import DAY_MS, MINUTE_MS, Limits, counts_today, study_day, to_ms
from quizapp.core.settings import Settings
from quizapp.core.store import Review, Store
from quizapp.core.study.session import Session

REVIEWS_PER_CARD = 10
GAPS_MS = [MINUTE_MS, 10 * MINUTE_MS, DAY_MS, 3 * DAY_MS, 8 * DAY_MS, 20 * DAY_MS, 45 * DAY_MS]


def synthetic_deck(cards: int) -> Deck:
    data = {
        "deck": {
            "id": f"bench-{cards}",
            "version": "1.0.0",
            "title": {"it": "Prova", "en": "Benchmark"},
            "description": {"it": "Carte sintetiche", "en": "Synthetic cards"},
            "author": "quizapp",
            "license": "CC0-1.0",
        },
        "cards": [
            {
                "id": f"c{i:06d}",
                "kind": "qa",
                "it": {"question": f"Domanda numero {i}?", "answers": [f"risposta {i}"]},
                "en": {"question": f"Question number {i}?", "answers": [f"answer {i}"]},
            }
            for i in range(cards)
        ],
    }
    return Deck.model_validate(data)


def synthetic_log(deck_id: str, cards: int, now: int, seed: int = 7) -> Iterator[Review]:
    """REVIEWS_PER_CARD study answers per card, spread over the last two years."""
    rng = random.Random(seed)
    serial = 0
    for i in range(cards):
        at = now - rng.randrange(200, 700) * DAY_MS
        for n in range(REVIEWS_PER_CARD):
            rating = 1 if rng.random() < 0.12 else (3 if rng.random() < 0.8 else rng.choice((2, 4)))
            serial += 1
            yield Review(
                id=f"{at:012x}{serial:016x}",
                deck_id=deck_id,
                card_id=f"c{i:06d}",
                direction="it",
                at=at,
                mode="study",
                rating=rating,
                verdict="correct" if rating > 1 else "wrong",
                typed=f"risposta {i}",
                duration_ms=rng.randrange(1500, 9000),
                content_hash="0123456789abcdef",
                retention=0.9,
                prior=None if n else 0,
            )
            at += GAPS_MS[min(n, len(GAPS_MS) - 1)] + rng.randrange(0, 3 * DAY_MS)


def exact_judge(prompt: Prompt, typed: str) -> Any:
    correct = typed in prompt.expected
    return SimpleNamespace(
        outcome="correct" if correct else "wrong", rating=Rating.GOOD if correct else Rating.AGAIN
    )


def find_judge() -> tuple[Callable[[Prompt, str], Any], str]:
    try:
        from quizapp.core.judge import judge_prompt  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return exact_judge, "exact-match stand-in (quizapp.core.judge not present)"
    return (lambda prompt, typed: judge_prompt(prompt, typed)), "quizapp.core.judge"


def measure(label: str, work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.2f} s", flush=True)
    return seconds, result


def prepare(cards: int, folder: Path) -> dict[str, Any]:
    """A deck, a store holding its log and state, and the setup timings."""
    print(f"{cards:,} cards, {cards * REVIEWS_PER_CARD:,} reviews", flush=True)
    _, deck = measure("build deck", lambda: synthetic_deck(cards))
    store = Store(folder / f"bench-{cards}.sqlite3")
    now = to_ms(datetime.now(timezone.utc))
    measure(
        "merge the log (includes a rebuild)",
        lambda: store.merge(synthetic_log(deck.id, cards, now)),
    )
    rebuild, keys = measure("rebuild state from the log", store.rebuild)
    open_s, _ = measure(
        "open a session", lambda: Session.open(deck, store, Settings(), judge=exact_judge)
    )
    moment = to_ms(datetime.now(timezone.utc))
    day = study_day(moment)
    counts_start = time.perf_counter()
    for _ in range(20):
        counts = counts_today(store, deck.id, moment, day, Limits())
    counts_ms = (time.perf_counter() - counts_start) / 20 * 1000
    print(f"  counts for today (SQL): {counts_ms:.2f} ms ({counts})", flush=True)
    return {
        "cards": cards,
        "deck": deck,
        "store": store,
        "reviews": store.review_count(),
        "rebuild": rebuild,
        "keys": keys,
        "open": open_s,
        "counts": counts_ms,
    }


def round_trips(benches: list[dict[str, Any]], answers: int, judge: Any, rounds: int) -> None:
    """Answer on each deck in turn, so that both see the same machine (other load, disk),
    in `rounds` rounds: the best round's median shows the cost with the least interference."""
    settings = Settings(new_per_day=9999, reviews_per_day=99999)
    sessions = [Session.open(b["deck"], b["store"], settings, judge=judge) for b in benches]
    times: list[list[list[float]]] = [[[] for _ in range(rounds)] for _ in benches]
    rng = random.Random(3)
    per_round = max(1, answers // rounds)
    for round_number in range(rounds):
        for _ in range(per_round):
            for index, session in enumerate(sessions):
                start = time.perf_counter()
                turn = session.next()
                if turn is None:
                    continue
                typed = turn.prompt.expected[0] if rng.random() < 0.85 else "non lo so"
                session.answer(typed)
                session.grade()
                times[index][round_number].append((time.perf_counter() - start) * 1000)
    for bench, measured in zip(benches, times, strict=True):
        everything = sorted(t for round_times in measured for t in round_times)
        bench["answers"] = len(everything)
        bench["median"] = statistics.median(everything)
        bench["p90"] = everything[int(len(everything) * 0.9)]
        bench["best"] = min(statistics.median(r) for r in measured if r)
        print(
            f"  {bench['cards']:,} cards: {len(everything)} answers, median "
            f"{bench['median']:.3f} ms, p90 {bench['p90']:.3f} ms, "
            f"best round median {bench['best']:.3f} ms",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="10x fewer cards and reviews")
    parser.add_argument("--answers", type=int, default=800, help="answers to time per deck")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of answers")
    parser.add_argument("--dir", type=Path, help="where to put the databases (default: temp)")
    args = parser.parse_args()
    judge, judge_name = find_judge()
    sizes = (100, 10_000) if args.small else (1_000, 100_000)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        results = [prepare(size, Path(folder)) for size in sizes]
        print("round trip of one answer (next, judge, schedule, durable commit)", flush=True)
        round_trips(results, args.answers, judge, args.rounds)
        for row in results:
            row["check"], report = measure(
                f"check {row['cards']:,} cards against the log",
                lambda row=row: row["store"].check(integrity=False),
            )
            assert report.ok, "state differs from a rebuild"
            row["store"].close()
    small, large = results
    print()
    print(f"judge: {judge_name}; Python {sys.version.split()[0]}")
    print(
        f"{'cards':>9} {'reviews':>10} {'answer median':>14} {'best round':>11} {'p90':>9} "
        f"{'rebuild':>9} {'open':>7} {'counts':>9} {'check':>7}"
    )
    for row in results:
        print(
            f"{row['cards']:>9,} {row['reviews']:>10,} {row['median']:>11.3f} ms "
            f"{row['best']:>8.3f} ms {row['p90']:>6.3f} ms {row['rebuild']:>7.2f} s "
            f"{row['open']:>5.2f} s {row['counts']:>6.2f} ms {row['check']:>5.2f} s"
        )
    ratio = large["median"] / small["median"]
    best_ratio = large["best"] / small["best"]
    print(
        f"\nmedian answer at {large['cards']:,} cards / at {small['cards']:,} cards: "
        f"{ratio:.2f}x (best rounds: {best_ratio:.2f}x)"
    )
    for label, value, scale in (
        ("all answers", large["median"], ratio),
        ("best round", large["best"], best_ratio),
    ):
        met = "met" if value < 0.5 and scale <= 1.2 else "NOT met"
        print(f"target answer < 0.5 ms and <= 1.2x ({label}): {met}")
    verdict = "met" if large["rebuild"] < 30 else "NOT met"
    print(f"target rebuild of {large['reviews']:,} reviews < 30 s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
