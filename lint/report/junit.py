"""``--format junit``: JUnit XML, which CI systems (GitLab, Jenkins, Azure) render as tests.

One ``<testsuite>`` per file, with its counts (``tests``, ``failures``, ``errors``). Each
finding is a failed ``<testcase>`` (named by rule and position, so CI lists every defect); a
file without findings is one passing case; a file that could not be read is one case with an
``<error>``. Suites are written file by file as results come, so the ``<testsuites>`` root
carries only its name, not totals that are known only at the end (as pytest's own JUnit XML
long did: CI systems add up the suites). A suite's counts open it, so the cases of the file
being written wait until its last part (a large JSONL file comes in several): in memory up to
:data:`SPOOL_CHARS`, beyond that in a temporary file, so memory stays flat in file size.

The XML is written as ElementTree writes these elements indented (same escaping, attribute
order and layout), without building a tree per finding.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from typing import TextIO
from xml.sax.saxutils import escape

from cnlint.document import Document
from cnlint.engine.run import FileResult, Report
from cnlint.finding import Finding
from cnlint.report.concise import location

# XML 1.0 cannot hold most control characters, not even escaped; findings about
# invisible characters quote them, so they are written as \\uXXXX instead.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What an attribute value escapes beyond &, < and > (as ElementTree does).
ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"
SPOOL_CHARS = 1 << 20
# Cases sit two levels deep (under <testsuites> and <testsuite>), their children three.
CASE = "\n    "
CHILD = "\n      "


def xml_text(value: str) -> str:
    return NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", value)


def attributes(**values: str) -> str:
    return "".join(
        f' {name}="{escape(value, ATTRIBUTE_ENTITIES)}"' for name, value in values.items()
    )


def failure_case(doc: Document, finding: Finding, path: str) -> str:
    where = location(doc, finding.start)
    case = attributes(
        name=xml_text(f"{finding.code} {finding.name} at {where}"),
        classname=path,
        file=path,
        line=str(doc.position(finding.start)[0]),
    )
    failure = attributes(message=xml_text(finding.message), type=finding.code)
    offending = doc.text[finding.start : finding.end]
    text = xml_text(
        f"{where}: {finding.code} [{finding.severity.value}] {finding.message}\ntext: {offending!r}"
    )
    return f"<testcase{case}>{CHILD}<failure{failure}>{escape(text)}</failure>{CASE}</testcase>"


def error_case(error: str, path: str) -> str:
    case = attributes(name="read", classname=path, file=path)
    message = xml_text(error)
    failure = attributes(message=message, type="io")
    return f"<testcase{case}>{CHILD}<error{failure}>{escape(message)}</error>{CASE}</testcase>"


def fragment(result: FileResult) -> tuple[int, str]:
    """How many failed cases the file (or part) has, and those cases, each preceded by its
    indentation, as its suite holds them (what a worker sends back)."""
    path = xml_text(result.path)
    cases = [CASE + failure_case(doc, finding, path) for doc, finding in result.findings]
    return len(cases), "".join(cases)


class Suite:
    """One file's suite while its parts come: its errors, and its failed cases as text."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[str] = []
        self.failures = 0
        # Each case preceded by its indentation. Read back as written: no newline translation
        # (a message may hold a CR), and surrogatepass: a lone surrogate in a
        # finding's message reads back as it was written (the output stream escapes it).
        # It lives across the parts, so no with-block: write() closes it.
        self.cases = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            SPOOL_CHARS, mode="w+", encoding="utf-8", newline="", errors="surrogatepass"
        )

    def add(self, failures: int, cases: str, error: str | None) -> None:
        """A part's failed cases (as :func:`fragment` renders them) and error."""
        if error:
            self.errors.append(error)
        self.cases.write(cases)
        self.failures += failures

    def write(self, stream: TextIO) -> None:
        path = xml_text(self.path)
        first = ""
        if self.errors:  # the parts' errors in one case, as one joined result says them
            first = CASE + error_case("; ".join(self.errors), path)
        elif not self.failures:
            first = CASE + f"<testcase{attributes(name='cnlint', classname=path, file=path)} />"
        counts = attributes(
            name=path,
            file=path,
            tests=str(self.failures + bool(first)),
            failures=str(self.failures),
            errors=str(1 if self.errors else 0),
        )
        stream.write(f"  <testsuite{counts}>{first}")
        self.cases.seek(0)
        shutil.copyfileobj(self.cases, stream)
        self.cases.close()
        stream.write("\n  </testsuite>\n")


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.suite: Suite | None = None
        self.empty = True

    def add(self, result: FileResult) -> None:
        self.add_part(result.path, result.error, fragment(result))

    def add_part(self, path: str, error: str | None, fragment: tuple[int, str]) -> None:
        if self.suite is not None and self.suite.path != path:
            self._write_suite()
        if self.suite is None:
            self.suite = Suite(path)
        self.suite.add(*fragment, error)

    def _write_suite(self) -> None:
        if self.suite is None:
            return
        if self.empty:
            self.stream.write(f'{DECLARATION}<testsuites name="cnlint">\n')
            self.empty = False
        self.suite.write(self.stream)
        self.suite = None

    def close(self) -> None:
        self._write_suite()
        if self.empty:
            self.stream.write(f'{DECLARATION}<testsuites name="cnlint" />\n')
        else:
            self.stream.write("</testsuites>\n")


def render(report: Report, stream: TextIO) -> None:
    writer = Writer(stream)
    for result in report.files:
        writer.add(result)
    writer.close()
