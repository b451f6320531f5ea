"""Atomic writes: a temp file in the same folder, fsync, then rename over the original."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class StaleFileError(Exception):
    """The file changed on disk after it was read; writing would lose that change."""


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new, never half.

    ``expected`` is the content the caller read; if the file no longer holds it, nothing
    is written and :class:`StaleFileError` is raised.
    """
    if expected is not None and path.read_bytes() != expected:
        raise StaleFileError(f"{path} changed on disk since it was read; not overwritten")
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".cnlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
