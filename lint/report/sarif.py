"""``--format sarif``: a SARIF 2.1.0 log for code-scanning dashboards (GitHub, Azure, IDEs).

Regions: SARIF lines and columns are 1-based and ``endColumn`` is the column of
the character *after* the region (SARIF 2.1.0 §3.30.5–3.30.8), which is exactly
cnlint's own convention (1-based, end exclusive; see locate.position_dict), so the
numbers are copied unchanged. cnlint counts columns in Unicode code points (one per
Python ``str`` character, so 中 is one column); the run says so with
``columnKind: unicodeCodePoints`` because SARIF's default unit is UTF-16 code units,
which differ for characters outside the BMP (CJK Extension B, emoji).

A finding inside a JSONL record points at the record's line of the file; its
position inside the record's text goes into the result's properties, and no fix is
offered, since the edits are in the decoded text, not in the file's bytes.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from cnlint import __version__
from cnlint.ci.baseline import fingerprint
from cnlint.document import Document
from cnlint.engine.registry import load_registry
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Finding, Severity
from cnlint.report.explain import rule_markdown
from cnlint.report.jsonenc import compact
from cnlint.report.locate import position_dict

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SOURCE_ROOT = "%SRCROOT%"


# Every result and fix names its file: parsed once per file, not per finding (the parsing cost
# more than the rest of a result). The dict is only ever serialised, never changed.
@functools.lru_cache(maxsize=256)
def artifact_location(path: str) -> dict[str, str]:
    """Relative paths are relative to the working directory, named %SRCROOT% in the log."""
    posix = Path(path).as_posix()
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(posix.removeprefix("./")), "uriBaseId": SOURCE_ROOT}


def region(doc: Document, start: int, end: int) -> dict[str, int]:
    where = position_dict(doc, start, end)
    return {
        "startLine": where["line"],
        "startColumn": where["column"],
        "endLine": where["end_line"],
        "endColumn": where["end_column"],
        "charOffset": start,
        "charLength": end - start,
    }


def rule_descriptor(rule) -> dict[str, Any]:
    help_text = rule_markdown(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family()], "fix": rule.fix_safety.value},
    }


def sarif_fix(doc: Document, finding: Finding) -> dict[str, Any] | None:
    fix = finding.fix
    if fix is None or not fix.edits or doc.record is not None:
        return None
    replacements = [
        {"deletedRegion": region(doc, e.start, e.end), "insertedContent": {"text": e.content}}
        for e in fix.edits
    ]
    return {
        "description": {"text": fix.title or f"{fix.applicability.value} fix"},
        "artifactChanges": [
            {"artifactLocation": artifact_location(doc.path), "replacements": replacements}
        ],
        "properties": {"applicability": fix.applicability.value},
    }


def sarif_result(doc: Document, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    properties: dict[str, Any] = {"name": finding.name}
    if doc.record is not None:
        where = region(doc, finding.start, finding.end)
        properties["record"] = {"line": doc.record.line, "id": doc.record.id, "inText": where}
        where = {"startLine": doc.record.line}
    else:
        where = region(doc, finding.start, finding.end)
    entry: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(doc.path), "region": where}}
        ],
        "partialFingerprints": {"cnlintFingerprint/v1": fingerprint(doc, finding)},
        "properties": properties,
    }
    entry["ruleIndex"] = rule_index[finding.code]
    fix = sarif_fix(doc, finding)
    if fix is not None:
        entry["fixes"] = [fix]
    return entry


@functools.cache
def registry_index() -> dict[str, int]:
    """Each registered rule's index in the log's rule list (the registry's order)."""
    return {rule.code: index for index, rule in enumerate(load_registry())}


def fragment(result: FileResult, rule_index: dict[str, int] | None = None) -> str | None:
    """The file's results, compact and joined by commas (what a worker sends back); None
    if a finding's rule has no index in ``rule_index`` (by default the registry's): only the
    writer, which numbers the rules met outside the registry, can render that file."""
    rule_index = registry_index() if rule_index is None else rule_index
    entries = []
    for doc, finding in result.findings:
        if finding.code not in rule_index:
            return None
        entries.append(compact(sarif_result(doc, finding, rule_index)))
    return ",".join(entries)


class Writer:
    """The log written result by result: ``results`` come first in the run, as files are
    linted; the rest of the run (the tool and its rules, the invocation with a notification
    per file that could not be checked) once the run ends, when the rules met outside the
    registry and the errors are known. Compact, as code-scanning services cap upload sizes
    (indented, the seeds' log alone is 3.5 MB; compact 1.7 MB)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.descriptors = [rule_descriptor(rule) for rule in load_registry()]
        self.rule_index = dict(registry_index())
        self.notifications: list[dict[str, Any]] = []
        self.empty = True
        head = {"$schema": SCHEMA_URI, "version": "2.1.0"}
        stream.write(compact(head)[:-1] + ',"runs":[{"results":[')

    def add(self, result: FileResult) -> None:
        for _, finding in result.findings:
            if finding.code not in self.rule_index:
                # Findings of rules outside the installed registry (a linter built on a
                # registry of its own) get a descriptor.
                self.rule_index[finding.code] = len(self.descriptors)
                self.descriptors.append({"id": finding.code, "name": finding.name})
        self.add_part(result.path, result.error, fragment(result, self.rule_index))

    def add_part(self, path: str, error: str | None, fragment: str) -> None:
        if error:
            self.notifications.append(notification(path, error))
        if fragment:
            self.stream.write(fragment if self.empty else "," + fragment)
            self.empty = False

    def close(self) -> None:
        rest = {
            "tool": {
                "driver": {
                    "name": "cnlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": self.descriptors,
                }
            },
            "invocations": [
                {
                    "executionSuccessful": not self.notifications,
                    "toolExecutionNotifications": self.notifications,
                }
            ],
            "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
        }
        self.stream.write("]," + compact(rest)[1:] + "]}\n")


def notification(path: str, error: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": error},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
    }


def render(report: Report, stream: TextIO) -> None:
    writer = Writer(stream)
    for result in report.files:
        writer.add(result)
    writer.close()
