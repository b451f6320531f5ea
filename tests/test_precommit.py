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
# The page whose GitHub Actions workflow and pre-commit config these tests run as users copy them.
CI_PAGE = (ROOT / "docs" / "ci-and-pre-commit.md").read_text(encoding="utf-8")


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


# Clean prose (full-width marks) with a line of page metadata: B103, a warning only an unsafe fix
# removes, so --fix cannot and the documented --fail-on error lets it pass.
METADATA = (
    "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。\n"
    "来源：山西日报　时间：2021-09-17 08:31:26\n"
)
# Decoding debris: E104, an error no fix can remove.
DEBRIS = (
    "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点锟斤拷。\n"
)


def readme_precommit_config(hook_repo) -> str:
    """The .pre-commit-config.yaml of docs/ci-and-pre-commit.md as a user copies it, pointed at
    the hook repo."""
    import re

    config = next(b for b in re.findall(r"```yaml\n(.*?)```", CI_PAGE, re.S) if "repos:" in b)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    config = re.sub(r"repo: \S+", f"repo: {hook_repo}", config)
    return re.sub(r"rev: \S+", f"rev: {head}", config)


def run_all_hooks(pre_commit_home, work):
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.slow
def test_readme_config_fix_hook_fails_only_on_changes_or_remaining_findings(
    hook_repo, pre_commit_home, tmp_path
):
    work = tmp_path / "corpus"
    work.mkdir()
    (work / ".pre-commit-config.yaml").write_text(readme_precommit_config(hook_repo))
    (work / "article.txt").write_text(DEFECTIVE, encoding="utf-8")
    (work / "metadata.txt").write_text(METADATA, encoding="utf-8")
    git(work, "init", "-q")
    git(work, "add", ".")

    # 1. Safe fixes applied: the fix hook fails and says which file, lines and rules.
    code, output = run_all_hooks(pre_commit_home, work)
    assert code == 1, output
    fix_part = output.split("cnlint (fix Chinese text)")[1].split("cnlint (check")[0]
    assert "Failed" in fix_part and "files were modified by this hook" in fix_part
    assert "article.txt:3: 5 × P103 (halfwidth-punctuation)" in fix_part
    assert (work / "article.txt").read_text(encoding="utf-8") == DEFECTIVE.replace(",", "，")
    # The unsafe-only finding was neither fixed nor a reason to fail.
    assert (work / "metadata.txt").read_text(encoding="utf-8") == METADATA
    assert "metadata.txt" not in fix_part.split("Fixed")[1]

    # 2. Nothing left to fix and nothing at the error level: both hooks pass.
    git(work, "add", ".")
    code, output = run_all_hooks(pre_commit_home, work)
    assert code == 0, output
    assert output.count("Passed") == 2

    # 3. An error no fix removes: the fix hook fails without changing anything.
    (work / "debris.txt").write_text(DEBRIS, encoding="utf-8")
    git(work, "add", ".")
    code, output = run_all_hooks(pre_commit_home, work)
    assert code == 1, output
    fix_part = output.split("cnlint (fix Chinese text)")[1].split("cnlint (check")[0]
    assert "Failed" in fix_part and "files were modified" not in fix_part
    assert "debris.txt:1:41: E104" in fix_part
    assert (work / "debris.txt").read_text(encoding="utf-8") == DEBRIS


def test_readme_configs_name_real_hooks_and_options():
    import re

    from conftest import run_cli

    workflow, config = (yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", CI_PAGE, re.S))
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= hooks == {"cnlint", "cnlint-fix"}
    help_text = run_cli("check", "--help", env={"COLUMNS": "200"}).stdout
    commands = [
        s["run"] for s in workflow["jobs"]["cnlint"]["steps"] if "cnlint check" in s.get("run", "")
    ]
    options = {o for command in commands for o in re.findall(r"--[a-z-]+", command)}
    assert options and all(option in help_text for option in options), options
