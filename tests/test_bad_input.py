"""Bad input, made for real: each case gets a one-line error naming the file (and record), the
run goes on, the exit code is 2, and nothing is written for that file.

This is the table "Bad input" of docs/inputs-and-data-safety.md, row by row.
"""

import ctypes
import json
import os
import subprocess
import sys

import pytest

from cnlint.inputs.sources import SourceOptions, parse_source

from conftest import run_cli

# Seed 000, line 7 (D1): a half-width comma that --fix turns into '，'.
DIRTY = "平鲁区与临街商户签订“门前五包责任书”和“市容市貌环境卫生责任状”,并组织人员拆除门头牌匾。\n"
GOOD_RECORD = json.dumps({"id": "ok", "text": DIRTY}, ensure_ascii=False)

BAD_FILES = {
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    # Every byte from 0x80 up: neither UTF-8 nor any encoding charset-normalizer accepts.
    "undecodable.txt": bytes(range(0x80, 0x100)) * 20,
    "not-json.jsonl": f"{GOOD_RECORD}\n{{'text': 'single quotes'}}\n".encode(),
    "no-text.jsonl": b'{"id": "n1", "body": "\xe6\xad\xa3\xe6\x96\x87"}\n',
    "number-text.jsonl": b'{"id": "n2", "text": 42}\n',
    "not-utf8.jsonl": '{"text": "中文"}\n'.encode("gbk"),
    "corrupt.txt.gz": b"\x1f\x8b\x08\x00 truncated",
}
EXPECTED = {
    "binary.txt": "binary file (PNG image), skipped",
    "undecodable.txt": "cannot decode: not UTF-8 (invalid byte 0x80 at offset 0), and neither",
    "not-json.jsonl": "line 2: not valid JSON (Expecting property name enclosed in double quotes",
    "no-text.jsonl": "line 1: no text field 'text'",
    "number-text.jsonl": "line 1: text field 'text' is a JSON number, not a string",
    "not-utf8.jsonl": "line 1: not UTF-8",
    "corrupt.txt.gz": "corrupt gzip data",
    "broken.txt": "cannot read: broken symlink (target 'nowhere.txt' does not exist)",
    "loop-a.txt": "cannot read: symlink loop",
    "huge.txt": "document is 100.0 MB, over max-document-size (16.0 MB); skipped",
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "broken.txt").symlink_to("nowhere.txt")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "empty.txt").write_bytes(b"")
    # 100 MB on one line: real Chinese prose (seed 000 line 3), repeated, no newline.
    line = (
        "民生无小事,枝叶总关情。党史学习教育开展以来,全省各级部门聚焦群众关心关切的焦点。".encode()
    )
    (folder / "huge.txt").write_bytes(line * (100_000_000 // len(line) + 1))
    (folder / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.exists()}
    result = run_cli("check", "--fix", "--no-cache", "--format", "concise", str(folder))
    errors = {}
    for line in result.stderr.splitlines():
        path, sep, message = line.partition(": error: ")
        if sep:
            errors[os.path.basename(path)] = message
    return folder, result, errors, before


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_gets_one_error_line_and_is_not_written(bad_run, name):
    folder, _, errors, before = bad_run
    assert EXPECTED[name] in errors[name]
    path = folder / name
    if path.exists():
        assert path.read_bytes() == before[name]


def test_the_run_goes_on_and_exits_2(bad_run):
    folder, result, errors, _ = bad_run
    assert result.returncode == 2
    assert (folder / "dirty.txt").read_text(encoding="utf-8") == DIRTY.replace("”,", "”，")
    assert "empty.txt" not in errors  # an empty file is read fine: there is nothing to lint
    assert set(errors) == set(EXPECTED) | {"loop-b.txt"}


def test_a_file_with_one_bad_record_lints_the_others_and_is_not_fixed(bad_run):
    folder, result, _, before = bad_run
    # Not fixed (the file is not written), so the good record's finding is still reported.
    assert f"{folder / 'not-json.jsonl'}:1 [id ok] 1:34: P103" in result.stdout
    assert (folder / "not-json.jsonl").read_bytes() == before["not-json.jsonl"]
    source = parse_source(before["not-json.jsonl"], "not-json.jsonl")
    assert [d.record.id for d in source.documents] == ["ok"]
    assert source.problems == [EXPECTED["not-json.jsonl"] + " at column 2)"]


def test_a_bad_string_names_its_column_once():
    # A raw tab inside the string (a writer that skipped escaping): json says "Invalid control
    # character at", and the message must not read "at at column".
    raw = GOOD_RECORD.replace("”,", "”\t").encode()
    source = parse_source(raw, "tab.jsonl")
    assert source.documents == []
    assert source.problems == ["line 1: not valid JSON (Invalid control character at column 56)"]


def test_a_dataset_naming_its_text_otherwise_gets_the_keys_and_the_option_once():
    line = json.dumps({"url": "u", "content": DIRTY}, ensure_ascii=False) + "\n"
    source = parse_source((line * 3).encode(), "crawl.jsonl")
    assert source.problems == [
        "line 1: no text field 'text' (its keys: 'url', 'content'; "
        "set --text-field or text-field in config)",
        "line 2: no text field 'text'",
        "line 3: no text field 'text'",
    ]


def test_a_record_over_the_size_limit_is_skipped_with_its_line():
    raw = f'{{"text": "短"}}\n{{"text": "{"长" * 400}"}}\n'.encode()
    source = parse_source(raw, "x.jsonl", SourceOptions(max_document_size=1000))
    assert [d.text for d in source.documents] == ["短"]
    assert source.problems == ["line 2: record is 0.0 MB, over max-document-size; skipped"]


def _drop_file_permission_override():
    """Runs in the child before exec: without CAP_DAC_OVERRIDE/READ_SEARCH, root obeys modes."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _check_fix_without_permission_override(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "cnlint", "check", "--fix", "--no-cache", "--format"]
    if os.geteuid() != 0:
        return run_cli("check", "--fix", "--no-cache", "--format", "concise", *args)
    # chmod 000 does not stop root; drop the capabilities that let it read anyway.
    try:
        return subprocess.run(
            [*command, "concise", *args],
            preexec_fn=_drop_file_permission_override,
            capture_output=True,
            text=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot drop root's file capabilities here: {exc}")


def test_folder_and_file_without_permission(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(DIRTY, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(DIRTY, encoding="utf-8")
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    locked.chmod(0)
    secret.chmod(0)
    try:
        result = _check_fix_without_permission_override(str(tmp_path))
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert result.returncode == 2
    assert f"{locked}: error: cannot read folder: Permission denied" in result.stderr
    assert f"{secret}: error: cannot read: Permission denied" in result.stderr
    assert (tmp_path / "dirty.txt").read_text(encoding="utf-8") == DIRTY.replace("”,", "”，")
    assert (locked / "inside.txt").read_text(encoding="utf-8") == DIRTY


def test_an_unreadable_file_named_on_the_command_line_does_not_stop_the_run(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(DIRTY, encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(DIRTY, encoding="utf-8")
    secret.chmod(0)
    try:
        result = _check_fix_without_permission_override(str(secret), str(dirty))
    finally:
        secret.chmod(0o644)
    assert result.returncode == 2
    assert f"{secret}: error: cannot read: Permission denied" in result.stderr
    assert "Usage:" not in result.stderr
    assert dirty.read_text(encoding="utf-8") == DIRTY.replace("”,", "”，")
