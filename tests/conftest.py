"""Every test runs with temporary data, config and cache folders: never the user's real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUNDLED_DECK = REPO / "decks" / "deepseek_it.toml"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("quizapp-home")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("QUIZAPP_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(base / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
