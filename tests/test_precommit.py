"""The pre-commit hooks, run by the real pre-commit (`pre-commit try-repo`).

try-repo installs the hook repository at a commit into pre-commit's own virtualenv
(from PyPI and the local wheel cache only). The project is copied into a fresh git
repository and committed there, so the test exercises the working tree as it is,
whatever is or is not committed in the real checkout.
"""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, git

# The first three lines of seed 000: line 3 has half-width commas in Chinese text (D1),
# every one of them safely fixable.
DEFECTIVE = "".join(
    (SEEDS / "000_35d55cf4af66c7c1.txt").read_text(encoding="utf-8").splitlines(True)[:3]
)
PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "lint", "rules")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("cnlint-hooks")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
            )
        else:
            shutil.copy2(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "cnlint")
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook_repo, pre_commit_home, work, *hooks):
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), *hooks, "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_check_fails_fix_repairs_check_passes(hook_repo, pre_commit_home, tmp_path):
    work = tmp_path / "corpus"
    work.mkdir()
    article = work / "article.txt"
    article.write_text(DEFECTIVE, encoding="utf-8")
    git(work, "init", "-q")
    git(work, "add", ".")

    # try-repo installs the hooks afresh on every call (about a minute), so the first
    # call runs both hooks in their order: the check, then the fix.
    first = try_repo(hook_repo, pre_commit_home, work)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    check_part, fix_part = output.split("cnlint (fix Chinese text)")
    assert "cnlint (check Chinese text)" in check_part and "Failed" in check_part
    assert "article.txt:3:" in check_part and "P103" in check_part
    # pre-commit fails a hook that modified files, so the user reviews the fix.
    assert "files were modified by this hook" in fix_part
    assert article.read_text(encoding="utf-8") == DEFECTIVE.replace(",", "，")

    git(work, "add", ".")
    again = try_repo(hook_repo, pre_commit_home, work, "cnlint")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


def test_readme_configs_name_real_hooks_and_options():
    import re

    import yaml

    from conftest import run_cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## CI and pre-commit")[1].split("\n## ")[0]
    workflow, config = (yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S))
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= hooks == {"cnlint", "cnlint-fix"}
    help_text = run_cli("check", "--help", env={"COLUMNS": "200"}).stdout
    commands = [
        s["run"] for s in workflow["jobs"]["cnlint"]["steps"] if "cnlint check" in s.get("run", "")
    ]
    options = {o for command in commands for o in re.findall(r"--[a-z-]+", command)}
    assert options and all(option in help_text for option in options), options
