"""Writing output files: never over an existing file unless asked, and never half-written."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from quizapp.core.interop.errors import InteropError, OutputExists


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` atomically (temporary file in the same folder + rename).

    Without `force` an existing file is left alone and OutputExists is raised; the check and
    the rename are one step (a hard link that fails when the name is taken), so a file that
    appears meanwhile is not replaced either.
    """
    if path.is_dir():
        raise InteropError(path, "is a folder; give a file name for the output")
    if path.exists() and not force:
        raise OutputExists(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InteropError(folder, f"cannot create the folder: {error.strerror or error}") from None
    mode = _default_mode()
    if force and path.exists():
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(path.stat().st_mode)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InteropError(path, f"cannot write here: {error.strerror or error}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        if force:
            os.replace(temp, path)
        else:
            _link_new(temp, path)
    except OSError as error:
        raise InteropError(path, f"cannot write: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _link_new(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError:
        raise OutputExists(path) from None
    except OSError:
        # A file system without hard links: check, then rename.
        if path.exists():
            raise OutputExists(path) from None
        os.replace(temp, path)
