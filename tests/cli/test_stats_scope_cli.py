"""`quizapp stats --deck`: the figures of one deck say nothing of the other decks' cards."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli.helpers import run_quizapp


def test_one_deck_lists_only_its_own_tags(tmp_path: Path) -> None:
    lesson = tmp_path / "lezione_3.txt"
    lesson.write_text("il gatto\tthe cat\nil cane\tthe dog\n", encoding="utf-8")
    imported = run_quizapp("import", str(lesson), "--tag", "lesson-3")
    assert imported.returncode == 0, imported.stderr
    assert (Path(os.environ["QUIZAPP_DATA_DIR"]) / "decks" / "lezione-3.toml").is_file()

    one = run_quizapp("stats", "--deck", "deepseek-it", "--json")
    assert one.returncode == 0, one.stderr
    tags = {group["tag"]: group["cards"] for group in json.loads(one.stdout)["by_tag"]}
    assert "lesson-3" not in tags
    assert tags["people"] > 0

    text = run_quizapp("stats", "--deck", "deepseek-it")
    by_tag = text.stdout.split("By tag", 1)[1].split("By direction", 1)[0]
    assert "lesson-3" not in by_tag and "people" in by_tag

    every = run_quizapp("stats", "--json")
    everything = {group["tag"]: group["cards"] for group in json.loads(every.stdout)["by_tag"]}
    assert everything["lesson-3"] == 2  # all decks: both decks' tags
    alone = run_quizapp("stats", "--deck", "lezione-3", "--json")
    assert [g["tag"] for g in json.loads(alone.stdout)["by_tag"]] == ["lesson-3"]
