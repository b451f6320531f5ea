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
from .statistics import rule_table
from .stats import CorpusStats
from .summary import fix_mark, summary_line

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
        head.append(f" {fix_mark(finding)}", style="cyan")
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


def render_findings(report: Report, stream: TextIO) -> None:
    """The findings alone (``--quiet``): no table, no summary."""
    console = make_console(stream)
    for doc, finding in report.findings:
        console.print(finding_block(doc, finding))


def render(report: Report, stream: TextIO) -> None:
    render_findings(report, stream)
    console = make_console(stream)
    if report.findings:
        console.print(summary_table(report, console.width))
    console.print(summary_line(report))
