"""``--format html``: the corpus health report, one self-contained page.

Everything is inline (CSS, script, SVG); the page loads nothing. All text from the
corpus is escaped (it is untrusted scraped content). The worst documents are embedded
with every finding marked in place; what does not fit the caps is counted in the
summary and charts and named in a notice, never silently dropped.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from typing import TextIO

from .. import __version__
from ..explain import rule_markdown
from ..finding import Finding, Fix, Severity
from ..registry import Registry, load_registry
from ..run import Report
from .highlight import Marked, escape_text, highlight, visible
from .histograms import metric_histograms
from .html_files import files_section
from .markdown import markdown_html
from .metrics import DocumentMetric, document_metrics
from .stats import PER_CHARS, CorpusStats, DocumentStats
from .svg import Bar, bar_chart, histogram

MAX_DOCUMENTS = 200  # documents embedded with their text (see embedded_documents)
EXAMPLES_PER_RULE = 5  # of those, the worst few of every rule, so each filter finds something
MAX_DOCUMENT_CHARS = 50_000  # text embedded per document; findings past it are listed only
PAGE_SIZE = 10  # documents shown at once (the script pages through the rest)
PREVIEW_CHARS = 40  # of a fix's before/after text


def render(
    report: Report,
    stream: TextIO,
    registry: Registry | None = None,
    metrics: list[DocumentMetric] | None = None,
) -> None:
    """The page; ``metrics`` carry the run's thresholds (default: the rules' defaults)."""
    registry = registry if registry is not None else load_registry()
    stream.write(build_page(report, registry, metrics=metrics))


def build_page(
    report: Report,
    registry: Registry,
    max_documents: int = MAX_DOCUMENTS,
    max_chars: int = MAX_DOCUMENT_CHARS,
    metrics: list[DocumentMetric] | None = None,
) -> str:
    stats = CorpusStats(report)
    metrics = metrics if metrics is not None else document_metrics(registry)
    worst = stats.worst_documents()
    shown = embedded_documents(worst, max_documents)
    body = [
        _header(stats),
        _summary(stats),
        # The worst documents and files first: what to look at, then the breakdowns.
        _documents(stats, worst, shown, max_chars),
        files_section(stats),
        _charts(stats),
        metric_histograms(stats, metrics),
        _rule_table(stats),
        _errors(report),
        _rule_reference(stats, registry),
        '<div id="tip" role="tooltip" hidden></div>',
    ]
    assets = files(__package__) / "assets"
    css = (assets / "report.css").read_text(encoding="utf-8")
    script = (assets / "report.js").read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Say no to every network request, even the favicon the browser would look for.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        '<link rel="icon" href="data:,">\n'
        "<title>cnlint corpus health report</title>\n"
        f"<style>\n{css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>\n{script}</script>\n</body>\n</html>\n"
    )


def _header(stats: CorpusStats) -> str:
    files_count = len(stats.report.files)
    return (
        "<header><h1>Corpus health report</h1>"
        f'<p class="sub">cnlint {escape(__version__)} · {files_count:,} files · '
        f"{len(stats.documents):,} documents</p></header>"
    )


def _card(key: str, value: int | float, shown: str, label: str) -> str:
    return (
        f'<div class="card" data-stat="{key}" data-value="{value}">'
        f"<b>{escape(shown)}</b><span>{escape(label)}</span></div>"
    )


def _summary(stats: CorpusStats) -> str:
    documents = len(stats.documents)
    affected = len(stats.affected)
    cards = [
        _card("documents", documents, f"{documents:,}", "documents"),
        _card("characters", stats.characters, f"{stats.characters:,}", "characters"),
        _card("findings", stats.findings, f"{stats.findings:,}", "findings"),
        _card(
            "density",
            round(stats.density, 2),
            f"{stats.density:,.1f}",
            f"findings per {PER_CHARS:,} characters",
        ),
        _card(
            "affected",
            affected,
            f"{stats.affected_share:.1%}",
            f"of documents affected ({affected:,} of {documents:,})",
        ),
        _card(
            "fixable",
            stats.fixable,
            f"{stats.fixable_share:.1%}",
            f"of findings fixable ({stats.fixable_safe:,} safe, {stats.fixable_unsafe:,} unsafe)",
        ),
    ]
    return f'<section id="summary" class="cards">{"".join(cards)}</section>'


def _charts(stats: CorpusStats) -> str:
    bars = [
        Bar(
            r.code,
            f"{r.code} {r.name}",
            r.findings,
            f"sev-{r.severity.value}",
            f"{r.code} {r.name}: {r.findings:,} findings in {r.documents:,} documents",
        )
        for r in stats.rules
    ]
    bins = [
        Bar("", b.label, b.documents, "", f"{b.documents:,} documents at {b.label}")
        for b in stats.density_histogram()
    ]
    rules_chart = bar_chart(bars, "Findings per rule") if bars else "<p>No findings.</p>"
    density_chart = histogram(
        bins, "Documents by defect density", f"findings per {PER_CHARS:,} characters"
    )
    return (
        '<section id="charts" class="charts">'
        f'<figure id="rules-chart"><figcaption>Findings per rule '
        f"<small>(click a bar to filter)</small></figcaption>{rules_chart}</figure>"
        f'<figure id="density-chart"><figcaption>Documents by defect density</figcaption>'
        f"{density_chart}</figure></section>"
    )


def _rule_table(stats: CorpusStats) -> str:
    rows = [
        f'<tr data-rule="{escape(r.code)}" data-findings="{r.findings}"'
        f' data-documents="{r.documents}" data-fixable="{r.fixable}">'
        f'<td><a href="#rule-{escape(r.code)}">{escape(r.code)}</a></td>'
        f"<td>{escape(r.name)}</td>"
        f'<td><span class="sev sev-{r.severity.value}">{r.severity.value}</span></td>'
        f'<td class="num">{r.findings:,}</td><td class="num">{r.documents:,}</td>'
        f'<td class="num">{r.fixable:,}</td></tr>'
        for r in stats.rules
    ]
    return (
        '<section id="rules"><h2>Findings by rule</h2><table class="rules"><thead><tr>'
        "<th>code</th><th>rule</th><th>severity</th><th>findings</th><th>documents</th>"
        f"<th>fixable</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _filters(stats: CorpusStats) -> str:
    rule_chips = "".join(
        f'<button type="button" class="chip sev-{r.severity.value}"'
        f' data-filter-rule="{escape(r.code)}" aria-pressed="false"'
        f' title="{escape(r.name)}">{escape(r.code)} <small>{r.findings:,}</small></button>'
        for r in stats.rules
    )
    severities = sorted({f.severity for d in stats.affected for f in d.findings}, key=_rank)
    severity_chips = "".join(
        f'<button type="button" class="chip sev-{s.value}" data-filter-sev="{s.value}"'
        f' aria-pressed="false">{s.value}</button>'
        for s in severities
    )
    return (
        '<div class="filters" role="toolbar" aria-label="Filter findings">'
        f'<span class="label">Rules</span>{rule_chips}'
        f'<span class="label">Severity</span>{severity_chips}'
        '<button type="button" class="clear" data-filter-clear>Show all</button></div>'
    )


def _rank(severity: Severity) -> int:
    return -severity.rank


def embedded_documents(
    worst: list[DocumentStats], limit: int, per_rule: int = EXAMPLES_PER_RULE
) -> list[tuple[int, DocumentStats]]:
    """Which documents the page embeds, with their rank: the worst ``per_rule`` of every
    rule first (a rare rule's documents are rarely the densest), then the worst overall."""
    examples: dict[str, list[int]] = {}
    for rank, doc in enumerate(worst):
        for code in {f.code for f in doc.findings}:
            found = examples.setdefault(code, [])
            if len(found) < per_rule:
                found.append(rank)
    by_rule = [ranks[i] for i in range(per_rule) for ranks in examples.values() if i < len(ranks)]
    chosen: dict[int, None] = {}
    for rank in [*by_rule, *range(len(worst))]:
        if len(chosen) >= limit:
            break
        chosen.setdefault(rank)
    return [(rank + 1, worst[rank]) for rank in sorted(chosen)]


def _documents(
    stats: CorpusStats,
    worst: list[DocumentStats],
    shown: list[tuple[int, DocumentStats]],
    max_chars: int,
) -> str:
    affected = len(worst)
    notices = []
    if affected > len(shown):
        cut_findings = stats.findings - sum(len(doc.findings) for _, doc in shown)
        notices.append(
            f"Showing {len(shown):,} of {affected:,} documents with findings: the worst "
            f"{EXAMPLES_PER_RULE} of each rule, then the worst overall. The other "
            f"{affected - len(shown):,} documents ({cut_findings:,} findings) are counted in "
            "the summary and charts above but not embedded; lint them separately "
            "(or with --select) to review them here."
        )
    clean = len(stats.documents) - affected
    if clean:
        notices.append(f"{clean:,} documents without findings are not listed.")
    notice_html = "".join(f'<p class="notice cut">{escape(n)}</p>' for n in notices)
    articles = "".join(_document(rank, doc, max_chars) for rank, doc in shown)
    return (
        f'<section id="documents" data-page-size="{PAGE_SIZE}"'
        f' data-embedded="{len(shown)}" data-affected="{affected}">'
        "<h2>Documents, worst first <small>(by findings per "
        f"{PER_CHARS:,} characters)</small></h2>"
        f"{_filters(stats)}{notice_html}"
        '<nav class="pager" aria-label="Pages"></nav>'
        f"{articles}"
        '<nav class="pager" aria-label="Pages"></nav></section>'
    )


def _document(index: int, doc: DocumentStats, max_chars: int) -> str:
    text = doc.doc.text
    cut = len(text) > max_chars
    visible_text = text[:max_chars]
    ids = [f"d{index}-f{n}" for n in range(len(doc.findings))]
    marks = [
        Marked(f.start, f.end, note_id, f.severity.value)
        for f, note_id in zip(doc.findings, ids, strict=True)
        if not cut or f.start < max_chars
    ]
    notes = "".join(
        _note(note_id, doc, finding) for note_id, finding in zip(ids, doc.findings, strict=True)
    )
    cut_note = ""
    if cut:
        hidden = len(doc.findings) - len(marks)
        cut_note = (
            f'<p class="notice cut">Text cut at {max_chars:,} of {len(text):,} characters; '
            f"{hidden:,} findings past the cut are listed below but not marked.</p>"
        )
    count = len(doc.findings)
    return (
        f'<article class="doc" id="doc-{index}" data-findings="{count}"'
        f' data-path="{escape(doc.doc.path)}"'
        f' data-record="{doc.doc.record.line if doc.doc.record else ""}">'
        f'<h3><span class="rank">#{index}</span> {escape(doc.label)}</h3>'
        f'<p class="meta"><b>{doc.density:,.1f}</b> findings per {PER_CHARS:,} characters · '
        f'<span class="shown">{count:,}</span> of {count:,} findings shown · '
        f"{doc.characters:,} characters</p>"
        f'<pre class="text">{highlight(visible_text, marks)}</pre>{cut_note}'
        f'<details class="notes"><summary>All {count:,} findings</summary>'
        f"<ol>{notes}</ol></details></article>"
    )


def _note(note_id: str, doc: DocumentStats, finding: Finding) -> str:
    line, column = doc.doc.position(finding.start)
    code = escape(finding.code)
    fix = ""
    if finding.fix is not None:
        before, after = fix_preview(doc.doc.text, finding.fix)
        fix = (
            f' <span class="fix"><del>{escape_text(before)}</del> → '
            f"<ins>{escape_text(after)}</ins>"
            f" <small>{finding.fix.applicability.value} fix</small></span>"
        )
    return (
        f'<li id="{note_id}" class="note" data-rule="{code}"'
        f' data-sev="{finding.severity.value}">'
        f'<a class="code" href="#rule-{code}">{code}</a> '
        f'<span class="loc">{line}:{column}</span> '
        f'<span class="msg">{escape_text(finding.message)}</span>{fix}</li>'
    )


def fix_preview(text: str, fix: Fix) -> tuple[str, str]:
    """The text a fix touches, before and after, with invisible characters named."""
    if not fix.edits:
        target = fix.encoding or "the target encoding"
        return "(source encoding)", f"(written as {target})"
    start = min(e.start for e in fix.edits)
    end = max(e.end for e in fix.edits)
    after = []
    position = start
    for edit in sorted(fix.edits, key=lambda e: e.start):
        after += [text[position : edit.start], edit.content]
        position = edit.end
    after.append(text[position:end])
    return _clip(visible(text[start:end])) or "(nothing)", _clip(visible("".join(after))) or (
        "(removed)"
    )


def _clip(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(
        f"<li><b>{escape(r.path)}</b>: {escape_text(r.error or '')}</li>" for r in report.errors
    )
    return (
        f'<section id="errors"><h2>Files that could not be checked ({len(report.errors):,})'
        f"</h2><ul>{items}</ul></section>"
    )


def _rule_reference(stats: CorpusStats, registry: Registry) -> str:
    sections = []
    for row in stats.rules:
        rule = registry.get(row.code)
        page = markdown_html(rule_markdown(rule) if rule else UNREGISTERED)
        sections.append(
            f'<details class="explain" id="rule-{escape(row.code)}">'
            f"<summary>{escape(row.code)} {escape(row.name)}</summary>{page}</details>"
        )
    return (
        '<section id="reference"><h2>Rule reference <small>(the text of '
        f"<code>cnlint explain CODE</code>)</small></h2>{''.join(sections)}</section>"
    )


UNREGISTERED = "Not a registered rule (a plugin that is not installed here?).\n"
