"""``--format junit``: JUnit XML, which CI systems (GitLab, Jenkins, Azure) render as tests.

One ``<testsuite>`` per file, with its counts (``tests``, ``failures``, ``errors``). Each
finding is a failed ``<testcase>`` (named by rule and position, so CI lists every defect); a
file without findings is one passing case; a file that could not be read is one case with an
``<error>``. Suites are written file by file as results come, so the ``<testsuites>`` root
carries only its name, not totals that are known only at the end (as pytest's own JUnit XML
long did: CI systems add up the suites). A suite's counts open it, so the cases of the file
being written wait, as text, until its last part (a large JSONL file comes in several).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from ..document import Document
from ..finding import Finding
from ..run import FileResult, Report
from .concise import location

# XML 1.0 cannot hold most control characters, not even escaped; findings about
# invisible characters quote them, so they are written as \\uXXXX instead.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ROOT = '<testsuites name="cnlint">'
# Cases sit two levels deep, under <testsuites> and <testsuite>.
CASE_LEVEL = 2


def xml_text(value: str) -> str:
    return NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", value)


def element_text(element: ET.Element, level: int) -> str:
    """The element as it is written ``level`` elements deep, its own indentation excluded."""
    ET.indent(element, level=level)
    return ET.tostring(element, encoding="unicode")


def failure_case(doc: Document, finding: Finding, path: str) -> ET.Element:
    where = location(doc, finding.start)
    case = ET.Element("testcase", name=xml_text(f"{finding.code} {finding.name} at {where}"))
    case.set("classname", path)
    case.set("file", path)
    case.set("line", str(doc.position(finding.start)[0]))
    failure = ET.SubElement(case, "failure", message=xml_text(finding.message))
    failure.set("type", finding.code)
    offending = doc.text[finding.start : finding.end]
    failure.text = xml_text(
        f"{where}: {finding.code} [{finding.severity.value}] {finding.message}\ntext: {offending!r}"
    )
    return case


def error_case(error: str, path: str) -> ET.Element:
    case = ET.Element("testcase", name="read", classname=path, file=path)
    failure = ET.SubElement(case, "error", message=xml_text(error), type="io")
    failure.text = xml_text(error)
    return case


class Suite:
    """One file's suite while its parts come: its errors, and its failed cases as text."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[str] = []
        self.failures: list[str] = []

    def add(self, result: FileResult) -> None:
        if result.error:
            self.errors.append(result.error)
        path = xml_text(self.path)
        for doc, finding in result.findings:
            self.failures.append(element_text(failure_case(doc, finding, path), CASE_LEVEL))

    def text(self) -> str:
        path = xml_text(self.path)
        cases = list(self.failures)
        if self.errors:  # the parts' errors in one case, as one joined result says them
            cases.insert(0, element_text(error_case("; ".join(self.errors), path), CASE_LEVEL))
        elif not self.failures:
            passing = ET.Element("testcase", name="cnlint", classname=path, file=path)
            cases.append(element_text(passing, CASE_LEVEL))
        suite = ET.Element("testsuite", name=path, file=path)
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(len(self.failures)))
        suite.set("errors", str(1 if self.errors else 0))
        opening = ET.tostring(suite, encoding="unicode", short_empty_elements=False)
        opening = opening.removesuffix("</testsuite>")
        inside = "\n    ".join(cases)
        return f"  {opening}\n    {inside}\n  </testsuite>\n"


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.suite: Suite | None = None
        self.empty = True

    def add(self, result: FileResult) -> None:
        if self.suite is not None and self.suite.path != result.path:
            self._write_suite()
        if self.suite is None:
            self.suite = Suite(result.path)
        self.suite.add(result)

    def _write_suite(self) -> None:
        if self.suite is None:
            return
        if self.empty:
            self.stream.write(f"<?xml version='1.0' encoding='utf-8'?>\n{ROOT}\n")
            self.empty = False
        self.stream.write(self.suite.text())
        self.suite = None

    def close(self) -> None:
        self._write_suite()
        if self.empty:
            self.stream.write(f"<?xml version='1.0' encoding='utf-8'?>\n{ROOT[:-1]} />\n")
        else:
            self.stream.write("</testsuites>\n")


def render(report: Report, stream: TextIO) -> None:
    writer = Writer(stream)
    for result in report.files:
        writer.add(result)
    writer.close()
