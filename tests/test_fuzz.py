"""Fuzzing the engine (Hypothesis, fixed budget, derandomized): documents that mix Chinese
text, punctuation, control characters, lone surrogates, emoji and combining marks, through the
library and through the CLI. No exception escapes, exit codes are 0, 1 or 2, every finding's
line and column point at its text, and fixing twice changes nothing the first fix did not.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.run import process_source
from cnlint.inputs.sources import SourceOptions, parse_source

from conftest import SEEDS, run_cli

SEED_TEXT = (SEEDS / "000_35d55cf4af66c7c1.txt").read_text(encoding="utf-8")
PIECES = {
    "cjk": sorted({c for c in SEED_TEXT if "\u4e00" <= c <= "\u9fff"})[:400],
    "punctuation": list("，。、；：？！“”‘’（）《》【】…—·,.;:?!\"'()[]<>-~ \u3000"),
    "controls": [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]
    + ["\x85", "\u200b", "\u200d", "\u2028", "\ufeff", "\r", "\n", "\r\n", "\t"],
    "surrogates": ["\ud800", "\udbff", "\udc00", "\udfff"],
    "emoji": ["\U0001f600", "\U0001f1e8\U0001f1f3", "\U0001f468\u200d\U0001f469", "\u2764\ufe0f"],
    "combining": ["\u0301", "\u0308", "\u20dd", "\u3099", "e\u0301", "\u0e31"],
}
BUDGET = settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LINTER = Linter(Config(select=("ALL",)))


@st.composite
def documents(draw, kinds=tuple(PIECES)):
    """Runs of seed text cut at random, with pieces of every kind spliced in."""
    start = draw(st.integers(0, len(SEED_TEXT) - 1))
    text = SEED_TEXT[start : start + draw(st.integers(0, 120))]
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(PIECES[draw(st.sampled_from(kinds))]))
        text = text[:at] + piece * draw(st.integers(1, 3)) + text[at:]
    return text


def check_positions(doc, findings):
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(doc.text), finding
        line, column = doc.position(finding.start)
        assert doc.line_starts[line - 1] + column - 1 == finding.start, finding


def as_jsonl(*texts):
    """Records as a crawler writes them; escapes carry what UTF-8 cannot (lone surrogates)."""
    return "".join(json.dumps({"text": t}) + "\n" for t in texts).encode()


def run(raw, fix):
    source = parse_source(raw, "fuzz.jsonl", SourceOptions(), "fuzz.jsonl")
    assert not source.problems
    return process_source(source, LINTER, fix=fix, unsafe=False, write=False)


def check_library(text):
    checked = run(as_jsonl(text), fix=False)
    assert checked.error is None
    check_positions(checked.documents[0].doc, checked.documents[0].findings)
    fixed = run(as_jsonl(text), fix=True)
    assert fixed.error is None
    once = fixed.documents[0]
    check_positions(once.doc, once.findings)
    again = run(as_jsonl(once.doc.text), fix=True).documents[0]
    assert again.doc.text == once.doc.text


@BUDGET
@given(documents(kinds=tuple(k for k in PIECES if k != "surrogates")))
def test_library_never_raises_positions_hold_and_fixes_are_idempotent(text):
    check_library(text)


# Rule bugs the fuzzing found, kept as regression cases: a lone surrogate, which a JSON escape
# (\ud800) puts in a record's text, made S101 (OpenCC) and D102 (its sketch) encode and raise.
SURROGATE_BUGS = [
    pytest.param("民生無小事\ud800", id="S101-opencc"),
    pytest.param("\ud800," + SEED_TEXT[SEED_TEXT.index("枝叶总关情") :][:120], id="D102-sketch"),
]


@pytest.mark.parametrize("text", SURROGATE_BUGS)
def test_lone_surrogates_found_by_fuzzing(text):
    check_library(text)


@BUDGET
@given(documents())
def test_library_with_lone_surrogates(text):
    check_library(text)


@settings(max_examples=3, derandomize=True, deadline=None)
@given(st.lists(documents(), min_size=2, max_size=6))
def test_cli_never_tracebacks_exits_0_1_or_2_and_fixes_once(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "records.jsonl").write_bytes(as_jsonl(*texts))
    for index, text in enumerate(texts):  # .txt cannot hold a lone surrogate: UTF-8 only
        (folder / f"doc{index}.txt").write_bytes(text.encode("utf-8", "replace"))
    common = ("--select", "ALL", "--no-cache", "--format", "json", str(folder))
    fixed = None
    for args in (("check",), ("check", "--fix", "-j", "2"), ("check", "--fix")):
        result = run_cli(*args, *common)
        assert result.returncode in (0, 1, 2), result.stderr
        assert "Traceback" not in result.stderr
        json.loads(result.stdout)
        files = {p.name: p.read_bytes() for p in folder.iterdir()}
        assert fixed is None or files == fixed  # the second --fix changes nothing
        fixed = files if "--fix" in args else None
