"""Finding the files to lint under the paths given on the command line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .config import Config, matches_glob


def iter_files(paths: list[Path], config: Config) -> Iterator[Path]:
    """Files named explicitly are always linted; directories are walked with include/exclude.

    Hidden files and folders (``.git`` among them) are skipped inside directories.
    """
    seen: set[Path] = set()
    for path in paths:
        candidates = _walk(path, config) if path.is_dir() else iter([path])
        for candidate in candidates:
            key = candidate.absolute()
            if key not in seen:
                seen.add(key)
                yield candidate


def _walk(root: Path, config: Config) -> Iterator[Path]:
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not _excluded(Path(folder, d), config)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            candidate = Path(folder, name)
            relative = config.relative(str(candidate))
            if any(matches_glob(relative, g) for g in config.include) and not _excluded(
                candidate, config
            ):
                yield candidate


def _excluded(path: Path, config: Config) -> bool:
    relative = config.relative(str(path))
    return any(matches_glob(relative, pattern) for pattern in config.exclude)
