"""The trigger gate never skips a rule that its own triggers say can fire."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cnlint.finding import FixSafety
from cnlint.gate import TriggerGate
from cnlint.linter import Linter
from cnlint.rule import Examples, Rule

from conftest import SEEDS

LINTER = Linter()
TRIGGER_CHARS = sorted(
    {c for rule in LINTER.rules for t in (type(rule).triggers or ()) for c in t} | {"𠀀", "中"}
)
SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def texts():
    pieces = st.one_of(st.sampled_from(TRIGGER_CHARS), st.sampled_from(SEED_LINES), st.text())
    return st.lists(pieces, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_gate_runs_every_rule_whose_triggers_occur(text):
    present = LINTER.gate.present(text)
    for rule in LINTER.rules:
        if rule.applies_to(text):
            assert LINTER.gate.runs(rule, text, present), (rule.code, text)


class Astral(Rule):
    """A rule triggered by a character beyond the BMP (a surrogate pair in UTF-16)."""

    code = "X901"
    name = "astral-test"
    summary = "test rule"
    why = "Exercises the gate's handling of characters outside the Basic Multilingual Plane."
    fix_safety = FixSafety.NONE
    triggers = ("𠀀", "全角")
    examples = Examples()


def test_gate_handles_astral_characters_and_substrings():
    rule = Astral()
    gate = TriggerGate([rule])
    for text, expected in [
        ("前有𠀀字", True),
        ("前有\U00020001字", False),
        ("全角字符", True),
        ("全部", False),
        ("", False),
    ]:
        assert gate.runs(rule, text, gate.present(text)) is expected, text


def test_gate_on_seed_lines_is_exact_for_character_triggers():
    for line in SEED_LINES:
        present = LINTER.gate.present(line)
        for rule in LINTER.rules:
            assert LINTER.gate.runs(rule, line, present) == rule.applies_to(line)
