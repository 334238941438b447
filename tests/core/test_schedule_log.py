"""The new rows of the log (forget, due-date, the day-start hour, Anki's intervals) are logged
like the others: exported and imported by the progress file, undone, folded by the store."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from quizapp.core.interop import progress_io
from quizapp.core.schedule import DAY_MS, MINUTE_MS, Parameters, Stage
from quizapp.core.store.database import Store
from quizapp.core.store.records import Review

ROME = ZoneInfo("Europe/Rome")
T0 = 1_740_819_600_000  # 2025-03-01 10:00 in Rome
KEY = ("deck", "card", "it")


def _rows() -> list[Review]:
    return [
        Review("01", *KEY, at=T0, rating=3, retention=0.9, day_start=4),
        Review("02", *KEY, at=T0 + 10 * MINUTE_MS, rating=3, retention=0.9, day_start=4),
        Review("03", *KEY, at=T0 + DAY_MS, rating=3, retention=0.9, until=9, day_start=4),
        Review("04", *KEY, at=T0 + 2 * DAY_MS, mode="due-date", until=5, day_start=4),
        Review("05", *KEY, at=T0 + 3 * DAY_MS, mode="forget", day_start=4),
    ]


def test_the_new_rows_survive_a_progress_file_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "one.db", tz=ROME) as one:
        one.merge(_rows())
        progress_io.export_file(one, tmp_path / "progress.jsonl", T0 + 4 * DAY_MS)
        before = one.state(KEY)
    with Store(tmp_path / "two.db", tz=ROME) as two:
        progress_io.import_file(two, tmp_path / "progress.jsonl")
        assert two.reviews(KEY) == one_reviews(tmp_path)
        assert two.state(KEY) == before
    text = (tmp_path / "progress.jsonl").read_text(encoding="utf-8")
    assert '"days": 5' in text and '"days": 9' in text and '"day_start": 4' in text


def one_reviews(tmp_path: Path) -> list[Review]:
    with Store(tmp_path / "one.db", tz=ROME) as one:
        return one.reviews(KEY)


def test_an_anki_interval_sets_the_due_day_and_forget_makes_the_card_new(tmp_path: Path) -> None:
    with Store(tmp_path / "p.db", tz=ROME) as store:
        store.merge(_rows()[:3])
        state = store.state(KEY)
        assert state is not None and state.interval == 9  # Anki's, not a new draw
        store.merge(_rows()[3:4])
        moved = store.state(KEY)
        assert moved is not None and moved.interval == 1 + 5 and moved.stage == Stage.REVIEW
        store.merge(_rows()[4:])
        reset = store.state(KEY)
        assert reset is not None and reset.stage == Stage.NEW and reset.stability is None
        store.undo(["05"])
        assert store.state(KEY) == moved
        assert store.check().ok


def test_parameters_in_force_are_kept_and_refold_the_deck(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store(path, tz=ROME) as store:
        store.merge(_rows()[:2])
        default = store.state(KEY)
        tuned = Parameters(learning_steps=(60, 600, 3600))
        assert store.use_parameters("deck", tuned)
        assert not store.use_parameters("deck", tuned)
        refolded = store.state(KEY)
        assert default is not None and refolded is not None
        assert default.stage == Stage.REVIEW and refolded.stage == Stage.LEARNING
    with Store(path, tz=ROME) as again:
        assert again.parameters("deck") == tuned
        assert again.check().ok
