"""The HTML report's documents section: the worst documents, each decoded when first shown.

A corpus of 48 MB has about 10,000 documents with findings and some 190,000 findings; as
markup, the text and notes of the 200 embedded documents came to 19.5 MB with every finding
listed, and parsing it is what made the page slow to open. So each embedded document is an
``<article>`` whose header (rank, name, counts) is plain HTML and whose body (the text with
its findings marked, the list of notes) is that markup gzip-compressed and base64-encoded in
an inert ``<script type="application/x-cnlint-doc">`` block, which the browser keeps as text
without parsing it. The page's script decodes a body the first time its document is shown
(``DecompressionStream``) and puts the markup in place. On the 48 MB bench corpus the bodies,
capped as below, are 8.7 MB of markup and 1.25 MB encoded (6.9×; one stream for all
documents would be 1.0 MB, but could not be decoded one document at a time).

Per document at most ``FINDINGS_PER_RULE`` findings of each rule are listed and marked, the
first in text order; the rest are counted (in the header, in the filters' counts, and in a
note naming how many of which rule are not listed). ``data-rules`` on the article carries the
counts of every finding by rule and severity, so the filters can tell which documents match
without decoding them.

Documents are ranked as ``--statistics`` ranks files: most findings first, then the denser,
then by name.
"""

from __future__ import annotations

import base64
import gzip
from collections import Counter
from html import escape

from cnlint.finding import Finding, Fix, Severity
from cnlint.report.highlight import Marked, escape_text, highlight, visible
from cnlint.report.stats import PER_CHARS, CorpusStats, DocumentStats

MAX_DOCUMENTS = 200  # documents embedded with their text (see embedded_documents)
EXAMPLES_PER_RULE = 5  # of those, the worst few of every rule, so each filter finds something
MAX_DOCUMENT_CHARS = 50_000  # text embedded per document; findings past it are listed only
FINDINGS_PER_RULE = 50  # findings of one rule listed and marked per document; the rest counted
PAGE_SIZE = 10  # documents shown at once (the script pages through the rest)
PREVIEW_CHARS = 40  # of a fix's before/after text
BODY_TYPE = "application/x-cnlint-doc"  # the inert script block holding a document's body


def documents_section(
    stats: CorpusStats, max_documents: int = MAX_DOCUMENTS, max_chars: int = MAX_DOCUMENT_CHARS
) -> str:
    worst = stats.worst_documents()
    shown = embedded_documents(worst, max_documents)
    affected = len(worst)
    notices = []
    if affected > len(shown):
        cut_findings = stats.findings - sum(len(doc.findings) for _, doc in shown)
        notices.append(
            f"Showing {len(shown):,} of {affected:,} documents with findings: the worst "
            f"{EXAMPLES_PER_RULE} of each rule, then the worst overall. The other "
            f"{affected - len(shown):,} documents ({cut_findings:,} findings) are counted in "
            "the summary and charts but not embedded; lint them separately "
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
        "<h2>Documents, most findings first <small>(the order of <code>--statistics</code>: "
        f"then the denser, by findings per {PER_CHARS:,} characters)</small></h2>"
        f"{_filters(stats)}{notice_html}"
        '<nav class="pager" aria-label="Pages"></nav>'
        f"{articles}"
        '<nav class="pager" aria-label="Pages"></nav></section>'
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
        '<span id="doc-file" class="label" hidden>File <b></b> <button type="button" '
        'class="chip" aria-label="All files">×</button></span>'
        '<button type="button" class="clear" data-filter-clear>Show all</button></div>'
    )


def _rank(severity: Severity) -> int:
    return -severity.rank


def embedded_documents(
    worst: list[DocumentStats], limit: int, per_rule: int = EXAMPLES_PER_RULE
) -> list[tuple[int, DocumentStats]]:
    """Which documents the page embeds, with their rank: the worst ``per_rule`` of every
    rule first (a rare rule's documents are rarely the worst), then the worst overall."""
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


def listed_findings(findings: list[Finding], per_rule: int = FINDINGS_PER_RULE) -> list[Finding]:
    """The first ``per_rule`` findings of each rule, in the document's order."""
    seen: Counter[str] = Counter()
    listed = []
    for finding in findings:
        seen[finding.code] += 1
        if seen[finding.code] <= per_rule:
            listed.append(finding)
    return listed


def rule_counts(findings: list[Finding]) -> str:
    """``data-rules``: every finding counted by rule and severity, ``CODE:severity:count``."""
    counts = Counter((f.code, f.severity.value) for f in findings)
    return " ".join(f"{code}:{severity}:{n}" for (code, severity), n in sorted(counts.items()))


def _document(index: int, doc: DocumentStats, max_chars: int) -> str:
    count = len(doc.findings)
    return (
        f'<article class="doc" id="doc-{index}" data-findings="{count}"'
        f' data-rules="{escape(rule_counts(doc.findings))}"'
        f' data-path="{escape(doc.doc.path)}"'
        f' data-record="{doc.doc.record.line if doc.doc.record else ""}">'
        f'<h3><span class="rank">#{index}</span> {escape(doc.label)}</h3>'
        f'<p class="meta"><b>{count:,}</b> findings · {doc.density:,.1f} per {PER_CHARS:,}'
        f' characters · <span class="shown">{count:,}</span> of {count:,} shown by the filters · '
        f"{doc.characters:,} characters</p>"
        f'<script type="{BODY_TYPE}">{encode_body(document_body(index, doc, max_chars))}'
        "</script></article>"
    )


def encode_body(markup: str) -> str:
    """gzip (without a timestamp, so the page is reproducible) and base64: inert ASCII."""
    return base64.b64encode(gzip.compress(markup.encode("utf-8"), mtime=0)).decode("ascii")


def document_body(index: int, doc: DocumentStats, max_chars: int) -> str:
    """The markup a document's body decodes to: its text with the listed findings marked,
    what was cut, and the list of notes."""
    text = doc.doc.text
    cut = len(text) > max_chars
    listed = listed_findings(doc.findings)
    ids = [f"d{index}-f{n}" for n in range(len(listed))]
    marks = [
        Marked(f.start, f.end, note_id, f.severity.value)
        for f, note_id in zip(listed, ids, strict=True)
        if not cut or f.start < max_chars
    ]
    notes = "".join(_note(note_id, doc, f) for note_id, f in zip(ids, listed, strict=True))
    notices = []
    if cut:
        past = len(listed) - len(marks)
        notices.append(
            f"Text cut at {max_chars:,} of {len(text):,} characters; "
            f"{past:,} findings past the cut are listed below but not marked."
        )
    unlisted = Counter(f.code for f in doc.findings) - Counter(f.code for f in listed)
    if unlisted:
        named = ", ".join(f"{n:,} of {code}" for code, n in sorted(unlisted.items()))
        notices.append(
            f"{unlisted.total():,} findings not listed or marked ({named}): at most "
            f"{FINDINGS_PER_RULE} of each rule are, the first in the text; all are counted."
        )
    notice_html = "".join(f'<p class="notice cut">{escape(n)}</p>' for n in notices)
    summary = (
        f"All {len(listed):,} findings"
        if len(listed) == len(doc.findings)
        else f"{len(listed):,} of {len(doc.findings):,} findings"
    )
    return (
        f'<pre class="text">{highlight(text[:max_chars], marks)}</pre>{notice_html}'
        f'<details class="notes"><summary>{summary}</summary><ol>{notes}</ol></details>'
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
