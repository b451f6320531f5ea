"""Finding the files to lint under the paths given on the command line.

Files named explicitly are always linted. Folders are walked: a file is linted when its path
matches an ``include`` glob and no ``exclude`` glob. Hidden files and folders (``.git`` among
them) are skipped, and so is whatever a ``.gitignore`` ignores (those inside the walked folder
and those of its parent folders up to the repository root), unless ``respect-gitignore`` is
off. Symlinked folders are not followed, so a symlink loop cannot trap the walk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cnlint.config import Config, matches_glob

if TYPE_CHECKING:
    import pathspec


@dataclass
class Discovery:
    """The files to lint, and the folders that could not be read (path, one-line reason)."""

    files: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def discover(paths: list[Path], config: Config) -> Discovery:
    found = Discovery()
    seen: set[Path] = set()
    for path in paths:
        candidates = _walk(path, config, found) if path.is_dir() else iter([path])
        for candidate in candidates:
            key = candidate.absolute()
            if key not in seen:
                seen.add(key)
                found.files.append(candidate)
    return found


def iter_files(paths: list[Path], config: Config) -> Iterator[Path]:
    """The files :func:`discover` finds (unreadable folders left out)."""
    yield from discover(paths, config).files


@dataclass
class _Ignores:
    """The ``.gitignore`` files that apply to a folder, deepest last."""

    specs: list[tuple[Path, pathspec.GitIgnoreSpec]]

    def below(self, folder: Path) -> _Ignores:
        spec = _read_gitignore(folder)
        return _Ignores([*self.specs, (Path(os.path.abspath(folder)), spec)]) if spec else self

    def ignored(self, path: Path, is_dir: bool) -> bool:
        if not self.specs:
            return False
        absolute = Path(os.path.abspath(path))
        for base, spec in reversed(self.specs):  # a deeper .gitignore overrides a shallower one
            relative = absolute.relative_to(base).as_posix() + ("/" if is_dir else "")
            decision = spec.check_file(relative).include
            if decision is not None:
                return decision
        return False


def _walk(root: Path, config: Config, found: Discovery) -> Iterator[Path]:
    def unreadable(error: OSError) -> None:
        found.problems.append((str(Path(error.filename)), f"cannot read folder: {error.strerror}"))

    ignores = _ancestor_ignores(root) if config.respect_gitignore else _Ignores([])
    per_folder = {root: ignores}
    for folder_name, dirnames, filenames in os.walk(root, onerror=unreadable):
        folder = Path(folder_name)
        ignores = per_folder.pop(folder)
        if config.respect_gitignore:
            ignores = ignores.below(folder)
        kept = []
        for name in sorted(dirnames):
            sub = folder / name
            if name.startswith(".") or _excluded(sub, config) or ignores.ignored(sub, True):
                continue
            kept.append(name)
            per_folder[sub] = ignores
        dirnames[:] = kept
        for name in sorted(filenames):
            candidate = folder / name
            if name.startswith(".") or ignores.ignored(candidate, False):
                continue
            relative = config.relative(str(candidate))
            if any(matches_glob(relative, g) for g in config.include) and not _excluded(
                candidate, config
            ):
                yield candidate


def _ancestor_ignores(root: Path) -> _Ignores:
    """``.gitignore`` files above ``root`` up to the repository root (none outside a repo)."""
    absolute = Path(os.path.abspath(root))
    if (absolute / ".git").exists():
        return _Ignores([])
    chain = []
    for folder in absolute.parents:
        chain.append(folder)
        if (folder / ".git").exists():
            break
    else:
        return _Ignores([])
    ignores = _Ignores([])
    for folder in reversed(chain):
        ignores = ignores.below(folder)
    return ignores


def _read_gitignore(folder: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec  # only where a .gitignore is read, not on every start

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _excluded(path: Path, config: Config) -> bool:
    relative = config.relative(str(path))
    return any(matches_glob(relative, pattern) for pattern in config.exclude)
