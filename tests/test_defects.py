"""One defect, one finding: the engine reports the outer finding of a defect several rules
found, lists a garbage document's verdict with a few examples, and ``--fix`` fixes and counts
what the report lists."""

import json
import random
import time

from cnlint import Document
from cnlint.config import Config
from cnlint.engine.defects import LISTED_WITH_VERDICT, reported
from cnlint.engine.linter import Linter
from cnlint.engine.registry import load_registry
from cnlint.finding import Applicability, Edit, Finding, Fix, Severity
from cnlint.inputs.sources import read_text_file
from cnlint.report.explain import rule_markdown

from conftest import SEEDS, SHARED, run_cli

# Seed 003 (line 11, in simplified script): a doubled half-width comma.
DOUBLED = "江山就是人民,,人民就是江山。\n"
# Seed 002, line 5: a breadcrumb line whose colon is half-width.
BREADCRUMB = "当前位置: 奋斗百年路 启航新征程>学党史 悟思想 办实事 开新局>先进典型\n"
# Seed 001, line 135: a photo caption with a half-width comma.
CAPTION = "现场体验实弹射击,接受军事训练。 高淑芳 摄\n"
CLEAN = "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。\n"
# GBK read as UTF-8: 1,170 findings before, most of them one per lost byte.
GARBAGE = SHARED / "corpus" / "external" / "dirty" / "mnbvc_charset_002.txt"


def lint(text, **config):
    return Linter(Config(**config)).lint(Document(text))


def flagged(text, findings):
    return [(f.code, text[f.start : f.end]) for f in findings]


def test_doubled_half_width_comma_is_one_finding():
    assert flagged(DOUBLED, lint(DOUBLED, select=("P",))) == [("P101", ",,")]


def test_half_width_comma_before_a_full_stop_is_one_finding():
    text = "全心全意为人民服务是我们党百年不变的宗旨,。\n"  # seed 003, line 146 (simplified)
    assert flagged(text, lint(text, select=("P",))) == [("P102", ",。")]


def test_the_inner_finding_is_reported_when_the_outer_rule_does_not_run():
    assert [f.code for f in lint(DOUBLED, select=("P",), ignore=("P101",))] == ["P103", "P103"]
    assert [f.code for f in lint(DOUBLED, select=("P103",))] == ["P103", "P103"]


def test_a_dropped_breadcrumb_line_is_one_finding():
    text = BREADCRUMB + "\n" + CLEAN
    assert [f.code for f in lint(text)] == ["B102"]  # not the half-width ':' inside it


def test_an_unsafe_outer_fix_does_not_hide_a_safe_inner_one():
    # --fix would fix the comma alone, so the report lists it; the caption's drop needs
    # --unsafe-fixes. What --fix fixes is what the report marks [*].
    text = CLEAN + "\n" + CAPTION
    linter = Linter(Config())
    findings = linter.lint(Document(text))
    assert flagged(text, findings) == [("B105", CAPTION), ("P103", ",")]
    safe = linter.fix(Document(text))
    assert [f.code for f in safe.fixed] == ["P103"]
    assert safe.text == CLEAN + "\n" + CAPTION.replace(",", "，")
    unsafe = linter.fix(Document(text), unsafe=True)
    assert [f.code for f in unsafe.fixed] == ["B105"]  # the comma goes with its line
    assert CAPTION[:8] not in unsafe.text


def finding(code, start, end, applicability=None, content=""):
    fix = Fix(applicability, (Edit(start, end, content),)) if applicability else None
    return Finding(code, code.lower(), Severity.WARNING, start, end, code, fix)


def test_an_unsafe_outer_fix_covers_findings_without_a_safe_fix():
    outer = finding("B105", 0, 20, Applicability.UNSAFE)
    unfixable = finding("P104", 3, 4)
    unsafe = finding("T105", 6, 7, Applicability.UNSAFE)
    safe = finding("P103", 9, 10, Applicability.SAFE, "，")
    assert reported([outer, unfixable, unsafe, safe]) == [outer, safe]


def test_a_fix_that_moves_text_covers_nothing():
    # broken-paragraph deletes a caption between the halves and writes it after them.
    text = (SEEDS / "004_9fc1004924d35701.txt").read_text(encoding="utf-8")
    findings = Linter(Config()).lint(Document(text))
    caption = [f for f in findings if text[f.start : f.end].startswith("救援人员帮助打扫卫生")]
    assert [f.code for f in caption] == ["B105"]


def test_equal_spans_and_points_at_an_edge_stay():
    a = finding("P101", 2, 4, Applicability.SAFE, "，")
    b = finding("P102", 2, 4, Applicability.SAFE, "。")
    point = finding("T203", 4, 4, Applicability.SAFE, "\n")
    assert reported([a, b, point]) == [a, b, point]


def covered_by_definition(findings, owners, judged):
    """The findings inside another finding's fix, straight from the module's definition: each
    finding against each cover, no sweep."""
    covered = set()
    for index, inner in enumerate(findings):
        if judged[index]:
            continue
        for owner in owners:
            outer = findings[owner]
            if outer.fix is None or (outer.start, outer.end) == (inner.start, inner.end):
                continue
            inner_safe = inner.fix is not None and inner.fix.applicability is Applicability.SAFE
            if outer.fix.applicability is Applicability.UNSAFE and inner_safe:
                continue  # --fix applies the inner fix alone
            writing = sum(1 for edit in outer.fix.edits if edit.content)
            for edit in outer.fix.edits:
                if edit.start == edit.end or writing - bool(edit.content):
                    continue
                if inner.start == inner.end:
                    inside = edit.start < inner.start < edit.end
                else:
                    inside = edit.start <= inner.start and inner.end <= edit.end
                if inside:
                    covered.add(index)
    return covered


def reported_by_definition(findings, verdicts):
    judged = [f.code in verdicts for f in findings]
    covered = covered_by_definition(findings, range(len(findings)), judged)
    if covered:
        outer = [i for i in range(len(findings)) if i not in covered]
        covered = covered_by_definition(findings, outer, judged)
    return [f for i, f in enumerate(findings) if i not in covered]


def test_the_sweep_reports_what_the_definition_says():
    # Crowded spans on a short text: nested, equal and overlapping spans, points, fixes whose
    # edits lie outside their finding, safe and unsafe, and a verdict.
    rng = random.Random(17)
    for _ in range(3000):
        findings = []
        for _ in range(rng.randint(2, 9)):
            start = rng.randint(0, 12)
            end = start + rng.choice([0, 1, 1, 2, 3, 6, 12])
            applicability = rng.choice([None, Applicability.SAFE, Applicability.UNSAFE])
            fix = None
            if applicability is not None:
                edits = [Edit(start, end, rng.choice(["", "，"]))]
                if rng.random() < 0.3:  # another edit, anywhere: it may write or delete
                    other = rng.randint(0, 14)
                    edits.append(Edit(other, other + rng.randint(0, 8), rng.choice(["", "\n"])))
                fix = Fix(applicability, tuple(edits))
            code = rng.choice(["P101", "P103", "B105", "Q102"])
            findings.append(Finding(code, code, Severity.WARNING, start, end, code, fix))
        findings.sort(key=lambda f: (f.start, f.end, f.code))
        verdicts = {"Q102"} if rng.random() < 0.2 else set()  # lists all: under 10 findings
        assert reported(findings, verdicts) == reported_by_definition(findings, verdicts)


def test_fix_counts_one_fix_per_defect_on_the_seeds():
    # ",," becomes "," (P101), then "，" (P103): the second pass finishes the same defect.
    linter = Linter(Config())
    for seed in sorted(SEEDS.glob("*.txt")):
        (doc,) = read_text_file(seed).documents
        fixable = [f for f in linter.lint(doc) if f.fix and f.fix.applicability == "safe"]
        result = linter.fix(doc)
        assert len(result.fixed) == len(fixable), seed.name
        assert not [f for f in result.remaining if f.fix and f.fix.applicability == "safe"]


def test_the_cli_fix_says_what_check_said(tmp_path):
    (tmp_path / "a.txt").write_text(DOUBLED + CLEAN, encoding="utf-8")
    check = run_cli("check", str(tmp_path), "--no-cache", "--select", "P")
    assert "Found 1 finding in 1 of 1 file (1 fixable with --fix [*])." in check.stdout
    fixed = run_cli("check", str(tmp_path), "--no-cache", "--select", "P", "--fix")
    assert "Fixed 1 finding." in fixed.stdout
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("江山就是人民，人民")


def test_the_gate_counts_defects(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DOUBLED, encoding="utf-8")
    assert run_cli("check", str(path), "--no-cache", "--max-findings", "1").returncode == 0
    stats = json.loads(
        run_cli("check", str(path), "--no-cache", "--statistics", "--format", "json").stdout
    )
    assert stats["findings"] == 1 and [r["code"] for r in stats["rules"]] == ["P101"]


def test_a_garbage_document_gets_its_verdict_and_a_few_examples():
    (doc,) = read_text_file(GARBAGE).documents
    linter = Linter(Config())
    findings = linter.lint(doc)
    every = Linter(Config(ignore=("Q102", "L102"))).lint(doc)  # no verdict: all reported
    verdicts = [f for f in findings if f.code in ("Q102", "L102")]
    assert [f.code for f in verdicts] == ["Q102", "L102"]
    listed_unfixable = [f for f in findings if f.fix is None and f not in verdicts]
    assert len(listed_unfixable) == LISTED_WITH_VERDICT
    more = len([f for f in every if f.fix is None]) - LISTED_WITH_VERDICT
    assert more > 1000
    assert verdicts[0].message.endswith(
        f"; {more:,} more findings without a fix in this document not listed"
    )
    assert not verdicts[1].message.endswith("not listed")
    # Every finding with a fix is still listed: --fix applies it.
    assert [f for f in findings if f.fix] == [f for f in every if f.fix]
    assert len(findings) < 40 < len(every)


def test_reporting_is_fast_on_a_document_of_nested_findings():
    # 10,000 dropped lines of 20 characters, each holding 19 fixable marks: 200,000 findings
    # (0.7 s of CPU here; a quadratic pairing would take hours).
    findings = []
    for line in range(0, 200_000, 20):
        findings.append(finding("B101", line, line + 20, Applicability.SAFE))
        marks = range(line + 1, line + 20)
        findings += [finding("P103", i, i + 1, Applicability.SAFE, "，") for i in marks]
    started = time.process_time()
    kept = reported(findings)
    assert [f.code for f in kept] == ["B101"] * 10_000
    assert time.process_time() - started < 10


def test_explain_says_which_rules_judge_a_whole_document():
    registry = load_registry()
    verdicts = sorted(rule.code for rule in registry if rule.document_verdict)
    assert verdicts == ["L102", "Q102"]
    assert "A verdict on the whole document" in rule_markdown(registry.get("Q102"))
    assert "A verdict on the whole document" not in rule_markdown(registry.get("P103"))
