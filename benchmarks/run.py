"""Run every benchmark in this folder, one after the other (`make bench`).

Each script prints its own table; pass --small for a quick run where a script supports it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUICK = "--small" in sys.argv[1:]
SCRIPTS = [
    ("judge", ["bench_judge.py"]),
    ("deck import/export", ["interop.py", "10000"]),
    ("store and session", ["bench_store.py", *sys.argv[1:]]),
    ("quiz", ["bench_quiz.py"]),
    ("statistics", ["bench_stats.py"]),
    ("hostile input", ["hostile_inputs.py"]),
    ("optimize: 1k, 10k and 100k reviews", ["bench_optimize.py", *(["--small"] if QUICK else [])]),
    ("scale: 1k, 10k and 100k cards", ["bench_scale.py", *(["--quick"] if QUICK else [])]),
]


def main() -> int:
    failed = 0
    for title, command in SCRIPTS:
        print(f"\n== {title}: python benchmarks/{' '.join(command)}", flush=True)
        result = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], check=False)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
