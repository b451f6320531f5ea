"""The engine's own mechanics: positions, choosing and applying edits, fix passes."""

import gc
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnlint import Document, Edit, Finding, Fix, FixSafety, Rule, Severity, fix, lint
from cnlint.config import Config
from cnlint.engine.fixer import apply_edits, choose_fixes
from cnlint.engine.linter import FixNotConverging, Linter
from cnlint.engine.registry import Registry
from cnlint.finding import Applicability


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


def overlaps(a, b):
    """The definition the engine implements: a shared character, an insertion strictly inside
    a replaced range, or two insertions at one point."""
    if a.start == a.end == b.start == b.end:
        return True
    return a.start < b.end and b.start < a.end


def choose_fixes_pairwise(findings):
    """The choice by comparing each edit with every taken one (the quadratic reference)."""
    chosen, taken = [], []
    for candidate in sorted(findings, key=lambda f: (f.start, f.end)):
        if candidate.fix is None:
            continue
        if any(overlaps(edit, other) for edit in candidate.fix.edits for other in taken):
            continue
        chosen.append(candidate)
        taken.extend(candidate.fix.edits)
    return chosen


edit_spans = st.tuples(st.integers(0, 30), st.integers(0, 4)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.lists(edit_spans, min_size=0, max_size=3), max_size=25))
def test_choose_fixes_picks_exactly_what_pairwise_comparison_picks(fixes):
    findings = []
    for spans in fixes:
        edits = [(start, end, "，") for start, end in spans]
        start = min((s for s, _ in spans), default=0)
        end = max((e for _, e in spans), default=0)
        findings.append(finding(start, end, *edits))
    assert choose_fixes(findings) == choose_fixes_pairwise(findings)


def pathological(shape, size):
    """Rule-shaped findings on a text of ``size`` characters, as the worst texts give them:
    one fix per character ("中," repeated), every fix overlapping the next ("，，" repeated),
    two insertions at every other point, and paragraphs dropped whole with a fix refused at
    every character inside them."""
    if shape == "disjoint":
        return [finding(i, i + 1, (i, i + 1, "，")) for i in range(1, size, 2)]
    if shape == "chained":
        return [finding(i, i + 2, (i, i + 2, "，")) for i in range(size - 1)]
    if shape == "insertions":
        return [finding(i, i, (i, i, x)) for i in range(0, size, 2) for x in "\n "]
    paragraphs = range(0, size - 64, 64)  # a paragraph dropped whole, its commas refused
    return [
        finding(i, i + 1, (i, i + 1, "，")) if i > p else finding(p, p + 64, (p, p + 64, ""))
        for p in paragraphs
        for i in range(p, p + 64)
    ]


def seconds_per_char(shape, size):
    """CPU time, the best of a few runs: on a shared machine, the least disturbed.

    The collector is off while a million findings are built and chosen, as it is not the
    engine's cost being measured (its full collections grow with every object alive).
    """
    gc.disable()
    try:
        return best_time(pathological(shape, size), size) / size
    finally:
        gc.enable()


def best_time(findings, size):
    text = "中," * (size // 2)
    best = float("inf")
    for _ in range(3 if size < 1_000_000 else 1):
        started = time.process_time()
        chosen = choose_fixes(findings)
        apply_edits(text, [e for f in chosen for e in f.fix.edits])
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("shape", ["disjoint", "chained", "insertions", "refused"])
def test_choosing_and_applying_fixes_takes_linear_time(shape):
    # 16 KB to 4 MB of text (UTF-8 bytes of CJK: 3 per character); ratios, not a time limit.
    sizes = [16_384 // 3 * 4, 4 * 2**20 // 3]
    small, large = (seconds_per_char(shape, size) for size in sizes)
    assert large <= 2 * small, f"{shape}: {large / small:.2f}x the time per MB at 4 MB"
    print(f"{shape}: {large / small:.2f}x the time per MB at 4 MB as at 16 KB")


def test_fixing_converges_on_many_repeated_paragraphs():
    # Seed 000, line 3: duplicate-paragraph drops one copy of a run per pass.
    paragraph = "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点。"
    paragraph += "\n"
    for copies in (12, 14, 40):
        fixed = fix(paragraph * copies)
        assert fixed == paragraph, copies
        assert fix(fixed) == fixed


class Flip(Rule):
    """Turns 甲 into 乙 and 乙 into 甲: fixes that undo each other, pass after pass."""

    code = "X902"
    name = "flip"
    summary = "swaps two characters"
    why = "Stands for two rules whose fixes undo each other."
    fix_safety = FixSafety.SAFE

    def check(self, doc):
        for index, char in enumerate(doc.text):
            if char in "甲乙":
                yield self.finding(index, index + 1, "flip", replacement="乙甲"["甲乙".index(char)])


def test_fixes_that_undo_each_other_are_an_error_not_a_silent_stop():
    linter = Linter(Config().with_overrides(select=("X902",)), Registry([Flip]))
    with pytest.raises(FixNotConverging, match="X902"):
        linter.fix(Document("甲方与乙方签订责任书。\n"))


def test_findings_built_through_their_slots_keep_the_dataclass_contract():
    import dataclasses
    import inspect
    import pickle

    made = Finding(
        code="P103", name="halfwidth-punctuation", severity=Severity.WARNING, start=3, end=4,
        message="半角逗号", fix=Fix(Applicability.SAFE, (Edit(3, 4, ","),), title="全角"),
    )  # fmt: skip
    # The parameters, their order and defaults are the fields'.
    for cls in (Finding, Fix, Edit):
        names = [f.name for f in dataclasses.fields(cls)]
        assert list(inspect.signature(cls).parameters) == names
    assert Finding("P103", "n", Severity.INFO, 0, 1, "m").fix is None
    assert Fix(Applicability.UNSAFE, ()) == Fix(Applicability.UNSAFE, (), "", None)
    assert (made.code, made.start, made.fix.edits[0].content) == ("P103", 3, ",")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0
    moved = dataclasses.replace(made, start=2)
    assert (moved.start, moved.end, moved.fix) == (2, 4, made.fix)
    back = pickle.loads(pickle.dumps(made))
    assert back == made and hash(back) == hash(made)
