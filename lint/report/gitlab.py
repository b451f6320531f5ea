"""``--format gitlab``: GitLab's Code Quality report (a JSON array of issues), written file by
file as results come.

GitLab requires a fingerprint unique per issue: the baseline fingerprint
(stable across line shifts) plus the occurrence number of that fingerprint in its file.
Those numbers are kept for the file being written only (a large JSONL file arrives in
several consecutive parts, possibly rendered by different workers; they count as one file).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, TextIO

from cnlint.ci.baseline import fingerprint, hashable
from cnlint.document import Document
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Finding, Severity
from cnlint.report.jsonenc import ELEMENT_SEPARATOR, IndentedArray, indented
from cnlint.report.locate import position_dict

# One issue as a worker renders it: the document's path, the finding's baseline fingerprint,
# and the issue laid out in the array.
Issue = tuple[str, str, str]
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(doc: Document, finding: Finding, occurrence: int, mark: str) -> dict[str, Any]:
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
        "fingerprint": unique_fingerprint(doc.path, mark, occurrence),
        "location": {"path": doc.path, "lines": lines},
    }


def unique_fingerprint(path: str, mark: str, occurrence: int) -> str:
    unique = f"{path}\x00{mark}\x00{occurrence}"
    return hashlib.md5(hashable(unique), usedforsecurity=False).hexdigest()


def fragment(result: FileResult) -> tuple[Issue, ...]:
    """The file's (or part's) issues, each laid out as the array holds it, numbered as if
    the file began with this part (what a worker sends back): the writer renumbers the
    rare issue whose fingerprint an earlier part of the same file already had."""
    seen: Counter[tuple[str, str]] = Counter()
    issues = []
    for doc, finding in result.findings:
        mark = fingerprint(doc, finding)
        seen[(doc.path, mark)] += 1
        laid_out = indented(issue(doc, finding, seen[(doc.path, mark)], mark), 1)
        issues.append((doc.path, mark, laid_out))
    return tuple(issues)


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.array = IndentedArray(stream)
        self.path: str | None = None
        self.seen: Counter[tuple[str, str]] = Counter()  # in the file's earlier parts

    def add(self, result: FileResult) -> None:
        self.add_part(result.path, result.error, fragment(result))

    def add_part(self, path: str, error: str | None, fragment: tuple[Issue, ...]) -> None:
        if path != self.path:
            self.path, self.seen = path, Counter()
        if not fragment:
            return
        earlier, here = self.seen, Counter()
        laid_out = []
        for doc_path, mark, text in fragment:
            key = (doc_path, mark)
            here[key] += 1
            if earlier[key]:
                text = _renumbered(text, doc_path, mark, here[key], earlier[key] + here[key])
            laid_out.append(text)
        self.seen.update(here)
        self.array.add_laid_out(ELEMENT_SEPARATOR.join(laid_out))

    def close(self) -> None:
        self.array.close()
        self.stream.write("\n")


def _renumbered(text: str, path: str, mark: str, was: int, becomes: int) -> str:
    """An issue's text with the fingerprint of occurrence ``was`` made that of ``becomes``."""
    old = f'"fingerprint": "{unique_fingerprint(path, mark, was)}"'
    new = f'"fingerprint": "{unique_fingerprint(path, mark, becomes)}"'
    return text.replace(old, new, 1)


def render(report: Report, stream: TextIO) -> None:
    writer = Writer(stream)
    for result in report.files:
        writer.add(result)
    writer.close()
