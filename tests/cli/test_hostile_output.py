"""Hostile text never reaches the terminal raw: every command escapes what it prints.

Each test runs a command as a user does, on a deck, a file or a database that carries Rich
markup, terminal escape sequences (CSI, OSC 52, OSC 8, the bell, carriage returns,
backspaces, C1 controls), bidi overrides and zero-width characters, and checks that neither
standard output nor standard error holds one of those characters raw.
"""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import subprocess
import sys
from pathlib import Path

import tomli_w

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from tests.cli.helpers import run_quizapp
from tests.hostile import (
    ALL_ESCAPES,
    ESCAPES,
    MARKUP,
    PAYLOAD,
    escaped_forms,
    hostile_deck,
    hostile_document,
    raw_controls,
)


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert raw_controls(result.stdout) == [], result.stdout
    assert raw_controls(result.stderr) == [], result.stderr
    assert "Traceback" not in result.stderr


def test_validate_quotes_hostile_values_escaped(tmp_path: Path) -> None:
    document = hostile_document()
    document["deck"]["id"] = PAYLOAD  # not a slug: the message quotes it
    document["deck"][PAYLOAD] = 1  # an unknown key: the message names it
    document["cards"][0]["kind"] = ALL_ESCAPES  # an unknown kind: named too
    document["cards"][1]["pos"] = PAYLOAD  # not one of the parts of speech: quoted
    document["cards"][2]["it"]["text"] = f"{{{{{ALL_ESCAPES}"  # unbalanced gap
    document["cards"][3]["it"]["answer"] = f"({ALL_ESCAPES}"  # unclosed parenthesis
    path = tmp_path / "broken.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    result = run_quizapp("validate", str(path))
    assert result.returncode == 1
    assert_clean(result)
    assert result.stdout.count(": error: ") >= 6
    assert "unknown key '[bold]grassetto[/]" in result.stdout
    assert "unknown card kind '\\x1b[31mrosso\\x1b[0m" in result.stdout
    as_json = run_quizapp("validate", "--json", str(path))
    assert as_json.returncode == 1
    assert_clean(as_json)
    messages = [p["message"] for p in json.loads(as_json.stdout)["files"][0]["problems"]]
    assert any(ESCAPES["csi_colour"] in message for message in messages)  # JSON keeps the data


def test_decks_lists_a_hostile_title_escaped(tmp_path: Path) -> None:
    good = hostile_deck(tmp_path / "good.toml")
    broken = tmp_path / f"broken{ESCAPES['osc52_clipboard']}.toml"
    broken.write_text(f"[deck]\nid = {json.dumps(PAYLOAD)}\n", encoding="utf-8")
    result = run_quizapp("decks", str(good), str(broken))
    assert result.returncode == 1
    assert_clean(result)
    assert "Title [bold]grassetto[/] [/] [link=https://evil.invalid]clic[/link]" in result.stdout
    assert "broken\\x1b]52;c;ZWNobyBwd25lZA==\\x07.toml" in result.stdout


def test_judge_shows_card_text_and_typed_text_escaped(tmp_path: Path) -> None:
    deck = hostile_deck(tmp_path / "deck.toml")
    for card in ("qa", "vocab", "cloze", "choice", "list"):
        result = run_quizapp("judge", "--deck", str(deck), "--card", card, "--", PAYLOAD)
        assert result.returncode == 0, result.stderr
        assert_clean(result)
        assert "[bold]grassetto[/]" in result.stdout
    result = run_quizapp("judge", "--expected", PAYLOAD, "--", f"{PAYLOAD}x")
    assert result.returncode == 0
    assert_clean(result)
    qa = run_quizapp("judge", "--deck", str(deck), "--card", "qa", "--", "nothing like it")
    assert any(form in qa.stdout for form in escaped_forms())


def test_import_and_export_messages_are_escaped(tmp_path: Path) -> None:
    source = tmp_path / f"lezione{ESCAPES['osc_title']}.csv"
    in_a_cell = ALL_ESCAPES.replace("\r", "")  # a carriage return ends a CSV row
    rows = [
        "italiano,inglese",
        f"cane {MARKUP},dog {in_a_cell}",
        f"gatto,({ESCAPES['bell']}",  # a parenthesis from a CSV is a literal one
        f"topo {ESCAPES['bidi_override']},",  # an empty cell: skipped
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    output = tmp_path / f"out{ESCAPES['c1_csi']}.toml"
    imported = run_quizapp("import", str(source), "-o", str(output))
    assert imported.returncode == 0, imported.stderr
    assert_clean(imported)
    assert "lezione\\x1b]0;hacked\\x07.csv" in imported.stdout
    assert "out\\x9b31m.toml" in imported.stdout
    assert "skipped" in imported.stdout
    # The deck keeps the text exactly: escaping is for the terminal only.
    cane, gatto = load_deck(output).cards
    assert cane.it.terms == [f"cane {MARKUP}"] and cane.en.terms == [f"dog {in_a_cell}"]
    assert gatto.en.terms == ["\\(ding\x07"]
    exported = tmp_path / f"csv{ESCAPES['bell']}.csv"
    deck = hostile_deck(tmp_path / "h.toml")
    result = run_quizapp("export", str(deck), "--to", "csv", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    assert "csvding\\x07.csv" in result.stdout
    assert ESCAPES["osc52_clipboard"] in exported.read_text(encoding="utf-8-sig")


def test_export_to_standard_output_is_exact_in_a_pipe_and_escaped_on_a_terminal(
    tmp_path: Path,
) -> None:
    deck = hostile_deck(tmp_path / "h.toml")
    piped = run_quizapp("export", str(deck), "--to", "csv", "-o", "-")
    assert piped.returncode == 0
    assert ESCAPES["osc52_clipboard"] in piped.stdout  # data into a pipe is the data
    shown = _on_a_terminal("export", str(deck), "--to", "csv", "-o", "-")
    assert raw_controls(shown.replace("\r\n", "\n")) == []
    assert "\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in shown


def _on_a_terminal(*args: str) -> str:
    """Run quizapp with its standard output on a pseudo-terminal; what the terminal got."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TERM": "dumb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8")


def _hostile_progress_file(path: Path) -> Path:
    lines = [
        {"format": "quizapp-progress", "version": 1},
        {
            "type": "review",
            "id": "r1",
            "deck": f"deck{ESCAPES['osc52_clipboard']}",
            "card": f"card{ESCAPES['bidi_override']}",
            "direction": "it",
            "at": "2025-03-03T09:00:00Z",
            "mode": "study",
            "rating": "good",
            "typed": PAYLOAD,
        },
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_progress_commands_escape_what_they_print(tmp_path: Path) -> None:
    imported = run_quizapp("import-progress", str(_hostile_progress_file(tmp_path / "p.jsonl")))
    assert imported.returncode == 0, imported.stderr
    assert_clean(imported)
    # A card state that disagrees with the log: doctor names the card.
    con = sqlite3.connect(locations.database_path())
    con.execute("UPDATE card_state SET reps = reps + 5")
    con.commit()
    con.close()
    doctor = run_quizapp("doctor")
    assert doctor.returncode == 1
    assert_clean(doctor)
    assert "deck\\x1b]52;c;ZWNobyBwd25lZA==\\x07/card" in doctor.stdout
    exported = _on_a_terminal("export-progress")
    assert raw_controls(exported.replace("\r\n", "\n")) == []
    assert "\\u001b]52" in exported  # JSON escapes on a terminal
    bad = tmp_path / f"bad{ESCAPES['clear_screen']}.jsonl"
    bad.write_text(
        json.dumps({"format": "quizapp-progress", "version": 1})
        + "\n"
        + json.dumps({"type": "review", PAYLOAD: 1})
        + "\n",
        encoding="utf-8",
    )
    refused = run_quizapp("import-progress", str(bad))
    assert refused.returncode == 1
    assert_clean(refused)
    assert "bad\\x1b[2J\\x1b[H.jsonl:2" in refused.stderr


def test_a_hostile_settings_file_is_reported_escaped(tmp_path: Path) -> None:
    settings = locations.settings_path()
    settings.parent.mkdir(parents=True)
    settings.write_text(f'theme = "x"\n"{json.dumps(ALL_ESCAPES)[1:-1]}" = 1\n', encoding="utf-8")
    result = run_quizapp("study", str(hostile_deck(tmp_path / "h.toml")))
    assert result.returncode == 1
    assert_clean(result)
    assert "unknown setting '\\x1b[31mrosso" in result.stderr


def test_quiz_names_a_hostile_tag_escaped(tmp_path: Path) -> None:
    deck = hostile_deck(tmp_path / "deck.toml")
    result = run_quizapp("quiz", str(deck), "--tag", ALL_ESCAPES)
    assert result.returncode == 2
    assert_clean(result)
    assert "the deck 'hostile' has no tag '\\x1b[31mrosso" in result.stderr
    assert "\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in result.stderr and "abc\\u202edcba" in result.stderr
