"""``--statistics``: the corpus summary, per-rule counts with inline bars, and the top files."""

from __future__ import annotations

import io
import json
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ..finding import Severity
from ..run import Report
from .console import make_console
from .errors import error_kinds
from .stats import PER_CHARS, CorpusStats, RuleStats

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# The bar takes what the other columns leave of the console width, within these bounds.
BAR_WIDTH = (6, 30)
TOP_FILES = 10
EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: int, largest: int, width: int, unicode: bool = True) -> str:
    """A horizontal bar of ``width`` cells for ``value``; never empty for a non-zero value."""
    if not largest or not value:
        return ""
    cells = value / largest * width
    if not unicode:
        return "#" * max(1, round(cells))
    full, eighths = int(cells), int((cells - int(cells)) * 8)
    if not full and not eighths:
        eighths = 1
    return "█" * full + (EIGHTHS[eighths] if eighths else "")


def summary_table(stats: CorpusStats) -> Table:
    table = Table(title="Corpus summary", title_justify="left", show_header=False, box=None)
    table.add_column("what")
    table.add_column("value", justify="right")
    affected = len(stats.affected)
    rows = [
        ("documents", f"{len(stats.documents):,}"),
        ("characters", f"{stats.characters:,}"),
        ("findings", f"{stats.findings:,}"),
        (f"findings per {PER_CHARS:,} characters", f"{stats.density:,.1f}"),
        (
            "documents affected",
            f"{affected:,} of {len(stats.documents):,} ({stats.affected_share:.1%})",
        ),
        ("fixable findings", f"{stats.fixable:,} ({stats.fixable_share:.1%})"),
        ("  with --fix [*]", f"{stats.fixable_safe:,}"),
        ("  only with --unsafe-fixes [~]", f"{stats.fixable_unsafe:,}"),
    ]
    if stats.report.errors:
        errors = stats.report.errors
        rows.append(("files not checked", f"{len(errors):,} ({error_kinds(errors)})"))
    for what, value in rows:
        table.add_row(what, value)
    return table


def rule_table(stats: CorpusStats, width: int = 80, unicode: bool = True) -> Table:
    """Per-rule counts; fits ``width`` cells by giving the bar what the other columns leave."""
    narrow = _rule_table(stats, BAR_WIDTH[0], None, unicode)
    measure = Console(width=10_000, file=io.StringIO())  # wide: measure, don't clamp
    spare = width - Measurement.get(measure, measure.options, narrow).maximum
    if spare >= 0:
        bar_width = min(BAR_WIDTH[1], BAR_WIDTH[0] + spare)
        return _rule_table(stats, bar_width, None, unicode)
    # Too narrow even so: only the rule names give way (with an ellipsis), never the counts.
    longest = max(cell_len(r.name) for r in stats.rules)
    return _rule_table(stats, BAR_WIDTH[0], max(8, longest + spare), unicode)


def _rule_table(stats: CorpusStats, bar_width: int, name_width: int | None, unicode: bool) -> Table:
    table = Table(
        title="Findings by rule",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column("code", no_wrap=True)
    table.add_column("rule", no_wrap=True, overflow="ellipsis", max_width=name_width)
    table.add_column("severity", no_wrap=True)
    table.add_column("findings", justify="right", no_wrap=True)
    table.add_column("share", no_wrap=True, min_width=bar_width + 7)
    table.add_column("docs", justify="right", no_wrap=True)
    table.add_column("fixable", justify="right", no_wrap=True)
    largest = max((r.findings for r in stats.rules), default=0)
    for rule in stats.rules:
        table.add_row(
            rule.code,
            rule.name,
            Text(rule.severity.value, style=SEVERITY_STYLE[rule.severity]),
            f"{rule.findings:,}",
            _share_cell(rule, stats.findings, largest, bar_width, unicode),
            f"{rule.documents:,}",
            f"{rule.fixable:,}",
        )
    return table


def _share_cell(rule: RuleStats, total: int, largest: int, width: int, unicode: bool) -> Text:
    drawn = bar(rule.findings, largest, width, unicode)
    cell = Text()
    cell.append(drawn.ljust(width), style=SEVERITY_STYLE[rule.severity])
    cell.append(f" {rule.findings / total:>5.1%}" if total else "")
    return cell


def top_files_table(stats: CorpusStats, limit: int = TOP_FILES) -> Table:
    table = Table(
        title=f"Top files (of {len(stats.files):,})",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("file", overflow="fold")
    table.add_column("documents", justify="right")
    table.add_column("findings", justify="right")
    table.add_column(f"per {PER_CHARS:,} chars", justify="right")
    for file in stats.top_files(limit):
        density = f"{file.density:,.1f}"
        table.add_row(file.path, f"{file.documents:,}", f"{file.findings:,}", density)
    return table


def statistics_view(stats: CorpusStats, console: Console) -> Group:
    unicode = console.encoding.lower().replace("-", "").startswith("utf")
    parts: list = [summary_table(stats)]
    if stats.rules:
        parts += [Text(), rule_table(stats, console.width, unicode), top_files_table(stats)]
    return Group(*parts)


def render(report: Report, stream: TextIO) -> None:
    console = make_console(stream)
    console.print(statistics_view(CorpusStats(report), console))


def render_json(report: Report, stream: TextIO) -> None:
    """``--statistics --format json``: the same numbers for scripts and dashboards."""
    stats = CorpusStats(report)
    numbers = {
        "documents": len(stats.documents),
        "characters": stats.characters,
        "findings": stats.findings,
        f"findings_per_{PER_CHARS}_characters": round(stats.density, 3),
        "documents_affected": len(stats.affected),
        "fixable": stats.fixable,
        "fixable_safe": stats.fixable_safe,
        "fixable_unsafe": stats.fixable_unsafe,
        "files_not_checked": len(report.errors),
        "errors": [{"path": result.path, "error": result.error} for result in report.errors],
        "rules": [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.value,
                "findings": rule.findings,
                "documents": rule.documents,
                "fixable": rule.fixable,
            }
            for rule in stats.rules
        ],
        "files": [
            {
                "path": file.path,
                "documents": file.documents,
                "characters": file.characters,
                "findings": file.findings,
            }
            for file in stats.files
        ],
    }
    json.dump(numbers, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
