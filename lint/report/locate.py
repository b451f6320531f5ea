"""Turning findings into located records (1-based lines and columns, end exclusive)."""

from __future__ import annotations

from typing import Any

from cnlint.document import Document
from cnlint.finding import Edit, Finding


def position_dict(doc: Document, start: int, end: int) -> dict[str, int]:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def edit_dict(doc: Document, edit: Edit) -> dict[str, Any]:
    return {
        "start": edit.start,
        "end": edit.end,
        **position_dict(doc, edit.start, edit.end),
        "content": edit.content,
    }


def finding_dict(doc: Document, finding: Finding) -> dict[str, Any]:
    """The JSON contract for one finding."""
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.value,
            "title": finding.fix.title,
            "edits": [edit_dict(doc, e) for e in finding.fix.edits],
        }
        if finding.fix.encoding:
            fix["encoding"] = finding.fix.encoding
    record = None
    if doc.record is not None:
        record = {"line": doc.record.line, "id": doc.record.id}
    return {
        "path": doc.path,
        "record": record,
        **position_dict(doc, finding.start, finding.end),
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "text": doc.text[finding.start : finding.end],
        "fix": fix,
    }
