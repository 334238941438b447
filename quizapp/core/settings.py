"""User settings: `<config dir>/settings.toml`, validated by a pydantic model.

A missing file means the defaults. A broken file (bad TOML, an unknown key, a value out of
range) gives one located message, `settings.toml:3:1: ...`; `settings_lenient.load_or_defaults`
then carries on with every valid setting (the defaults when the file is not TOML) and the file
is left exactly as it is: `save` refuses to write over a file it cannot read unless told to
keep a copy first.

The file starts with `version = 1`. A file from a newer quizapp (a higher version) is refused
as a whole (`NewerSettingsError`) and never written over, not even with a copy kept: an older
quizapp cannot know what its keys mean. A file without `version` is version 1.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

import tomli
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from quizapp.core import locations, tomlpos
from quizapp.core.files import open_regular
from quizapp.core.schedule import DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION, parameters
from quizapp.core.schedule.new_order import DEFAULT_NEW_ORDER, NewOrder
from quizapp.core.text import printable, shorten

UiLanguage = Literal["it", "en"]

SETTINGS_VERSION = 1
"""The settings file format this quizapp reads and writes (the file's `version` key)."""
MAX_SETTINGS_BYTES = 1024 * 1024
"""A settings file larger than this is refused unread (a real one is a few hundred bytes)."""
MAX_KEYMAP_ENTRIES = 500
_KEY_ID = re.compile(r"^[a-z0-9_.-]{1,100}$")


def _is_key_name(key: str) -> bool:
    """A key as Textual names it (`ctrl+a`, `f1`, `question_mark`, `è`): visible characters."""
    return 0 < len(key) <= 50 and key.isprintable() and not any(c.isspace() for c in key)


def locale_language(environ: dict[str, str] | None = None) -> UiLanguage:
    """`it` when the locale says Italian (LC_ALL, LC_MESSAGES or LANG = it_*), else `en`."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").strip()
        if value:
            return "it" if value.lower().startswith("it") else "en"
    return "en"


class Settings(BaseModel):
    """Everything a learner can set. Immutable: change it with `model_copy(update=...)`."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    ui_language: UiLanguage = Field(
        default_factory=locale_language, description="Language of the app's own text."
    )
    study_language: Literal["it", "en"] = Field(
        "it", description="Language in which question cards are asked."
    )
    vocab_direction: Literal["it>en", "en>it", "both"] = Field(
        "both", description="Which way vocabulary cards are studied."
    )
    answer_mode: Literal["typed", "flip"] = Field(
        "typed", description="Type the answer, or reveal it and rate yourself."
    )
    new_per_day: int = Field(20, ge=0, le=9999, description="New cards per day, per deck.")
    new_order: NewOrder = Field(
        DEFAULT_NEW_ORDER,
        description="Order of new cards: deck, random, or interleaved by kind or by tag.",
    )
    learn_mode: bool = Field(
        False, description="New cards are first asked as multiple choice, then typed."
    )
    reviews_per_day: int = Field(200, ge=0, le=99999, description="Reviews per day, per deck.")
    desired_retention: float = Field(
        DEFAULT_RETENTION,
        ge=MIN_RETENTION,
        le=MAX_RETENTION,
        description="The probability of recall FSRS aims for at each review.",
    )
    day_start_hour: int = Field(
        4, ge=0, le=23, description="Local hour at which a new study day starts."
    )
    deck_retention: dict[str, float] = Field(
        default_factory=dict,
        description="Deck id -> desired retention for that deck (instead of desired_retention).",
    )
    fsrs_parameters: dict[str, list[float]] = Field(
        default_factory=dict,
        description="Deck id ('*' for every deck) -> FSRS parameters (Anki's, or optimised).",
    )
    theme: str = Field("textual-dark", min_length=1, description="The colour theme.")
    quiz_length: int = Field(10, ge=1, le=500, description="Questions in a quiz.")
    keymap: dict[str, str] = Field(
        default_factory=dict,
        max_length=MAX_KEYMAP_ENTRIES,
        description="Binding id -> keys, e.g. 'study.again' = 'f1'.",
    )

    @field_validator("deck_retention")
    @classmethod
    def _retentions(cls, chosen: dict[str, float]) -> dict[str, float]:
        for deck_id, value in chosen.items():
            if not MIN_RETENTION <= value <= MAX_RETENTION:
                raise ValueError(
                    f"{shorten(deck_id)}: desired retention {value} is outside "
                    f"{MIN_RETENTION}-{MAX_RETENTION}"
                )
        return chosen

    @field_validator("fsrs_parameters")
    @classmethod
    def _weights(cls, chosen: dict[str, list[float]]) -> dict[str, list[float]]:
        for deck_id, weights in chosen.items():
            try:
                parameters(weights)
            except ValueError as error:
                raise ValueError(f"{shorten(deck_id)}: {error}") from None
        return chosen

    def retention_for(self, deck_id: str) -> float:
        """The desired retention of this deck."""
        return self.deck_retention.get(deck_id, self.desired_retention)

    def fsrs_weights(self, deck_id: str) -> list[float] | None:
        """The FSRS parameters set for this deck (or for every deck), None for the defaults."""
        return self.fsrs_parameters.get(deck_id, self.fsrs_parameters.get("*"))

    @field_validator("keymap", mode="before")
    @classmethod
    def _flat_keymap(cls, keymap: Any) -> Any:
        return flatten_keymap(keymap)

    @field_validator("keymap")
    @classmethod
    def _keys(cls, keymap: dict[str, str]) -> dict[str, str]:
        for binding_id, keys in keymap.items():
            if not _KEY_ID.match(binding_id):
                raise ValueError(
                    f"{shorten(binding_id)!r} is not a binding id (see the help screen)"
                )
            for key in keys.split(","):
                if not _is_key_name(key.strip()):
                    raise ValueError(
                        f"{binding_id}: {shorten(key.strip())!r} is not a key name "
                        "(e.g. 'a', 'f1', 'ctrl+s')"
                    )
        return keymap


def flatten_keymap(keymap: Any) -> Any:
    """`study.again = "a"` under `[keymap]` is, in TOML, a table `study` holding `again`:
    read it as the binding id `study.again`, as the quoted form `"study.again" = "a"` is."""
    if not isinstance(keymap, dict):
        return keymap
    flat: dict[Any, Any] = {}
    for key, value in keymap.items():
        if isinstance(value, dict):
            for inner, keys in flatten_keymap(value).items():
                flat[f"{key}.{inner}"] = keys
        else:
            flat[key] = value
    return flat


class SettingsError(Exception):
    """A settings file that cannot be used, with where the problem is."""

    def __init__(
        self, path: Path, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        super().__init__(self.format())

    def format(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return printable(f"{where}: {self.message}")


class NewerSettingsError(SettingsError):
    """A settings file written by a newer quizapp: refused, and never written over."""


def _describe(error: dict[str, Any]) -> str:
    field = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        known = ", ".join(Settings.model_fields)
        return f"unknown setting '{field}' (known settings: {known})"
    value = error.get("input")
    shown = f" (got {shorten(repr(value))})" if not isinstance(value, dict) else ""
    message = str(error.get("ctx", {}).get("error", error["msg"]))
    return f"'{shorten(field)}': {message}{shown}"


def parse(text: str, path: Path) -> Settings:
    """Settings from the text of a settings file; SettingsError (located) when it is wrong."""
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = f"not valid TOML: {error.msg}"
        raise SettingsError(path, message, error.lineno, error.colno) from None
    except RecursionError:
        where = tomlpos.nesting_position(text)
        line, column = where if where else (None, None)
        raise SettingsError(path, "not valid TOML: nested too deeply", line, column) from None
    _check_version(path, text, data.pop("version", SETTINGS_VERSION))
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        raise located(error, text, path) from None


def located(
    error: ValidationError, text: str, path: Path, where: tuple[str, ...] | None = None
) -> SettingsError:
    """The first problem of `error`, at its line in `text` (or at the key path `where`)."""
    first = error.errors()[0]
    found = tomlpos.LazyPositions(text).find(
        where or tuple(first["loc"]), value=first["type"] != "extra_forbidden"
    )
    line, column = found if found else (None, None)
    more = len(error.errors()) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return SettingsError(path, _describe(dict(first)) + suffix, line, column)


def _check_version(path: Path, text: str, version: Any) -> None:
    good = isinstance(version, int) and not isinstance(version, bool) and version >= 1
    if good and version <= SETTINGS_VERSION:
        return
    where = tomlpos.LazyPositions(text).find(("version",), value=True)
    line, column = where if where else (None, None)
    if not good:
        raise SettingsError(
            path,
            f"'version' must be a whole number from 1 (got {shorten(repr(version))})",
            line,
            column,
        )
    if version > SETTINGS_VERSION:
        raise NewerSettingsError(
            path,
            f"written by a newer quizapp (settings version {version}; this quizapp reads "
            f"version {SETTINGS_VERSION}). Update quizapp; the file was left as it is",
            line,
            column,
        )


def _read(path: Path) -> bytes:
    with open_regular(path) as handle:
        raw = handle.read(MAX_SETTINGS_BYTES + 1)
    if len(raw) > MAX_SETTINGS_BYTES:
        raise SettingsError(
            path, f"is larger than {MAX_SETTINGS_BYTES // 1024} KiB; not a settings file"
        )
    return raw


def load(path: Path | None = None) -> Settings:
    """The user's settings (defaults when there is no file). SettingsError when broken."""
    path = path or locations.settings_path()
    text = read_text(path)
    return Settings() if text is None else parse(text, path)


def read_text(path: Path) -> str | None:
    """The text of a settings file, None when there is none; SettingsError if unreadable."""
    try:
        raw = _read(path)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise SettingsError(path, "is a folder, not a settings file") from None
    except OSError as error:
        raise SettingsError(path, f"cannot read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SettingsError(path, "is not valid UTF-8 text", line) from None
    return text


def dumps(settings: Settings) -> str:
    """TOML text of the settings that differ from the defaults (keymap always last)."""
    import tomli_w

    data: dict[str, Any] = {"version": SETTINGS_VERSION}
    data.update(settings.model_dump(exclude_defaults=True))
    keymap = data.pop("keymap", None)
    if keymap:
        data["keymap"] = keymap
    text: str = tomli_w.dumps(data)
    return text


def save(settings: Settings, path: Path | None = None, *, keep_broken: bool = False) -> Path:
    """Write the settings atomically. A file that does not load is never silently replaced:
    SettingsError, unless `keep_broken`, which first renames it to a timestamped copy."""
    path = path or locations.settings_path()
    if path.exists():
        try:
            load(path)
        except SettingsError as error:
            if not keep_broken or isinstance(error, NewerSettingsError):
                raise
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            try:
                path.rename(path.with_name(f"{path.name}.broken-{stamp}"))
            except OSError as move:
                raise SettingsError(path, f"cannot keep a copy: {move.strerror}") from error
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write("# quizapp settings\n" + dumps(settings))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise SettingsError(path, f"cannot write: {error.strerror or error}") from None
    return path
