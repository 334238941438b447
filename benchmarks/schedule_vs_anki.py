"""quizapp's schedule beside Anki's own backend, in one run (needs the `test` extra).

    .venv/bin/python benchmarks/schedule_vs_anki.py [--histories N]

Prints three tables: Good, Good 10 minutes later and Good 23.9 or 24.1 hours later in both;
random review histories answered in Anki and folded by quizapp (how many answers give the same
memory state to the last bit, and the largest differences); and six weeks studied in Anki with
Forget, Set due date and a suspended card, exported in both package formats and imported with
their history (stability, difficulty and due day of every card against Anki's).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp.core.interop.anki_history import import_history
from quizapp.core.interop.anki_import import import_apkg
from quizapp.core.schedule import DAY_MS, MINUTE_MS, CardState
from quizapp.core.store.database import Store
from tests.anki_reference.anki_process import AnkiProcess
from tests.anki_reference.compare import ROME, fold_revlog, study_days_between
from tests.anki_reference.scenario import START, WEIGHTS, study_weeks

HOUR_MS = 3_600_000


def repro(anki: AnkiProcess) -> None:
    print("Good, Good 10 min later, Good after a gap (Europe/Rome, day starts 4:00)")
    print(
        f"{'gap':>7} {'Anki S':>8} {'Anki D':>7} {'Anki ivl':>8} "
        f"{'quizapp S':>10} {'D':>7} {'ivl':>4}"
    )
    for number, hours in enumerate((23.9, 24.1)):
        at = START + number * 10 * DAY_MS
        card = anki.call("add", front=f"repro {hours}")
        anki.call("answer", cid=card, ease=3, at=at)
        anki.call("answer", cid=card, ease=3, at=at + 10 * MINUTE_MS)
        last = at + 10 * MINUTE_MS + int(hours * HOUR_MS)
        theirs = anki.call("answer", cid=card, ease=3, at=last)
        ours = fold_revlog(anki.call("revlog", cid=card), 0.9)
        days = study_days_between(last, ours.due or 0)
        print(
            f"{hours:>6}h {theirs['stability']:>8.4f} {theirs['difficulty']:>7.3f} "
            f"{theirs['ivl']:>8} {ours.stability:>10.4f} {ours.difficulty:>7.3f} {days:>4}"
        )


def histories(anki: AnkiProcess, count: int) -> None:
    rng = random.Random(7)
    gaps = [MINUTE_MS, 10 * MINUTE_MS, 3 * HOUR_MS, 23 * HOUR_MS, 25 * HOUR_MS, 3 * DAY_MS]
    answers = equal = 0
    worst_s = worst_d = 0.0
    clock = START + 200 * DAY_MS
    for number in range(count):
        card = anki.call("add", front=f"history {number}")
        at = clock + DAY_MS
        for _ in range(rng.randint(1, 14)):
            at += rng.choice(gaps) if rng.random() < 0.5 else rng.randint(1, 45 * DAY_MS)
            rating = rng.choices([1, 2, 3, 4], [15, 10, 65, 10])[0]
            theirs = anki.call("answer", cid=card, ease=rating, at=at)
            ours = fold_revlog(anki.call("revlog", cid=card), 0.9)
            answers += 1
            assert ours.stability is not None and ours.difficulty is not None
            equal += (ours.stability, ours.difficulty) == (
                theirs["stability"],
                theirs["difficulty"],
            )
            worst_s = max(worst_s, abs(ours.stability / theirs["stability"] - 1))
            worst_d = max(worst_d, abs(ours.difficulty - theirs["difficulty"]))
        clock = at
    print(f"\nRandom histories: {count} cards, {answers} answers in Anki, folded by quizapp")
    print(f"  same memory state to the last bit: {equal} of {answers}")
    print(f"  largest stability difference {worst_s:.2%}, difficulty {worst_d:.4f}")


def weeks(folder: Path) -> None:
    with AnkiProcess(START) as anki:
        ids, end = study_weeks(anki, WEIGHTS)
        states = {card: anki.call("state", cid=card, at=end) for card in ids}
        paths = {}
        for legacy in (True, False):
            paths[legacy] = folder / f"weeks-{legacy}.apkg"
            anki.call("export", path=str(paths[legacy]), legacy=legacy, at=end)
    print(f"\nSix weeks in Anki ({len(ids)} cards, Forget, Set due date, suspend), imported")
    print(f"{'format':<28} {'cards':>5} {'max dS':>8} {'max dD':>7} {'due days equal':>15}")
    for legacy, path in paths.items():
        imported, package = import_apkg(path, with_history=True)
        history = import_history(package, imported, end, ROME)
        with Store(folder / f"progress-{legacy}.db", tz=ROME) as store:
            store.use_parameters(imported.deck.id, history.parameters)
            store.merge(history.reviews)
            worst_s = worst_d = 0.0
            same_due = reviews = 0
            for key, card_id in history.anki_cards.items():
                theirs, ours = states[card_id], store.state(key) or CardState()
                if theirs["stability"] is not None and ours.stability is not None:
                    worst_s = max(worst_s, abs(ours.stability / theirs["stability"] - 1))
                    worst_d = max(worst_d, abs((ours.difficulty or 0) - theirs["difficulty"]))
                if theirs["type"] == 2:
                    reviews += 1
                    days = study_days_between(end, ours.due or 0)
                    same_due += days == theirs["due"] - theirs["today"]
        print(
            f"{package.format:<28} {len(history.anki_cards):>5} {worst_s:>8.2%} "
            f"{worst_d:>7.4f} {same_due:>7} of {reviews:<5}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--histories", type=int, default=100)
    args = parser.parse_args()
    with AnkiProcess(START) as anki:
        repro(anki)
        histories(anki, args.histories)
    with tempfile.TemporaryDirectory() as folder:
        weeks(Path(folder))


if __name__ == "__main__":
    main()
