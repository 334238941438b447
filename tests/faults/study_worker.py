"""A scripted study session for the fault tests: answers as fast as it can and reports each
answer on stdout (`saved <id>`) only after `grade()` has returned, i.e. after the commit.

    python -m tests.faults.study_worker --start-ms 1740992400000 --seed 3 [--answers N]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import timedelta

from quizapp.core.rating import Rating
from quizapp.core.schedule import from_ms
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.core.study.session import Session
from tests.progress_helpers import FakeClock, make_deck


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--start-ms", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--answers", type=int, default=0, help="stop after N (0: never)")
    parser.add_argument("--undo", type=float, default=0.1, help="share of answers undone")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    clock = FakeClock(from_ms(args.start_ms))
    deck = make_deck(qa=150, vocab=100, choice=20)
    settings = Settings(new_per_day=9999, reviews_per_day=99999)
    out = sys.stdout
    with Store() as store:
        session = Session(deck, store, settings, clock=clock, seed=args.seed, judge=_judge)
        out.write("ready\n")
        out.flush()
        done = 0
        while not args.answers or done < args.answers:
            turn = session.next()
            if turn is None:
                clock.advance(hours=6)
                continue
            if turn.answer_mode == "choice":
                session.choose(rng.randrange(len(turn.options)))
            elif rng.random() < 0.3:
                session.reveal()
            else:
                session.answer(turn.prompt.expected[0] if rng.random() < 0.8 else "no")
            graded = session.grade(rng.choice(list(Rating)))
            out.write(f"saved {graded.review.id}\n")
            out.flush()
            done += 1
            clock.now += timedelta(seconds=rng.randrange(5, 90))
            if rng.random() < args.undo:
                out.write(f"undoing {graded.review.id}\n")
                out.flush()
                session.undo()
                out.write(f"undone {graded.review.id}\n")
                out.flush()
    return 0


def _judge(prompt, typed):  # type: ignore[no-untyped-def]
    from tests.progress_helpers import fake_judge

    return fake_judge(prompt, typed)


if __name__ == "__main__":
    raise SystemExit(main())
