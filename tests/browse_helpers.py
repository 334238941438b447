"""A log with a leech in it, for the tests of the card browser (core, command line, screen).

`make_leech` answers one prompt as a learner who keeps forgetting it: Easy the first time, then
Again (a lapse) and Easy again, eight times, each when the card is due. `study_some` gives a
few other prompts a first answer, so that the browser shows every state.
"""

from __future__ import annotations

import json
from pathlib import Path

from quizapp.core.rating import Rating
from quizapp.core.schedule import DAY_MS, MINUTE_MS, CardState
from quizapp.core.store import Key, Review, Store

LEECH_LAPSES = 8


def answer(store: Store, key: Key, at: int, rating: Rating, serial: int) -> CardState:
    state = store.record(
        Review(f"{at:012x}{serial:016x}", *key, at=at, rating=rating, retention=0.9, day_start=4)
    )
    assert state is not None
    return state


def make_leech(store: Store, key: Key, start: int, lapses: int = LEECH_LAPSES) -> int:
    """Answer `key` into a leech from `start`; the time of the last answer."""
    serial = 0
    state = answer(store, key, start, Rating.EASY, serial)
    at = start
    for _ in range(lapses):
        at = max((state.due or at) + 60 * MINUTE_MS, at + MINUTE_MS)
        serial += 1
        state = answer(store, key, at, Rating.AGAIN, serial)
        at += 11 * MINUTE_MS
        serial += 1
        state = answer(store, key, at, Rating.EASY, serial)
    assert state.lapses == lapses
    return at


def study_some(store: Store, keys: list[Key], at: int) -> None:
    """A first answer for each key: Good (learning), Easy (review) in turn."""
    for number, key in enumerate(keys):
        rating = Rating.GOOD if number % 2 == 0 else Rating.EASY
        answer(store, key, at + number * 1000, rating, 10_000 + number)


def days(n: int) -> int:
    return n * DAY_MS


SMALL_DECK = "browse-small"
HOSTILE_QUESTION = "[bold]Quale[/] \x1b[2Jcittà? [@click=app.quit]q[/]"
"""Markup, a Textual action link and a screen-clearing escape: shown as typed, never run."""


def write_small_deck(path: Path) -> Path:
    """A deck of four qa cards (tags people / figures) and one vocab card (two prompts)."""
    cards = [
        ("liang", "people", "Chi ha fondato DeepSeek?", "Liang Wenfeng"),
        ("city", "places", HOSTILE_QUESTION, "Hangzhou"),
        ("cost", "figures", "Quanto è costato V3?", "6 milioni di dollari"),
        ("users", "figures", "Quanti utenti ha Kimi?", "36 milioni"),
    ]
    lines = [
        "[deck]",
        f'id = "{SMALL_DECK}"',
        'version = "1.0.0"',
        'languages = ["it", "en"]',
        'author = "Test"',
        'license = "CC0-1.0"',
        "[deck.title]",
        'it = "Mazzo piccolo"',
        'en = "Small deck"',
        "[deck.description]",
        'it = "Per le prove."',
        'en = "For the tests."',
    ]
    for card_id, tag, question, answer_text in cards:
        lines += [
            "[[cards]]",
            f'id = "{card_id}"',
            'kind = "qa"',
            f'tags = ["{tag}"]',
            "[cards.it]",
            f"question = {json.dumps(question)}",
            f"answers = [{json.dumps(answer_text)}]",
            "[cards.en]",
            f"question = {json.dumps(question + ' (en)')}",
            f"answers = [{json.dumps(answer_text)}]",
        ]
    lines += [
        "[[cards]]",
        'id = "addestramento"',
        'kind = "vocab"',
        'tags = ["vocab"]',
        "[cards.it]",
        'terms = ["(l\')addestramento"]',
        "[cards.en]",
        'terms = ["training"]',
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
