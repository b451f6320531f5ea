"""``--format junit``: JUnit XML, which CI systems (GitLab, Jenkins, Azure) render as tests.

One ``<testsuite>`` per file. Each finding is a failed ``<testcase>`` (named by rule
and position, so CI lists every defect); a file without findings is one passing
case; a file that could not be read is one case with an ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from ..run import FileResult, Report
from .concise import location

# XML 1.0 cannot hold most control characters, not even escaped; findings about
# invisible characters quote them, so they are written as \\uXXXX instead.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", value)


def testsuite(result: FileResult) -> ET.Element:
    path = xml_text(result.path)
    suite = ET.Element("testsuite", name=path, file=path)
    if result.error:
        case = ET.SubElement(suite, "testcase", name="read", classname=path, file=path)
        error = ET.SubElement(case, "error", message=xml_text(result.error), type="io")
        error.text = xml_text(result.error)
    for doc, finding in result.findings:
        where = location(doc, finding.start)
        case = ET.SubElement(
            suite, "testcase", name=xml_text(f"{finding.code} {finding.name} at {where}")
        )
        case.set("classname", path)
        case.set("file", path)
        case.set("line", str(doc.position(finding.start)[0]))
        failure = ET.SubElement(case, "failure", message=xml_text(finding.message))
        failure.set("type", finding.code)
        offending = doc.text[finding.start : finding.end]
        failure.text = xml_text(
            f"{where}: {finding.code} [{finding.severity.value}] {finding.message}\n"
            f"text: {offending!r}"
        )
    if not result.error and not result.findings:
        ET.SubElement(suite, "testcase", name="cnlint", classname=path, file=path)
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    return suite


def render(report: Report, stream: TextIO) -> None:
    root = ET.Element("testsuites", name="cnlint")
    suites = [testsuite(result) for result in report.files]
    root.extend(suites)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    ET.indent(root)
    stream.write(ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n")
