"""``--format json``: one JSON array of findings (see locate.finding_dict for the schema),
indented by two, written file by file as results come."""

from __future__ import annotations

from typing import TextIO

from cnlint.engine.run import FileResult, Report
from cnlint.report.jsonenc import ELEMENT_SEPARATOR, IndentedArray, indented
from cnlint.report.locate import finding_dict


def fragment(result: FileResult) -> str:
    """The file's elements of the array, laid out as the array holds them (what a worker
    sends back)."""
    return ELEMENT_SEPARATOR.join(
        indented(finding_dict(doc, finding), 1) for doc, finding in result.findings
    )


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.array = IndentedArray(stream)

    def add(self, result: FileResult) -> None:
        self.add_part(result.path, result.error, fragment(result))

    def add_part(self, path: str, error: str | None, fragment: str) -> None:
        if fragment:
            self.array.add_laid_out(fragment)

    def close(self) -> None:
        self.array.close()
        self.stream.write("\n")


def render(report: Report, stream: TextIO) -> None:
    writer = Writer(stream)
    for result in report.files:
        writer.add(result)
    writer.close()
