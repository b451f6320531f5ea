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

from cnlint.engine.run import Report
from cnlint.finding import Severity
from cnlint.report.console import make_console
from cnlint.report.errors import error_kinds
from cnlint.report.grouped import GroupedStats, GroupStats
from cnlint.report.groups import GroupBy
from cnlint.report.metrics import PERCENTILES, Distribution, DocumentMetric
from cnlint.report.stats import PER_CHARS, RecordStats, RuleStats
from cnlint.report.summary import plural

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# The bar takes what the other columns leave of the console width, within these bounds.
BAR_WIDTH = (6, 30)
TOP_FILES = 10
TOP_GROUPS = 20  # rows of the group tables; the rest share one row (the JSON lists all)
GROUP_WIDTH = 16  # a longer group name (a URL's host) folds onto the next line
TOP_RULES = 3
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


def summary_table(stats: RecordStats) -> Table:
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
    if stats.errors:
        errors = stats.errors
        rows.append(("files not checked", f"{len(errors):,} ({error_kinds(errors)})"))
    for what, value in rows:
        table.add_row(what, value)
    return table


def rule_table(stats: RecordStats, width: int = 80, unicode: bool = True) -> Table:
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


def _rule_table(stats: RecordStats, bar_width: int, name_width: int | None, unicode: bool) -> Table:
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


def top_files_table(stats: RecordStats, limit: int = TOP_FILES) -> Table:
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


def statistics_view(stats: RecordStats, console: Console) -> Group:
    unicode = console.encoding.lower().replace("-", "").startswith("utf")
    parts: list = [summary_table(stats)]
    if stats.rules:
        parts += [Text(), rule_table(stats, console.width, unicode), top_files_table(stats)]
    return Group(*parts)


def render(
    report: Report | RecordStats,
    stream: TextIO,
    group_by: GroupBy | None = None,
    metrics: list[DocumentMetric] | None = None,
) -> list[str]:
    """The statistics of a report, or of its files' records (what workers send back for
    ``--statistics``: then ``metrics`` must be the ones the records were measured with), and
    with ``group_by`` the groups' tables; returns the problems met while grouping (a file that
    could not be read again), for the caller to report."""
    console = make_console(stream)
    stats = _stats(report, metrics)
    console.print(statistics_view(stats, console))
    if group_by is None:
        return []
    grouped = GroupedStats(stats, group_by, metrics or [])
    console.print(Group(Text(), *group_tables(grouped)))
    return grouped.problems


def group_tables(grouped: GroupedStats) -> list[Table]:
    """The groups' counts, then one table per metric: its percentiles in every group."""
    rows = grouped.groups[:TOP_GROUPS]
    rest = grouped.groups[TOP_GROUPS:]
    if rest:
        rows = [*rows, grouped.pooled(f"({len(rest):,} more groups)", rest)]
    tables = [_counts_table(grouped, rows)]
    for index, metric in enumerate(grouped.metrics):
        tables += [_metric_table(grouped, rows, metric, index)]
    return tables


def _group_table(title: str, grouped: GroupedStats) -> Table:
    table = Table(
        title=Text(title),  # the key and names come from the command line and the data
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    longest = max(cell_len(group.name) for group in [*grouped.groups, grouped.total])
    table.add_column(Text(grouped.by.key), overflow="fold", min_width=min(longest, GROUP_WIDTH))
    return table


def _counts_table(grouped: GroupedStats, rows: list[GroupStats]) -> Table:
    title = (
        f"Documents by {grouped.by.key} ({plural(len(grouped.groups), 'group')}; "
        f"density: findings per {PER_CHARS:,} characters)"
    )
    table = _group_table(title, grouped)
    for header in ("docs", "characters", "findings", "density", "affected"):
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("top rules", overflow="fold", min_width=10)
    for group in [*rows, grouped.total]:
        top = group.rules.most_common(TOP_RULES)
        table.add_row(
            Text(group.name),  # a field value is data, never rich markup
            f"{group.documents:,}",
            f"{group.characters:,}",
            f"{group.findings:,}",
            f"{group.density:,.1f}",
            f"{group.affected_share:.0%}",
            "\n".join(f"{code} {count:,}" for code, count in top),
            end_section=group is rows[-1],
        )
    return table


def _metric_table(
    grouped: GroupedStats, rows: list[GroupStats], metric: DocumentMetric, index: int
) -> Table:
    table = _group_table(metric.title, grouped)
    table.add_column("measured", justify="right", no_wrap=True)
    for percent in PERCENTILES:
        table.add_column(f"p{percent}", justify="right", no_wrap=True)
    table.add_column("max", justify="right", no_wrap=True)
    if metric.threshold is not None:
        side = ">" if metric.flags_above else "<"
        table.add_column(f"{side} {metric.threshold:g}", justify="right", no_wrap=True)
    for group in [*rows, grouped.total]:
        spread = group.distributions[index]
        cells = [f"{spread.measured:,}"]
        cells += [_value(metric, spread.percentiles.get(p)) for p in PERCENTILES]
        cells.append(_value(metric, spread.maximum))
        if metric.threshold is not None:
            cells.append(f"{spread.beyond:,}")
        table.add_row(Text(group.name), *cells, end_section=group is rows[-1])
    return table


def _value(metric: DocumentMetric, value: float | None) -> str:
    if value is None:
        return "-"
    if metric.share:
        return f"{value:.3f}"
    return f"{value:,.1f}" if metric.rule is None else f"{value:,.0f}"


def render_json(
    report: Report | RecordStats,
    stream: TextIO,
    group_by: GroupBy | None = None,
    metrics: list[DocumentMetric] | None = None,
) -> list[str]:
    """``--statistics --format json``: the same numbers for scripts and dashboards."""
    stats = _stats(report, metrics)
    numbers = {
        "documents": len(stats.documents),
        "characters": stats.characters,
        "findings": stats.findings,
        f"findings_per_{PER_CHARS}_characters": round(stats.density, 3),
        "documents_affected": len(stats.affected),
        "fixable": stats.fixable,
        "fixable_safe": stats.fixable_safe,
        "fixable_unsafe": stats.fixable_unsafe,
        "files_not_checked": len(stats.errors),
        "errors": [{"path": result.path, "error": result.error} for result in stats.errors],
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
    problems: list[str] = []
    if group_by is not None:
        grouped = GroupedStats(stats, group_by, metrics or [])
        numbers["group_by"] = _groups_json(grouped)
        problems = grouped.problems
    json.dump(numbers, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return problems


def _stats(report: Report | RecordStats, metrics: list[DocumentMetric] | None) -> RecordStats:
    return report if isinstance(report, RecordStats) else RecordStats.of(report, metrics or ())


def _groups_json(grouped: GroupedStats) -> dict:
    return {
        "key": grouped.by.key,
        "metrics": [
            {
                "key": metric.key,
                "label": metric.label,
                "option": metric.option,
                "threshold": metric.threshold,
                "flagged": None if metric.threshold is None else _side(metric),
                "rule_enabled": metric.enabled if metric.rule is not None else None,
            }
            for metric in grouped.metrics
        ],
        "groups": [_group_json(grouped, group) for group in grouped.groups],
        "all": _group_json(grouped, grouped.total),
    }


def _side(metric: DocumentMetric) -> str:
    return "above" if metric.flags_above else "below"


def _group_json(grouped: GroupedStats, group: GroupStats) -> dict:
    return {
        "name": group.name,
        "documents": group.documents,
        "characters": group.characters,
        "findings": group.findings,
        f"findings_per_{PER_CHARS}_characters": round(group.density, 3),
        "documents_affected": group.affected,
        "families": dict(sorted(group.families.items())),
        "rules": dict(sorted(group.rules.items())),
        "metrics": {
            metric.key: _distribution_json(spread)
            for metric, spread in zip(grouped.metrics, group.distributions, strict=True)
        },
    }


def _distribution_json(spread: Distribution) -> dict:
    return {
        "measured": spread.measured,
        **{f"p{p}": spread.percentiles.get(p) for p in PERCENTILES},
        "max": spread.maximum,
        "beyond_threshold": spread.beyond,
    }
