"""quizapp's schedule against Anki's real backend (`anki`, FSRS on) with a fake clock.

Anki runs in a child process under libfaketime (`anki_process`), in Europe/Rome (daylight
saving starts on 2024-03-31, inside the simulated weeks). The reference is Anki's collection
itself: its memory state after each answer, its due days, and its exported packages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.core.interop.anki_history import import_history
from quizapp.core.interop.anki_import import import_apkg
from quizapp.core.schedule import DAY_MS, MINUTE_MS, CardState, Parameters, Stage, fold_rows
from quizapp.core.store.database import Store
from tests.anki_reference.anki_process import AnkiProcess
from tests.anki_reference.compare import (
    ROME,
    fold_revlog,
    possible_days,
    rows_from_revlog,
    study_days_between,
)
from tests.anki_reference.scenario import START, WEIGHTS, study_weeks

HOUR_MS = 3_600_000


@pytest.fixture(scope="module")
def anki() -> Iterator[AnkiProcess]:
    with AnkiProcess(START) as process:
        yield process


def test_good_good_and_a_day_later_gives_ankis_figures_for_both_gaps(anki: AnkiProcess) -> None:
    """Good, Good 10 minutes later, Good 23.9 or 24.1 hours later: Anki gives stability
    7.32 for both (one study day apart); quizapp's fold of Anki's log gives the same."""
    for number, hours in enumerate((23.9, 24.1)):
        at = START + number * 10 * DAY_MS
        card = anki.call("add", front=f"repro {hours}")
        anki.call("answer", cid=card, ease=3, at=at)
        anki.call("answer", cid=card, ease=3, at=at + 10 * MINUTE_MS)
        before = fold_revlog(anki.call("revlog", cid=card), 0.9)
        last = at + 10 * MINUTE_MS + int(hours * HOUR_MS)
        theirs = anki.call("answer", cid=card, ease=3, at=last)
        ours = fold_revlog(anki.call("revlog", cid=card), 0.9)
        assert theirs["stability"] == pytest.approx(7.3193, abs=1e-4)
        assert ours.stability == theirs["stability"]
        assert ours.difficulty == theirs["difficulty"]
        allowed = possible_days(before, 3, last, 0.9)
        assert theirs["ivl"] in allowed
        assert study_days_between(last, ours.due or 0) in allowed


gaps = st.sampled_from(
    [MINUTE_MS, 10 * MINUTE_MS, 3 * HOUR_MS, 23 * HOUR_MS, 25 * HOUR_MS, 3 * DAY_MS]
) | st.integers(1, 45 * DAY_MS)
histories = st.lists(st.tuples(st.integers(1, 4), gaps), min_size=1, max_size=14)


class _Clocked:
    """One Anki process for many histories. Anki caches its day until the next day start, so
    its clock must never go back: each history starts after the one before, and a new process
    starts when the clock nears the end of what a timestamp can hold."""

    def __init__(self) -> None:
        self.process: AnkiProcess | None = None
        self.clock = START
        self.cards = 0

    def next(self) -> tuple[AnkiProcess, int]:
        if self.process is None or self.clock > START + 60 * 365 * DAY_MS:
            if self.process is not None:
                self.process.close()
            self.process, self.clock = AnkiProcess(START), START
        self.cards += 1
        return self.process, self.process.call("add", front=f"history {self.cards}")

    def close(self) -> None:
        if self.process is not None:
            self.process.close()


@pytest.fixture(scope="module")
def clocked() -> Iterator[_Clocked]:
    holder = _Clocked()
    yield holder
    holder.close()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(histories)
def test_memory_state_equals_ankis_for_any_history(
    clocked: _Clocked, history: list[tuple[int, int]]
) -> None:
    """Random ratings and gaps (same-day reviews, gaps across the day start, long breaks):
    after every answer quizapp's memory state is Anki's, to the last bit it stores."""
    anki, card = clocked.next()
    at = clocked.clock + DAY_MS
    for rating, gap in history:
        at += gap
        log = anki.call("revlog", cid=card)
        as_anki = fold_revlog(log, 0.9, anki_intervals=True)
        own = fold_revlog(log, 0.9)
        theirs = anki.call("answer", cid=card, ease=rating, at=at)
        log = anki.call("revlog", cid=card)
        ours = fold_revlog(log, 0.9)
        assert (ours.stability, ours.difficulty) == (theirs["stability"], theirs["difficulty"])
        assert ours.reps == theirs["reps"] and ours.lapses == theirs["lapses"]
        assert int(ours.stage) == theirs["type"]
        replayed = fold_revlog(log, 0.9, anki_intervals=True)
        assert replayed.interval == theirs["ivl"]
        if theirs["type"] == 2 and not (rating == 1 and as_anki.stage == Stage.REVIEW):
            # Anki's interval is one its fuzz could give; so is quizapp's own draw.
            assert theirs["ivl"] in possible_days(as_anki, rating, at, 0.9)
            assert ours.interval in possible_days(own, rating, at, 0.9)
    clocked.clock = at


# -- weeks of study, exported and imported -------------------------------------------------


@pytest.fixture(scope="module")
def studied(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("anki-weeks")
    with AnkiProcess(START) as anki:
        ids, end = study_weeks(anki, WEIGHTS)
        states = {card: anki.call("state", cid=card, at=end) for card in ids}
        logs = {card: anki.call("revlog", cid=card) for card in ids}
        packages = {}
        for legacy in (True, False):
            path = folder / f"weeks-{'legacy' if legacy else 'current'}.apkg"
            anki.call("export", path=str(path), legacy=legacy, at=end)
            packages["legacy" if legacy else "current"] = path
    return {"ids": ids, "end": end, "states": states, "logs": logs, "packages": packages}


@pytest.mark.parametrize("kind", ["legacy", "current"])
def test_an_anki_package_with_history_imports_to_ankis_state_on_every_card(
    studied: dict[str, object], kind: str, tmp_path: Path
) -> None:
    packages = studied["packages"]
    states = studied["states"]
    end = studied["end"]
    assert isinstance(packages, dict) and isinstance(states, dict) and isinstance(end, int)
    path = packages[kind]
    imported, package = import_apkg(path, with_history=True)
    assert package.collection == ("collection.anki21" if kind == "legacy" else "collection.anki21b")
    history = import_history(package, imported, end, ROME)
    assert history.deck.desired_retention == pytest.approx(0.85)
    assert history.parameters.weights[0] == pytest.approx(0.3)
    assert {"forget", "due-date", "suspend"} <= {r.mode for r in history.reviews}
    assert package.schedule is not None
    exported = package.schedule.cards
    with Store(tmp_path / "progress.db", tz=ROME) as store:
        store.use_parameters(imported.deck.id, history.parameters)
        store.merge(history.reviews)
        assert store.check().ok
        compared = 0
        for key, card_id in history.anki_cards.items():
            theirs = states[card_id]
            ours = store.state(key) or CardState()
            compared += 1
            if theirs["stability"] is None:
                assert ours.stability is None, key
            else:
                assert ours.stability == pytest.approx(theirs["stability"], rel=0.01), key
                assert ours.difficulty == pytest.approx(theirs["difficulty"], abs=0.01), key
            assert ours.suspended == (theirs["queue"] == -1), key
            # Anki's export unburies (its package has no buried card); a buried one would be.
            assert ours.is_buried(end) == (exported[card_id].queue in (-2, -3)), key
            assert int(ours.stage) == theirs["type"], key
            if theirs["type"] == 2:
                assert ours.interval == theirs["ivl"], key
                assert study_days_between(end, ours.due or 0) == theirs["due"] - theirs["today"]
            elif theirs["queue"] == 1:
                assert abs((ours.due or 0) - theirs["due"] * 1000) <= 5 * MINUTE_MS, key
        assert compared == len(states)


def test_quizapp_own_fuzz_stays_in_ankis_ranges_over_the_weeks(
    studied: dict[str, object],
) -> None:
    """The weeks' answers folded with quizapp's own fuzz instead of Anki's chosen intervals
    (with the deck's parameters): the memory state is still Anki's, and every interval is one
    Anki's fuzz could have given."""
    logs, states = studied["logs"], studied["states"]
    assert isinstance(logs, dict) and isinstance(states, dict)
    params = Parameters(weights=tuple(WEIGHTS))
    checked = 0
    for card_id, revlog in logs.items():
        if any(entry[1] == 0 for entry in revlog):
            continue  # Forget and Set due date: compared through the import above
        state = CardState()
        for row in rows_from_revlog(revlog, 0.85):
            before = state
            state = fold_rows([row], before, params=params, tz=ROME)
            if state.stage == Stage.REVIEW and not (row[3] == 1 and before.stage == Stage.REVIEW):
                assert state.interval in possible_days(before, row[3], row[1], 0.85, params)
                checked += 1
        theirs = states[card_id]
        assert (state.stability, state.difficulty) == (theirs["stability"], theirs["difficulty"])
    assert checked > 20


def test_quizapp_import_with_history_as_a_person_runs_it(
    studied: dict[str, object], tmp_path: Path
) -> None:
    """`quizapp import weeks.apkg --with-history` in a process of its own: Anki's parameters
    and retention land in the settings, and a study session then schedules with them."""
    import os
    import subprocess
    import sys

    from quizapp.core import settings as settings_file
    from quizapp.core.deck.loading import load_deck
    from quizapp.core.study.session import Session

    packages, states, end = studied["packages"], studied["states"], studied["end"]
    assert isinstance(packages, dict) and isinstance(states, dict) and isinstance(end, int)
    env = {**os.environ, "TZ": "Europe/Rome"}
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "import", str(packages["current"]), "-o", "w.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizapp",
            "import",
            str(packages["current"]),
            "-o",
            "w.toml",
            "--force",
            "--with-history",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "(1 Forget, 1 Set due date, 1 suspended)" in result.stdout
    assert "Schedule: Anki's FSRS parameters, desired retention 0.85" in result.stdout
    deck = load_deck(tmp_path / "w.toml")
    chosen = settings_file.load()
    assert chosen.deck_retention == {deck.id: pytest.approx(0.85)}
    assert chosen.fsrs_parameters[deck.id][0] == pytest.approx(0.3)
    with Store(tz=ROME) as store:
        assert store.parameters(deck.id).weights[0] == pytest.approx(0.3)
        assert store.check().ok
        studied_keys = [key for key, state in store.states(deck.id).items() if state.reps]
        assert len(studied_keys) == len(states)
        # A session keeps the deck's parameters and asks for its retention.
        session = Session(deck, store, chosen)
        assert store.parameters(deck.id).weights[0] == pytest.approx(0.3)
        assert session.settings.retention_for(deck.id) == pytest.approx(0.85)
