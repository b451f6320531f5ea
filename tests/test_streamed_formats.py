"""The machine formats written file by file (--format json, sarif, junit, gitlab, and the line
formats) give what rendering the whole report gives, parts of a split file included, and
write each file's findings before the next file is linted."""

import io
import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from cnlint.ci.limits import Limits
from cnlint.cli import check_output as cli_check
from cnlint.config import load_config
from cnlint.engine.linter import Linter
from cnlint.engine.parallel import FileJob, Mode, run_files
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Severity
from cnlint.inputs.discovery import discover
from cnlint.report import REPORTERS, WRITERS, junit
from cnlint.report.concise import location
from cnlint.report.jsonenc import IndentedArray, compact, indented
from cnlint.report.junit import xml_text

from conftest import SEEDS, run_cli

SARIF_SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")
STREAMED = sorted(WRITERS)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, their first two as JSONL records (some with an id, one twice; then a record
    with a lone surrogate from a JSON escape, and a broken one), a record with HTML residue, a
    clean file and two files that cannot be read."""
    folder = tmp_path_factory.mktemp("streamed")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    lines = [
        line
        for seed in sorted(SEEDS.glob("*.txt"))[:2]
        for line in seed.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    records = [{"id": f"r{i}", "text": t} if i % 3 else {"text": t} for i, t in enumerate(lines)]
    # Seed 000's line 7 first and last, without an id: the same GitLab fingerprint twice.
    repeated = {"text": "并组织人员拆除门头牌匾,清理乱堆乱放。"}
    records = [repeated, *records, repeated, {"text": "民生无小事\ud800,枝叶总关情。" * 2}]
    with (folder / "records.jsonl").open("w", encoding="utf-8") as out:
        # ASCII escapes: the surrogate can only be in the file as one (\ud800).
        out.writelines(json.dumps(r) + "\n" for r in records)
        out.write("{oops\n")
    # Scraped HTML residue and a CR: what JUnit's XML must escape.
    html = '民生事项放心上&nbsp;暖心服务到身边<br/>各地干部深入基层,倾听群众"急难愁盼"。\r'
    (folder / "html.jsonl").write_text(json.dumps({"text": html}) + "\n", encoding="utf-8")
    (folder / "clean.txt").write_text("民生事项放心上，暖心服务到身边。\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 20)
    return folder


@pytest.fixture(scope="module")
def results(corpus) -> list[FileResult]:
    """What the CLI lints for ``cnlint check .`` in the corpus, in its order, joined per file."""
    before = Path.cwd()
    os.chdir(corpus)
    try:
        config = load_config(None, Path("."))
        found = discover([Path(".")], config)
        linted = list(run_files(found.files, FileJob(Linter(config), Mode())))
    finally:
        os.chdir(before)
    return linted + [FileResult(str(path), error=reason) for path, reason in found.problems]


def rendered(report: Report, fmt: str) -> str:
    """The whole report rendered at once, as the terminal prints it (a lone surrogate escaped)."""
    stream = io.StringIO()
    REPORTERS[fmt](report, stream)
    return stream.getvalue().encode("utf-8", "backslashreplace").decode("utf-8")


@pytest.mark.parametrize("fmt", STREAMED)
def test_the_streamed_cli_output_equals_the_whole_report_rendered(
    corpus, results, fmt, monkeypatch
):
    streamed = run_cli("check", ".", "--no-cache", "--format", fmt, cwd=corpus)
    assert streamed.returncode == 2, streamed.stderr  # findings, and files that cannot be read
    assert "D103" in streamed.stdout and "records.jsonl" in streamed.stdout
    monkeypatch.chdir(corpus)  # SARIF names the working folder
    assert streamed.stdout == rendered(Report(results), fmt)


def test_the_streamed_sarif_log_validates_and_carries_the_errors(corpus):
    log = json.loads(run_cli("check", ".", "--no-cache", "--format", "sarif", cwd=corpus).stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    run = log["runs"][0]
    assert next(iter(run)) == "results"  # written as files are linted; the tool at the end
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    notified = run["invocations"][0]["toolExecutionNotifications"]
    uris = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notified}
    assert uris == {"binary.txt", "undecodable.txt", "records.jsonl"}


def split(result: FileResult) -> list[FileResult]:
    """A JSONL file's result in two consecutive parts, as a large file is streamed."""
    half = len(result.documents) // 2
    first = FileResult(result.path, result.documents[:half])
    return [first, FileResult(result.path, result.documents[half:], error=result.error)]


@pytest.mark.parametrize("fmt", STREAMED)
def test_parts_of_one_file_are_written_as_the_whole_file(results, fmt):
    """A large JSONL file comes in consecutive parts: GitLab counts a fingerprint's
    occurrences over the whole file, JUnit writes one suite with the parts' errors joined."""
    jsonl = next(r for r in results if r.path == "records.jsonl")
    assert len(jsonl.documents) > 2 and jsonl.error
    parts = [p for r in results for p in (split(r) if r is jsonl else [r])]
    stream = io.StringIO()
    writer = WRITERS[fmt](stream)
    for part in parts:
        writer.add(part)
    writer.close()
    expected = io.StringIO()
    REPORTERS[fmt](Report(results), expected)
    assert stream.getvalue() == expected.getvalue()


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "gitlab"])
def test_each_file_is_written_before_the_next_is_linted(results, fmt, capsys):
    """The CLI's streamed run writes a file's findings (junit: its suite, once the next file
    starts) before it asks for the next result, so it keeps no finished file."""
    checked = [r for r in results if r.findings][:3]
    seen_by_then: list[str] = []

    def lazily():
        for i, result in enumerate(checked):
            if i >= 2:  # by now the writer has had the files before the previous one
                seen_by_then.append(capsys.readouterr().out)
            yield result

    cli_check.report_streamed(lazily(), fmt, Severity.WARNING, Limits(None, None), quiet=True)
    written = seen_by_then[0] + capsys.readouterr().out
    assert checked[0].path in seen_by_then[0]
    assert written == rendered(Report(checked), fmt)


def test_orjson_writes_every_character_as_the_json_module_does():
    """One string of every code point but the surrogates, and values of each JSON type."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    value = {"text": every, "n": [0, -1, 2**40], "none": None, "t": True, "e": {}, "l": []}
    assert compact(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
    # A lone surrogate (orjson refuses it) takes the json module's way, same layout.
    odd = {"text": "事\ud800,"}
    assert compact(odd) == json.dumps(odd, ensure_ascii=False, separators=(",", ":"))
    assert indented(odd, 1) == json.dumps([odd], ensure_ascii=False, indent=2)[4:-2]


@pytest.mark.parametrize("values", [[], [{}], [{"a": [1, {"b": "中"}]}, [], "x"]])
def test_an_indented_array_written_element_by_element_is_json_dump_indented(values):
    stream = io.StringIO()
    array = IndentedArray(stream)
    for value in values:
        array.add(value)
    array.close()
    assert stream.getvalue() == json.dumps(values, ensure_ascii=False, indent=2)


def test_junit_suites_carry_the_counts(results):
    stream = io.StringIO()
    REPORTERS["junit"](Report(results), stream)
    root = ET.fromstring(stream.getvalue().encode("utf-8"))
    assert root.attrib == {"name": "cnlint"}  # totals would be known only at the end
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("errors")) == len(suite.findall("testcase/error"))
    failures = sum(len(r.findings) for r in results)
    assert sum(int(s.get("failures")) for s in root.findall("testsuite")) == failures


def elementtree_junit(report: Report) -> str:
    """The same suites built as an ElementTree and indented by it (how cnlint wrote JUnit
    before it streamed, with a root that now carries only its name)."""
    root = ET.Element("testsuites", name="cnlint")
    for result in report.files:
        path = xml_text(result.path)
        suite = ET.SubElement(root, "testsuite", name=path, file=path)
        if result.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=path, file=path)
            error = ET.SubElement(case, "error", message=xml_text(result.error), type="io")
            error.text = xml_text(result.error)
        for doc, finding in result.findings:
            where = location(doc, finding.start)
            name = xml_text(f"{finding.code} {finding.name} at {where}")
            case = ET.SubElement(suite, "testcase", name=name)
            case.set("classname", path)
            case.set("file", path)
            case.set("line", str(doc.position(finding.start)[0]))
            failure = ET.SubElement(case, "failure", message=xml_text(finding.message))
            failure.set("type", finding.code)
            offending = doc.text[finding.start : finding.end]
            failure.text = xml_text(
                f"{where}: {finding.code} [{finding.severity.value}] {finding.message}\n"
                f"text: {offending!r}"
            )
        if not result.error and not result.findings:
            ET.SubElement(suite, "testcase", name="cnlint", classname=path, file=path)
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
        suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    ET.indent(root)
    return "<?xml version='1.0' encoding='utf-8'?>\n" + ET.tostring(root, encoding="unicode") + "\n"


def test_junit_is_written_as_elementtree_writes_it(results):
    kinds = {"error": any(r.error for r in results), "pass": any(not r.findings for r in results)}
    assert kinds == {"error": True, "pass": True}
    stream = io.StringIO()
    REPORTERS["junit"](Report(results), stream)
    assert "&amp;nbsp;" in stream.getvalue() and "&lt;br/&gt;" in stream.getvalue()
    assert stream.getvalue() == elementtree_junit(Report(results))


def test_junit_spools_a_large_file_and_reads_it_back_unchanged(results, monkeypatch):
    """Past SPOOL_CHARS a file's cases wait in a temporary file and come back unchanged."""
    expected = io.StringIO()
    REPORTERS["junit"](Report(results), expected)
    monkeypatch.setattr(junit, "SPOOL_CHARS", 100)
    spooled = io.StringIO()
    REPORTERS["junit"](Report(results), spooled)
    assert "事\\ud800," in spooled.getvalue()  # the surrogate record's cases, spooled too
    assert spooled.getvalue() == expected.getvalue()
