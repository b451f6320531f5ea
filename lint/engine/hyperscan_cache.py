"""Compiled Hyperscan databases kept on disk between runs.

Compiling the gate's patterns costs about a quarter of a second, every process: felt by
every pre-commit run and every ``cnlint`` call on a few files. A database serialised once
loads in under a millisecond. It is kept in the user's cache folder (``$XDG_CACHE_HOME``
or ``~/.cache``, under ``cnlint/``), named by a hash of the patterns, their flags and the
Hyperscan version; anything unreadable there is compiled afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

# A database per rule selection and Hyperscan version: a folder shared by every project and
# every upgrade would only grow, so writing one deletes all but the last ones written (a
# database deleted while still in use is compiled again, once).
KEPT_DATABASES = 32


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cnlint"


def compiled(expressions: list[bytes], flags: int) -> Any:
    """A block-mode database of ``expressions`` (ids 0…n-1), from the cache when it can be."""
    import hyperscan

    key = hashlib.sha256(repr((hyperscan.__version__, flags, expressions)).encode()).hexdigest()
    path = cache_folder() / f"gate-{key[:32]}.hsdb"
    try:
        database = hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)  # loadb gives a database without one
        return database
    except (OSError, hyperscan.error):
        pass
    database = hyperscan.Database()
    database.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=[flags] * len(expressions),
    )
    store_atomically(path, hyperscan.dumpb(database))
    prune(path.parent, "gate-*.hsdb", KEPT_DATABASES)
    return database


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Delete the files matching ``pattern`` but the ``keep`` written last. Another process
    may be pruning too: a file already gone is no error, nor is a folder that cannot be read."""
    written: list[tuple[int, Path]] = []
    for path in folder.glob(pattern):
        with contextlib.suppress(OSError):
            written.append((path.stat().st_mtime_ns, path))
    written.sort(reverse=True)
    for _, path in written[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()


def store_atomically(path: Path, data: bytes) -> None:
    """Write atomically (temp file + rename); a cache that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        pass
