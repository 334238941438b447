"""A huge field in a small Anki package is skipped before it is read: memory stays bounded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.anki_fixtures import BASIC, CURRENT_NOTES, NoteSpec, current_apkg, current_collection

FIELD_BYTES = 300_000_000


def huge_field_package(path: Path, size: int) -> Path:
    """A current-format package (zstd: well under 1 MB) whose one note has a `size`-byte field."""
    big = NoteSpec(1_700_000_000_009, "huge", BASIC.id, ["big question", "a" * size], [0])
    return current_apkg(path, current_collection(notes=[*CURRENT_NOTES, big]))


def _made_apart(path: Path, size: int) -> Path:
    """The package, made by another process: this one stays small, so a command started from
    it does not begin life holding the pages of a 300 MB string."""
    script = (
        "import sys; from pathlib import Path; "
        "from tests.cli.test_apkg_huge_field_cli import huge_field_package; "
        "huge_field_package(Path(sys.argv[1]), int(sys.argv[2]))"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script, str(path), str(size)], cwd=root, check=True)
    return path


_MEASURED = (
    "import sys\n"
    "from quizapp.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = next(line for line in open('/proc/self/status') if line.startswith('VmHWM'))\n"
    "print('peak-kb', peak.split()[1], file=sys.stderr)\n"
    "sys.exit(code)\n"
)
"""`quizapp` with its own peak memory printed at the end: the high-water mark of this
program only (a child's `ru_maxrss` also counts the pages of the test process it was forked
from)."""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_huge_field_is_skipped_unread_with_bounded_memory(tmp_path: Path) -> None:
    package = _made_apart(tmp_path / "huge.apkg", FIELD_BYTES)
    assert package.stat().st_size < 2_000_000
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, "import", str(package), "-o", "deck.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "(Anki package, current format): 4 notes, 3 cards" in result.stdout
    assert f"skipped: its fields hold {FIELD_BYTES + 13:,} bytes" in result.stdout
    assert "Traceback" not in result.stderr
    peak_mb = int(result.stderr.split("peak-kb", 1)[1].split()[0]) / 1024
    assert peak_mb < FIELD_BYTES / 2**20 / 2, f"peak {peak_mb:.0f} MB"
