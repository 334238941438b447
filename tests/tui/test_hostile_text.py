"""Hostile card text on the screens: shown as typed, never as markup, and no control, bidi or
zero-width character reaches the terminal (each is shown as its escape, `\\x1b`, `\\u202e`).

Two views of what the terminal gets: in Pilot, the screen's full update as the driver would
write it; and in a pseudo-terminal, the bytes a real `quizapp study` writes.
"""

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
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.quiz.run import QuizOptions
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.app import QuizApp
from quizapp.tui.format import highlighted
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.quiz_view import question_card
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.widgets.safe_input import SafeInput
from tests.hostile import ESCAPES, PAYLOAD, hostile_deck, raw_controls

# What must never be in the bytes written to the terminal. Textual writes its own CSI
# sequences (ESC [ ...) for colours and cursor moves, so ESC itself is allowed; these are not.
FORBIDDEN = {
    "an OSC sequence (clipboard, title, hyperlink)": "\x1b]",
    "the hostile colour sequence": "\x1b[31mrosso",
    "a clear-screen sequence": "\x1b[2J",
    "a bell": "\x07",
    "a backspace": "\x08",
    "a C1 CSI": "\x9b",
    "a bidi override": "\u202e",
    "a bidi isolate": "\u2066",
    "a zero-width space": "\u200b",
    "a zero-width joiner": "\u200d",
    "a byte order mark": "\ufeff",
}
SHOWN = [
    "[bold]grassetto[/] [/] [link=https://evil.invalid]clic[/link] $variable",
    "\\x1b[31mrosso\\x1b[0m",
    "\\x1b]52;c;ZWNobyBwd25lZA==\\x07",
    "abc\\u202edcba",
    "zero\\u200bwidth",
]


def forbidden_in(raw: str) -> list[str]:
    """What the output holds that it must not, each with a little of its context."""
    found = []
    for name, sequence in FORBIDDEN.items():
        at = raw.find(sequence)
        if at >= 0:
            found.append(f"{name}: {raw[max(0, at - 60) : at + 30]!r}")
    return found


def screen_output(app: App[object]) -> tuple[str, str]:
    """(the text on screen, the data the driver would write for a full repaint)."""
    update = app.screen._compositor.render_full_update()
    text = "\n".join("".join(strip.text for strip in line) for line in update.strips)
    raw = update.render_segments(app.console)
    return text, raw


def assert_harmless(app: App[object]) -> str:
    text, raw = screen_output(app)
    assert forbidden_in(raw) == []
    assert raw_controls(text) == []
    return text


class _Host(App[None]):
    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self._first = screen

    def on_mount(self) -> None:
        self.push_screen(self._first)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


async def test_every_card_of_a_hostile_deck_is_shown_harmlessly(
    store: Store, tmp_path: Path
) -> None:
    deck = load_deck(hostile_deck(tmp_path / "hostile.toml"))
    screen = StudyScreen(deck, store, Settings(ui_language="en", new_per_day=50))
    app = _Host(screen)
    seen: list[str] = []
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        while screen.turn is not None and len(seen) < 8:  # five cards, six prompts
            kind = screen.turn.prompt.kind
            text = assert_harmless(app)
            assert "[bold]grassetto[/]" in text or kind == "vocab", kind
            if screen.turn.options:
                await pilot.press("1")
            else:
                screen.query_one("#answer", Input).value = PAYLOAD  # typed by the learner
                await pilot.press("enter")
            await pilot.pause()
            text = assert_harmless(app)
            seen.append(kind)
            if kind == "qa":
                for form in SHOWN:
                    assert form in text, form
            await pilot.press("ctrl+t")  # the other language, in a notification
            await pilot.pause()
            assert_harmless(app)
            await pilot.press("4")  # Easy: the card does not come back today
            await pilot.pause()
        assert "qa" in seen and "cloze" in seen and "choice" in seen and "list" in seen
        assert "vocab" in seen
        assert ESCAPES["osc52_clipboard"] not in str(app.screen.sub_title)


async def test_home_shows_hostile_titles_and_broken_decks_harmlessly(tmp_path: Path) -> None:
    decks = locations.user_decks_dir()
    decks.mkdir(parents=True)
    hostile_deck(decks / "hostile.toml")
    (decks / f"broken{ESCAPES['osc_title']}.toml").write_text(
        f'[deck]\nid = "{ESCAPES["osc52_clipboard"].encode("unicode_escape").decode()}"\n',
        encoding="utf-8",
    )
    app = QuizApp(settings=Settings(ui_language="en", theme=ESCAPES["osc52_clipboard"]))
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#decks", DataTable)
        titles = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert any(title.startswith("broken\\x1b]0;hacked\\x07.toml") for title in titles)
        hostile_row = next(i for i, t in enumerate(titles) if t.startswith("Title "))
        table.move_cursor(row=hostile_row)
        await pilot.pause()
        text = assert_harmless(app)
        assert titles[hostile_row].startswith("Title [bold]grassetto[/] [/] [link=https://evil")
        # cut to the column's width, saying so
        assert "Title [bold]grassetto[/] [/] [link=http…" in text
        assert "Description [bold]grassetto[/] [/] [link=https://evil.invalid]clic[/link]" in text
        assert "\\x1b[31mrosso\\x1b[0m\\x1b[2J\\x1b[H\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in text
        broken_row = next(i for i, t in enumerate(titles) if t.startswith("broken"))
        table.move_cursor(row=broken_row)
        await pilot.pause()
        text = assert_harmless(app)
        assert "\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in text  # the id, quoted in the error
        assert app._notifications  # the unknown theme was named, harmlessly
        assert all(raw_controls(str(n.message)) == [] for n in app._notifications)


# -- the quiz and its results -------------------------------------------------------------------

QUIZ_HOSTILE = "[bold]x[/] \x1b]52;c;SGVsbG8=\x07 a\u202eb"
"""Markup, an OSC 52 clipboard write (with its bell) and a bidi override."""
QUIZ_SHOWN = ("[bold]x[/]", "\\x1b]52;c;SGVsbG8=\\x07", "a\\u202eb")
"""How QUIZ_HOSTILE must read on the screen: the markup as typed, the rest as escapes."""
TYPED = "[bold]typed[/] \x1b]52;c;SGVsbG8=\x07 \u202e"


def _quiz_deck(path: Path) -> Path:
    """Six question-and-answer cards and a cloze card whose texts all carry QUIZ_HOSTILE."""
    cards: list[dict[str, Any]] = [
        {
            "id": f"qa{n}",
            "kind": "qa",
            "it": {
                "question": f"Domanda {n} {QUIZ_HOSTILE}",
                "answers": [f"risposta {n} {QUIZ_HOSTILE}"],
                "note": f"nota {QUIZ_HOSTILE}",
            },
        }
        for n in range(1, 7)
    ]
    cards.append(
        {
            "id": "cloze",
            "kind": "cloze",
            "it": {
                "text": f"Frase {QUIZ_HOSTILE} con {{{{vuoto}}}}.",
                "note": f"nota {QUIZ_HOSTILE}",
            },
        }
    )
    document = {
        "deck": {
            "id": "hostile-quiz",
            "version": "1.0.0",
            "title": {"it": f"Quiz {QUIZ_HOSTILE}", "en": f"Quiz {QUIZ_HOSTILE}"},
            "description": {"it": "ostile", "en": "hostile"},
            "author": "quizapp",
            "license": "CC0-1.0",
        },
        "cards": cards,
    }
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def _shown(static: Static) -> str:
    return str(static.content)


def _assert_escaped(text: str, *, markup: bool = True) -> None:
    """`text` shows QUIZ_HOSTILE's escapes (and its markup as typed) and no raw character."""
    assert raw_controls(text) == [], text
    for form in QUIZ_SHOWN[0 if markup else 1 :]:
        assert form in text, (form, text)


async def test_a_quiz_and_its_results_show_hostile_card_text_escaped(
    store: Store, tmp_path: Path
) -> None:
    deck = load_deck(_quiz_deck(tmp_path / "quiz.toml"))
    screen = QuizScreen(deck, store, Settings(ui_language="en"), QuizOptions(length=7), seed=5)
    app = _Host(screen)
    formats: set[str] = set()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert raw_controls(str(screen.sub_title)) == [] and QUIZ_SHOWN[1] in screen.sub_title
        while screen.question is not None:
            question = screen.question
            formats.add(question.format)
            assert_harmless(app)
            _assert_escaped(_shown(screen.query_one("#question", Static)))
            if question.format == "typed":
                field = screen.query_one("#answer", SafeInput)
                field.value = TYPED  # as if pasted: the hidden characters are dropped
                assert raw_controls(field.value) == [] and "[bold]typed[/]" in field.value
                await pilot.press("enter")
            elif question.format == "choice":
                labels = [str(option.prompt) for option in screen.query_one(OptionList).options]
                for label in labels:
                    _assert_escaped(label)
                await pilot.press(str((question.correct + 1) % len(labels) + 1))  # a wrong one
            else:
                if not question.statement:
                    _assert_escaped(_shown(screen.query_one("#claim", Static)))
                await pilot.press("2" if question.claim_true else "1")  # the wrong one
            await pilot.pause()
            assert screen.result is not None
            assert_harmless(app)
            feedback = _shown(screen.query_one("#feedback", Static))
            assert question.prompt.note  # every card has one
            assert f"nota {QUIZ_SHOWN[0]} {QUIZ_SHOWN[1]} {QUIZ_SHOWN[2]}" in feedback
            if question.format == "typed":
                assert "[bold]typed[/]" in feedback  # what was typed, as typed
            _assert_escaped(feedback)
            await pilot.press("enter")
            await pilot.pause()
        assert formats == {"typed", "choice", "truefalse"}
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert_harmless(app)
        assert QUIZ_SHOWN[1] in str(results.sub_title)
        bodies = [_shown(body) for body in results.query(".body").results(Static)]
        assert len(bodies) == 7
        for body in bodies:
            _assert_escaped(body)  # the question, the claim or answer given, the right one
        assert any("You answered: [bold]typed[/]" in body for body in bodies), bodies


async def test_a_true_false_statement_underlines_the_escaped_claim(
    store: Store, tmp_path: Path
) -> None:
    deck = load_deck(_quiz_deck(tmp_path / "quiz.toml"))
    screen = QuizScreen(deck, store, Settings(ui_language="en"), QuizOptions(length=7), seed=5)
    async with _Host(screen).run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert screen.question is not None
        before, claim = f"Frase {QUIZ_HOSTILE} con ", f"vuoto {QUIZ_HOSTILE}"
        statement = replace(
            screen.question,
            format="truefalse",
            statement=f"{before}{claim}.",
            claim=claim,
            claim_at=len(before),
        )
        card = question_card(statement)
        assert card.highlight is not None
        text = highlighted(str(card.question), *card.highlight)
        [span] = text.spans
        assert text.plain[span.start : span.end] == f"vuoto {' '.join(QUIZ_SHOWN)}"


# -- the bytes a real terminal receives ---------------------------------------------------------


def _read_until(fd: int, wanted: bytes, limit: float) -> bytes:
    """Read from `fd` until `wanted` has appeared and two more seconds have passed (the rest of
    the screen is drawn), or `limit` seconds in all, or the other end closes."""
    data = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        if wanted in data:
            end = min(end, time.monotonic() + 2.0)
    return data


# Textual's own sequence for the mouse pointer's shape, the one OSC it writes.
_POINTER_SHAPE = re.compile(r"\x1b\]22;[a-z-]*\x07")


def test_quizapp_study_writes_no_hostile_sequence_to_the_terminal(tmp_path: Path) -> None:
    deck = hostile_deck(tmp_path / "hostile.toml")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "en_US.UTF-8"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "study", str(deck)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    try:
        shown = _read_until(leader, b"grassetto", 60)
        os.write(leader, b"\x11")  # ctrl+q
        shown += _read_until(leader, b"", 5)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        os.close(leader)
    output = _POINTER_SHAPE.sub("", shown.decode("utf-8", errors="replace"))
    assert "Domanda [bold]grassetto[/] [/] [link=https://evil.invalid]clic[/link]" in output
    assert "\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in output
    assert forbidden_in(output) == []
