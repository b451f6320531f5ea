"""The pre-commit hooks, run by the real pre-commit.

The fast test runs the published hook definitions as local system hooks (no network). The
slow one installs the hook repository into pre-commit's own virtualenv, as a user's
`pre-commit install` does: the project is copied into a fresh git repository and committed
there, so it exercises the working tree as it is, whatever is committed in the checkout.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

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


def run_hooks(work, pre_commit_home, config, *hooks):
    """`pre-commit run` in ``work`` with ``config`` as its .pre-commit-config.yaml."""
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(pre_commit_home),
        "NO_COLOR": "1",
        # A `language: system` hook runs the cnlint beside this interpreter.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", *hooks, "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def defective_repo(tmp_path):
    work = tmp_path / "corpus"
    work.mkdir()
    (work / "article.txt").write_text(DEFECTIVE, encoding="utf-8")
    git(work, "init", "-q")
    git(work, "add", ".")
    return work


def check_fails_fix_repairs_check_passes(work, pre_commit_home, config):
    # Both hooks in their order: the check, then the fix.
    first = run_hooks(work, pre_commit_home, config)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    check_part, fix_part = output.split("cnlint (fix Chinese text)")
    assert "cnlint (check Chinese text)" in check_part and "Failed" in check_part
    assert "article.txt:3:" in check_part and "P103" in check_part
    # pre-commit fails a hook that modified files, so the user reviews the fix.
    assert "files were modified by this hook" in fix_part
    assert (work / "article.txt").read_text(encoding="utf-8") == DEFECTIVE.replace(",", "，")

    git(work, "add", ".")
    again = run_hooks(work, pre_commit_home, config, "cnlint")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


def test_the_published_hooks_check_then_fix(pre_commit_home, tmp_path):
    """The hooks exactly as .pre-commit-hooks.yaml publishes them, run by the real pre-commit
    as local `language: system` hooks: offline, no hook environment to build."""
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = [{**hook, "language": "system"} for hook in published]
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    check_fails_fix_repairs_check_passes(defective_repo(tmp_path), pre_commit_home, config)


@pytest.mark.slow
def test_the_hook_repository_installs_and_runs(hook_repo, pre_commit_home, tmp_path):
    """A user's install: pre-commit builds the hooks' Python environment from the repository
    (PyPI and pip's cache), once for both runs, since repo and rev stay the same."""
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    config = {
        "repos": [
            {
                "repo": str(hook_repo),
                "rev": commit,
                "hooks": [{"id": "cnlint"}, {"id": "cnlint-fix"}],
            }
        ]
    }
    check_fails_fix_repairs_check_passes(defective_repo(tmp_path), pre_commit_home, config)


def test_readme_configs_name_real_hooks_and_options():
    import re

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
