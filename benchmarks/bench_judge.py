"""How fast the judge is: judgments per second for text, figures and lists.

    python benchmarks/bench_judge.py [--seconds 0.5]

Targets: under 50 microseconds for a text answer, under 1 ms for a 5-item list. Expected answers
are prepared once and remembered (as in a study session, where each card comes back); each
typed answer is prepared afresh every time, as a learner types it anew. A verdict's diff is
drawn when first shown, so each case is timed without and with it.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp.core.judge import CardContext, Verdict, judge, judge_list, lexicon
from quizapp.core.judge.words import real_words

TIGERS = [["Baichuan"], ["Moonshot"], ["MiniMax"], ["Zhipu"], ["Alibaba", "Alibaba Group"]]
FOUNDER = CardContext(
    extra_ok=frozenset({"chi", "ha", "fondato", "deepseek"}),
    people=frozenset({"liang wenfeng"}),
    surnames=frozenset({"liang"}),
)
PRESIDENT = CardContext(people=frozenset({"xi jinping"}), surnames=frozenset({"xi"}))
MONTH = CardContext(other_lang="en", other=("(in) January",))

CASES: list[tuple[str, str, Callable[[], Verdict], float]] = [
    # (group, case, one judgment, target in microseconds)
    ("text", "exact", lambda: judge("Liang Wenfeng", ["Liang Wenfeng"], "it"), 50),
    ("text", "case and spaces", lambda: judge("  liang  WENFENG ", ["Liang Wenfeng"], "it"), 50),
    ("text", "accents (perche)", lambda: judge("perche", ["perché"], "it"), 50),
    ("text", "article missing", lambda: judge("addestramento", ["l'addestramento"], "it"), 50),
    ("text", "one typo", lambda: judge("Liang Wenfneg", ["Liang Wenfeng"], "it"), 50),
    (
        "text",
        "wrong, 3 alternatives",
        lambda: judge("Shenzhen", ["Hangzhou", "Hang-zhou", "(la città di) Hangzhou"], "it"),
        50,
    ),
    (
        "text",
        "reject list hit",
        lambda: judge("Jiang Wenfeng", ["Liang Wenfeng"], "it", reject=["Jiang Wenfeng"]),
        50,
    ),
    (
        "figures",
        "same amount, in words",
        lambda: judge("sei milioni di dollari", ["6 milioni di dollari", "6 milioni"], "it"),
        50,
    ),
    ("figures", "decimal comma", lambda: judge("54,9 miliardi", ["$54.9 miliardi"], "it"), 50),
    (
        "figures",
        "wrong scale",
        lambda: judge(
            "6 miliardi di dollari",
            ["6 milioni di dollari", "6 milioni"],
            "it",
            reject=["6 miliardi di dollari"],
        ),
        50,
    ),
    (
        "figures",
        "trilione, two figures",
        lambda: judge(
            "138 miliardi di dollari", ["1 trilione di yuan (138 miliardi di dollari)"], "it"
        ),
        50,
    ),
    (
        "figures",
        "wrong currency, bare form too",
        lambda: judge("6 milioni di euro", ["6 milioni (di dollari)", "$6 milioni"], "it"),
        50,
    ),
    (
        "teacher",
        "words around the answer",
        lambda: judge("era Liang Wenfeng", ["Liang Wenfeng"], "it", context=FOUNDER),
        50,
    ),
    (
        "teacher",
        "the other language",
        lambda: judge("January", ["gennaio", "a gennaio"], "it", context=MONTH),
        50,
    ),
    (
        "teacher",
        "name the other way round",
        lambda: judge("Wenfeng Liang", ["Liang Wenfeng", "Liang"], "it", context=FOUNDER),
        50,
    ),
    (
        "teacher",
        "another real word",
        lambda: judge("il diario", ["(il) divario"], "it"),
        50,
    ),
    (
        "teacher",
        "another form of the verb",
        lambda: judge("sfruttate", ["sfruttare"], "it"),
        50,
    ),
    (
        "teacher",
        "a surname alone",
        lambda: judge("Xi", ["Xi Jinping"], "it", context=PRESIDENT),
        50,
    ),
    (
        "teacher",
        "a year the card does not ask",
        lambda: judge("nel gennaio 2025", ["(a) gennaio", "nel mese di gennaio"], "it"),
        50,
    ),
    (
        "teacher",
        "a range for one year",
        lambda: judge("dal 2010 al 2024", ["2010", "(dal) 2010"], "it"),
        50,
    ),
    (
        "teacher",
        "an article of the wrong gender",
        lambda: judge("una divario", ["(il) divario"], "it"),
        50,
    ),
    (
        "lists",
        "5 items, exact",
        lambda: judge_list("Baichuan, Moonshot, MiniMax, Zhipu e Alibaba", TIGERS, "it"),
        1000,
    ),
    (
        "lists",
        "5 items, shuffled + typos",
        lambda: judge_list("Zhipo; Alibaba; Monshot; Baichaun; MiniMax", TIGERS, "it"),
        1000,
    ),
    (
        "lists",
        "5 items, 3 right + 2 not asked",
        lambda: judge_list("Baichuan, Tencent, Zhipu, Huawei e Moonshot", TIGERS, "it"),
        1000,
    ),
    (
        "lists",
        "5 items, spaces only",
        lambda: judge_list("baichuan moonshot minimax zhipu alibaba", TIGERS, "it"),
        1000,
    ),
]


def measure(call: Callable[[], object], seconds: float, runs: int = 9) -> float:
    """Microseconds per call: the best of `runs` runs (the machine may be busy with others)."""
    call()  # prepare the expected answers once, as a session would
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            call()
        elapsed = time.perf_counter() - start
        if elapsed > seconds / 20:
            break
        calls *= 2
    per_run = max(1, int(calls * (seconds / runs) / elapsed))
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(per_run):
            call()
        best = min(best, (time.perf_counter() - start) / per_run)
    return best * 1e6


def _with_diff(call: Callable[[], Verdict]) -> Callable[[], object]:
    def judged_and_shown() -> object:
        return call().diff.typed

    return judged_and_shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=0.5, help="time per case (default 0.5)")
    args = parser.parse_args()
    print(f"quizapp judge benchmark: Python {platform.python_version()}, {platform.machine()}")
    print("µs: microseconds per judgment (verdict, reason, rating); +diff: the diff drawn too")
    print(
        f"{'group':<8} {'case':<32} {'µs':>8} {'judgments/s':>12} {'µs +diff':>9} {'target µs':>10}"
    )
    over = 0
    for group, name, call, target in CASES:
        micro = measure(call, args.seconds)
        shown = measure(_with_diff(call), args.seconds)
        ok = shown < target
        over += not ok
        print(
            f"{group:<8} {name:<32} {micro:>8.1f} {1e6 / micro:>12,.0f} {shown:>9.1f} "
            f"{target:>10.0f} {'ok' if ok else 'over'}"
        )
    print("all within target (with the diff)" if not over else f"{over} case(s) over target")
    for lang in lexicon.LANGS:
        loads = []
        for _ in range(5):
            lexicon.words.cache_clear()
            real_words.cache_clear()
            start = time.perf_counter()
            size = len(real_words(lang))
            loads.append(time.perf_counter() - start)
        stored = (lexicon.DATA / f"words_{lang}.txt.gz").stat().st_size
        print(
            f"word list {lang}: {size:,} words ({stored / 1024:,.0f} KiB stored), read in "
            f"{min(loads) * 1e3:.1f} ms (once, when the judge first asks whether a word is real)"
        )
    print(f"first judgment in a fresh process: {first_judgment_ms():.0f} ms (import, word lists)")
    return 0


FIRST = """
import time
start = time.perf_counter()
from quizapp.core.judge import judge
judge("il diario", ["(il) divario"], "it")
print((time.perf_counter() - start) * 1e3)
"""


def first_judgment_ms(runs: int = 3) -> float:
    """What the first typed answer of a session costs: importing the judge, reading a word
    list, judging (the best of a few fresh processes)."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    times = [
        float(subprocess.run([sys.executable, "-c", FIRST], capture_output=True, text=True,
                             check=True, cwd=root).stdout)
        for _ in range(runs)
    ]  # fmt: skip
    return min(times)


if __name__ == "__main__":
    raise SystemExit(main())
