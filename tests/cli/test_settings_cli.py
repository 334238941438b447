"""A partly wrong settings file as the commands see it: each bad entry named, file kept."""

from __future__ import annotations

from quizapp.core import locations
from tests.cli.helpers import run_quizapp


def test_study_names_every_bad_entry_and_accepts_the_dotted_keymap() -> None:
    path = locations.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = '[keymap]\nstudy.again = "a"\nstudy.good = 3\n"Home Study" = "n"\n'
    path.write_text(text, encoding="utf-8")
    result = run_quizapp("study", "deepseek_it")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, lines
    assert "settings.toml:3:14: 'keymap.study.good'" in lines[0]
    assert "settings.toml:4:" in lines[1] and "'Home Study' is not a binding id" in lines[1]
    assert "study.again" not in result.stderr  # the dotted form is fine
    assert path.read_text(encoding="utf-8") == text
