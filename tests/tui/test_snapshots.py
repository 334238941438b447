"""How the screens look (pytest-textual-snapshot). Update with `pytest --snapshot-update`."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_app.py"


def test_home_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(str(APP), terminal_size=(80, 24))
