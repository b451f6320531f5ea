"""A fix that replaces a finding's span is built only when something reads ``fix``: linting,
the one-defect step, counts, fix marks and pickles never build it, and once built it is the
Fix that building it at once would have given (equality, hash, repr, pickles)."""

import pickle

import pytest

from cnlint import Document
from cnlint.config import Config
from cnlint.engine.defects import reported
from cnlint.engine.linter import Linter
from cnlint.finding import Applicability, Edit, Finding, Fix, FixSafety, Severity
from cnlint.report.summary import fix_mark
from cnlint.rule import Rule

# Seed 003 (line 11): a doubled half-width comma; P101 and P103 both find it.
DOUBLED = "江山就是人民,,人民就是江山。\n"
# Seed 002, line 5: a breadcrumb line (B102 drops it, a safe fix) with a half-width colon.
BREADCRUMB = "当前位置: 奋斗百年路 启航新征程>学党史 悟思想 办实事 开新局>先进典型\n"
# Seed 001, line 135: a photo caption (B105 drops it, an unsafe fix) with a half-width comma.
CAPTION = "现场体验实弹射击,接受军事训练。 高淑芳 摄\n"


class Widening(Rule):
    code, name, fix_safety = "X950", "widen-comma", FixSafety.SAFE


class Guessing(Rule):
    code, name, fix_safety = "X951", "guess-question", FixSafety.UNSAFE


@pytest.fixture
def built(monkeypatch):
    """The Fix and Edit objects built while the test runs."""
    made: list[object] = []
    for cls in (Fix, Edit):
        init = cls.__init__

        def counting(self, *args, _init=init, **kwargs):
            made.append(self)
            _init(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", counting)
    return made


def test_linting_and_marking_a_replacement_builds_no_fix_until_it_is_read(built):
    findings = Linter(Config(select=("P",))).lint(Document(DOUBLED))
    assert [(f.code, f.start, f.end) for f in findings] == [("P101", 6, 8)]
    assert [fix_mark(f) for f in findings] == ["[*]"]
    assert built == []
    assert [f.fix_applicability for f in findings] == [Applicability.SAFE]
    fix = findings[0].fix
    assert fix == Fix(Applicability.SAFE, (Edit(6, 8, ","),), "Collapse to ','")
    assert findings[0].fix is fix  # built once, then kept
    assert len([f for f in built if isinstance(f, Fix)]) == 2  # this one and the expected one


def test_a_pending_fix_reads_as_the_fix_built_at_once():
    for rule, applicability in (
        (Widening(), Applicability.SAFE),
        (Guessing(), Applicability.UNSAFE),
    ):
        lazy = rule.finding(6, 7, "半角逗号", replacement="，", title="全角")
        eager = Finding(
            rule.code, rule.name, Severity.WARNING, 6, 7, "半角逗号",
            Fix(applicability, (Edit(6, 7, "，"),), "全角"),
        )  # fmt: skip
        assert lazy.fix_applicability is applicability
        assert lazy.edit_spans() == eager.edit_spans() == ((6, 7, "，"),)
        assert hash(lazy) == hash(eager) and repr(lazy) == repr(eager)
        assert lazy == eager and lazy.fix == eager.fix


def test_fixes_given_whole_and_no_fix_answer_the_same_questions():
    edits = Widening().finding(0, 9, "导航", edits=[Edit(0, 5, ""), Edit(7, 9, "")])
    assert edits.fix_applicability is Applicability.SAFE
    assert edits.edit_spans() == ((0, 5, ""), (7, 9, ""))
    plain = Widening().finding(0, 1, "提示")
    assert (plain.fix, plain.fix_applicability, plain.edit_spans()) == (None, None, ())


def test_a_pickled_finding_carries_its_fix_pending(built):
    lazy = Widening().finding(6, 7, "半角逗号", replacement="，", title="全角")
    back = pickle.loads(pickle.dumps(lazy))
    assert built == []
    assert back.fix_applicability is Applicability.SAFE
    assert back == lazy and back.fix == Fix(Applicability.SAFE, (Edit(6, 7, "，"),), "全角")
    pending = pickle.dumps(Widening().finding(6, 7, "半角逗号", replacement="，"))
    assert len(pending) < len(pickle.dumps(back))  # back's fix is built now


def test_one_defect_step_reports_the_same_from_pending_and_built_fixes(built):
    doc = Document(DOUBLED + BREADCRUMB + CAPTION)
    linter = Linter(Config(select=("P", "B")))
    found = sorted(
        (f for rule in linter.rules for f in rule.check(doc)),
        key=lambda f: (f.start, f.end, f.code),
    )
    from_pending = reported(found)
    # Only the two line drops' fixes, which B102 and B105 give whole (edits=).
    assert sorted(type(made).__name__ for made in built) == ["Edit", "Edit", "Fix", "Fix"]
    # Read every fix: the same findings with their fixes built.
    whole = [Finding(f.code, f.name, f.severity, f.start, f.end, f.message, f.fix) for f in found]
    assert reported(whole) == from_pending
    # P101 covers two P103 and the dropped breadcrumb a third; the unsafe caption drop does not
    # cover the safe P103 in it.
    assert len(found) == 7
    assert [(f.code, doc.text[f.start : f.end]) for f in from_pending] == [
        ("P101", ",,"),
        ("B102", BREADCRUMB),
        ("B105", CAPTION),
        ("P103", ","),
    ]
