"""How fast is one answer, beside Anki's, and how long does a rebuild take?

Builds synthetic decks of 1,000 and 100,000 question cards (or `--sizes`), a review log of 10
reviews per card (1,000,000 rows for the large deck), then measures:

* the round trip of one answer: `next()` (pick the prompt), `answer()` (judge the typed text
  with the deck's judge), `grade()` (schedule it and commit it durably: WAL,
  synchronous=FULL); and, on its own, the counts of what is left today that the study screen
  shows after each answer;
* when Anki's backend (`anki`) is installed, the same in Anki, in the same run and the same
  rounds: `getCard()` + `answerCard()` on a collection of as many review cards, FSRS on, and
  `counts()` (see `anki_side`);
* rebuilding all card state from the log; opening a session and the day's counts.

Run: `.venv/bin/python benchmarks/bench_store.py` (about two minutes, 400 MB of temporary
disk; `--small` for a quick run with 10x fewer cards, `--no-anki` for quizapp's side only).
Answers are timed on each deck in turn, quizapp then Anki, so all see the same machine; other
processes on a shared machine inflate the figures, which is why the best of several rounds is
printed beside the overall median.
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
from typing import Any

import anki_side
from anki_side import ANKI_LIMIT

from quizapp.core.deck.model import Deck
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
    open_s, _ = measure("open a session", lambda: Session.open(deck, store, Settings()))
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


def _summary(measured: list[list[float]]) -> dict[str, float]:
    everything = sorted(t for round_times in measured for t in round_times)
    if not everything:
        return {"answers": 0, "median": float("nan"), "p90": float("nan"), "best": float("nan")}
    return {
        "answers": len(everything),
        "median": statistics.median(everything),
        "p90": everything[int(len(everything) * 0.9)],
        "best": min(statistics.median(r) for r in measured if r),
    }


def round_trips(
    benches: list[dict[str, Any]], answers: int, rounds: int, ankis: list[Any] | None
) -> None:
    """Answer on each deck in turn, quizapp then Anki, so that all see the same machine
    (other load, disk), in `rounds` rounds: the best round's median shows the cost with the
    least interference. The counts of what is left today (shown after every answer, by both
    apps) are timed on their own."""
    settings = Settings(new_per_day=ANKI_LIMIT, reviews_per_day=ANKI_LIMIT)
    sessions = [Session.open(b["deck"], b["store"], settings) for b in benches]
    sides = ["quizapp", "anki"] if ankis else ["quizapp"]
    times = {
        (side, what): [[[] for _ in range(rounds)] for _ in benches]
        for side in sides
        for what in ("answer", "counts")
    }
    rng = random.Random(3)
    per_round = max(1, answers // rounds)
    for round_number in range(rounds):
        for _ in range(per_round):
            for index, session in enumerate(sessions):
                correct = rng.random() < 0.85
                start = time.perf_counter()
                turn = session.next()
                if turn is not None:
                    session.answer(turn.prompt.expected[0] if correct else "non lo so")
                    session.grade()
                    middle = time.perf_counter()
                    session.counts()
                    end = time.perf_counter()
                    times["quizapp", "answer"][index][round_number].append((middle - start) * 1e3)
                    times["quizapp", "counts"][index][round_number].append((end - middle) * 1e3)
                if ankis:
                    start = time.perf_counter()
                    if ankis[index].answer(correct):
                        middle = time.perf_counter()
                        ankis[index].counts()
                        end = time.perf_counter()
                        times["anki", "answer"][index][round_number].append((middle - start) * 1e3)
                        times["anki", "counts"][index][round_number].append((end - middle) * 1e3)
    for index, bench in enumerate(benches):
        for side in sides:
            found = _summary(times[side, "answer"][index])
            bench[side] = found
            bench[side]["counts"] = _summary(times[side, "counts"][index])["median"]
            print(
                f"  {side:>7} {bench['cards']:>7,} cards: {found['answers']:.0f} answers, "
                f"median {found['median']:.3f} ms, p90 {found['p90']:.3f} ms, best round "
                f"median {found['best']:.3f} ms; counts {bench[side]['counts']:.3f} ms",
                flush=True,
            )


def report(results: list[dict[str, Any]], with_anki: bool, command: str) -> None:
    print()
    print(f"command: {command}")
    print(f"judge: the deck's own (quizapp.core.judge); Python {sys.version.split()[0]}")
    anki_head = f" {'Anki median':>12} {'Anki best':>10} {'Anki counts':>12}" if with_anki else ""
    print(
        f"{'cards':>9} {'answers':>8} {'median':>9} {'best round':>11} {'p90':>9} "
        f"{'counts':>9}{anki_head} {'rebuild':>8} {'check':>7}"
    )
    for row in results:
        ours = row["quizapp"]
        anki = row.get("anki")
        anki_cells = (
            f" {anki['median']:>9.3f} ms {anki['best']:>7.3f} ms {anki['counts']:>9.3f} ms"
            if anki
            else ""
        )
        print(
            f"{row['cards']:>9,} {ours['answers']:>8.0f} {ours['median']:>6.3f} ms "
            f"{ours['best']:>8.3f} ms {ours['p90']:>6.3f} ms {ours['counts']:>6.3f} ms"
            f"{anki_cells} {row['rebuild']:>6.2f} s {row['check']:>5.2f} s"
        )
    small, large = results[0], results[-1]
    medians = [row["quizapp"]["median"] for row in results]
    growth = max(medians) / min(medians)
    print(
        f"\nquizapp: slowest median / fastest median over {small['cards']:,} to "
        f"{large['cards']:,} cards: {growth:.2f}x (target <= 1.2x: "
        f"{'met' if growth <= 1.2 else 'NOT met'})"
    )
    if with_anki:
        ours, anki = large["quizapp"]["median"], large["anki"]["median"]
        print(
            f"at {large['cards']:,} cards quizapp {ours:.3f} ms, Anki {anki:.3f} ms "
            f"({ours / anki:.2f}x; target <= Anki's: {'met' if ours <= anki else 'NOT met'})"
        )
    verdict = "met" if large["rebuild"] < 30 else "NOT met"
    print(f"target rebuild of {large['reviews']:,} reviews < 30 s: {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="decks of 100 and 10,000 cards")
    parser.add_argument("--sizes", type=int, nargs="+", help="deck sizes (default 1,000 100,000)")
    parser.add_argument("--answers", type=int, default=800, help="answers to time per deck")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of answers")
    parser.add_argument("--no-anki", action="store_true", help="leave Anki's side out")
    parser.add_argument("--dir", type=Path, help="where to put the databases (default: temp)")
    args = parser.parse_args()
    sizes = args.sizes or ((100, 10_000) if args.small else (1_000, 100_000))
    with_anki = not args.no_anki and anki_side.available()
    if not with_anki and not args.no_anki:
        print("Anki's backend (`anki`) is not installed: quizapp's side only", flush=True)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        results = [prepare(size, Path(folder)) for size in sizes]
        ankis = [anki_side.AnkiDeck(size, Path(folder)) for size in sizes] if with_anki else None
        print("round trip of one answer (next, judge, schedule, durable commit)", flush=True)
        round_trips(results, args.answers, args.rounds, ankis)
        for row in results:
            row["check"], found = measure(
                f"check {row['cards']:,} cards against the log",
                lambda row=row: row["store"].check(integrity=False),
            )
            assert found.ok, "state differs from a rebuild"
            row["store"].close()
        for anki in ankis or []:
            anki.close()
    report(results, with_anki, "python benchmarks/bench_store.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
