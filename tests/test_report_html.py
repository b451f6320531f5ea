"""The HTML health report without a browser: every finding at its place, counts equal to
``--format json``, untrusted text escaped, and caps that say what they cut."""

import json
from collections import Counter

import pytest
from report_page import (
    ReportPage,
    corpus_of,
    json_findings,
    json_places,
    page_data,
    places_from_segments,
)

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.engine.registry import load_registry
from cnlint.engine.run import DocumentResult, FileResult, Report
from cnlint.inputs.sources import read_text_file
from cnlint.report.highlight import Marked, highlight
from cnlint.report.html import build_page
from cnlint.report.html_documents import FINDINGS_PER_RULE, fix_preview, listed_findings
from cnlint.report.markdown import markdown_html

from conftest import SEEDS, run_cli


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return json_findings(str(SEEDS))


@pytest.fixture(scope="module")
def page_text() -> str:
    result = run_cli("check", "--format", "html", str(SEEDS))
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_seeds_report_marks_every_listed_json_finding_at_its_place(records, page_text):
    # Listed and marked: the first FINDINGS_PER_RULE of each rule in a document.
    expected = json_places(records, FINDINGS_PER_RULE)
    page = ReportPage(page_text)
    assert len(page.documents) == len(expected)
    for doc in page.documents:
        text, places = places_from_segments(doc["segments"], doc["rules"])
        # What the page shows is the document's text, character for character.
        assert text == read_text_file(SEEDS / doc["path"].split("/")[-1]).documents[0].text
        assert places == expected[(doc["path"], doc["record"])], doc["path"]


def test_findings_past_the_per_rule_cap_are_counted_and_named(records, page_text):
    counts = Counter((r["path"], r["code"]) for r in records)
    capped = {key: n for key, n in counts.items() if n > FINDINGS_PER_RULE}
    assert capped  # seed 003 has more half-width punctuation than the page lists
    page = ReportPage(page_text)
    for doc in page.documents:
        # What the filters count without decoding the body: every finding by rule, severity.
        mine = Counter((r["code"], r["severity"]) for r in records if r["path"] == doc["path"])
        assert doc["counts"] == mine
        mine = {code: n for (path, code), n in capped.items() if path == doc["path"]}
        if not mine:
            continue
        unlisted = sum(n - FINDINGS_PER_RULE for n in mine.values())
        named = ", ".join(
            f"{n - FINDINGS_PER_RULE:,} of {code}" for code, n in sorted(mine.items())
        )
        assert any(
            n.startswith(f"{unlisted:,} findings not listed or marked ({named})")
            for n in page.notices
        )
        assert doc["findings"] == sum(n for (path, _), n in counts.items() if path == doc["path"])


def test_seeds_report_counts_equal_json(records, page_text):
    page = ReportPage(page_text)
    assert page.stats["findings"] == len(records)
    assert page.stats["fixable"] == sum(1 for r in records if r["fix"])
    assert page.stats["affected"] == len({(r["path"], str(r["record"])) for r in records})
    assert page.stats["documents"] == len(list(SEEDS.glob("*.txt")))
    by_code = Counter(r["code"] for r in records)
    assert {code: row["findings"] for code, row in page.rule_rows.items()} == by_code
    for code, row in page.rule_rows.items():
        mine = [r for r in records if r["code"] == code]
        assert row["documents"] == len({r["path"] for r in mine})
        assert row["fixable"] == sum(1 for r in mine if r["fix"])


def test_page_is_self_contained(page_text):
    page = ReportPage(page_text)
    # One script runs; the other is the files' JSON (the documents' blocks are decoded here).
    assert page.scripts == 1 and page.tags["script"] == 2
    # Two charts, then a histogram per rule with a document metric (Q102 symbol ratio …).
    histograms = sum(1 for rule in load_registry() if rule.metric is not None)
    assert page.tags["style"] == 1 and page.tags["svg"] == 2 + histograms
    assert page.links and all(link.startswith(("#", "data:")) for link in page.links)
    assert "@import" not in page_text and "url(" not in page_text
    assert "Content-Security-Policy" in page_text


# Untrusted scraped text: markup, entities, a CR LF line end and a NUL, next to a real
# defect (seed 003's doubled comma, D: repeated punctuation).
HOSTILE = (
    '利民之事,,丝发必兴。<script>alert("x")</script>\r\n'
    "<img src=x onerror=alert(1)> &amp; </pre></mark>\x00厉民之事,,毫末必去。\n"
)


def test_untrusted_text_is_escaped_and_kept_exact():
    doc = Document(HOSTILE, path='a"><script>alert(1)</script>.txt')
    linter = Linter(Config(select=("ALL",)))
    findings = linter.lint(doc)
    assert findings
    report = Report([FileResult(doc.path, [DocumentResult(doc, findings)])])
    page_text = build_page(report, load_registry())
    page = ReportPage(page_text)
    assert page.scripts == 1 and page.tags["script"] == 2 and page.tags["img"] == 0
    (shown,) = page.documents
    text, places = places_from_segments(shown["segments"], shown["rules"])
    assert text == HOSTILE.replace("\x00", "\ufffd")  # NUL cannot live in HTML; same length
    assert len(places) == len(findings)
    assert shown["path"] == doc.path
    # The files' JSON block holds the name whole: its "</script>" did not end the block.
    assert page_data(page_text, "files-data")["files"][0][0] == doc.path


def test_overlapping_and_zero_width_marks():
    text = "一二三四五六七八"
    marks = [Marked(0, 5, "a"), Marked(3, 8, "b", "error"), Marked(8, 8, "c", "info")]
    html_text = highlight(text, marks)
    page = ReportPage(f'<article data-path="x" data-record=""><pre class="text">{html_text}</pre>')
    pieces = page.documents[0]["segments"]
    assert "".join(p for _, p in pieces) == text
    assert ("a", "一二三") in pieces and ("a b", "四五") in pieces and ("b", "六七八") in pieces
    assert ("c", "") in pieces
    assert 'data-f="a b" data-sev="error"' in html_text  # the most severe colours the overlap


def test_fix_preview_names_invisible_characters():
    # Seed 001's runs of blank lines (D: blank-lines): the fix keeps one.
    (doc,) = read_text_file(SEEDS / "001_0303bf1f787c62bf.txt").documents
    findings = [f for f in Linter(Config(select=("T201",))).lint(doc) if f.fix]
    assert findings
    before, after = fix_preview(doc.text, findings[0].fix)
    assert before.count("↵") > after.count("↵") and "\n" not in before + after


def test_explain_text_is_embedded_and_escaped(records, page_text):
    rendered = markdown_html("# P101 x\n\nUse `<b>` here.\n\n    '利民之事,,丝发必兴'\n- `a` <i>\n")
    assert "<h3>P101 x</h3>" in rendered and "<code>&lt;b&gt;</code>" in rendered
    assert "<pre>&#x27;利民之事,,丝发必兴&#x27;</pre>" in rendered and "&lt;i&gt;" in rendered
    for record in records:
        assert f'<details class="explain" id="rule-{record["code"]}">' in page_text


def test_ten_thousand_documents_are_capped_and_the_cut_is_named():
    report = corpus_of(10_000)
    all_findings = len(report.findings)
    affected = sum(1 for r in report.files if r.findings)
    page = ReportPage(build_page(report, load_registry(), max_documents=200))
    assert page.stats["documents"] == 10_000
    assert page.stats["findings"] == all_findings
    assert sum(row["findings"] for row in page.rule_rows.values()) == all_findings
    assert len(page.documents) == 200
    assert any(f"Showing 200 of {affected:,} documents with findings" in n for n in page.notices)
    # Every rule keeps examples on the page, however rare: the worst 5 documents it flags.
    for code, row in page.rule_rows.items():
        embedded = [d for d in page.documents if code in d["rules"].values()]
        assert len(embedded) >= min(5, row["documents"]), code
    clean_notice = [n for n in page.notices if "documents without findings" in n]
    assert clean_notice == (
        [f"{10_000 - affected:,} documents without findings are not listed."]
        if affected < 10_000
        else []
    )


def test_long_document_text_is_cut_but_every_listed_finding_kept():
    (doc,) = read_text_file(SEEDS / "003_0d4dd77c39c606b7.txt").documents
    findings = Linter(Config(select=("ALL",))).lint(doc)
    listed = listed_findings(findings)
    assert len(listed) < len(findings)
    report = Report([FileResult(doc.path, [DocumentResult(doc, findings)])])
    page = ReportPage(build_page(report, load_registry(), max_chars=1000))
    (shown,) = page.documents
    text, places = places_from_segments(shown["segments"], shown["rules"])
    assert text == doc.text[:1000]
    assert len(shown["rules"]) == len(listed)  # listed, even past the cut
    assert shown["findings"] == len(findings)  # and all counted
    marked = sum(1 for f in listed if f.start < 1000)
    assert len(places) == marked
    assert any(f"{len(listed) - marked:,} findings past the cut" in n for n in page.notices)


def test_output_file_gets_the_page_and_the_terminal_the_summary(tmp_path, records):
    target = tmp_path / "report.html"
    result = run_cli("check", "--format", "html", "--output-file", str(target), str(SEEDS))
    assert result.returncode == 1, result.stderr
    assert f"Wrote the html report to {target}." in result.stdout
    assert "<html" not in result.stdout
    assert ReportPage(target.read_text(encoding="utf-8")).stats["findings"] == len(records)
    unwritable = run_cli(
        "check", "--format", "html", "--output-file", str(tmp_path / "no" / "x"), str(SEEDS)
    )
    assert unwritable.returncode == 2 and "cannot write" in unwritable.stderr


def test_jsonl_records_are_documents_with_their_findings_in_place(tmp_path):
    # The five seeds as records of one JSONL file: positions are within each record's text.
    corpus = tmp_path / "seeds.jsonl"
    rows = [
        json.dumps({"id": seed.stem, "text": seed.read_text(encoding="utf-8")}, ensure_ascii=False)
        for seed in sorted(SEEDS.glob("*.txt"))
    ]
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    expected = json_places(json_findings(str(corpus)), FINDINGS_PER_RULE)
    page = ReportPage(run_cli("check", "--format", "html", str(corpus)).stdout)
    assert page.stats["documents"] == len(rows)
    assert {(d["path"], d["record"]) for d in page.documents} == set(expected)
    for doc in page.documents:
        _, places = places_from_segments(doc["segments"], doc["rules"])
        assert places == expected[(doc["path"], doc["record"])]
