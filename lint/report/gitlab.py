"""``--format gitlab``: GitLab's Code Quality report (a JSON array of issues), written file by
file as results come.

GitLab requires a fingerprint unique per issue: the baseline fingerprint
(stable across line shifts) plus the occurrence number of that fingerprint in its file.
Those numbers are kept for the file being written only (a large JSONL file arrives in
several consecutive parts; they count as one file).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, TextIO

from cnlint.ci.baseline import fingerprint, hashable
from cnlint.document import Document
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Finding, Severity
from cnlint.report.jsonenc import IndentedArray
from cnlint.report.locate import position_dict

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(doc: Document, finding: Finding, occurrence: int, mark: str) -> dict[str, Any]:
    unique = f"{doc.path}\x00{mark}\x00{occurrence}"
    if doc.record is not None:
        lines = {"begin": doc.record.line, "end": doc.record.line}
    else:
        span = position_dict(doc, finding.start, finding.end)
        lines = {"begin": span["line"], "end": span["end_line"]}
    return {
        "type": "issue",
        "description": f"{finding.code} {finding.message}",
        "check_name": f"{finding.code} {finding.name}",
        "categories": ["Style"],
        "severity": SEVERITIES[finding.severity],
        "fingerprint": hashlib.md5(hashable(unique), usedforsecurity=False).hexdigest(),
        "location": {"path": doc.path, "lines": lines},
    }


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.array = IndentedArray(stream)
        self.path: str | None = None
        self.seen: Counter[tuple[str, str]] = Counter()

    def add(self, result: FileResult) -> None:
        if result.path != self.path:
            self.path, self.seen = result.path, Counter()
        for doc, finding in result.findings:
            mark = fingerprint(doc, finding)
            self.seen[(doc.path, mark)] += 1
            self.array.add(issue(doc, finding, self.seen[(doc.path, mark)], mark))

    def close(self) -> None:
        self.array.close()
        self.stream.write("\n")


def render(report: Report, stream: TextIO) -> None:
    writer = Writer(stream)
    for result in report.files:
        writer.add(result)
    writer.close()
