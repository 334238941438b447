"""`quizapp study --tag` and `quizapp practice --tag` as a user runs them: in a separate
process on a pseudo-terminal of 80x24, with temporary data folders (conftest)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

from quizapp.core import locations
from quizapp.core.deck import load_deck
from quizapp.core.store import Store
from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK

CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


class Screen:
    """quizapp on a pseudo-terminal: what it shows (as text, without the escape codes)."""

    def __init__(self, *args: str) -> None:
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "en_GB.UTF-8"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "quizapp", *args],
            stdin=follower,
            stdout=follower,
            stderr=follower,
            env=env,
            start_new_session=True,
        )
        os.close(follower)
        self.leader = leader
        self.text = ""

    def wait_for(self, wanted: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.text:
            assert time.monotonic() < deadline, f"{wanted!r} not shown: {self.text[-800:]!r}"
            if select.select([self.leader], [], [], 0.5)[0]:
                chunk = os.read(self.leader, 65536).decode("utf-8", "replace")
                self.text += CONTROL.sub("", chunk)

    def send(self, keys: str) -> None:
        self.text = ""
        os.write(self.leader, keys.encode())

    def quit(self) -> int:
        os.write(self.leader, b"\x11")  # ctrl+q
        deadline = time.monotonic() + 30
        while self.process.poll() is None and time.monotonic() < deadline:
            if select.select([self.leader], [], [], 0.1)[0]:
                try:
                    os.read(self.leader, 65536)
                except OSError:
                    break
        code = self.process.wait(timeout=30)
        os.close(self.leader)
        return code


def _studied_cards() -> list[str]:
    with Store(locations.database_path()) as store:
        return [review.card_id for review in store.reviews(deck_id="deepseek-it")]


def test_study_help_lists_the_tag_option() -> None:
    for command in ("study", "practice"):
        shown = run_quizapp(command, "--help")
        assert shown.returncode == 0 and "--tag TAG" in shown.stdout


def test_an_unknown_tag_exits_2_naming_it_and_the_decks_tags() -> None:
    result = run_quizapp("study", "--tag", "people", "--tag", "nope")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "has no tag 'nope'" in result.stderr and "people" in result.stderr
    assert not locations.database_path().exists()  # nothing opened, nothing written


def test_study_by_tag_asks_and_saves_only_that_tags_cards() -> None:
    # In deck order the first cards with these tags are typed ones (the day's own order
    # would change with the date the test runs on).
    locations.settings_path().parent.mkdir(parents=True, exist_ok=True)
    locations.settings_path().write_text('new_order = "deck"\n', encoding="utf-8")
    screen = Screen("study", "--tag", "people", "--tag", "dates")
    screen.wait_for("Only people, dates")
    for answered in range(1, 4):
        screen.send("x\r")  # a wrong answer...
        screen.wait_for("1 Again")
        screen.send("\r")  # ...graded Again: saved before the counts change
        screen.wait_for(f"Only people, dates · New {20 - answered} · Learning {answered}")
    assert screen.quit() == 0
    deck = load_deck(BUNDLED_DECK)
    studied = _studied_cards()
    assert len(studied) == 3
    assert all({"people", "dates"} & set(deck.card(card_id).tags) for card_id in studied)


def test_practice_by_tag_ahead_of_the_schedule() -> None:
    """Every card tagged dates is typed (questions and a cloze sentence)."""
    screen = Screen("practice", "--tag", "dates")
    screen.wait_for("Only dates")
    screen.send("x\r")
    screen.wait_for("1 Again")
    screen.send("3")  # graded Good: it does not come back in this round
    screen.wait_for("Only dates · Practice · 4 left")
    assert screen.quit() == 0
    deck = load_deck(BUNDLED_DECK)
    with Store(locations.database_path()) as store:
        reviews = store.reviews(deck_id="deepseek-it")
        assert [review.mode.value for review in reviews] == ["practice"]
        assert "dates" in deck.card(reviews[0].card_id).tags
        assert store.states("deepseek-it") == {} or all(
            state.reps == 0 for state in store.states("deepseek-it").values()
        )
