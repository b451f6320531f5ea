"""Files that could not be checked are on stderr in every format, never mixed into the findings
on stdout; the formats with a place for them carry them too; the summary says how many and why."""

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from conftest import SEEDS, run_cli

BAD = {
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "undecodable.txt": bytes(range(0x80, 0x100)) * 20,
    # Seed 000, line 7, as a record, then a record that is not JSON.
    "half.jsonl": '{"id": "ok", "text": "并组织人员拆除门头牌匾,清理乱堆乱放。"}\n{oops\n'.encode(),
}
SUMMARY = "3 files could not be checked: 1 binary, 1 undecodable, 1 with unreadable JSONL records."
FORMATS = ("full", "concise", "json", "jsonl", "sarif", "junit", "gitlab", "github")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("errors")
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    shutil.copy(SEEDS / "000_35d55cf4af66c7c1.expected", folder / "seed.txt")
    return folder


def check(folder, *args):
    return run_cli("check", "--no-cache", *args, ".", cwd=folder)


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_puts_each_error_on_stderr_and_none_on_stdout(corpus, output_format):
    result = check(corpus, "--format", output_format)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert sorted(line.split(":")[0] for line in errors) == sorted(BAD)
    assert "binary.txt: error: binary file (PNG image), skipped" in result.stderr
    assert ": error: " not in result.stdout
    # The summary says how many and why: in the terminal summary for full, on stderr otherwise.
    assert SUMMARY in (result.stdout if output_format == "full" else result.stderr)


def test_machine_formats_carry_the_errors_where_they_have_a_place(corpus):
    sarif = json.loads(check(corpus, "--format", "sarif").stdout)
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notified = {
        n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for n in invocation["toolExecutionNotifications"]
    }
    assert notified == set(BAD)
    junit = ET.fromstring(check(corpus, "--format", "junit").stdout)
    assert sum(int(suite.get("errors")) for suite in junit.iter("testsuite")) == 3
    assert {case.get("file") for case in junit.iter("testcase") if case.find("error") is not None}
    github = check(corpus, "--format", "github").stdout
    assert "::error file=binary.txt,title=cnlint::binary file" in github
    stats = json.loads(check(corpus, "--statistics", "--format", "json").stdout)
    assert stats["files_not_checked"] == 3
    assert {e["path"] for e in stats["errors"]} == set(BAD)
    # The JSON array keeps its shape (consumers iterate findings) and holds only findings.
    findings = json.loads(check(corpus, "--format", "json").stdout)
    assert isinstance(findings, list)
    assert {f["path"] for f in findings} == {"half.jsonl", "seed.txt"}


def test_statistics_view_names_why(corpus):
    result = check(corpus, "--statistics")
    assert "files not checked" in result.stdout
    shown = " ".join(result.stdout.split())  # the table may wrap the reasons
    assert "3 (1 binary, 1 undecodable, 1 with unreadable JSONL records)" in shown
    assert ": error: " not in result.stdout and "binary.txt: error:" in result.stderr


def test_diff_reports_errors_on_stderr(corpus):
    result = check(corpus, "--diff")
    assert result.returncode == 2
    assert ": error: " not in result.stdout
    assert SUMMARY in result.stderr


def test_clean_files_beside_a_bad_one_are_said_to_be_read(tmp_path):
    # Not "All checks passed" (a file was not checked), and not silence about the clean one.
    # Seed 003's first line as --fix leaves it.
    (tmp_path / "clean.txt").write_text("利民之事，丝发必兴。\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(BAD["binary.txt"])
    result = check(tmp_path)
    assert result.returncode == 2
    assert "No findings in 1 file. 1 file could not be checked: 1 binary." in result.stdout
    assert "All checks passed" not in result.stdout
