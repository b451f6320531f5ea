"""Every CI format, from a real run over the seeds, read back with a real parser.

tests/sarif-schema-2.1.0.json is the official OASIS SARIF 2.1.0 schema, vendored
unchanged from github.com/oasis-tcs/sarif-spec,
Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json (commit 3682e9ee).
"""

import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from cnlint.report import REPORTERS
from cnlint.report.github import escape_data, escape_property
from cnlint.report.junit import xml_text

from conftest import SEEDS, run_cli, run_console_script

SARIF_SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")
# The documented workflow-command form; col/endColumn are optional in general, always
# written by cnlint for findings in plain text files.
ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),endLine=(?P<end_line>\d+),"
    r"col=(?P<col>\d+),endColumn=(?P<end_col>\d+),title=(?P<title>[^:,]*)::(?P<message>.*)$"
)


@cache
def seeds_run(fmt: str) -> str:
    # Relative paths, as in CI, so SARIF URIs and annotations name repository files.
    result = run_cli("check", "seeds", "--format", fmt, cwd=SEEDS.parent)
    assert result.returncode == 1, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def json_findings() -> list[dict]:
    return json.loads(seeds_run("json"))


def test_sarif_validates_against_the_official_schema(json_findings):
    output = seeds_run("sarif")
    assert output.count("\n") == 1  # compact: upload limits of code-scanning services
    log = json.loads(output)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(log)

    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == len(json_findings)
    # Help text comes from the rule docs (the same markdown as `cnlint explain`).
    p101 = next(r for r in rules if r["id"] == "P101")
    assert p101["help"]["markdown"].startswith("# P101 repeated-punctuation")
    assert "## Why it matters for a corpus" in p101["help"]["text"]
    # Regions carry cnlint's own 1-based, end-exclusive columns.
    for result, finding in zip(run["results"], json_findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert result["ruleId"] == finding["code"]
        assert rules[result["ruleIndex"]]["id"] == finding["code"]
        assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
        assert (region["endLine"], region["endColumn"]) == (
            finding["end_line"],
            finding["end_column"],
        )
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == finding["path"]
        if finding["fix"]:
            (change,) = result["fixes"][0]["artifactChanges"]
            inserted = [r["insertedContent"]["text"] for r in change["replacements"]]
            assert inserted == [e["content"] for e in finding["fix"]["edits"]]


def test_sarif_regions_cut_the_offending_text_out_of_the_file(json_findings):
    """Columns count characters (中 is one column), so slicing the line gives the finding."""
    log = json.loads(seeds_run("sarif"))
    checked = 0
    for result, finding in zip(log["runs"][0]["results"], json_findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        if region["startLine"] != region["endLine"]:
            continue
        text = (SEEDS.parent / finding["path"]).read_text(encoding="utf-8")
        line = text.split("\n")[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == finding["text"]
        assert text[region["charOffset"] :][: region["charLength"]] == finding["text"]
        checked += 1
    assert checked > 1000


def test_github_annotations_match_the_documented_format(json_findings):
    lines = seeds_run("github").splitlines()
    assert len(lines) == len(json_findings)
    for line, finding in zip(lines, json_findings, strict=True):
        match = ANNOTATION.match(line)
        assert match, line
        assert match["file"] == finding["path"]
        assert int(match["line"]) == finding["line"]
        assert int(match["col"]) == finding["column"]
        assert int(match["end_line"]) == finding["end_line"]
        assert int(match["end_col"]) == finding["end_column"]
        assert match["title"] == f"{finding['code']} {finding['name']}"
        assert (
            match[1]
            == {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
        )


def test_github_escaping_follows_the_actions_toolkit():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # A path with a comma and a colon stays one property value.
    assert escape_property("新闻,2021:09.txt") == "新闻%2C2021%3A09.txt"


def test_junit_parses_and_counts_every_finding(json_findings):
    root = ET.fromstring(seeds_run("junit").encode("utf-8"))
    assert root.tag == "testsuites"
    failures = root.findall("./testsuite/testcase/failure")
    suites = root.findall("testsuite")
    assert len(failures) == len(json_findings) == sum(int(s.get("failures")) for s in suites)
    assert sum(int(s.get("tests")) for s in suites) == len(root.findall("./testsuite/testcase"))
    suites = {s.get("name") for s in root.findall("testsuite")}
    assert suites == {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")}
    assert [f.get("type") for f in failures] == [f["code"] for f in json_findings]


def test_junit_survives_control_characters_in_messages():
    quoted = xml_text("invisible \x01 and \x1b here")
    assert quoted == "invisible \\u0001 and \\u001b here"
    ET.fromstring(f"<a>{quoted}</a>")


def test_jsonl_is_one_finding_per_line(json_findings):
    records = [json.loads(line) for line in seeds_run("jsonl").splitlines()]
    assert records == json_findings


def test_gitlab_code_quality_report(json_findings):
    issues = json.loads(seeds_run("gitlab"))
    assert len(issues) == len(json_findings)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    for issue, finding in zip(issues, json_findings, strict=True):
        assert issue["location"] == {
            "path": finding["path"],
            "lines": {"begin": finding["line"], "end": finding["end_line"]},
        }
        assert issue["check_name"].startswith(finding["code"])
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}


def test_output_file_gets_the_report_and_the_terminal_the_summary(tmp_path):
    target = tmp_path / "cnlint.sarif"
    result = run_cli(
        "check", "seeds", "--format", "sarif", "--output-file", str(target), cwd=SEEDS.parent
    )
    assert result.returncode == 1
    log = json.loads(target.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    assert "Found" in result.stdout and "findings in 5 of 5 files" in result.stdout
    assert "Findings by rule" in result.stdout
    assert "::" not in result.stdout and '"runs"' not in result.stdout


def test_findings_inside_jsonl_records_point_at_the_record_line(tmp_path):
    # Three records made of seed 000's lines (half-width commas, D1).
    lines = (SEEDS / "000_35d55cf4af66c7c1.txt").read_text(encoding="utf-8").split("\n")
    records = [{"id": f"doc{i}", "text": "\n".join(lines[i * 5 : i * 5 + 5])} for i in range(3)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    findings = json.loads(run_cli("check", "corpus.jsonl", "--format", "json", cwd=tmp_path).stdout)
    assert {f["record"]["line"] for f in findings} == {1, 2, 3}

    log = json.loads(run_cli("check", "corpus.jsonl", "--format", "sarif", cwd=tmp_path).stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    for result, finding in zip(log["runs"][0]["results"], findings, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region == {"startLine": finding["record"]["line"]}
        inside = result["properties"]["record"]["inText"]
        assert (inside["startLine"], inside["startColumn"]) == (finding["line"], finding["column"])
        assert "fixes" not in result  # edits are in the decoded text, not in the file's bytes

    annotations = run_cli("check", "corpus.jsonl", "--format", "github", cwd=tmp_path).stdout
    record_form = re.compile(
        r"^::(warning|error|notice) file=corpus\.jsonl,line=(\d+),title=[^:,]*::"
    )
    for line, finding in zip(annotations.splitlines(), findings, strict=True):
        match = record_form.match(line)
        assert match and int(match[2]) == finding["record"]["line"], line
        assert f"record {finding['record']['id']}, text {finding['line']}:" in line


# Seed 000's first sentence twice, each with a lone surrogate after 事: a JSON escape that
# decodes to a str no encoder accepts. Every finding's text or context holds it.
SURROGATE_RECORD = json.dumps({"text": "民生无小事\ud800,枝叶总关情。" * 2}) + "\n"


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_format_prints_a_lone_surrogate_escaped(tmp_path, fmt):
    (tmp_path / "corpus.jsonl").write_text(SURROGATE_RECORD, encoding="utf-8")
    result = run_cli("check", "corpus.jsonl", "--no-cache", "--format", fmt, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Error" not in result.stderr, result.stderr
    assert "P103" in result.stdout and "D103" in result.stdout
    if fmt in ("full", "json", "jsonl", "junit"):  # the formats that show the finding's text
        assert "事\\ud800," in result.stdout
    if fmt == "json":
        texts = [finding["text"] for finding in json.loads(result.stdout)]
        assert "民生无小事\ud800,枝叶总关情。" in texts  # the escape reads back as the surrogate

    written = tmp_path / f"report.{fmt}"
    result = run_cli(
        "check",
        "corpus.jsonl",
        "--no-cache",
        "--format",
        fmt,
        "--output-file",
        str(written),
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert "Error" not in result.stderr, result.stderr
    assert "D103" in written.read_text(encoding="utf-8")


def test_the_console_script_prints_a_lone_surrogate_escaped(tmp_path):
    # The interpreter's own stdout (not the test runner's) is the one that refused it.
    (tmp_path / "corpus.jsonl").write_text(SURROGATE_RECORD, encoding="utf-8")
    result = run_console_script("check", "corpus.jsonl", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Error" not in result.stderr, result.stderr
    assert "事\\ud800," in result.stdout
