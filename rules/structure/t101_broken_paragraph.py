"""T101 broken-paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import HAN_CHAR
from cnlint.document import Span
from cnlint.patterns import regex
from cnlint.rules._text.blocks import (
    OPEN_MARKS,
    continuation_index,
    ends_in_field,
    is_open_prose,
    punctuates_paragraph_ends,
)
from cnlint.rules._text.open_prose import continued, open_prose


class BrokenParagraph(Rule):
    code = "T101"
    name = "broken-paragraph"
    summary = "A sentence cut by page layout and continued in the next paragraph: 由区总 ⏎ 工会牵头"
    why = (
        "Print and web layouts break lines at the column edge; extraction turns the break into "
        "a paragraph break, often mid-word (实施改 ⏎ 造). The halves become two 'paragraphs' "
        "that each look like a defective sentence, which spoils sentence splitting, "
        "paragraph-level deduplication and any model that learns from paragraph boundaries. "
        "Flagged only when a prose line stops where no sentence can end (on a Han character, "
        "a comma or an opening mark) and the next paragraph carries on as prose; headings, "
        "bylines, captions, list items and label：value fields are never taken for cut "
        "sentences. Nor is a line in a list of titles (short lines without stops, one after "
        "another), or a line whose tail after its last stop is a tag that ends other lines "
        "too (…没有了。白马书院: a site's watermark). A photo caption between the halves "
        "(彰德 ⏎ caption ⏎ 路64号院) is looked through. The document's own layout decides "
        "the rest: a text that ends many of its lines on a comma (aligned parallel text, a "
        "clause a line) breaks there on purpose; in a text that indents its paragraphs, an "
        "indented line under a short open one starts a new paragraph (a newspaper's subhead "
        "or standfirst over its body); and an audience cue between the lines (（笑声）) is a "
        "pause in a transcript, not a cut."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Joins the halves by deleting the break between them. A caption that stood between "
        "them is moved, unchanged, after the joined paragraph (photo-caption decides whether "
        "to drop it). Unsafe: the judgement that the halves belong together is heuristic."
    )
    triggers = "\n"
    examples = Examples(
        clean=[
            # seed 001 lines 21-23: a heading, then its paragraph
            "“爱心驿站”全天候 便民服务“不打烊”\n\n在党史学习教育中,离石区结合文明城市创建。\n",
            # a list introduced by a colon
            "这样的生动实践在山阴大地遍地开花:\n\n山阴县人民法院深入辖区社区进行普法宣传教育。\n",
            # a caption line that ends with 摄 is not a cut sentence
            "现场体验实弹射击,接受军事训练。 高淑芳 摄\n\n活动开始,全体党员重温了入党誓词。\n",
        ],
        bad=[
            Bad(
                # seed 001 lines 23-25
                "把“我为群众办实事”落实在改善一线工作者劳动条件和工作环境上。由区总\n\n"
                "工会牵头、充分利用社区党群服务中心。\n",
                fixed="把“我为群众办实事”落实在改善一线工作者劳动条件和工作环境上。由区总"
                "工会牵头、充分利用社区党群服务中心。\n",
                flagged=["由区总"],
            ),
            Bad(
                # seed 004 lines 125-131: a photo caption between the halves
                "“这是暴雨之后最美的灯光。”看着亮起的灯光,彰德\n\n\n\n"
                "救援人员帮助打扫卫生(王建党 摄)\n\n路64号院的居民高兴地欢呼。\n",
                fixed="“这是暴雨之后最美的灯光。”看着亮起的灯光,彰德路64号院的居民高兴地欢呼。\n\n"
                "救援人员帮助打扫卫生(王建党 摄)\n",
                flagged=["彰德"],
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # Only open prose lines that go on below can be cut; most documents have none, and
        # then neither the paragraph split nor the document's style are needed.
        cut = [
            span
            for span, paragraph in doc.view(open_prose)
            if is_open_prose(paragraph) and not ends_in_field(paragraph) and continued(doc, span)
        ]
        if not cut:
            return
        spans = doc.paragraphs
        texts = doc.paragraph_texts
        clause_lines = None  # asked once, and only when a line ends on a comma
        for index in (doc.paragraph_index(span.start) for span in cut):
            text = texts[index]
            if text[-1:] in OPEN_MARKS:
                if clause_lines is None:
                    clause_lines = breaks_after_clauses(texts)
                if clause_lines:
                    continue  # the document's own segmentation: a whole clause a line
            following = continuation_index(doc, index, texts)
            if following is None or in_title_list(texts, index, following):
                continue
            if any(CUE.fullmatch(texts[between]) for between in range(index + 1, following)):
                continue  # （笑声） between them: the speaker paused there, nothing was cut
            if is_indented(doc, spans[following]) and starts_paragraph_after(doc, text):
                continue  # the source itself starts a paragraph there: a subhead, a standfirst
            if is_repeated_tag(texts, index):
                continue  # …没有了。白马书院: a site watermark appended to lines, not a cut
            # Asked last: the document's style is a pass over all its paragraphs.
            if not punctuates_paragraph_ends(doc):
                return
            end = spans[index].end
            tail = tail_of(text)
            yield self.finding(
                end - len(tail),
                end,
                f"Paragraph breaks mid-sentence after {tail!r}; it goes on in line "
                f"{doc.position(spans[following].start)[0]}",
                edits=join_edits(doc, index, following),
                title="Join the halves",
            )


# A list of post titles or menu entries is a run of short lines without final marks; one of
# them running into the next is not a sentence cut by layout (dirty/tieba_linux_002.txt).
MAX_TITLE = 40
SENTENCE_STOPS = frozenset("。！？!?；;…")
MAX_TAG = 8
# An audience or stage cue on its own line in a transcript: （笑声）, （掌声）, (Laughter).
CUE = regex(r"[(（][^()（）\s摄]{1,8}[)）]")
# A document that ends this many lines, and this share of its lines, on a comma breaks its
# lines after clauses by design.
MIN_CLAUSE_LINES = 3
# A document indents its paragraphs when this many, and this share, of them are indented.
MIN_INDENTED = 3
INDENTED_SHARE = 0.5
# An open line shorter than this share of the document's median paragraph is no layout cut.
SUBHEAD_SHARE = 0.6
CLAUSE_LINE_SHARE = 0.15
LAST_STOP = regex("[。！？!?；;]")


def in_title_list(texts: list[str], index: int, following: int) -> bool:
    """The open line and its continuation are short and unterminated, and so is a neighbour."""
    if not (is_title_like(texts[index]) and is_title_like(texts[following])):
        return False
    before = index > 0 and is_title_like(texts[index - 1])
    after = following + 1 < len(texts) and is_title_like(texts[following + 1])
    return before or after


def is_indented(doc: Document, span: Span) -> bool:
    return span.start > 0 and doc.text[span.start - 1] != "\n"


def starts_paragraph_after(doc: Document, text: str) -> bool:
    """Is an indented line after the open line ``text`` a paragraph the source began?

    In a document that indents its paragraphs (　　 in a newspaper archive), an open line much
    shorter than its paragraphs is a subhead or a standfirst (…深化收入分配制度改革), and the
    indented line below it starts the section's body. A line cut by a page's width is as long
    as the lines around it, and a hard-wrapped book indents every line, cut or not.
    """
    spans = doc.paragraphs
    indented = sum(is_indented(doc, span) for span in spans)
    if indented < MIN_INDENTED or indented < INDENTED_SHARE * len(spans):
        return False
    lengths = sorted(span.end - span.start for span in spans)
    return len(text) < SUBHEAD_SHARE * lengths[len(lengths) // 2]


def breaks_after_clauses(texts: list[str]) -> bool:
    """Does the document end many of its lines on a comma, as its own way of laying out text?

    Aligned parallel text (a New Year address: 25 of 68 lines end in ，), verse and clause-
    per-line layouts break after clauses on purpose; a layout cut falls after a comma once in
    a while, among lines that end with stops.
    """
    ends = sum(text[-1:] in OPEN_MARKS for text in texts)
    return ends >= MIN_CLAUSE_LINES and ends >= CLAUSE_LINE_SHARE * len(texts)


def is_title_like(text: str) -> bool:
    # A title may end with a bracket (…色彩问题)), never with a sentence's stop.
    return len(text) <= MAX_TITLE and text[-1:] not in SENTENCE_STOPS


def is_repeated_tag(texts: list[str], index: int) -> bool:
    """The text after the line's last stop is a short tag that ends other lines too.

    A site stamps its name after sentences (…没有了。白马书院, …出水面。白马_书院): the same
    few characters, spelled with or without separators, at the end of several lines.
    """
    text = texts[index]
    stops = list(LAST_STOP.finditer(text))
    if not stops:
        return False
    tag = han_only(text[stops[-1].end() :])
    if not tag or len(tag) > MAX_TAG:
        return False
    tails = [other[-2 * MAX_TAG :] for other in texts]
    # Most tails do not even hold the tag's last character: that test is cheap, han_only not.
    return sum(tag[-1] in tail and han_only(tail).endswith(tag) for tail in tails) >= 2


def han_only(text: str) -> str:
    return "".join(HAN_CHAR.findall(text))


def tail_of(text: str, size: int = 3) -> str:
    """The last few characters of a cut line, up to the last mark (what the finding points at)."""
    tail = text[-size:]
    for position in range(len(tail) - 1, -1, -1):
        if not HAN_CHAR.match(tail[position]):
            return tail[position + 1 :] or tail[-1:]
    return tail


def join_edits(doc: Document, index: int, following: int) -> list[Edit]:
    """Delete the break between the halves; captions in between go after the joined paragraph."""
    spans = doc.paragraphs
    first, second = spans[index], spans[following]
    edits = [Edit(first.end, second.start, "")]
    captions = [doc.slice(spans[i]) for i in range(index + 1, following)]
    if captions:
        gap = doc.text[first.end : second.start]
        newline = "\r\n" if "\r\n" in gap else "\n"  # a CRLF file stays CRLF
        separator = newline * 2 if gap.count("\n") >= 2 else newline
        edits.append(Edit(second.end, second.end, "".join(separator + c for c in captions)))
    return edits
