"""Atomic writes: a temp file in the same folder, fsync, then rename over the original.

A reader (or a crash) sees the old file or the new one, never a half-written one: the new
bytes go to a hidden temp file beside the target (same file system, so the rename is atomic),
are flushed to disk, take over the target's permissions, and only then replace it. Writing
through a symlink replaces the file it points to and keeps the link.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import multiprocessing
import os
import stat
import tempfile
from pathlib import Path

import zstandard

TEMP_SUFFIX = ".cnlint-tmp"
# mkstemp's random part, between the prefix and the suffix.
TEMP_RANDOM_CHARS = 8


# Files replaced or created so far, shared with the worker processes forked after import: what
# an interrupted run can still report.
_written = multiprocessing.Value("q", 0)


def files_written() -> int:
    """How many files this run (its workers included) has written."""
    return _written.value


class StaleFileError(Exception):
    """The file changed on disk after it was read; writing would lose that change."""


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace (or create) ``path`` with ``data`` so readers see the old file or the new.

    ``expected`` is the content the caller read; if the file no longer holds it when the new
    content is ready to go in, nothing is written and :class:`StaleFileError` is raised.
    """
    target = Path(os.path.realpath(path))
    try:
        before = target.stat()
    except FileNotFoundError:
        before = None
    if expected is not None and before is None:
        raise StaleFileError("removed since it was read; not written")
    if before is not None and not (before.st_mode & 0o222 and os.access(target, os.W_OK)):
        # rename() would replace a read-only file anyway; respect the owner's intent instead
        raise PermissionError(errno.EACCES, "read-only file, not overwritten", str(path))
    fd, temp_name = tempfile.mkstemp(
        prefix=temp_prefix(target), suffix=TEMP_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            _copy_permissions(handle.fileno(), before)
        if expected is not None:
            _check_unchanged(target, expected)
        os.replace(temp_name, target)
        with _written.get_lock():
            _written.value += 1
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(target.parent)


def temp_prefix(target: Path) -> str:
    """``.NAME.``, with NAME cut short where the temp name would pass the file system's limit
    on a name (a file whose own name is near the limit can still be fixed)."""
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # not POSIX, or the limit is unknown
        limit = 255
    room = limit - len(b"..") - TEMP_RANDOM_CHARS - len(TEMP_SUFFIX)
    name = os.fsencode(target.name)
    if len(name) <= room:
        return f".{target.name}."
    return f".{name[:room].decode('utf-8', 'ignore')}."  # whole characters only


def _copy_permissions(fd: int, before: os.stat_result | None) -> None:
    if before is None:  # a new file gets what open() would give it, not mkstemp's 0600
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, stat.S_IMODE(before.st_mode))
    if hasattr(os, "fchown"):
        with contextlib.suppress(PermissionError):  # only root may give a file away
            os.fchown(fd, before.st_uid, before.st_gid)


def _check_unchanged(target: Path, expected: bytes) -> None:
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        raise StaleFileError("changed on disk since it was read; not overwritten")


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicStream:
    """:func:`write_atomic` for content that comes in pieces: the pieces go to the temp file
    as they come (compressed like the original, for a ``.gz``/``.zst`` file), and
    :meth:`commit` renames it over the target only if the target's size, mtime and inode are
    still what they were when reading began. :meth:`discard` (or an exception) leaves the
    target as it was."""

    def __init__(self, path: Path, compression: str | None, original: os.stat_result) -> None:
        self.target = Path(os.path.realpath(path))
        self.original = original
        if not (original.st_mode & 0o222 and os.access(self.target, os.W_OK)):
            raise PermissionError(errno.EACCES, "read-only file, not overwritten", str(path))
        fd, self.temp_name = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=TEMP_SUFFIX, dir=self.target.parent
        )
        self.handle = os.fdopen(fd, "wb")
        self.sink = _compressor(self.handle, compression, self.target)

    def write(self, data: bytes) -> None:
        self.sink.write(data)

    def commit(self) -> None:
        try:
            if self.sink is not self.handle:
                self.sink.close()  # writes the compressed stream's trailer, not the file
            self.handle.flush()
            os.fsync(self.handle.fileno())
            _copy_permissions(self.handle.fileno(), self.original)
            self.handle.close()
            now = self.target.stat()
            same = (now.st_size, now.st_mtime_ns, now.st_ino)
            if same != (self.original.st_size, self.original.st_mtime_ns, self.original.st_ino):
                raise StaleFileError("changed on disk since it was read; not overwritten")
            os.replace(self.temp_name, self.target)
        except BaseException:
            self.discard()
            raise
        _fsync_folder(self.target.parent)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temp_name)


def _compressor(handle, compression: str | None, target: Path):
    if compression is None:
        return handle
    if compression == "gzip":
        with target.open("rb") as original:
            header = original.read(8)
        mtime = int.from_bytes(header[4:8], "little") if len(header) >= 8 else 0
        return gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=mtime)
    return zstandard.ZstdCompressor().stream_writer(handle, closefd=False)
