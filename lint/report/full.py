"""``--format full`` (the default): each finding with its text in context, then a summary."""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from ..document import Document
from ..finding import Finding, Severity
from ..run import Report
from .concise import location
from .console import make_console
from .errors import errors_summary
from .statistics import rule_table
from .stats import CorpusStats

CONTEXT_CHARS = 20
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def excerpt(doc: Document, finding: Finding) -> tuple[str, int, int]:
    """The finding's line clipped around the span, and the span's cell offsets in it."""
    line = doc.lines[doc.line_index(finding.start)]
    start = finding.start
    end = min(max(finding.end, start + 1), line.end) if line.end > start else start
    left = max(line.start, start - CONTEXT_CHARS)
    right = min(line.end, end + CONTEXT_CHARS)
    prefix = "…" if left > line.start else ""
    suffix = "…" if right < line.end else ""
    before = prefix + doc.text[left:start]
    marked = doc.text[start:end] or " "
    shown = before + marked + doc.text[end:right] + suffix
    return shown, cell_len(before), max(1, cell_len(marked))


def is_document_wide(finding: Finding) -> bool:
    """Document-level rules (encoding, symbol ratio, short text) report an empty span at 0."""
    return finding.start == finding.end == 0


def finding_block(doc: Document, finding: Finding) -> Text:
    line_no, _ = doc.position(finding.start)
    head = Text()
    head.append(location(doc, finding.start), style="bold")
    head.append(": ")
    head.append(finding.code, style=SEVERITY_STYLE[finding.severity])
    if finding.fix:
        head.append(" [*]", style="cyan")
    head.append(f" {finding.message}")
    if is_document_wide(finding):
        # About the whole text (its encoding, its symbol ratio): no span to point at.
        return Text.assemble(head, "\n")
    shown, offset, width = excerpt(doc, finding)
    gutter = " " * len(str(line_no))
    body = Text()
    body.append(f"{gutter} │\n", style="blue")
    body.append(f"{line_no} │ ", style="blue")
    body.append(shown[: len(shown)])
    body.append(f"\n{gutter} │ ", style="blue")
    body.append(" " * offset + "^" * width + f" {finding.name}", style="red")
    return Text.assemble(head, "\n", body, "\n")


def summary_table(report: Report, width: int = 80) -> Table:
    """Findings per rule with a bar each (the table ``--statistics`` shows too)."""
    return rule_table(CorpusStats(report), width)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(report: Report) -> str:
    findings = [f for _, f in report.findings]
    files = sum(1 for r in report.files if r.findings)
    safe = sum(1 for f in findings if f.fix and f.fix.applicability.value == "safe")
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability.value == "unsafe")
    parts = []
    if report.fixed_count:
        parts.append(f"Fixed {plural(report.fixed_count, 'finding')}.")
    if findings:
        checked = plural(len(report.files), "file")
        text = f"Found {plural(len(findings), 'finding')} in {files} of {checked}"
        extras = []
        if safe:
            extras.append(f"{safe} fixable with --fix")
        if unsafe:
            extras.append(f"{unsafe} more with --unsafe-fixes")
        parts.append(text + (f" ({'; '.join(extras)})." if extras else "."))
    elif not report.errors:
        parts.append(f"All checks passed ({plural(len(report.files), 'file')}).")
    if report.errors:
        parts.append(errors_summary(report.errors))
    return " ".join(parts)


def render(report: Report, stream: TextIO) -> None:
    console = make_console(stream)
    for doc, finding in report.findings:
        console.print(finding_block(doc, finding))
    if report.findings:
        console.print(summary_table(report, console.width))
    console.print(summary_line(report))
