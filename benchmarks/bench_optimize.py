"""How long does `quizapp optimize` take on 1k, 10k and 100k reviews?

    python benchmarks/bench_optimize.py [--small] [--rounds 3]

Each size is a simulated learner's log (benchmarks/learner.py, seeded) in a temporary store;
the timed part is `quizapp.core.study.optimize.optimize`: reading the log, making the training
items in study days, evaluating the current parameters, the fit and evaluating the fit (the
best of --rounds). Beside it, the fit and its two evaluations alone (the crate's
`compute_parameters` and `evaluate`), without reading the log and making the items.
--small stops at 10k.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.learner import simulate
from quizapp.core.settings import Settings
from quizapp.core.store import Store
from quizapp.core.study import optimize as opt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="1k and 10k only")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes = (1_000, 10_000) if args.small else (1_000, 10_000, 100_000)
    print(f"{'reviews in log':>14} {'used':>7} {'cards':>6} {'optimize s':>11} {'fit+eval s':>10} "
          f"{'log loss before':>15} {'after':>7}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            with Store(Path(folder) / f"{size}.sqlite3", tz=timezone.utc) as store:
                store.merge(simulate(size, seed=size, deck_id="sim"))
                best = float("inf")
                fit = None
                for _ in range(args.rounds):
                    started = time.perf_counter()
                    fit = opt.optimize(store, Settings(), "sim")
                    best = min(best, time.perf_counter() - started)
                assert fit is not None
                print(
                    f"{size:>14,} {fit.reviews:>7,} {fit.cards:>6,} {best:>11.3f} "
                    f"{fit.seconds:>10.3f} {fit.before.log_loss:>15.4f} {fit.after.log_loss:>7.4f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
