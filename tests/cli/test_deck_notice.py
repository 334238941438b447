"""`quizapp study` and `quizapp` say so before checking a large deck that changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.cli import tui_commands
from quizapp.core.deck.loading import load_deck_cached
from tests.conftest import BUNDLED_DECK


def test_a_large_changed_deck_gets_one_line_and_a_cached_one_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "grande.toml"
    deck.write_bytes(BUNDLED_DECK.read_bytes())
    monkeypatch.setattr(tui_commands, "NOTICE_BYTES", 1_000)
    tui_commands._check_notice(deck)
    err = capsys.readouterr().err
    assert err.startswith("quizapp: checking grande.toml (0 MB), new or changed")
    load_deck_cached(deck)
    tui_commands._check_notice(deck)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(tui_commands, "NOTICE_BYTES", 10_000_000)
    deck.write_bytes(BUNDLED_DECK.read_bytes() + b"\n")
    tui_commands._check_notice(deck)
    assert capsys.readouterr().err == "", "a small deck is checked at once: no line"
