"""Reading a settings file that is partly wrong: every valid setting is kept, each bad entry
is named with its line.

`settings.load` is strict: the first problem refuses the whole file (the CLI and `save` need
that). The app needs more: a learner who mistypes one key binding must not lose the sixty new
cards a day they set three lines above. Here each top-level setting is checked alone, and each
entry of a table setting (`[keymap]`, `[deck_retention]`, `[fsrs_parameters]`) alone, so one
bad entry drops only itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli
from pydantic import ValidationError

from quizapp.core import locations
from quizapp.core.settings import (
    SETTINGS_VERSION,
    NewerSettingsError,
    Settings,
    SettingsError,
    located,
    parse,
    read_text,
)

TABLES = ("keymap", "deck_retention", "fsrs_parameters")
"""Settings that are tables of entries, each entry kept or dropped on its own."""


class SettingsProblems(SettingsError):
    """Some entries of a settings file are wrong: they are named here and left out; every
    other setting of the file is in force."""

    def __init__(self, path: Path, problems: list[SettingsError]) -> None:
        self.problems = problems
        first = problems[0]
        super().__init__(path, first.message, first.line, first.column)

    def format(self) -> str:
        return "\n".join(problem.format() for problem in self.problems)


def load_or_defaults(path: Path | None = None) -> tuple[Settings, SettingsError | None]:
    """The settings with every valid entry of the file, and what was wrong (None when all is
    right). An unreadable file, bad TOML or a newer file: the defaults and that problem."""
    path = path or locations.settings_path()
    text: str | None = None  # stays None when the file cannot be read at all
    try:
        text = read_text(path)
        return (Settings() if text is None else parse(text, path)), None
    except NewerSettingsError as error:
        return Settings(), error
    except SettingsError as error:
        strict = error
    if text is None:
        return Settings(), strict
    try:
        data = tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError):
        return Settings(), strict
    return _keep_valid(data, text, path, strict)


def _keep_valid(
    data: dict[str, Any], text: str, path: Path, strict: SettingsError
) -> tuple[Settings, SettingsError | None]:
    problems: list[SettingsError] = []
    version = data.pop("version", SETTINGS_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(strict)  # a bad version is the first thing the strict reading names
    kept: dict[str, Any] = {}
    for name, value in data.items():
        if name in TABLES and isinstance(value, dict):
            entries = _entries(name, value)
            good = {}
            for key, (item, where) in entries.items():
                problem = _check({name: {key: item}}, text, path, where)
                if problem is None:
                    good[key] = item
                else:
                    problems.append(problem)
            kept[name] = good
        else:
            problem = _check({name: value}, text, path, None)
            if problem is None:
                kept[name] = value
            else:
                problems.append(problem)
    try:
        settings = Settings.model_validate(kept)
    except ValidationError:  # entries fine alone but not together (too many key bindings)
        return Settings(), strict
    return settings, SettingsProblems(path, problems) if problems else strict


def _entries(name: str, table: dict[str, Any]) -> dict[str, tuple[Any, tuple[str, ...]]]:
    """The entries of a table setting, each with its key path in the file; a keymap's dotted
    keys (`study.again = "a"`, a nested table in TOML) are read as one binding id."""
    if name != "keymap":
        return {key: (value, (name, key)) for key, value in table.items()}
    flat: dict[str, tuple[Any, tuple[str, ...]]] = {}

    def walk(node: dict[str, Any], where: tuple[str, ...]) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value, (*where, key))
            else:
                flat[".".join((*where[1:], key))] = (value, (*where, key))

    walk(table, (name,))
    return flat


def _check(
    data: dict[str, Any], text: str, path: Path, where: tuple[str, ...] | None
) -> SettingsError | None:
    try:
        Settings.model_validate(data)
    except ValidationError as error:
        return located(error, text, path, where)
    return None
