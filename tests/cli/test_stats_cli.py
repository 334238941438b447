"""`quizapp stats` as a user runs it: tables, JSON (checked against its schema), CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from quizapp.core import locations
from quizapp.core.interop.toml_write import write_deck
from quizapp.core.schedule import DAY_MS, MINUTE_MS
from quizapp.core.store.database import Store
from quizapp.core.store.records import now_ms
from tests.cli.helpers import run_quizapp
from tests.hostile import raw_controls
from tests.stats_helpers import DECK, answer, learn, make_deck, qa, quiz, review_when_due

HOSTILE = "\x1b[2J\x1b]52;c;cGF3bmVk\x07"
"""Clears the screen and writes the clipboard if printed raw."""

_RECALL = {
    "type": "object",
    "required": ["reviews", "passed", "rate", "predicted"],
    "properties": {
        "reviews": {"type": "integer", "minimum": 0},
        "passed": {"type": "integer", "minimum": 0},
        "rate": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "predicted": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
    },
}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_RATIO = {"type": ["number", "null"], "minimum": 0, "maximum": 1}
_COUNT = {"type": "integer", "minimum": 0}
_GROUP = {
    "type": "object",
    "required": ["cards", "studied", "answers", "passed", "accuracy", "stability"],
    "properties": {
        "cards": _COUNT,
        "studied": _COUNT,
        "answers": _COUNT,
        "passed": _COUNT,
        "accuracy": _RATIO,
        "stability": {"type": ["number", "null"]},
    },
}
_CARD = {
    "type": "object",
    "required": ["deck", "card", "direction", "question", "lapses", "again", "leech", "confusions"],
    "properties": {
        "question": {"type": ["string", "null"]},
        "lapses": _COUNT,
        "again": _COUNT,
        "leech": {"type": "boolean"},
        "retrievability": _RATIO,
        "confusions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["answer", "count"],
                "properties": {"answer": {"type": "string"}, "count": _COUNT},
            },
        },
    },
}
_BUCKETS = {
    "type": "array",
    "items": {"type": "object", "required": ["label", "from", "to", "count"]},
}
STATS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": [
        "version",
        "generated_at",
        "deck",
        "decks",
        "days",
        "day_start_hour",
        "timezone",
        "period",
        "today",
        "heatmap",
        "forecast",
        "overdue",
        "retention",
        "by_tag",
        "by_direction",
        "hardest",
        "quizzes",
        "cards",
    ],
    "properties": {
        "version": {"const": 1},
        "deck": {"type": ["string", "null"]},
        "days": {"type": "integer", "minimum": 1},
        "period": {
            "type": "object",
            "required": ["from", "to", "answers", "cards", "again_rate", "time_ms"],
            "properties": {"from": _DATE, "to": _DATE, "again_rate": _RATIO},
        },
        "today": {
            "type": "object",
            "required": ["date", "answers", "cards", "again_rate", "time_ms", "streak"],
            "properties": {"date": _DATE, "streak": _COUNT},
        },
        "heatmap": {
            "type": "array",
            "minItems": 365,
            "maxItems": 365,
            "items": {
                "type": "object",
                "required": ["date", "count"],
                "properties": {"date": _DATE, "count": _COUNT},
                "additionalProperties": False,
            },
        },
        "forecast": {
            "type": "array",
            "minItems": 30,
            "maxItems": 30,
            "items": {"type": "object", "required": ["date", "due"]},
        },
        "retention": {
            "type": "object",
            "required": ["total", "young", "mature", "weeks", "cards", "sample_cards"],
            "properties": {
                "total": _RECALL,
                "young": _RECALL,
                "mature": _RECALL,
                "weeks": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["week", "total", "young", "mature"],
                        "properties": {
                            "week": _DATE,
                            "total": _RECALL,
                            "young": _RECALL,
                            "mature": _RECALL,
                        },
                    },
                },
            },
        },
        "by_tag": {"type": "array", "items": {**_GROUP, "required": ["tag", *_GROUP["required"]]}},
        "by_direction": {
            "type": "array",
            "items": {**_GROUP, "required": ["direction", *_GROUP["required"]]},
        },
        "hardest": {
            "type": "object",
            "required": ["lapses", "leeches", "leech_count", "lowest_retrievability"],
            "properties": {
                "lapses": {"type": "array", "items": _CARD},
                "leeches": {"type": "array", "items": _CARD},
                "lowest_retrievability": {"type": "array", "items": _CARD},
            },
        },
        "quizzes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["deck", "runs", "best", "last"],
                "properties": {
                    "best": _RATIO,
                    "last": _RATIO,
                    "runs": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["finished_at", "date", "score", "total", "ratio"],
                        },
                    },
                },
            },
        },
        "cards": {
            "type": "object",
            "required": [
                "new",
                "learning",
                "relearning",
                "review",
                "suspended",
                "total",
                "intervals",
                "difficulty",
            ],
            "properties": {"intervals": _BUCKETS, "difficulty": _BUCKETS},
        },
    },
}


@pytest.fixture
def history() -> int:
    """A deck in the user's decks folder and a week of answers; returns the time of the last."""
    deck = make_deck([qa("hard", ["people"], question=f"Capitale{HOSTILE}"), qa("easy", ["dates"])])
    folder = locations.user_decks_dir()
    folder.mkdir(parents=True)
    write_deck(deck, folder / "stats_deck.toml")
    start = now_ms() - 40 * DAY_MS
    with Store() as store:
        learn(store, "hard", start)
        learn(store, "easy", start)
        for _ in range(2):  # forget "hard" twice
            at = review_when_due(store, "hard", 1)
            answer(store, "hard", at + 10 * MINUTE_MS, 3)
        last = now_ms() - 2 * 3_600_000
        answer(store, "hard", last - 3 * MINUTE_MS, 1, mode="practice", typed=HOSTILE)
        answer(store, "hard", last - 2 * MINUTE_MS, 1, mode="practice", typed="=HYPERLINK(1)")
        answer(store, "easy", last, 4, mode="practice", typed="risposta")
        quiz(store, 1, last, 7)
    return last


def test_tables_escape_card_text_and_typed_answers(history: int) -> None:
    result = run_quizapp("stats")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for section in ("Today", "Answers per day, past year", "Cards due, next 30 days"):
        assert section in out
    assert "Retention of scheduled reviews" in out and "Hardest cards" in out
    assert "hard (it): 2 lapses" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out  # the typed answer, made visible
    assert "Capitale\\x1b[2J" in out  # the question, made visible
    assert max(len(line) for line in out.splitlines()) <= 80


def test_json_has_the_documented_shape_and_the_right_numbers(history: int) -> None:
    result = run_quizapp("stats", "--json", "--days", "7")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, STATS_SCHEMA)
    assert data["days"] == 7 and data["deck"] is None and DECK in data["decks"]
    assert data["period"]["answers"] == 3 and data["today"]["answers"] in (0, 3)
    assert [q["ratio"] for q in data["quizzes"][0]["runs"]] == [0.7]
    [hard] = [card for card in data["hardest"]["lapses"] if card["card"] == "hard"]
    assert hard["lapses"] == 2 and not hard["leech"]
    assert hard["question"] == f"Capitale{HOSTILE} (hard)"  # JSON escapes it by its own rules
    assert {c["answer"] for c in hard["confusions"]} == {HOSTILE, "=HYPERLINK(1)"}
    assert "\x1b" not in result.stdout  # ensure_ascii: \u001b
    tags = {group["tag"]: group for group in data["by_tag"]}
    assert tags["people"]["answers"] == 2 and tags["people"]["passed"] == 0


def test_one_deck_by_file_name_or_id(history: int) -> None:
    by_id = json.loads(run_quizapp("stats", "--json", "--deck", DECK).stdout)
    by_name = json.loads(run_quizapp("stats", "--json", "--deck", "stats_deck").stdout)
    assert by_id["deck"] == by_name["deck"] == DECK
    assert by_id["decks"] == [DECK]


def test_csv_one_row_per_review_safe_for_a_spreadsheet(history: int, tmp_path: Path) -> None:
    result = run_quizapp("stats", "--csv", "-", "--days", "60")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["review_id", "deck", "card", "direction"] and "typed" in header
    with Store() as store:
        answers = [r for r in store.reviews() if r.mode in ("study", "practice", "quiz")]
    assert len(body) == len(answers) == 11
    typed = [row[header.index("typed")] for row in body]
    assert "'=HYPERLINK(1)" in typed  # not a formula
    assert "\\x1b[2J\\x1b]52;c;cGF3bmVk\\x07" in typed
    assert "\x1b" not in result.stdout
    assert {row[header.index("rating")] for row in body} <= {"again", "hard", "good", "easy"}

    target = tmp_path / "class.csv"
    written = run_quizapp("stats", "--csv", str(target), "--days", "60")
    assert written.returncode == 0 and "Wrote 11 reviews" in written.stdout
    assert target.read_text(encoding="utf-8").count("\n") == 12
    target.write_text("keep me")
    again = run_quizapp("stats", "--csv", str(target))
    assert again.returncode == 1 and "--force" in again.stderr
    assert target.read_text() == "keep me"
    forced = run_quizapp("stats", "--csv", str(target), "--force", "--days", "1")
    assert forced.returncode == 0 and target.read_text().startswith("review_id")


def test_bad_input_gives_one_clear_message(history: int) -> None:
    unknown = run_quizapp("stats", "--deck", "nowhere")
    assert unknown.returncode == 1 and "no deck named 'nowhere'" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    days = run_quizapp("stats", "--days", "0")
    assert days.returncode == 2 and "days must be 1-3650" in days.stderr
    both = run_quizapp("stats", "--json", "--csv", "-")
    assert both.returncode == 2
    settings = locations.settings_path()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("day_start_hour = 99\n")
    broken = run_quizapp("stats")
    assert broken.returncode == 1 and "settings.toml:1:18" in broken.stderr
    assert settings.read_text() == "day_start_hour = 99\n"


def test_an_empty_log_still_reports(tmp_path: Path) -> None:
    result = run_quizapp("stats")
    assert result.returncode == 0, result.stderr
    assert "0 answers" in result.stdout and "streak 0 days" in result.stdout
    data = json.loads(run_quizapp("stats", "--json").stdout)
    jsonschema.validate(data, STATS_SCHEMA)
    assert data["retention"]["total"]["rate"] is None


BIDI_TYPED = "a\u202eb \x1b]52;c;SGVsbG8=\x07"
"""A typed answer with a bidi override, a clipboard write and a bell."""


def test_tables_escape_bidi_overrides_and_stay_within_80_columns() -> None:
    question = "Domanda lunga " + "\x1b[2J\u202e" * 20  # 14 columns raw, 134 escaped
    deck = make_deck(
        [qa("long", ["people"], question=question), qa("other", ["dates"])],
        title={"it": "Titolo \u202eolotit", "en": "Title \u202e\x1b]0;x\x07"},
    )
    folder = locations.user_decks_dir()
    folder.mkdir(parents=True)
    write_deck(deck, folder / "hostile_stats.toml")
    with Store() as store:
        learn(store, "long", now_ms() - 40 * DAY_MS)
        at = review_when_due(store, "long", 1)
        answer(store, "long", at + 10 * MINUTE_MS, 3)
        last = now_ms() - 2 * 3_600_000
        answer(store, "long", last, 1, mode="practice", typed=BIDI_TYPED)
        quiz(store, 1, last, 7)
    for args in (("stats",), ("stats", "--deck", DECK)):
        result = run_quizapp(*args)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert raw_controls(out) == [] and raw_controls(result.stderr) == []
        assert "typed instead: a\\u202eb \\x1b]52;c;SGVsbG8=\\x07 ×1" in out
        assert "    Domanda lunga \\x1b[2J\\u202e\\x1b[2J" in out  # the question, cut to width
        assert "  Title \\u202e\\x1b]0;x\\x07: " in out  # its quizzes
        assert max(len(line) for line in out.splitlines()) <= 80
    assert "quizapp statistics: Title \\u202e\\x1b]0;x\\x07" in out
    as_json = run_quizapp("stats", "--json")
    assert raw_controls(as_json.stdout) == []
    assert "\\u202e" in as_json.stdout  # ensure_ascii: escaped by JSON's own rules
    [card] = [c for c in json.loads(as_json.stdout)["hardest"]["lapses"] if c["card"] == "long"]
    assert [c["answer"] for c in card["confusions"]] == [BIDI_TYPED]  # and the data is exact
