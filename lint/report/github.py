"""``--format github``: GitHub Actions workflow commands that annotate the pull request.

One line per finding, in the documented form::

    ::error file={name},line={line},endLine={endLine},col={col},endColumn={endColumn},
    title={title}::{message}     (one line, broken here only for width)

(``warning`` and ``notice`` instead of ``error`` by severity). Columns are cnlint's
1-based character columns, end exclusive. Values are escaped as the Actions toolkit
does: ``%``, CR and LF in the message; additionally ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from typing import TextIO

from cnlint.document import Document
from cnlint.engine.run import Report
from cnlint.finding import Finding, Severity
from cnlint.report.locate import position_dict

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def render(report: Report, stream: TextIO) -> None:
    # File by file, a file's error after its findings: the order the streamed run writes in,
    # so the output is the same whether a run streams it or renders its whole report.
    for result in report.files:
        for doc, finding in result.findings:
            stream.write(annotation(doc, finding) + "\n")
        if result.error:
            error = command("error", {"file": result.path, "title": "cnlint"}, result.error)
            stream.write(error + "\n")


def annotation(doc: Document, finding: Finding) -> str:
    message = finding.message
    if doc.record is not None:
        # A finding inside a JSONL record: annotate the record's line of the file and
        # say where in the record's text the finding is.
        where = {"line": doc.record.line}
        line, column = doc.position(finding.start)
        record = doc.record.id or f"line {doc.record.line}"
        message = f"{message} (record {record}, text {line}:{column})"
    else:
        span = position_dict(doc, finding.start, finding.end)
        where = {
            "line": span["line"],
            "endLine": span["end_line"],
            "col": span["column"],
            "endColumn": span["end_column"],
        }
    properties = {"file": doc.path, **where, "title": f"{finding.code} {finding.name}"}
    return command(COMMANDS[finding.severity], properties, message)
