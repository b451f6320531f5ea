"""Stopping a run from outside: Ctrl-C ends it with one line and exit 130, every file old or
new; workers whose parent was killed exit instead of waiting forever. Real processes, real
signals."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.run import process_source
from cnlint.inputs.sources import read_source

from conftest import SEEDS

SEED_003 = SEEDS / "003_0d4dd77c39c606b7.txt"  # traditional text full of ,, and ,; (D8-D10)


def corpus(folder, count):
    folder.mkdir()
    for index in range(count):
        shutil.copy(SEED_003, folder / f"doc{index:03}.txt")
    return sorted(folder.iterdir())


def fixed_seed():
    result = process_source(
        read_source(SEED_003), Linter(Config()), fix=True, unsafe=False, write=False
    )
    return result.new_text.encode("utf-8")


def start(folder, jobs, stderr=subprocess.PIPE):
    return subprocess.Popen(
        [sys.executable, "-m", "cnlint", "check", "--fix", "--no-cache", "-j", jobs, str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches it
    )


def wait_until(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_prints_one_line_and_exits_130(tmp_path, jobs):
    files = corpus(tmp_path / "docs", 300)
    original, fixed = SEED_003.read_bytes(), fixed_seed()
    process = start(tmp_path / "docs", jobs)
    assert wait_until(lambda: any(path.read_bytes() == fixed for path in files))
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    contents = [path.read_bytes() for path in files]
    assert all(content in (original, fixed) for content in contents)
    written = contents.count(fixed)
    assert 0 < written < len(files)
    assert stderr == f"cnlint: interrupted; {written} files written, none partially\n"
    assert [p.name for p in (tmp_path / "docs").iterdir() if p.name.startswith(".")] == []


def children(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(child) for child in handle.read().split()]


def running(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads /proc (Linux)")
def test_workers_exit_when_the_parent_is_killed(tmp_path):
    corpus(tmp_path / "docs", 300)
    process = start(tmp_path / "docs", "2", stderr=subprocess.DEVNULL)
    assert wait_until(lambda: len(children(process.pid)) == 2)
    workers = children(process.pid)
    process.kill()  # the parent alone: its workers are orphaned
    process.wait()
    try:
        assert wait_until(lambda: not any(running(pid) for pid in workers), seconds=30)
    finally:
        for pid in workers:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
