"""Data safety: atomic writes, interrupted runs, and files that change while cnlint runs."""

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.run import process_file, process_source
from cnlint.inputs import writer
from cnlint.inputs.sources import read_source
from cnlint.inputs.writer import StaleFileError, write_atomic

from conftest import SEEDS

SEED_003 = SEEDS / "003_0d4dd77c39c606b7.txt"  # traditional text full of ,, and ,; (D8-D10)


def temp_litter(folder):
    return [p for p in folder.rglob("*") if p.name.endswith(writer.TEMP_SUFFIX)]


def copies(folder, count):
    folder.mkdir()
    for i in range(count):
        shutil.copy(SEED_003, folder / f"doc{i:03}.txt")
    return sorted(folder.iterdir())


def fixed_seed() -> bytes:
    source = read_source(SEED_003)
    result = process_source(source, Linter(Config()), fix=True, unsafe=False, write=False)
    data = result.new_text.encode("utf-8")
    assert data != SEED_003.read_bytes()
    return data


def test_write_replaces_content_and_keeps_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, "新".encode(), expected=b"old")
    assert path.read_bytes() == "新".encode()
    assert path.stat().st_mode & 0o777 == 0o640
    assert temp_litter(tmp_path) == []


def test_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644


def test_writing_through_a_symlink_keeps_the_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, b"new", expected=b"old")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_read_only_file_is_not_replaced(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(PermissionError, match="read-only"):
        write_atomic(path, b"new", expected=b"old")
    assert path.read_bytes() == b"old" and temp_litter(tmp_path) == []


def test_a_fix_that_cannot_be_written_reports_the_findings_still_there(tmp_path):
    path = tmp_path / "doc.txt"
    shutil.copy(SEED_003, path)
    path.chmod(0o444)
    linter = Linter(Config())
    result = process_file(path, linter, fix=True, write=True)
    assert result.error == "cannot write fix: read-only file, not overwritten"
    assert result.fixed_count == 0 and not result.written
    assert len(result.findings) == len(process_file(path, linter).findings) > 100


def test_stale_file_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"changed by someone else")
    with pytest.raises(StaleFileError):
        write_atomic(path, b"fixed", expected=b"what cnlint read")
    assert path.read_bytes() == b"changed by someone else"
    assert temp_litter(tmp_path) == []


def test_file_edited_during_the_run_keeps_the_edit(tmp_path):
    path = tmp_path / "doc.txt"
    shutil.copy(SEED_003, path)
    source = read_source(path)  # cnlint has read the file ...
    edited = "用户在运行期间改了这个文件。\n".encode()
    path.write_bytes(edited)  # ... then the user saves a change
    result = process_source(source, Linter(Config()), fix=True, unsafe=False, write=True)
    assert not result.written
    assert "changed on disk" in result.error
    assert path.read_bytes() == edited


def test_interrupt_between_temp_write_and_rename_leaves_files_old_or_new(tmp_path, monkeypatch):
    files = copies(tmp_path / "docs", 5)
    original, fixed = SEED_003.read_bytes(), fixed_seed()
    real_replace = os.replace
    calls = []

    def interrupted(*args):
        calls.append(args)
        if len(calls) == 3:  # Ctrl-C after the third file's temp file was written
            raise KeyboardInterrupt
        return real_replace(*args)

    monkeypatch.setattr(writer.os, "replace", interrupted)
    linter = Linter(Config())
    with pytest.raises(KeyboardInterrupt):
        for path in files:
            process_file(path, linter, fix=True, write=True)
    assert [path.read_bytes() for path in files] == [fixed, fixed, original, original, original]
    assert temp_litter(tmp_path) == []


def test_disk_full_while_writing_keeps_the_old_file_and_the_run_goes_on(tmp_path, monkeypatch):
    files = copies(tmp_path / "docs", 3)
    original, fixed = SEED_003.read_bytes(), fixed_seed()
    real_fsync = os.fsync
    file_syncs = []

    def disk_full(fd):
        if stat.S_ISREG(os.fstat(fd).st_mode):
            file_syncs.append(fd)
            if len(file_syncs) == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(writer.os, "fsync", disk_full)
    linter = Linter(Config())
    results = [process_file(path, linter, fix=True, write=True) for path in files]
    assert [path.read_bytes() for path in files] == [fixed, original, fixed]
    assert "No space left on device" in results[1].error and not results[1].written
    assert temp_litter(tmp_path) == []


def test_killed_run_leaves_every_file_old_or_new(tmp_path):
    files = copies(tmp_path / "docs", 60)
    original, fixed = SEED_003.read_bytes(), fixed_seed()
    process = subprocess.Popen(
        [sys.executable, "-m", "cnlint", "check", "--fix", str(tmp_path / "docs")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill it once some, but not all, files are fixed
        if any(path.read_bytes() == fixed for path in files):
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    contents = [path.read_bytes() for path in files]
    assert all(content in (original, fixed) for content in contents)
    assert fixed in contents


@pytest.mark.parametrize("length", [255, 254, 200])
def test_a_file_named_up_to_the_limit_can_be_fixed(tmp_path, length):
    # 255 bytes is the limit on a name in ext4, XFS, Btrfs, tmpfs: the temp name must fit too.
    stem = ("民生无小事枝叶总关情" * 9).encode()[: length - 4].decode("utf-8", "ignore")
    name = stem + "x" * (length - 4 - len(stem.encode())) + ".txt"
    assert len(name.encode()) == length
    path = tmp_path / name
    shutil.copy(SEED_003, path)
    result = process_file(path, Linter(Config()), fix=True, write=True)
    assert result.error is None and result.written
    assert path.read_bytes() == fixed_seed()
    assert os.listdir(tmp_path) == [name]
