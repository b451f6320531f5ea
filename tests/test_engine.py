"""The engine's own mechanics: positions, choosing and applying edits, fix passes."""

from cnlint import Document, Edit, Finding, Fix, Severity, fix, lint
from cnlint.finding import Applicability
from cnlint.fixer import apply_edits, choose_fixes


def finding(start, end, *edits):
    fixed = Fix(Applicability.SAFE, tuple(Edit(*e) for e in edits)) if edits else None
    return Finding("P999", "demo", Severity.WARNING, start, end, "demo", fixed)


def test_positions_are_one_based_and_count_characters():
    doc = Document("第一行\r\n第二行,有逗号\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(doc.text.index(",")) == (2, 4)
    assert [doc.slice(s) for s in doc.lines] == ["第一行", "第二行,有逗号", ""]


def test_paragraphs_trim_indentation():
    doc = Document("\u3000\u3000段首缩进。\n\n  \n第二段 \n")
    assert [doc.slice(p) for p in doc.paragraphs] == ["段首缩进。", "第二段"]


def test_overlapping_fixes_are_deferred_not_merged():
    first = finding(0, 2, (0, 2, "，"))
    overlapping = finding(1, 3, (1, 3, "；"))
    separate = finding(5, 6, (5, 6, "！"))
    assert choose_fixes([overlapping, separate, first]) == [first, separate]


def test_insertions_at_one_point_conflict():
    a = finding(3, 3, (3, 3, "\n"))
    b = finding(3, 3, (3, 3, "x"))
    assert choose_fixes([a, b]) == [a]


def test_apply_edits_keeps_everything_else():
    assert apply_edits("利民之事,,丝发", [Edit(4, 6, ","), Edit(6, 6, "")]) == "利民之事,丝发"


def test_fix_passes_reach_a_stable_text():
    # ",;" collapses to ";" in one pass; the next pass makes it full-width.
    text = "贫困户所需所盼,;农田管理。\n"
    assert fix(text) == "贫困户所需所盼；农田管理。\n"
    assert fix(fix(text)) == fix(text)
    assert not [f for f in lint(fix(text)) if f.fix]
