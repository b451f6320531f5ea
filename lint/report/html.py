"""``--format html``: the corpus health report, one self-contained page.

Everything is inline (CSS, script, SVG); the page loads nothing. All text from the
corpus is escaped (it is untrusted scraped content). What does not fit the caps is
counted in the summary and charts and named in a notice, never silently dropped.

The page's data model, section by section (each built by one function, listed in
:func:`build_page`; the script in ``assets/report.js`` reads only these):

- ``#summary``: one ``.card`` per number, ``data-stat`` and its exact ``data-value``.
- ``#documents`` (:mod:`.html_documents`): the worst documents, ranked as ``--statistics``
  ranks files. Each ``<article class="doc">`` has its header in plain HTML and
  ``data-rules="CODE:severity:count …"`` (every finding, for the filters); its body (text
  with the listed findings marked, the notes) is gzip + base64 in an inert
  ``<script type="application/x-cnlint-doc">``, decoded by the script when first shown.
- ``#files`` (:mod:`.html_files`): the files and source folders as JSON in
  ``<script type="application/json" id="files-data">``; the script draws the rows, and a
  file whose documents are embedded gets a button that shows them (``cnlint:show-file``).
- ``#charts``, ``#rules``: findings per rule (``data-filter-rule`` bars filter the documents)
  and the density histogram, as inline SVG; the rule table with its counts as ``data-*``.
- ``#errors``: the files that could not be checked.
- ``#reference``: ``details#rule-CODE`` with each rule's ``cnlint explain`` text.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from typing import TextIO

from cnlint import __version__
from cnlint.engine.registry import Registry, load_registry
from cnlint.engine.run import Report
from cnlint.report.explain import rule_markdown
from cnlint.report.highlight import escape_text
from cnlint.report.histograms import metric_histograms
from cnlint.report.html_documents import MAX_DOCUMENT_CHARS, MAX_DOCUMENTS, documents_section
from cnlint.report.html_files import files_section
from cnlint.report.markdown import markdown_html
from cnlint.report.metrics import DocumentMetric, document_metrics
from cnlint.report.stats import PER_CHARS, CorpusStats
from cnlint.report.svg import Bar, bar_chart, histogram


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
    body = [
        _header(stats),
        _summary(stats),
        # The worst documents and files first: what to look at, then the breakdowns.
        documents_section(stats, max_documents, max_chars),
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
