"""Reading members of an untrusted zip archive: safe names, capped sizes, no extraction.

Nothing is ever extracted by its name in the archive; a member is copied, decompressed and
counted, into a file or bytes that quizapp chose. A member that says (or turns out) to be
larger than the cap is refused: that is how a decompression bomb is stopped.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from pathlib import Path
from typing import IO

import zstandard

from quizapp.core.interop.errors import InteropError

_CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def unsafe_name(info: zipfile.ZipInfo) -> bool:
    """A member whose path is absolute, climbs out of its folder, or is a link."""
    name = info.filename
    if "\x00" in name or name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    if ".." in re.split(r"[\\/]", name):
        return True
    return stat.S_ISLNK(info.external_attr >> 16)


def open_archive(path: Path) -> zipfile.ZipFile:
    """The zip file, after checking every member's name."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InteropError(path, "no such file") from None
    except IsADirectoryError:
        raise InteropError(path, "is a folder, not a file") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InteropError(path, "is not an Anki package (.apkg files are zip archives)") from None
    except OSError as error:
        raise InteropError(path, f"cannot read: {error.strerror or error}") from None
    for info in archive.infolist():
        if unsafe_name(info):
            archive.close()
            raise InteropError(
                path, f"unsafe path in the archive: {info.filename!r} (leaves its folder)"
            )
    return archive


def _too_big(path: Path, name: str, cap: int) -> InteropError:
    return InteropError(
        path, f"{name!r} unpacks to more than {cap:,} bytes; refused (a decompression bomb?)"
    )


def copy_member(
    path: Path, archive: zipfile.ZipFile, name: str, out: IO[bytes], cap: int, *, zstd: bool
) -> int:
    """Copy one member into `out` (zstd-decompressed when `zstd`), at most `cap` bytes.

    Returns the number of bytes written.
    """
    info = archive.getinfo(name)
    if info.file_size > cap and not zstd:
        raise _too_big(path, name, cap)
    if zstd and info.file_size > cap * 64:  # compressed data larger than any collection
        raise _too_big(path, name, cap)
    total = 0
    try:
        with archive.open(info) as source:
            stream: IO[bytes] = source
            if zstd:
                head = source.read(18)
                if not head.startswith(ZSTD_MAGIC):
                    raise InteropError(path, f"{name!r} is not zstd-compressed data")
                declared = zstandard.get_frame_parameters(head).content_size
                if declared != zstandard.CONTENTSIZE_UNKNOWN and declared > cap:
                    raise _too_big(path, name, cap)
                source.seek(0)
                stream = zstandard.ZstdDecompressor().stream_reader(source, read_across_frames=True)
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > cap:
                    raise _too_big(path, name, cap)
                out.write(chunk)
    except InteropError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError):
        raise InteropError(path, f"{name!r} is damaged and cannot be unpacked") from None
    except zstandard.ZstdError as error:
        raise InteropError(path, f"{name!r} is damaged zstd data ({error})") from None
    except OSError as error:
        raise InteropError(path, f"cannot unpack {name!r}: {error.strerror or error}") from None
    return total


def read_member(path: Path, archive: zipfile.ZipFile, name: str, cap: int, *, zstd: bool) -> bytes:
    """One member's bytes (small members: the media list, the metadata)."""
    buffer = io.BytesIO()
    copy_member(path, archive, name, buffer, cap, zstd=zstd)
    return buffer.getvalue()
