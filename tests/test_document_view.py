"""Document.view computes a derived view once per document, however many rules ask."""

from cnlint.document import Document
from cnlint.engine.linter import derive


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


def test_paragraph_lookups_agree_with_the_paragraph_split():
    """The lookups that find paragraphs from one line (for rules that look at a few places of
    a long document) give exactly the spans of ``doc.paragraphs``, on random texts and on the
    seeds."""
    from hypothesis import given
    from hypothesis import strategies as st

    from conftest import SEEDS

    def agree(text):
        doc = Document(text)
        spans = doc.paragraphs
        assert doc.paragraph_texts == [text[s.start : s.end] for s in spans]
        assert list(doc.paragraphs_before()) == spans[::-1]
        for index, span in enumerate(spans):
            for offset in (span.start, span.end - 1):
                assert doc.paragraph_at(offset) == span
                assert doc.paragraph_index(offset) == index
                assert list(doc.paragraphs_after(offset)) == spans[index + 1 :]
            assert list(doc.paragraphs_before(span.end)) == spans[index::-1]
        # Paragraphs are \n-separated (doc.lines also ends at a lone \r, for positions).
        for start in (0, *(i + 1 for i, char in enumerate(text) if char == "\n")):
            paragraph = doc.paragraph_on_line(start, doc.line_end(start))
            assert paragraph == (doc.paragraph_at(start) if paragraph else None)
        inside = [o for s in spans for o in range(s.start, s.end, 3)]
        grouped = doc.group_by_paragraph(inside)
        assert list(grouped) == [s for s in spans if range(s.start, s.end, 3)]
        assert [o for offsets in grouped.values() for o in offsets] == inside

    alphabet = st.sampled_from(list(" \t\r\n\u3000\u00a0\x0b\x1c\u2028ab中文，"))
    given(st.text(alphabet))(agree)()
    for seed in sorted(SEEDS.glob("*.txt")):
        agree(seed.read_text(encoding="utf-8"))


def test_line_spans_end_at_every_line_break():
    # Lines end at \n, \r\n and a lone \r and exclude it; texts without \r take a shorter way.
    from hypothesis import given
    from hypothesis import strategies as st

    from conftest import SEEDS

    def by_splitlines(text):
        spans, start = [], 0
        for line in text.splitlines(keepends=True):
            content = line.rstrip("\r\n")
            spans.append((start, start + len(content)))
            start += len(line)
        if not text or text[-1] in "\r\n":
            spans.append((start, start))  # the empty line after a final line break
        return spans

    def check(text):
        assert [(s.start, s.end) for s in Document(text).lines] == by_splitlines(text)

    alphabet = st.sampled_from(list(" \r\n中文，"))
    given(st.text(alphabet))(check)()
    for seed in sorted(SEEDS.glob("*.txt")):
        check(seed.read_text(encoding="utf-8"))
        check(seed.read_text(encoding="utf-8").replace("\n", "\r\n"))
