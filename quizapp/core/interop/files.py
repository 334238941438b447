"""Writing output files: never over an existing file unless asked, and never half-written.

The output is written to a new temporary file beside it (created exclusively, so a link
planted under that name is never followed) and then renamed into place. A rename replaces the
name, not what it points to: when the output path is a symbolic link, `--force` replaces the
link itself and the file it pointed to is left untouched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from quizapp.core.interop.errors import InteropError, OutputExists


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _exists(path: Path) -> bool:
    """True when the name is taken, by a file, a folder or a link (even a broken one)."""
    return path.is_symlink() or path.exists()


@contextlib.contextmanager
def atomic_output(path: Path, *, force: bool = False) -> Iterator[IO[bytes]]:
    """A binary handle whose contents appear at `path` when the block ends without error.

    Without `force` an existing file is left alone and OutputExists is raised; the check and
    the rename are one step (a hard link that fails when the name is taken), so a file that
    appears meanwhile is not replaced either. On any error nothing is left behind.
    """
    if path.is_dir():
        raise InteropError(path, "is a folder; give a file name for the output")
    if _exists(path) and not force:
        raise OutputExists(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InteropError(folder, f"cannot create the folder: {error.strerror or error}") from None
    mode = _default_mode()
    if force and path.exists() and not path.is_symlink():
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(path.stat().st_mode)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InteropError(path, f"cannot write here: {error.strerror or error}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
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


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` atomically (see `atomic_output`)."""
    with atomic_output(path, force=force) as out:
        out.write(data)


def _link_new(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)
    except FileExistsError:
        raise OutputExists(path) from None
    except OSError:
        # A file system without hard links: check, then rename.
        if _exists(path):
            raise OutputExists(path) from None
        os.replace(temp, path)
