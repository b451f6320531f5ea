"""``--format full`` (the default): each finding with its text in context, then a summary.

On a corpus the findings of one rule in one file are capped (``PER_RULE`` shown, then one
"… and N more" line per file): a scraped page repeats the same defect hundreds of times, and
the fourth excerpt of it tells the reader nothing the first did. ``--show-all`` lifts the cap;
the table and summary line below always count every finding.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style

from cnlint.document import Document
from cnlint.engine.run import Report
from cnlint.finding import Finding, Severity
from cnlint.report.concise import location
from cnlint.report.console import make_console
from cnlint.report.summary import fix_mark, summary_line

if TYPE_CHECKING:
    from rich.table import Table

CONTEXT_CHARS = 20
PER_RULE = 3  # findings of one rule shown per file unless --show-all
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


class Painter:
    """Styles as ANSI codes when rich would colour the stream (a terminal, ``FORCE_COLOR``,
    not ``NO_COLOR``), plain text otherwise. Each finding is written as a string: printing it
    through rich cost ten times what the concise line costs, on every one of a corpus's
    findings."""

    def __init__(self, console: Console) -> None:
        name = console.color_system
        self.system = COLOR_SYSTEMS[name] if name else None
        self.no_color = console.no_color  # NO_COLOR keeps bold, as rich does
        self.styles: dict[str, Style] = {}

    def __call__(self, text: str, style: str) -> str:
        if self.system is None or not text:
            return text
        parsed = self.styles.get(style)
        if parsed is None:
            parsed = Style.parse(style)
            parsed = self.styles[style] = parsed.without_color if self.no_color else parsed
        return parsed.render(text, color_system=self.system)


def finding_block(doc: Document, finding: Finding, paint: Painter) -> str:
    """The finding's head line, then (unless it is about the whole text) its line with a caret
    under the span; a blank line after."""
    line_no, _ = doc.position(finding.start)
    mark = paint(f" {fix_mark(finding)}", "cyan") if finding.fix_applicability else ""
    head = (
        f"{paint(location(doc, finding.start), 'bold')}: "
        f"{paint(finding.code, SEVERITY_STYLE[finding.severity])}{mark} {finding.message}\n"
    )
    if is_document_wide(finding):
        # About the whole text (its encoding, its symbol ratio): no span to point at.
        return head + "\n"
    shown, offset, width = excerpt(doc, finding)
    gutter = " " * len(str(line_no))
    return (
        f"{head}{paint(f'{gutter} │', 'blue')}\n"
        f"{paint(f'{line_no} │ ', 'blue')}{shown}\n"
        f"{paint(f'{gutter} │ ', 'blue')}"
        f"{paint(' ' * offset + '^' * width + f' {finding.name}', 'red')}\n\n"
    )


def summary_table(report: Report, width: int = 80) -> Table:
    """Findings per rule with a bar each (the table ``--statistics`` shows too)."""
    # Imported here: a clean run (pre-commit's usual one) prints no table.
    from cnlint.report.statistics import rule_table
    from cnlint.report.stats import RecordStats

    return rule_table(RecordStats.of(report), width)


def render_findings(report: Report, stream: TextIO, *, show_all: bool = False) -> int:
    """The findings alone (``--quiet``): no table, no summary. Returns how many the cap hid."""
    paint = Painter(make_console(stream))
    write = stream.write
    hidden_total = 0
    for result in report.files:
        shown: dict[str, int] = {}
        hidden: dict[str, int] = {}
        for document in result.documents:
            doc = document.doc
            for finding in document.findings:
                code = finding.code
                count = shown.get(code, 0)
                if show_all or count < PER_RULE:
                    shown[code] = count + 1
                    write(finding_block(doc, finding, paint))
                else:
                    hidden[code] = hidden.get(code, 0) + 1
        if hidden:
            write(more_line(result.path, Counter(hidden)))
            hidden_total += sum(hidden.values())
    return hidden_total


def more_line(path: str, hidden: Counter[str]) -> str:
    """What the cap left out of one file, most first: ``path: … and 95 more P103, 3 more Q201``."""
    counts = ", ".join(f"{n:,} more {code}" for code, n in hidden.most_common())
    return f"{path}: … and {counts} in this file (--show-all shows them)\n\n"


def render(report: Report, stream: TextIO, *, show_all: bool = False) -> None:
    hidden = render_findings(report, stream, show_all=show_all)
    console = make_console(stream)
    if any(d.findings for result in report.files for d in result.documents):
        console.print(summary_table(report, console.width))
    if hidden:
        console.print(
            f"{hidden:,} findings of a rule past the first {PER_RULE} in a file are counted "
            "here but not shown; --show-all shows every finding.",
            markup=False,
        )
    console.print(summary_line(report))
