from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
CLEAN_CORPUS = SHARED / "corpus" / "external" / "clean"
DIRTY_CORPUS = SHARED / "corpus" / "external" / "dirty"


def git(repo: Path, *args: str) -> None:
    """Run git in ``repo`` with a throwaway identity (tests make real commits)."""
    import subprocess

    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside the project (../shared)")
    return path


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None):
    """Run the installed CLI in a subprocess (a real process, a real exit code)."""
    import os
    import subprocess
    import sys

    full_env = {**os.environ, **(env or {})}
    full_env.pop("FORCE_COLOR", None) if env is None or "FORCE_COLOR" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "cnlint", *args],
        cwd=cwd,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed documents."""
    import shutil

    target = tmp_path / "seeds"
    target.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy2(seed, target / seed.name)
        (target / seed.name).chmod(0o644)  # a read-only checkout must not make fixes fail
    return target
