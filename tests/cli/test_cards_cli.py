"""`quizapp cards` as a user runs it: the table (80 columns, text escaped), the JSON shape
(checked against a schema), actions on prompts named or filtered, undo, and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from quizapp.core import locations
from quizapp.core.schedule import DAY_MS
from quizapp.core.store import Store
from quizapp.core.store.records import now_ms
from tests.browse_helpers import SMALL_DECK, make_leech, write_small_deck
from tests.cli.helpers import run_quizapp

_NUMBER = {"type": ["number", "null"]}
PROMPT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "deck",
        "card",
        "direction",
        "kind",
        "tags",
        "question",
        "answer",
        "state",
        "due",
        "due_at",
        "interval",
        "stability",
        "difficulty",
        "retrievability",
        "reps",
        "lapses",
        "suspended",
        "buried",
        "leech",
    ],
    "properties": {
        "deck": {"type": "string"},
        "card": {"type": "string"},
        "direction": {"type": "string"},
        "kind": {"enum": ["qa", "vocab", "cloze", "choice", "list"]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "question": {"type": "string"},
        "answer": {"type": "string"},
        "state": {"enum": ["new", "learning", "review", "relearning"]},
        "due": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "due_at": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}T\d\d:\d\d:\d\dZ$"},
        "interval": {"type": ["integer", "null"], "minimum": 0},
        "stability": _NUMBER,
        "difficulty": _NUMBER,
        "retrievability": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "reps": {"type": "integer", "minimum": 0},
        "lapses": {"type": "integer", "minimum": 0},
        "suspended": {"type": "boolean"},
        "buried": {"type": "boolean"},
        "leech": {"type": "boolean"},
    },
}
LISTING_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "generated_at", "deck", "day_start_hour", "total", "count", "prompts"],
    "properties": {
        "version": {"const": 1},
        "generated_at": {"type": "string"},
        "deck": {"type": "string"},
        "day_start_hour": {"type": "integer"},
        "total": {"type": "integer"},
        "count": {"type": "integer"},
        "prompts": {"type": "array", "items": PROMPT_SCHEMA},
    },
}


@pytest.fixture
def small() -> Path:
    """The small deck in the user's decks folder, with a leech: `users` (it)."""
    path = write_small_deck(locations.user_decks_dir() / "small.toml")
    with Store(locations.database_path()) as store:
        make_leech(store, (SMALL_DECK, "users", "it"), now_ms() - 200 * DAY_MS)
    return path


def _json(*args: str) -> Any:
    result = run_quizapp("cards", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_json_lists_every_prompt_in_the_documented_shape(small: Path) -> None:
    data = _json(SMALL_DECK)
    jsonschema.validate(data, LISTING_SCHEMA)
    assert (data["deck"], data["total"], data["count"]) == (SMALL_DECK, 6, 6)
    keys = [(p["card"], p["direction"]) for p in data["prompts"]]
    assert keys[:4] == [("liang", "it"), ("city", "it"), ("cost", "it"), ("users", "it")]
    assert keys[4:] == [("addestramento", "it>en"), ("addestramento", "en>it")]
    leech = data["prompts"][3]
    assert (leech["leech"], leech["lapses"], leech["state"]) == (True, 8, "review")
    assert leech["stability"] > 0 and leech["interval"] >= 1 and leech["due"] is not None
    assert data["prompts"][1]["question"].startswith("[bold]Quale[/] \x1b[2J")  # the data itself


def test_the_json_is_filtered_and_sorted_like_the_screen(small: Path) -> None:
    assert [p["card"] for p in _json(SMALL_DECK, "--leech")["prompts"]] == ["users"]
    figures = _json(SMALL_DECK, "--tag", "figures", "--sort", "card", "--reverse")
    assert [p["card"] for p in figures["prompts"]] == ["users", "cost"]
    assert figures["total"] == 6 and figures["count"] == 2
    assert [p["card"] for p in _json(SMALL_DECK, "--search", "CITTA")["prompts"]] == ["city"]
    assert _json(SMALL_DECK, "--state", "suspended")["prompts"] == []
    by_lapses = _json(SMALL_DECK, "--sort", "lapses", "--reverse")["prompts"]
    assert by_lapses[0]["card"] == "users"


def test_the_table_fits_80_columns_and_shows_card_text_as_data(small: Path) -> None:
    result = run_quizapp("cards", "small.toml")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "browse-small: 6 of 6 prompts shown · 0 suspended · 1 leech"
    assert lines[1].split() == ["CARD", "DIR", "QUESTION", "STATE", "DUE", "IVL", "R", "LAP", "FL"]
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert "\x1b" not in result.stdout
    city = next(line for line in lines if line.startswith("city "))
    assert "[bold]Quale[/] …" in city
    users = next(line for line in lines if line.startswith("users "))
    assert users.split()[-1] == "L" and " review " in users


def test_suspend_a_leech_then_undo_it(small: Path) -> None:
    done = run_quizapp("cards", "suspend", SMALL_DECK, "--leech")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Suspended: 1 prompt of browse-small",
        "  users:it",
        "Undo: quizapp cards undo browse-small",
    ]
    listed = _json(SMALL_DECK, "--state", "suspended")
    assert [p["card"] for p in listed["prompts"]] == ["users"]
    with Store(locations.database_path()) as store:
        assert store.reviews((SMALL_DECK, "users", "it"))[-1].mode == "suspend"
        assert store.check().ok
    undone = run_quizapp("cards", "undo", SMALL_DECK)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.splitlines()[0] == "Undone: suspend of 1 prompt of browse-small"
    assert _json(SMALL_DECK, "--state", "suspended")["prompts"] == []
    again = run_quizapp("cards", "undo", SMALL_DECK)
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "quizapp cards: no action on the cards of the deck 'browse-small' to undo"
    )


def test_each_action_from_the_command_line(small: Path) -> None:
    change = _json_action("bury", SMALL_DECK, "liang", "addestramento:en>it")
    assert change["changed"] == [
        {"card": "liang", "direction": "it"},
        {"card": "addestramento", "direction": "en>it"},
    ]
    assert [p["card"] for p in _json(SMALL_DECK, "--state", "buried")["prompts"]] == [
        "liang",
        "addestramento",
    ]
    assert _json_action("unbury", SMALL_DECK, "liang")["changed"] == [
        {"card": "liang", "direction": "it"}
    ]
    assert _json_action("unbury", SMALL_DECK, "liang")["unchanged"] == [
        {"card": "liang", "direction": "it"}
    ]
    assert _json_action("set-due", SMALL_DECK, "cost", "--days", "0")["days"] == 0
    assert [p["card"] for p in _json(SMALL_DECK, "--due")["prompts"]] == ["cost", "users"]
    _json_action("reset", SMALL_DECK, "users")
    users = _json(SMALL_DECK, "--search", "utenti")["prompts"][0]
    assert (users["state"], users["stability"], users["lapses"]) == ("new", None, 8)
    _json_action("suspend", SMALL_DECK, "city")
    _json_action("unsuspend", SMALL_DECK, "city")
    assert _json(SMALL_DECK, "--state", "suspended")["prompts"] == []
    with Store(locations.database_path()) as store:
        modes = [r.mode.value for r in store.reviews(deck_id=SMALL_DECK) if r.mode != "study"]
        assert modes == ["bury", "bury", "unbury", "due-date", "forget", "suspend", "unsuspend"]
        assert store.check().ok


def _json_action(*args: str) -> Any:
    result = run_quizapp("cards", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


_ERROR = "quizapp cards: error: "
BAD_INPUT = [
    (
        ("suspend", SMALL_DECK, "nope"),
        1,
        "quizapp cards: the deck 'browse-small' has no card 'nope'",
    ),
    (
        ("suspend", SMALL_DECK, "liang:xx"),
        1,
        "quizapp cards: the card 'liang' has no direction 'xx' (its directions: it)",
    ),
    (
        ("reset", SMALL_DECK),
        2,
        _ERROR + "name the cards to reset (CARD or CARD:DIRECTION), or choose them with "
        "--tag, --state, --due, --leech or --search",
    ),
    (("set-due", SMALL_DECK, "liang"), 2, _ERROR + "set-due needs --days N (0: today)"),
    (("suspend",), 2, _ERROR + "suspend needs the deck: quizapp cards suspend DECK [CARD...]"),
    (
        (SMALL_DECK, "liang"),
        2,
        _ERROR + "give one deck to list (got 2); to act on cards, put the action first "
        "(suspend, unsuspend, bury, unbury, reset, set-due, undo)",
    ),
    (
        ("no-such-deck",),
        1,
        "quizapp: no deck named 'no-such-deck' (known decks: browse-small, deepseek-it)",
    ),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD_INPUT)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    small: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    with Store(locations.database_path()) as store:
        before = store.review_count()
    result = run_quizapp("cards", *args)
    assert (result.returncode, result.stderr.strip()) == (code, message)
    assert "Traceback" not in result.stderr and result.stdout == ""
    with Store(locations.database_path()) as store:
        assert store.review_count() == before


def test_set_due_refuses_days_out_of_range(small: Path) -> None:
    result = run_quizapp("cards", "set-due", SMALL_DECK, "liang", "--days", "-3")
    assert result.returncode == 2
    assert "the days must be a whole number from 0 (today) to 36500 (got '-3')" in result.stderr


def test_a_deck_without_progress_lists_its_new_prompts() -> None:
    data = _json()
    assert data["deck"] == "deepseek-it" and data["count"] == data["total"] > 400
    assert {p["state"] for p in data["prompts"]} == {"new"}
