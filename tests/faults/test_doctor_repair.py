"""A damaged page inside the progress database (an index's, or the review log's own): `doctor`
always reports, in text and in JSON, and `doctor --repair` copies every review that can still
be read into a fresh database, keeps the damaged file aside, and study works afterwards."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.store import Store
from quizapp.core.study.session import Session
from tests.cli.helpers import run_quizapp
from tests.faults.test_storage_faults import SETTINGS, answer_one, new_session
from tests.progress_helpers import counter_ids, fake_judge, make_deck

REVIEWS = 300


def _fill() -> list[str]:
    with Store() as store:
        session = new_session(store, deck_cards=REVIEWS)
        return [answer_one(session) for _ in range(REVIEWS)]


def _pages(sql: str) -> list[int]:
    con = sqlite3.connect(locations.database_path())
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return [int(row[0]) for row in con.execute(sql)]
    finally:
        con.close()


def _overwrite(page: int) -> None:
    """Page `page` (1-based) of the database file, overwritten with garbage."""
    path = locations.database_path()
    size = 4096
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(bytes(range(256)) * (size // 256))


REVIEW_INDEXES = ["sqlite_autoindex_reviews_1", "reviews_by_card", "reviews_by_day"]


def _damage_index(name: str) -> None:
    [root] = _pages(f"SELECT rootpage FROM sqlite_master WHERE name = '{name}'")
    _overwrite(root)


def _doctor(*args: str) -> tuple[int, str, str]:
    result = run_quizapp("doctor", *args, timeout=120)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stdout, result.stderr


def _assert_study_works(expected: list[str]) -> None:
    with Store() as store:
        assert store.notice is None
        assert [r for r in expected if not store.has_review(r)] == []
        assert store.check().ok
        later = Session(make_deck(qa=40), store, SETTINGS, judge=fake_judge, ids=counter_ids("n"))
        assert store.has_review(answer_one(later))


@pytest.mark.parametrize("index", REVIEW_INDEXES)
def test_a_damaged_index_is_reported_and_repaired_losing_nothing(index: str) -> None:
    saved = _fill()
    assert index in {
        name
        for (name,) in sqlite3.connect(locations.database_path()).execute(
            "SELECT name FROM sqlite_master WHERE tbl_name = 'reviews' AND type = 'index'"
        )
    }
    _damage_index(index)
    database = locations.database_path()
    damaged = database.read_bytes()

    code, out, _err = _doctor()
    assert code == 1
    assert "Integrity: FAILED: " in out and "quizapp doctor --repair" in out
    code, out, _err = _doctor("--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False and report["integrity"] != ["ok"]
    code, out, _err = _doctor("--rebuild")  # rebuilding state cannot mend the file
    assert code == 1 and "quizapp doctor --repair" in out

    code, out, _err = _doctor("--repair")
    assert code == 1  # a problem was found (and fixed)
    [aside] = database.parent.glob("progress.sqlite3.corrupt-*[0-9TZ]")
    assert f"Recovered {REVIEWS} reviews" in out and str(aside) in out
    assert aside.read_bytes() == damaged  # kept as it was
    assert "Integrity: ok" in out
    code, out, _err = _doctor("--json")
    assert code == 0 and json.loads(out)["reviews"] == REVIEWS
    _assert_study_works(saved)


def test_a_damaged_page_of_the_log_itself_loses_only_the_rows_on_it() -> None:
    saved = _fill()
    con = sqlite3.connect(locations.database_path())
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # A leaf page of the log in the middle: the table's pages hold rows in seq order.
    [root] = [r for (r,) in con.execute("SELECT rootpage FROM sqlite_master WHERE name='reviews'")]
    con.close()
    code, out, _err = _doctor("--json")
    assert code == 0
    pages = sorted(_leaf_pages(root))
    assert len(pages) >= 3
    _overwrite(pages[len(pages) // 2])

    code, out, _err = _doctor("--repair", "--json")
    assert code == 1
    repaired = json.loads(out)["repaired"]
    assert repaired["unreadable"] == ["reviews"]
    # Only the rows of that one page are lost: those before it and after it are all there.
    assert REVIEWS - 100 < repaired["reviews"] < REVIEWS
    with Store() as store:
        kept = [r for r in saved if store.has_review(r)]
    assert saved[0] in kept and saved[-1] in kept
    _assert_study_works(kept)


def _leaf_pages(root: int) -> list[int]:
    """The leaf pages of the table b-tree rooted at `root` (read from the file itself)."""
    data = locations.database_path().read_bytes()
    size = 4096
    leaves: list[int] = []

    def walk(page: int) -> None:
        start = (page - 1) * size
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind == 0x0D:
            leaves.append(page)
            return
        assert kind == 0x05
        cells = int.from_bytes(data[header + 3 : header + 5], "big")
        for cell in range(cells):
            pointer = int.from_bytes(data[header + 12 + 2 * cell : header + 14 + 2 * cell], "big")
            walk(int.from_bytes(data[start + pointer : start + pointer + 4], "big"))
        walk(int.from_bytes(data[header + 8 : header + 12], "big"))

    walk(root)
    return leaves


def test_repair_on_a_healthy_database_changes_nothing() -> None:
    _fill()
    before = os.listdir(locations.data_dir())
    code, out, _err = _doctor("--repair")
    assert code == 0 and "Integrity: ok" in out
    assert os.listdir(locations.data_dir()) == before
    assert not list(Path(locations.data_dir()).glob("*.corrupt-*"))
