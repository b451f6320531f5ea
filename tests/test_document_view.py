"""Document.view computes a derived view once per document, however many rules ask."""

from cnlint.document import Document
from cnlint.linter import derive


def test_view_is_computed_once_per_document_and_anew_for_fixed_text():
    # Seed 001's opening line (seeds/001_0303bf1f787c62bf.txt).
    doc = Document("居民外出如厕问题得到解决\n")
    calls = []

    def han_count(d: Document) -> int:
        calls.append(d)
        return sum("\u4e00" <= c <= "\u9fff" for c in d.text)

    assert doc.view(han_count) == doc.view(han_count) == 12
    assert len(calls) == 1
    fixed = derive(doc, "居民外出如厕\n", "utf-8")
    assert fixed.view(han_count) == 6
    assert len(calls) == 2


def test_paragraph_spans_trim_whitespace_like_str_strip():
    from hypothesis import given
    from hypothesis import strategies as st

    def by_strip(text):
        spans, start = [], 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                spans.append((start + lead, start + lead + len(stripped)))
            start += len(line) + 1
        return spans

    alphabet = st.sampled_from(list(" \t\r\n\u3000\u00a0\x0b\x1c\u2028ab中文，"))

    @given(st.text(alphabet))
    def check(text):
        assert [(s.start, s.end) for s in Document(text).paragraphs] == by_strip(text)

    check()
