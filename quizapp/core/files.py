"""Opening a file the user gave quizapp (a deck, settings, a progress file, the database) safely.

Opening a named pipe waits for a writer, and reading one, a terminal or a socket waits for
data: quizapp would hang with nothing on screen. So every such file is opened non-blocking,
checked with `fstat` to be a regular file, and only then read (blocking again). Anything
else raises `NotRegularFile`, an OSError whose `strerror` says what the file is, so that
the callers' usual "cannot read FILE: reason" line names it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """The path exists but is not a regular file (a pipe, a device, a socket)."""

    def __init__(self, path: Path | str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file (it is {kind})", str(path))
        self.kind = kind


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_regular(path: Path | str) -> bool:
    """True when `path` is a regular file (after links), False when absent; NotRegularFile
    otherwise (IsADirectoryError for a folder). For files that another library opens by name
    (SQLite): `stat` never waits."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFile(path, kind_of(mode))
    return True


def open_regular(path: Path | str) -> BinaryIO:
    """`path` opened for reading in binary, once it is known to be a regular file.

    FileNotFoundError, IsADirectoryError and the other OSErrors as `open` raises them;
    NotRegularFile for a pipe, a device or a socket. Never waits for a writer or for data.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, kind_of(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return open(descriptor, "rb")  # not os.fdopen: the same, and what tests patch
    except BaseException:
        os.close(descriptor)
        raise
