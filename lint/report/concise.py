"""``--format concise``: one line per finding, ``LOCATION: CODE message``.

LOCATION is ``path:line:col`` for a text file. For a JSONL record it is
``path:RECORD_LINE [id ID] line:col``: the record's line in the file (so editors can jump to
it), the record's id when it has one, then line and column inside the record's text.
"""

from __future__ import annotations

from typing import TextIO

from cnlint.document import Document
from cnlint.engine.run import Report
from cnlint.report.summary import fix_mark


def location(doc: Document, start: int) -> str:
    line, column = doc.position(start)
    record = doc.record
    if record is None:
        return f"{doc.path}:{line}:{column}"
    named = f" [id {record.id}]" if record.id is not None else ""
    return f"{doc.path}:{record.line}{named} {line}:{column}"


def render(report: Report, stream: TextIO) -> None:
    for doc, finding in report.findings:
        mark = f" {fix_mark(finding)}" if finding.fix_applicability else ""
        stream.write(f"{location(doc, finding.start)}: {finding.code}{mark} {finding.message}\n")
