"""Every path quizapp uses, in one place.

Nothing here touches the disk at import time; callers create folders when they write.
`QUIZAPP_DATA_DIR`, `QUIZAPP_CONFIG_DIR` and `QUIZAPP_CACHE_DIR` override the platform folders
(the tests always set them).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "quizapp"


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Where progress (the review database) and the user's own decks live."""
    return _override("QUIZAPP_DATA_DIR") or Path(platformdirs.user_data_dir(APP_NAME, False))


def config_dir() -> Path:
    """Where settings.toml lives."""
    return _override("QUIZAPP_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP_NAME, False))


def cache_dir() -> Path:
    """Where derived, disposable files live (the validated-deck cache)."""
    return _override("QUIZAPP_CACHE_DIR") or Path(platformdirs.user_cache_dir(APP_NAME, False))


def user_decks_dir() -> Path:
    return data_dir() / "decks"


def database_path() -> Path:
    return data_dir() / "progress.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def bundled_decks_dir() -> Path:
    """The decks shipped with quizapp.

    In a wheel they sit inside the package (`quizapp/decks`); in a source checkout or an
    editable install they are the repository's top-level `decks/` folder.
    """
    package = Path(__file__).resolve().parent.parent
    inside = package / "decks"
    if inside.is_dir():
        return inside
    return package.parent / "decks"
