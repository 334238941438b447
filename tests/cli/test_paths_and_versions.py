"""Links and paths that lead outside where quizapp means to write, and files written by a newer
quizapp: nothing outside is written, nothing of the user's is replaced, and a newer file is
refused with one message that names it."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core import settings as user_settings
from quizapp.core.store import Review, Store
from quizapp.core.store.schema import schema_version
from tests.cli.helpers import run_quizapp
from tests.conftest import BUNDLED_DECK

T0 = 1_740_992_400_000
VICTIM_TEXT = "the user's own file\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside every place quizapp writes to, holding a file that must survive."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim.txt").write_text(VICTIM_TEXT, encoding="utf-8")
    return folder


def words_csv(tmp_path: Path) -> Path:
    path = tmp_path / "parole.csv"
    path.write_text("italiano,inglese\ncane,dog\ngatto,cat\n", encoding="utf-8")
    return path


def assert_untouched(outside: Path) -> None:
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]
    assert (outside / "victim.txt").read_text(encoding="utf-8") == VICTIM_TEXT


def _writers(tmp_path: Path, target: Path) -> list[list[str]]:
    """Every command that writes a file the user names, each aimed at `target`."""
    return [
        ["import", str(words_csv(tmp_path)), "-o", str(target)],
        ["export", str(BUNDLED_DECK), "--to", "csv", "-o", str(target)],
        ["export", str(BUNDLED_DECK), "--to", "apkg", "-o", str(target)],
        ["export", str(BUNDLED_DECK), "--to", "json", "-o", str(target)],
        ["export-progress", str(target)],
        ["new", str(target)],
    ]


@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-file", "dangling"])
def test_a_link_at_the_output_path_is_never_followed(
    tmp_path: Path, outside: Path, dangling: bool
) -> None:
    pointed = outside / ("absent.toml" if dangling else "victim.txt")
    link = tmp_path / "out.toml"
    for command in _writers(tmp_path, link):
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(pointed)
        refused = run_quizapp(*command)
        assert refused.returncode == 1, (command, refused.stdout)
        assert "already exists; use --force to replace it" in refused.stderr, command
        assert "Traceback" not in refused.stderr
        assert link.is_symlink() and os.readlink(link) == str(pointed)
        assert_untouched(outside)
        forced = run_quizapp(*command, "--force")
        assert forced.returncode == 0, (command, forced.stderr)
        assert not link.is_symlink() and link.stat().st_size > 0, command  # the link replaced
        assert_untouched(outside)


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    for command in _writers(tmp_path, target):
        target.write_text(VICTIM_TEXT, encoding="utf-8")
        result = run_quizapp(*command)
        assert result.returncode == 1, command
        assert f"{target}: already exists; use --force to replace it" in result.stderr
        assert target.read_text(encoding="utf-8") == VICTIM_TEXT
        assert [p.name for p in tmp_path.glob(".mine.toml.*")] == []  # no temporary left


def test_an_import_into_the_decks_folder_does_not_follow_a_planted_link(
    tmp_path: Path, outside: Path
) -> None:
    decks = locations.user_decks_dir()
    decks.mkdir(parents=True)
    (decks / "parole.toml").symlink_to(outside / "victim.txt")
    result = run_quizapp("import", str(words_csv(tmp_path)))
    assert result.returncode == 1
    assert f"{decks / 'parole.toml'}: already exists" in result.stderr
    assert_untouched(outside)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_the_decks_folder_lists_only_regular_deck_files_inside_it(
    tmp_path: Path, outside: Path
) -> None:
    decks = locations.user_decks_dir()
    decks.mkdir(parents=True)
    (decks / "mine.toml").write_bytes(BUNDLED_DECK.read_bytes().replace(b"deepseek-it", b"mine"))
    (decks / "alias.toml").symlink_to("mine.toml")  # a link inside the folder: fine
    (outside / "theirs.toml").write_bytes(BUNDLED_DECK.read_bytes())
    (decks / "theirs.toml").symlink_to(outside / "theirs.toml")  # leads outside
    (decks / "zero.toml").symlink_to("/dev/zero")  # a device
    (decks / "loop-a.toml").symlink_to("loop-b.toml")
    (decks / "loop-b.toml").symlink_to("loop-a.toml")
    (decks / "dangling.toml").symlink_to(outside / "absent.toml")
    os.mkfifo(decks / "pipe.toml")  # reading it would wait forever
    (decks / "folder.toml").mkdir()
    result = run_quizapp("decks", "--json")
    assert result.returncode == 0, result.stdout
    listed = {Path(row["path"]).name: row["origin"] for row in json.loads(result.stdout)["decks"]}
    # alias.toml and mine.toml are one file, listed once (under the first name)
    assert listed == {"deepseek_it.toml": "bundled", "alias.toml": "user"}
    # Named on the command line, a link loop is reported, not a crash.
    loop = run_quizapp("validate", str(decks / "loop-a.toml"))
    assert loop.returncode == 1 and "Traceback" not in loop.stderr
    assert "cannot read: Too many levels of symbolic links" in loop.stdout


# -- files from a newer quizapp --------------------------------------------------------------


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_settings_file_from_a_newer_quizapp_is_refused_and_kept() -> None:
    path = locations.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        '# written by quizapp 9\nversion = 2\ntheme = "nord"\nnew_setting = "x"\n', encoding="utf-8"
    )
    before = sha(path)
    expected = (
        f"quizapp: {path}:2:11: written by a newer quizapp (settings version 2; this quizapp "
        "reads version 1). Update quizapp; the file was left as it is"
    )  # `study` prints it without the "quizapp: " in front, like its other settings errors
    for command in ([], ["study"], ["practice"]):
        result = run_quizapp(*command)
        assert result.returncode == 1, command
        assert result.stderr.strip() in (expected, expected.removeprefix("quizapp: "))
        assert "Traceback" not in result.stderr
    with pytest.raises(user_settings.NewerSettingsError):
        user_settings.save(user_settings.Settings(), keep_broken=True)
    assert sha(path) == before
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]


def test_settings_files_without_a_version_still_load_and_are_saved_with_one() -> None:
    path = locations.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("new_per_day = 7\n", encoding="utf-8")
    assert user_settings.load().new_per_day == 7
    user_settings.save(user_settings.load().model_copy(update={"quiz_length": 5}))
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[1] == "version = 1"
    assert user_settings.load().quiz_length == 5
    for bad in ("version = 0", 'version = "2"', "version = true"):
        path.write_text(bad + "\n", encoding="utf-8")
        with pytest.raises(user_settings.SettingsError, match="'version' must be a whole number"):
            user_settings.load()


def newer_database() -> Path:
    with Store() as store:
        store.record(Review("r1", "deck", "card", "it", T0, rating=3))
    path = locations.database_path()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    return path


def test_a_database_from_a_newer_quizapp_is_refused_and_kept(tmp_path: Path) -> None:
    path = newer_database()
    before = sha(path)
    progress = tmp_path / "p.jsonl"
    progress.write_text(json.dumps({"format": "quizapp-progress", "version": 1}) + "\n")
    for command in (
        [],
        ["study"],
        ["doctor"],
        ["export-progress"],
        ["export-progress", str(tmp_path / "out.jsonl")],
        ["import-progress", str(progress)],
    ):
        result = run_quizapp(*command)
        assert result.returncode == 1, command
        assert (
            f"{path} was written by a newer quizapp (schema 99; this one reads up to "
            f"{schema_version()}). "
            "Update quizapp; the file was left as it is"
        ) in result.stderr, command
        assert "Traceback" not in result.stderr
    assert sha(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["progress.sqlite3"]
    assert not (tmp_path / "out.jsonl").exists()
