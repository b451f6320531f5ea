"""``--changed-since REF``: the files a pull request touches, from git.

Changed means: differs between the merge base of REF and HEAD and the working
tree (committed, staged or not), or untracked and not ignored. Using the merge
base keeps files that changed only on the target branch out of a PR's check.
Deleted files are left out: there is nothing to lint.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not a repository, or the ref is unknown."""


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from exc
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        raise GitError(detail[-1] if detail else f"git {' '.join(args)} failed")
    return done.stdout


def changed_files(ref: str, folder: Path) -> set[Path]:
    """Absolute paths of files changed since ``ref`` (plus untracked ones) in folder's repo."""
    folder = folder if folder.is_dir() else folder.parent
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError as exc:  # --quiet: git says nothing, so say what went wrong here
        raise GitError(f"unknown git ref {ref!r}: no such commit in {top}") from exc
    base = _git(top, "merge-base", ref, "HEAD").strip()
    diffed = _git(top, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--")
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z")
    names = [n for n in (diffed + untracked).split("\0") if n]
    return {(top / name).resolve() for name in names}


def only_changed(files: Iterable[Path], changed: set[Path]) -> list[Path]:
    return [path for path in files if path.resolve() in changed]
