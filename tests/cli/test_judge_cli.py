"""`quizapp judge` as a user runs it, in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUNDLED_DECK


def quizapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", "judge", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )


def test_a_typo_with_its_diff() -> None:
    result = quizapp("--expected", "Liang Wenfeng", "liang wenfneg")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("verdict   almost (quasi)")
    assert "rating hard" in lines[0]
    assert "Almost: one typo (wenfneg → Wenfeng)." in result.stdout  # as the answer is written
    assert "Quasi: un errore di battitura" in result.stdout
    typed = lines.index("typed     liang wenfneg")
    assert lines[typed + 1] == "                    ^^"
    assert lines[typed + 2] == "expected  Liang Wenfeng"
    assert lines[typed + 3] == "                    ^^"


def test_json_output() -> None:
    result = quizapp("--expected", "6 milioni di dollari", "--json", "6 miliardi di dollari")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "wrong"
    assert data["score"] == [0, 1]
    assert data["rating"] == "again"
    assert data["closest"] == "6 milioni di dollari"
    assert data["readings"] == {"typed": "6 000 000 000 USD", "expected": "6 000 000 USD"}
    assert "6 000 000 000 USD" in data["reason"]["en"]


def test_alternatives_reject_and_language() -> None:
    result = quizapp(
        "--expected", "6 million dollars", "--expected", "$6 million",
        "--reject", "6 billion dollars", "--lang", "en", "--json", "6 billion dollars",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert (data["verdict"], data["code"]) == ("wrong", "rejected")


def test_a_list() -> None:
    result = quizapp(
        "--list", "--expected", "Baichuan", "--expected", "Moonshot", "--expected", "MiniMax",
        "--expected", "Zhipu", "Zhipu, Monshot e Baichuan, Alibaba",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "verdict   partial (in parte)   score 3/4   rating hard" in result.stdout
    assert "item      almost    Monshot → Moonshot" in result.stdout
    assert "item      missing   MiniMax" in result.stdout
    assert "item      not_asked Alibaba" in result.stdout


def test_an_ordered_list_with_item_alternatives() -> None:
    result = quizapp(
        "--list", "--ordered", "--expected", "secondo|2°", "--expected", "terzo", "--json",
        "2°, terzo",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["verdict"] == "correct" and data["score"] == [2, 2]


def test_a_card_of_the_bundled_deck() -> None:
    result = quizapp("--deck", "deepseek-it", "--card", "v3-training-cost", "6.000.000.000 $")
    assert result.returncode == 0, result.stderr
    assert "card      v3-training-cost (qa, it)" in result.stdout
    assert "question  Secondo DeepSeek, quanto è costato" in result.stdout
    assert "known wrong answer" in result.stdout
    assert "read as   6 000 000 000 USD   (expected 6 000 000 USD)" in result.stdout


def test_a_deck_file_path_a_cloze_gap_and_the_json_card() -> None:
    result = quizapp(
        "--deck", str(BUNDLED_DECK), "--card", "inference-cloze", "--direction", "it.1",
        "--json", "influenza",
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["verdict"] == "wrong"
    assert data["card"]["direction"] == "it.1"
    assert data["closest"] == "inferenza"


def test_vocab_defaults_to_it_en_and_takes_a_direction() -> None:
    forward = json.loads(
        quizapp("--deck", "deepseek-it", "--card", "addestramento", "--json", "trainig").stdout
    )
    assert forward["card"]["direction"] == "it>en"
    assert forward["verdict"] == "almost"
    backward = json.loads(
        quizapp(
            "--deck", "deepseek-it", "--card", "addestramento", "--direction", "en>it",
            "--json", "addestramento",
        ).stdout
    )  # fmt: skip
    assert backward["card"]["direction"] == "en>it"
    assert backward["verdict"] == "correct"


def test_unknown_direction_card_and_deck_exit_1_with_one_message() -> None:
    result = quizapp("--deck", "deepseek-it", "--card", "addestramento", "--direction", "x", "a")
    assert result.returncode == 1
    assert "no direction 'x' (choose from: it>en, en>it)" in result.stderr
    result = quizapp("--deck", "deepseek-it", "--card", "nope", "a")
    assert result.returncode == 1
    assert "has no card 'nope'" in result.stderr
    result = quizapp("--deck", "no-such-deck", "--card", "x", "a")
    assert result.returncode == 1
    assert "no deck named 'no-such-deck'" in result.stderr
    for output in (result.stdout, result.stderr):
        assert "Traceback" not in output


def test_a_broken_deck_prints_its_located_errors(tmp_path: Path) -> None:
    deck = tmp_path / "broken.toml"
    text = BUNDLED_DECK.read_text(encoding="utf-8").replace('kind = "qa"', 'kind = "qq"', 1)
    deck.write_text(text, encoding="utf-8")
    before = deck.read_bytes()
    result = quizapp("--deck", str(deck), "--card", "liang-wenfeng", "Liang")
    assert result.returncode == 1
    assert f"{deck}:" in result.stderr
    assert re.search(rf"{re.escape(str(deck))}:\d+:\d+: error: .*qq", result.stderr)
    assert "Traceback" not in result.stderr
    assert deck.read_bytes() == before


def test_usage_errors_exit_2() -> None:
    for args in (
        ("typed",),
        ("--deck", "deepseek-it", "typed"),
        ("--deck", "deepseek-it", "--card", "liang-wenfeng", "--expected", "x", "typed"),
        ("--expected", "x", "--ordered", "typed"),
        ("--expected", "x", "--direction", "it.1", "typed"),
        ("--expected", "x"),
    ):
        result = quizapp(*args)
        assert result.returncode == 2, args
        assert "usage:" in result.stderr
        assert "Traceback" not in result.stderr


def test_card_text_is_printed_as_data() -> None:
    result = quizapp("--expected", "\x1b[31mrosso[/]", "[bold]x")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert "the answer is [31mrosso[/]." in result.stdout  # control characters dropped
    assert "[bold]x" in result.stdout


def test_an_english_direction_needs_no_lang() -> None:
    result = quizapp(
        "--deck",
        str(BUNDLED_DECK),
        "--card",
        "liang-wenfeng",
        "--direction",
        "en",
        "--json",
        "Liang Wenfeng",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["card"]["direction"] == "en" and data["verdict"] == "correct"


def test_the_command_says_what_study_says() -> None:
    """The same verdict as study's judge, with the deck's own words and people."""
    from quizapp.cli.judge import card_verdict
    from quizapp.core.deck.loading import load_deck
    from quizapp.core.deck.prompts import prompts_for
    from quizapp.core.judge import judge_for

    deck = load_deck(BUNDLED_DECK)
    for card, direction, typed in [
        ("divario", "en>it", "il diario"),
        ("liang-wenfeng", "it", "Wenfeng Liang"),
        ("r1-release-month", "en", "gennaio"),
    ]:
        result = quizapp(
            "--deck", str(BUNDLED_DECK), "--card", card, "--direction", direction, "--json", typed
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        lang = direction.split(".")[0] if ">" not in direction else "it"
        prompt = next(
            p for p in prompts_for(deck.id, deck.card(card), lang) if p.direction == direction
        )
        study = judge_for(deck)(prompt, typed).to_json()
        assert {key: data[key] for key in study} == study
        judged = card_verdict(deck, card, direction, typed)
        assert judged is not None and judged[1].to_json() == study
