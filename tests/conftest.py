import os
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
    """The path, or a skip where ../shared is not beside the project; CI must have it, so
    there (CI=true) its absence fails instead of silently dropping the corpus tests."""
    if not path.exists():
        message = f"{path} is not beside the project (../shared)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None):
    """Run the CLI in this process (typer's CliRunner): the same exit code, stdout and stderr as
    the console script, without starting an interpreter per call. An exception the CLI lets
    escape lands in stderr as its traceback, as it would from a real process."""
    import os
    import subprocess
    import traceback

    from typer.testing import CliRunner

    from cnlint.cli import app

    # As run_console_script: a test's output never carries colour unless it asks for it.
    overrides = {"FORCE_COLOR": None, **(env or {})}
    before = Path.cwd()
    os.chdir(cwd or before)
    try:
        result = CliRunner().invoke(app, list(args), input=stdin, env=overrides, prog_name="cnlint")
    finally:
        os.chdir(before)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, stderr)


def run_console_script(
    *args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None
):
    """Run the installed CLI in a subprocess: for what only a real process shows (the entry
    point, a closed pipe, the interpreter's own stream encoding)."""
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


@pytest.fixture(scope="module")
def local_ray():
    """A local Ray cluster for the tests of one module (2 CPUs, as CI has)."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


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
