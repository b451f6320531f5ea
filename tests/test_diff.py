"""``--diff`` is a patch that real ``git apply`` and ``patch`` accept for every file shape, and
applying it gives byte for byte what ``--fix`` writes."""

import gzip
import shutil
import subprocess
import sys

import pytest

from cnlint.report.patch import split_lines, unified_patch

from conftest import SEEDS, git, run_cli

# Seed 003's first line and seed 000's line 7: half-width commas and doubled punctuation.
LINE = "利民之事,,絲發必興,。"
OTHER = "平鲁区与临街商户签订“门前五包责任书”,并组织人员拆除门头牌匾。"
SHAPES = {
    "no-final-newline.txt": f"{OTHER}\n{LINE}".encode(),
    "crlf.txt": f"{OTHER}\r\n{LINE}\r\n".encode(),
    "cr.txt": f"{OTHER}\r{LINE}\r".encode(),
    "bom.txt": f"\ufeff{OTHER}\n{LINE}\n".encode(),
    "gbk.txt": f"{OTHER}\n这是第二段,内容。\n".encode("gbk"),
    "records.jsonl": (
        f'{{"id": 1, "text": "{OTHER}"}}\n{{"id": 2, "text": "{LINE}"}}'.encode()  # no final LF
    ),
    "line-separator.txt": f"{OTHER}\u2028{LINE}\n".encode(),
}


@pytest.fixture
def repo(tmp_path):
    for name, data in SHAPES.items():
        (tmp_path / name).write_bytes(data)
    shutil.copy(SEEDS / "003_0d4dd77c39c606b7.txt", tmp_path / "seed.txt")
    (tmp_path / "packed.txt.gz").write_bytes(gzip.compress(f"{LINE}\n".encode()))
    git(tmp_path, "init", "-q", ".")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "corpus")
    return tmp_path


def fixed_bytes(repo):
    result = run_cli("check", "--fix", "--no-cache", ".", cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    fixed = {p.name: p.read_bytes() for p in repo.iterdir() if p.is_file()}
    git(repo, "checkout", "--", ".")
    return fixed


def diff(repo, *args):
    """``cnlint check --diff``: the patch as bytes (a GBK file's lines are GBK), stderr as text."""
    command = [sys.executable, "-m", "cnlint", "check", "--diff", "--no-cache", *args, "."]
    done = subprocess.run(command, cwd=repo, capture_output=True, check=False)
    return done.returncode, done.stdout, done.stderr.decode()


@pytest.mark.parametrize("tool", ["git", "patch"])
def test_the_diff_applies_and_equals_the_fix(repo, tool):
    code, patch, stderr = diff(repo)
    assert code == 1, stderr
    (repo.parent / "fixes.patch").write_bytes(patch)
    expected = fixed_bytes(repo)
    if tool == "git":
        apply = ["git", "apply", "--check", str(repo.parent / "fixes.patch")]
        subprocess.run(apply, cwd=repo, check=True)
        subprocess.run([apply[0], apply[1], apply[3]], cwd=repo, check=True)
    else:
        subprocess.run(
            ["patch", "-p1", "-s", "-i", str(repo.parent / "fixes.patch")], cwd=repo, check=True
        )
    for name in [*SHAPES, "seed.txt"]:
        assert (repo / name).read_bytes() == expected[name], name
    assert all(expected[name] != SHAPES[name] for name in SHAPES)  # every shape had a fix
    # The compressed file cannot be patched: it is named on stderr with what would be fixed.
    assert b"packed" not in patch
    # P101 (",,"), S101 and P102 (",。"): the half-width commas inside are the same defects.
    assert "packed.txt.gz: would fix 3 findings; compressed, so not in the patch" in stderr


def test_the_summary_counts_what_fix_fixes(repo):
    _, patch, stderr = diff(repo)
    fixed = run_cli("check", "--fix", "--no-cache", ".", cwd=repo).stdout
    count = int(fixed.split("Fixed ", 1)[1].split()[0])
    files = len(SHAPES) + 2
    assert f"Would fix {count} findings in {files} files" in stderr
    for name in ("no-final-newline.txt", "records.jsonl", "cr.txt"):  # no LF at their end
        section = patch.split(f"--- a/{name}".encode())[1].split(b"\n--- ")[0]
        assert b"\n\\ No newline at end of file\n" in section


def test_a_last_line_without_newline_gets_the_marker():
    patch = unified_patch("x.txt", "一,二".encode(), "一，二".encode())
    assert patch.endswith("+一，二\n\\ No newline at end of file\n".encode())
    assert split_lines(b"a\r\nb\rc") == [b"a\r\n", b"b\rc"]
