"""Settings: defaults, the locale, located errors, and never writing over a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core import locations
from quizapp.core.settings import (
    Settings,
    SettingsError,
    load,
    locale_language,
    save,
)
from quizapp.core.settings_lenient import load_or_defaults


def test_defaults_without_a_file() -> None:
    settings = load()
    assert not locations.settings_path().exists()
    assert settings.new_per_day == 20 and settings.reviews_per_day == 200
    assert settings.desired_retention == 0.9 and settings.day_start_hour == 4
    assert settings.answer_mode == "typed" and settings.vocab_direction == "both"
    assert settings.keymap == {}


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "it_IT.UTF-8"}, "it"),
        ({"LANG": "it_CH"}, "it"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "it_IT.UTF-8", "LANG": "en_US"}, "it"),
        ({"LC_MESSAGES": "en_US", "LANG": "it_IT"}, "en"),
    ],
)
def test_ui_language_follows_the_locale(environ: dict[str, str], language: str) -> None:
    assert locale_language(environ) == language


def test_default_ui_language_comes_from_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert Settings().ui_language == "it"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert Settings().ui_language == "en"


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    settings = Settings(
        ui_language="it",
        desired_retention=0.85,
        day_start_hour=6,
        theme='odd "theme"\x7f',
        keymap={"study.again": "f1", "app.quit": "ctrl+x"},
    )
    save(settings, path)
    assert load(path) == settings
    assert "keymap" in path.read_text()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_toml_is_located_and_the_file_kept() -> None:
    path = write(locations.settings_path(), 'new_per_day = 10\ntheme = "unclosed\n')
    before = path.read_bytes()
    settings, problem = load_or_defaults()
    assert settings == Settings()
    assert problem is not None
    assert problem.format().startswith(f"{path}:2:")
    assert "TOML" in problem.format()
    with pytest.raises(SettingsError):
        save(Settings(new_per_day=5))
    assert path.read_bytes() == before


def test_unknown_key_names_the_key_and_its_line() -> None:
    path = write(locations.settings_path(), "new_per_day = 10\n\nretention = 0.9\n")
    with pytest.raises(SettingsError) as caught:
        load()
    assert caught.value.line == 3 and caught.value.column == 1
    assert "unknown setting 'retention'" in str(caught.value)
    assert "desired_retention" in str(caught.value)  # the list of known settings
    assert str(path) in str(caught.value)


def test_out_of_range_value_points_at_the_value() -> None:
    write(locations.settings_path(), "# mine\ndesired_retention = 0.99\n")
    with pytest.raises(SettingsError) as caught:
        load()
    assert (caught.value.line, caught.value.column) == (2, 21)
    assert "desired_retention" in caught.value.message and "0.99" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        'answer_mode = "speak"\n',
        "day_start_hour = 24\n",
        "new_per_day = -1\n",
        'ui_language = "fr"\n',
        "keymap = 3\n",
    ],
)
def test_invalid_values_are_refused(text: str) -> None:
    write(locations.settings_path(), text)
    with pytest.raises(SettingsError) as caught:
        load()
    assert caught.value.line == 1


def test_not_utf8() -> None:
    path = locations.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b'theme = "ok"\ntheme2 = "\xff"\n')
    with pytest.raises(SettingsError, match="UTF-8") as caught:
        load()
    assert caught.value.line == 2


def test_save_can_keep_a_copy_of_a_broken_file() -> None:
    path = write(locations.settings_path(), "this is = = broken")
    save(Settings(new_per_day=7), keep_broken=True)
    assert load().new_per_day == 7
    [copy] = list(path.parent.glob("settings.toml.broken-*"))
    assert copy.read_text() == "this is = = broken"


def test_settings_are_immutable() -> None:
    settings = Settings()
    with pytest.raises(ValueError):
        settings.new_per_day = 3  # type: ignore[misc]
    assert settings.model_copy(update={"new_per_day": 3}).new_per_day == 3


@pytest.mark.parametrize(
    ("keymap", "message"),
    [
        ('"study.again" = "\\u001b[31m"', "study.again: '\\x1b[31m' is not a key name"),
        ('"study.again" = "a, b c"', "study.again: 'b c' is not a key name"),
        ('"Study Again" = "a"', "'Study Again' is not a binding id"),
        ('"study.again" = ""', "study.again: '' is not a key name"),
    ],
)
def test_keymap_entries_must_be_binding_ids_and_key_names(keymap: str, message: str) -> None:
    """A key name reaches the footer and the help screen: a settings file from elsewhere must
    not put control characters there."""
    path = write(locations.settings_path(), f"[keymap]\n{keymap}\n")
    with pytest.raises(SettingsError) as raised:
        load()
    assert raised.value.format() == f"{path}:1:1: 'keymap': {message}" + (
        " (e.g. 'a', 'f1', 'ctrl+s')" if "key name" in message else " (see the help screen)"
    )


def test_keymap_accepts_any_visible_key_name() -> None:
    write(locations.settings_path(), '[keymap]\n"study.again" = "è,ctrl+a, question_mark"\n')
    assert load().keymap == {"study.again": "è,ctrl+a, question_mark"}


def test_the_dotted_keymap_form_is_read_as_binding_ids() -> None:
    """`study.again = "a"` under `[keymap]` is a nested table in TOML: it means the id."""
    write(locations.settings_path(), '[keymap]\nstudy.again = "a"\n"home.study" = "n"\n')
    assert load().keymap == {"study.again": "a", "home.study": "n"}


def test_a_bad_entry_keeps_every_valid_setting_and_is_named() -> None:
    text = (
        "new_per_day = 60\n"
        "day_start_hour = 99\n"
        'theme = "nord"\n'
        "[keymap]\n"
        'study.again = "a"\n'
        "study.good = 3\n"
        '"Study Hard" = "h"\n'
    )
    path = write(locations.settings_path(), text)
    settings, problem = load_or_defaults()
    assert settings.new_per_day == 60 and settings.theme == "nord"
    assert settings.day_start_hour == 4
    assert settings.keymap == {"study.again": "a"}
    assert problem is not None
    lines = problem.format().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{path}:2:18: 'day_start_hour'")
    assert lines[1].startswith(f"{path}:6:14: 'keymap.study.good'")
    assert lines[2].startswith(f"{path}:7:") and "'Study Hard' is not a binding id" in lines[2]
    assert path.read_text(encoding="utf-8") == text
