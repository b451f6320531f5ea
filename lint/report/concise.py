"""``--format concise``: one line per finding, ``path:line:col: CODE message``."""

from __future__ import annotations

from typing import TextIO

from ..run import Report


def location(doc, start: int) -> str:
    line, column = doc.position(start)
    where = f"{doc.path}:{line}:{column}"
    if doc.record is not None:
        where = f"{doc.path}:{doc.record.line}:{line}:{column}"
    return where


def render(report: Report, stream: TextIO) -> None:
    for doc, finding in report.findings:
        mark = " [*]" if finding.fix else ""
        stream.write(f"{location(doc, finding.start)}: {finding.code}{mark} {finding.message}\n")
    for result in report.errors:
        stream.write(f"{result.path}: error: {result.error}\n")
