"""How the Optimize dialog looks before a fit, at 80x24, in both languages."""

from __future__ import annotations

import pytest

from tests.tui.test_snapshots import APP, _fixed_config


@pytest.mark.parametrize("lang", ["en", "it"])
def test_optimize_dialog_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    _fixed_config(monkeypatch, lang)
    assert snap_compare(str(APP), terminal_size=(80, 24), press=["o", "ctrl+o"])
