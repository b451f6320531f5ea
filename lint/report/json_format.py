"""``--format json``: one JSON array of findings (see locate.finding_dict for the schema),
indented by two, written file by file as results come."""

from __future__ import annotations

from typing import TextIO

from cnlint.engine.run import FileResult, Report
from cnlint.report.jsonenc import IndentedArray
from cnlint.report.locate import finding_dict


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.array = IndentedArray(stream)

    def add(self, result: FileResult) -> None:
        for doc, finding in result.findings:
            self.array.add(finding_dict(doc, finding))

    def close(self) -> None:
        self.array.close()
        self.stream.write("\n")


def render(report: Report, stream: TextIO) -> None:
    writer = Writer(stream)
    for result in report.files:
        writer.add(result)
    writer.close()
