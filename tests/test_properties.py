"""Property tests (hypothesis, fixed budget, derandomized so CI runs the same examples).

On random Unicode and on seed paragraphs with defects mutated in: linting never raises, fixing
is idempotent, a fix leaves no safe-fixable finding, a safe fix edits only inside its finding's
span, and a JSONL file whose texts do not change is written back byte for byte.
"""

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.fixer import choose_fixes
from cnlint.engine.linter import Linter
from cnlint.finding import Applicability
from cnlint.inputs.sources import SourceError, SourceOptions, parse_source

from conftest import SEEDS

BUDGET = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LINTER = Linter(Config(select=("ALL",)))

PARAGRAPHS = [
    line.strip()
    for seed in sorted(Path(SEEDS).glob("*.txt"))
    for line in seed.read_text(encoding="utf-8").splitlines()
    if len(line.strip()) > 8
]
# The defects of the seeds (D1-D19) and their neighbours, as pieces to splice into clean text.
DEFECTS = [
    ",", ",,", ",;", ",。", ":", "!", "?", "(", ")", "...", "。。。", "……", "——", " ", "\u3000",
    "\n", "\n\n\n", "\t", "\r\n", "(fā)", "(jìn)", "發", "實", "黨員", "&nbsp;", "&amp;", "<br>",
    "\ufeff", "\u200b", "\ufffd", "锟斤拷", "ＡＢＣ１２３", "涓枃", "and", "GDP", "1,000", "08:31",
    "http://x.cn/a,b", "“", "”", "《", "》", "（", "【", "• 手机下载", "当前位置:", "版权所有",
    "□ 王晶晶", "(王建党 摄)", "ア", "한", "Я", "\x00", "\ud7ff", "\U0001f600",
]  # fmt: skip


@st.composite
def mutated_paragraphs(draw):
    """One to three seed paragraphs with defects inserted and pieces deleted or repeated."""
    lines = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=3))
    text = "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(DEFECTS)) + text[at:]
        else:
            end = min(len(text), at + draw(st.integers(1, 12)))
            piece = "" if kind == "delete" else text[at:end] * 2
            text = text[:at] + piece + text[end:]
    return text


any_text = st.one_of(
    st.text(max_size=300),
    st.text(st.sampled_from("中文，。、,.;:!?()“”《》 \n\u3000發实黨ａ1"), max_size=300),
    mutated_paragraphs(),
)


@BUDGET
@given(any_text)
def test_lint_never_raises_and_positions_are_valid(text):
    doc = Document(text)
    for finding in LINTER.lint(doc):
        assert 0 <= finding.start <= finding.end <= len(text)
        doc.position(finding.start)


@BUDGET
@given(any_text)
def test_fix_is_idempotent_and_leaves_no_safe_fixable_finding(text):
    once = LINTER.fix(Document(text))
    assert not [f for f in once.remaining if f.fix and f.fix.applicability is Applicability.SAFE]
    twice = LINTER.fix(Document(once.text, encoding=once.encoding))
    assert twice.text == once.text
    assert not twice.fixed


@BUDGET
@given(any_text)
def test_a_safe_fix_edits_only_inside_its_finding(text):
    findings = LINTER.lint(Document(text))
    safe = [f for f in findings if f.fix and f.fix.applicability is Applicability.SAFE]
    for finding in choose_fixes(safe):
        for edit in finding.fix.edits:
            assert finding.start <= edit.start <= edit.end <= finding.end, finding


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def jsonl_files(draw):
    """A JSONL file written by some tool: any key order, spacing, escaping, line endings."""
    ensure_ascii = draw(st.booleans())
    separators = draw(st.sampled_from([(", ", ": "), (",", ":")]))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    lines = []
    for number in range(draw(st.integers(1, 4))):
        extra = draw(
            st.dictionaries(
                st.text(max_size=6).filter(lambda k: k not in ("text", "id")),
                json_values,
                max_size=3,
            )
        )
        fields = [("id", number), ("text", draw(any_text)), *extra.items()]
        fields = draw(st.permutations(fields))
        lines.append(json.dumps(dict(fields), ensure_ascii=ensure_ascii, separators=separators))
    return (ending.join(lines) + draw(st.sampled_from(["", ending]))).encode("utf-8")


@BUDGET
@given(jsonl_files())
def test_jsonl_round_trip_without_changes_is_byte_identical(raw):
    source = parse_source(raw, "x.jsonl", SourceOptions())
    assert not source.problems
    assert source.render([d.text for d in source.documents], "utf-8") == raw


@BUDGET
@given(jsonl_files(), st.data())
def test_jsonl_changed_text_leaves_every_other_field_and_record_alone(raw, data):
    source = parse_source(raw, "x.jsonl", SourceOptions())
    index = data.draw(st.integers(0, len(source.documents) - 1))
    texts = [d.text for d in source.documents]
    texts[index] = data.draw(any_text)
    new = source.render(texts, "utf-8")
    old_lines, new_lines = raw.split(b"\n"), new.split(b"\n")
    assert len(old_lines) == len(new_lines)
    changed_line = source.documents[index].record.line - 1
    for number, (old, line) in enumerate(zip(old_lines, new_lines, strict=True)):
        if number != changed_line:
            assert line == old
    old_record, new_record = (
        json.loads(old_lines[changed_line]),
        json.loads(new_lines[changed_line]),
    )
    assert list(new_record) == list(old_record)
    assert new_record == {**old_record, "text": texts[index]}


@BUDGET
@given(
    st.one_of(st.binary(max_size=400), jsonl_files()),
    st.sampled_from(["x.txt", "x.jsonl", "x.json", "x.jsonl.gz", "x.txt.zst"]),
)
def test_reading_any_bytes_gives_documents_or_a_source_error(raw, name):
    try:
        source = parse_source(raw, name, SourceOptions())
    except SourceError as exc:
        assert "\n" not in str(exc)  # one line, for the report
        return
    assert all("\n" not in problem for problem in source.problems)
    for doc in source.documents:
        LINTER.lint(doc)
