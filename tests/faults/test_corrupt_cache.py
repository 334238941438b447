"""A corrupt deck cache: ignored and rebuilt, never trusted; the deck and progress untouched."""

from __future__ import annotations

import hashlib
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synth import deck_text
from quizapp.core.deck import cache as deck_cache
from quizapp.core.deck.loading import load_deck, load_deck_cached
from quizapp.core.store.database import Store

REPO = Path(__file__).resolve().parents[2]

# Opens the deck as `quizapp study` does (through the cache), starts a session, prints the
# first question, answers it, and prints how many cards the deck has.
STUDY = """
import sys
from quizapp.core.deck.loading import load_deck_cached
from quizapp.core.rating import Rating
from quizapp.core.study.session import Session
from quizapp.core.store.database import Store
deck = load_deck_cached(sys.argv[1])
with Store() as store:
    session = Session(deck, store)
    turn = session.next()
    session.reveal()
    graded = session.grade(Rating.GOOD)
    print(len(deck.cards), turn.prompt.question, graded.review.id, sep="\\n")
"""


def study(deck: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", STUDY, str(deck)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "decks" / "grande.toml"
    path.parent.mkdir()
    path.write_text("\n".join(deck_text(400, seed=9)) + "\n", encoding="utf-8")
    return path


DAMAGE = {
    "truncated": lambda data: data[: len(data) * 2 // 3],
    "zeroed middle": lambda data: data[:5000] + bytes(4096) + data[9096:],
    "garbage": lambda data: random.Random(7).randbytes(len(data)),
    "header only": lambda data: data[: data.index(b"\n", len(deck_cache.MAGIC)) + 1],
    "other python": lambda data: data.replace(b'"python": [', b'"python": [2, ', 1),
}


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_each_start_after_a_corrupt_cache_works_and_loses_nothing(deck: Path, how: str) -> None:
    first = study(deck)
    assert first[0] == "400"
    cache = deck_cache.cache_file(deck)
    assert cache.is_file()
    deck_before = digest(deck)
    cache.write_bytes(DAMAGE[how](cache.read_bytes()))
    second = study(deck)
    assert second[0] == "400"
    assert digest(deck) == deck_before, "the deck file is never written"
    with Store() as store:
        assert store.has_review(first[2]) and store.has_review(second[2])
        assert store.check().ok
    # the cache was rebuilt and is trusted again
    assert list(deck_cache.read(cache, deck_cache.deck_key(deck)).cards) == list(
        load_deck(deck).cards
    )


# Builds the cache of a deck; with "before-replace" it kills itself once the temporary file is
# fully written but before it takes the cache's place, with "mid-write" after half of it.
BUILD = """
import os, signal, sys
from quizapp.core.deck import cache as deck_cache
from quizapp.core.deck.loading import load_deck_cached
when = sys.argv[2]
if when == "before-replace":
    deck_cache.os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
elif when == "mid-write":
    real_fdopen = os.fdopen
    class Half:
        def __init__(self, stream): self.stream = stream
        def __enter__(self): return self
        def __exit__(self, *exc): self.stream.close()
        def write(self, data):
            self.stream.write(data[: len(data) // 2]); self.stream.flush()
            os.kill(os.getpid(), signal.SIGKILL)
    deck_cache.os.fdopen = lambda fd, mode: Half(real_fdopen(fd, mode))
load_deck_cached(sys.argv[1])
"""


@pytest.mark.parametrize("when", ["before-replace", "mid-write", "at random"])
def test_killed_while_writing_the_cache_the_next_start_works(deck: Path, when: str) -> None:
    big = deck.with_name("enorme.toml")
    big.write_text("\n".join(deck_text(3_000, seed=10)) + "\n", encoding="utf-8")
    expected = list(load_deck(big).cards)
    cache = deck_cache.cache_file(big)
    rng = random.Random(11)
    for _ in range(4 if when == "at random" else 1):
        cache.unlink(missing_ok=True)
        worker = subprocess.Popen([sys.executable, "-c", BUILD, str(big), when], cwd=REPO)
        if when == "at random":
            time.sleep(rng.uniform(0.1, 1.2))
            worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=120)
        if when != "at random":
            assert worker.returncode == -signal.SIGKILL
            assert not cache.exists(), "a killed writer leaves no cache file"
            assert list(cache.parent.glob(".deck-*.tmp")), "only its temporary file"
        key = deck_cache.deck_key(big)
        if cache.exists():  # only ever a whole file: os.replace of a finished one
            assert list(deck_cache.read(cache, key).cards) == expected
        assert list(load_deck_cached(big).cards) == expected
        assert list(deck_cache.read(cache, key).cards) == expected


def test_two_processes_building_the_same_cache_at_once(deck: Path) -> None:
    code = (
        "import sys; from quizapp.core.deck.loading import load_deck_cached as l; "
        "print(len(l(sys.argv[1]).cards))"
    )
    for _ in range(3):
        deck_cache.cache_file(deck).unlink(missing_ok=True)
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", code, str(deck)], cwd=REPO, stdout=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        outputs = [worker.communicate(timeout=120)[0] for worker in workers]
        assert [worker.returncode for worker in workers] == [0, 0]
        assert outputs == ["400\n", "400\n"]
        cache = deck_cache.cache_file(deck)
        assert list(deck_cache.read(cache, deck_cache.deck_key(deck)).cards) == list(
            load_deck(deck).cards
        )
