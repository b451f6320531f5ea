"""Structure rules (T1xx): paragraphs cut by page layout, fragments, truncation, stray spaces."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Rule, Severity
from cnlint.document import Span
from cnlint.rules.blocks import (
    CLOSED_ENDINGS,
    COMMAS,
    HAN_CHAR,
    OPEN_MARKS,
    continuation_index,
    ends_closed,
    ends_in_field,
    ends_open,
    is_caption,
    is_cut_sentence,
    is_furniture,
    is_open_prose,
    is_prose,
    last_stop,
    paragraph_texts,
    punctuates_paragraph_ends,
    starts_as_continuation,
)
from cnlint.rules.chars import HAN

# Whitespace around a paragraph on its line: str.isspace (what the paragraphs are stripped of)
# except the newline, as a regex class body.
LINE_SPACE = r"\t\x0b\x0c\r\x1c-\x1f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


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
        "(彰德 ⏎ caption ⏎ 路64号院) is looked through."
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
            if is_open_prose(paragraph)
            and not ends_in_field(paragraph)
            and continued(doc.text, span)
        ]
        if not cut:
            return
        spans = doc.paragraphs
        texts = paragraph_texts(doc)
        for index in paragraph_indexes(spans, cut):
            text = texts[index]
            following = continuation_index(doc, index, texts)
            if following is None or in_title_list(texts, index, following):
                continue
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
LAST_STOP = re.compile("[。！？!?；;]")


def in_title_list(texts: list[str], index: int, following: int) -> bool:
    """The open line and its continuation are short and unterminated, and so is a neighbour."""
    if not (is_title_like(texts[index]) and is_title_like(texts[following])):
        return False
    before = index > 0 and is_title_like(texts[index - 1])
    after = following + 1 < len(texts) and is_title_like(texts[following + 1])
    return before or after


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


class TruncatedParagraph(Rule):
    code = "T102"
    name = "truncated-paragraph"
    summary = "A paragraph that stops mid-sentence and is not continued: …启动机关 ⏎ (heading)"
    why = (
        "A paragraph cut off mid-sentence is a stray piece of a page (a teaser, a half-copied "
        "block, a paragraph whose end was lost). It teaches a model that sentences may stop "
        "anywhere. Flagged when a prose line stops where no sentence can end and what follows "
        "is not its continuation (a heading, a list, a new section). The last paragraph of a "
        "document is left to truncated-document."
    )
    severity = Severity.WARNING
    triggers = "\n"
    examples = Examples(
        clean=[
            "居民外出如厕问题,看似一件小事。\n\n“家门口”的便民餐厅 居民放心“食无忧”\n",
            # seed 001 lines 53-55: cut, but continued (broken-paragraph's case)
            "加快补齐农村“民生短板”,启动机关\n\n事业单位和社会服务单位厕所对外开放工作。\n",
        ],
        bad=[
            Bad(
                # seed 001 lines 39-41
                "居民外出如厕问题,看似一件小事,但却折射着“大民生”。"
                "真正将群众的利益放在突出的位置,加快补齐农村“民生短板”,启动机关\n\n"
                "“家门口”的便民餐厅 居民放心“食无忧”\n",
                flagged=["启动机关"],
            )
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # Only open prose lines can be cut (see broken-paragraph).
        cut = [
            span
            for span, paragraph in doc.view(open_prose)
            if comma_in_last_sentence(paragraph)
            and is_cut_sentence(paragraph)
            and not continued(doc.text, span)
        ]
        if not cut:
            return
        spans = doc.paragraphs
        texts = paragraph_texts(doc)
        for index in paragraph_indexes(spans, cut):
            text = texts[index]
            if index == len(texts) - 1 or continuation_index(doc, index, texts) is not None:
                continue  # (the last paragraph is truncated-document's)
            if all(is_furniture(t) for t in texts[index + 1 :]):
                continue  # only credits follow: the document's end, truncated-document's case
            # Asked last: the document's style is a pass over all its paragraphs.
            if not punctuates_paragraph_ends(doc):
                return
            end = spans[index].end
            clause = last_clause(text)
            yield self.finding(
                end - len(clause),
                end,
                f"Paragraph stops mid-sentence at {clause[-6:]!r} and is not continued",
            )


def comma_in_last_sentence(text: str) -> bool:
    """What ``blocks.is_cut_sentence`` asks, the cheap part alone: the last, unfinished
    sentence has a comma (before the line's last character). Most lines fail this, and then
    is_cut_sentence need not measure how Chinese the line is."""
    stop = last_stop(text)
    return stop >= 0 and bool(COMMAS.search(text, stop + 1, len(text) - 1))


def last_clause(text: str) -> str:
    """The text after the last punctuation mark: the unfinished clause."""
    for position in range(len(text) - 1, -1, -1):
        if not HAN_CHAR.match(text[position]) and not text[position].isalnum():
            return text[position + 1 :] or text[-1:]
    return text


class TruncatedDocument(Rule):
    code = "T104"
    name = "truncated-document"
    summary = "The document's text stops mid-sentence (the last prose paragraph is cut off)"
    why = (
        "A download cut at a size limit, a page whose 'read more' was never followed, or a "
        "record truncated by a field limit ends mid-sentence. Such a document teaches a model "
        "that texts end anywhere; a corpus should drop or complete it. Trailing bylines and "
        "photo credits are looked past; a last line that is a heading or a name list is not "
        "taken for a cut sentence."
    )
    severity = Severity.WARNING
    examples = Examples(
        clean=[
            "防汛形势十分严峻。\n\n袁兆辉 王少科 苏晓晨\n",
            "共建共享城市文明。\n\n(高淑芳 高虹)\n",
        ],
        bad=[
            Bad(
                # /work/shared/corpus/external/dirty/sohu_clickbait_* style: cut at a size limit
                "当天晚上,安阳供电公司制订紧急方案,电力人员紧急抢修,彰德路64号院正常通电。"
                "看着亮起的灯光,彰德\n",
                flagged=["彰德"],
            )
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # The paragraph texts are a shared view (the duplication and quality rules split every
        # document anyway); the document's style, a pass over all of them, is asked last.
        texts = paragraph_texts(doc)
        index = len(texts) - 1
        while index >= 0 and is_furniture(texts[index]):
            index -= 1
        if index < 0:
            return  # no paragraph, or only credits
        last = texts[index]
        if not (
            ends_open(last)
            and comma_in_last_sentence(last)
            and is_cut_sentence(last)
            and punctuates_paragraph_ends(doc)
        ):
            return
        end = doc.paragraphs[index].end
        clause = last_clause(last)
        yield self.finding(
            end - len(clause), end, f"The document stops mid-sentence at {clause[-6:]!r}"
        )


# Characters that end a word but rarely start a sentence; a paragraph opening with one of
# them, after a paragraph that ended a sentence, is the tail of a word cut in two.
FRAGMENT_PROBE = 6
WORD_USES = 4
ECHO_WINDOW = 5000


class FragmentStart(Rule):
    code = "T103"
    name = "fragment-start"
    summary = "A paragraph that starts mid-sentence or mid-word: 道安彩嘉园… (…街 is lost)"
    why = (
        "When the start of a paragraph is lost in extraction (the rest of a line that was cut, "
        "a page that began mid-sentence), the paragraph opens with a punctuation mark or with "
        "the tail of a word. It is not a sentence a model should learn from. Flagged when a "
        "paragraph opens with a mark that cannot start a sentence (，。、；：）》), or when its "
        "opening words occur elsewhere in the same document right after a Han character that "
        "forms a word with its first character (街道 ⏎ 道安彩嘉园… while the lead says "
        "银杏大街街道安彩嘉园), and the paragraph before it is complete."
    )
    severity = Severity.WARNING
    examples = Examples(
        clean=[
            "7月29日,银杏大街街道安彩嘉园二期业主代表送来锦旗。\n\n"
            "安彩嘉园二期地下车库进水严重,小区停电。\n",
            "第一段。\n\n“我们街道行动快。”一位居民说。\n",
        ],
        bad=[
            Bad(
                # seed 004 lines 101-103
                "7月29日,银杏大街街道安彩嘉园二期业主代表将一面锦旗郑重地交到该街道党工委"
                "副书记郝彬手中,以此表达对银杏大街街道在这次特大暴雨后为民服务的感激之情。\n\n"
                "道安彩嘉园二期地下车库进水严重,小区停电。"
                "银杏大街街道党工委第一时间组织街道机关、安彩嘉园社区等50余人组成救援队伍。\n",
                flagged=["道"],
            ),
            Bad("第一段写完了。\n\n,并且提出了整改意见。\n", flagged=[","]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        first = VISIBLE.search(text)
        if not first:
            return
        if first[0] in CANNOT_START:
            start = first.start()
            yield self.finding(start, start + 1, f"Paragraph starts with {first[0]!r}")
        # The other paragraphs: only those that open like a fragment, each found from its
        # line's start without splitting the document.
        for match in FRAGMENT_OPENING.finditer(text, first.start()):
            if not ends_closed(last_visible_before(text, match.start())):
                continue  # the previous paragraph is open: broken-paragraph's case
            start = match.end()
            paragraph = text[start : line_end(text, start)].rstrip()
            if paragraph[0] in CANNOT_START:
                yield self.finding(start, start + 1, f"Paragraph starts with {paragraph[0]!r}")
                continue
            # (The first paragraph is a title or lead: it introduces phrases, it does not
            # echo them.) The echo is asked first: it is rare, and prose and captions are not.
            word = cut_word(text, paragraph, start)
            if word and is_prose(paragraph) and not is_caption(paragraph):
                yield self.finding(
                    start,
                    start + 1,
                    f"Paragraph starts mid-word: elsewhere the text reads {word!r}",
                )


CANNOT_START = frozenset("，,、。；;：）)》」』】？！?!")
VISIBLE = re.compile(r"\S")
# A paragraph after the first that may be a fragment: after its line's start and indentation,
# a mark that cannot start a sentence, or the Han opening that cut_word probes. The line
# before must end closed (or in whitespace: a blank line, trailing space, looked at in Python).
# Newline-first, so re jumps from line to line at memchr speed.
FRAGMENT_OPENING = re.compile(
    f"\n(?<=[{re.escape(''.join(sorted(CLOSED_ENDINGS)))}{LINE_SPACE}\n]\n)[{LINE_SPACE}]*"
    f"(?=[{''.join(sorted(CANNOT_START))}]|[{HAN}]{{{FRAGMENT_PROBE}}})"
)
HAN_PROBE = re.compile(f"[{HAN}]{{{FRAGMENT_PROBE}}}")


def cut_word(text: str, paragraph: str, start: int) -> str:
    """The longer phrase this paragraph's opening is the tail of, if the document shows one.

    The opening (``FRAGMENT_PROBE`` characters, all Han) must occur elsewhere right after a
    Han character, and that character with the paragraph's first one must be a word the
    document uses on its own (``WORD_USES`` times): 街道 in 银杏大街街道安彩嘉园 for 道安彩嘉园.
    """
    if not HAN_PROBE.match(paragraph):
        return ""
    probe = paragraph[:FRAGMENT_PROBE]
    # The echo is looked for near the paragraph (a lead, the paragraphs around it), which
    # also keeps the search linear in long documents.
    low, high = max(0, start - ECHO_WINDOW), start + ECHO_WINDOW
    position = text.find(probe, low, high)
    while position != -1:
        if position != start and position > 0 and HAN_CHAR.match(text[position - 1]):
            word = text[position - 1] + probe[0]
            # The word must stand on its own elsewhere, not only in front of this phrase.
            uses = text.count(word, low, high) - text.count(word + probe[1:], low, high)
            if uses >= WORD_USES:
                return text[position - 1 : position + FRAGMENT_PROBE]
        position = text.find(probe, position + 1, high)
    return ""


# The space first, its neighbours checked after: a pattern that starts with a lookbehind
# makes re try it at every position (3x slower).
SPACE_BETWEEN_HAN = re.compile(f"[ \u3000\u00a0](?<=[{HAN}][ \u3000\u00a0])(?=[{HAN}])")
# Where a space is a field separator, not a defect: a dateline (本报讯 阳光明媚) or a credit
# list inside brackets ((记者 刘斐 通讯员 靳俊利)).
LABEL = 8
LABEL_ENDS = ("讯", "电", "报道", "记者", "通讯员", "编辑", "摄影", "作者", "来源")
DATE_HEAD = re.compile("[0-9０-９]+[年月日号]$")
ARTICLE_LABEL = re.compile("第[一二三四五六七八九十百千零〇两\\d]+[条章节款篇部分回集]")
# A run of the characters a clause is made of (matched, not walked one character at a time).
CLAUSE_RUN = re.compile(f"[{HAN}0-9A-Za-z０-９Ａ-Ｚａ-ｚ \u3000\u00a0]*")
BRACKETED = re.compile("[《【「『(（][^《【「『(（》】」』)）\n]*[》】」』)）]")
# A field label right before the clause (主题：), and the clause runs to the field's end.
FIELD_BEFORE = re.compile(f"(?:^|\\s)[{HAN}A-Za-z]{{1,6}}[：:]$")
FIELD_END = re.compile("$|\\s{2}")
MAX_SPACES = 2
MAX_DOCUMENT_SPACES = 8
ECHO = 3


def line_paragraph(text: str, line_start: int, line_end: int) -> Span | None:
    """The paragraph of a line (as in ``doc.paragraphs``: the line stripped), if it has one."""
    line = text[line_start:line_end]
    stripped = line.lstrip()
    if not stripped:
        return None
    return Span(line_start + len(line) - len(stripped), line_start + len(line.rstrip()))


def line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def paragraph_around(text: str, offset: int) -> Span:
    """The paragraph holding ``offset`` (which must lie inside it, not in the line's leading
    or trailing whitespace), found from its own line: a rule that looks at a few places of
    a long document need not split all of it into paragraphs."""
    line_start = text.rfind("\n", 0, offset) + 1
    line = text[line_start : line_end(text, offset)]
    start = line_start + len(line) - len(line.lstrip())
    return Span(start, line_start + len(line.rstrip()))


def paragraphs_backwards(text: str, end: int | None = None) -> Iterator[Span]:
    """``doc.paragraphs`` that end before ``end``, from the last one back, line by line."""
    end = len(text) if end is None else end
    while True:
        line_start = text.rfind("\n", 0, end) + 1
        span = line_paragraph(text, line_start, end)
        if span:
            yield span
        if not line_start:
            return
        end = line_start - 1


def last_visible_before(text: str, end: int) -> str:
    """The last character of the paragraph before offset ``end`` (at a line's start)."""
    if not text[end - 1].isspace():
        return text[end - 1]  # no trailing space, no blank line: the usual case
    previous = next(paragraphs_backwards(text, end), None)
    return text[previous.end - 1] if previous else ""


# A line end after a Han character, a comma or whitespace. Newline-first: re jumps from line
# end to line end at memchr speed and looks one character back.
LINE_END_AFTER_OPEN = re.compile(f"\n(?<=[{HAN}，,、{LINE_SPACE}]\n)")
# What makes a line prose (blocks.is_prose): a stop or a comma somewhere in it.
PROSE_MARK = re.compile("[。！？!?；;，,]")


def open_prose(doc: Document) -> list[tuple[Span, str]]:
    """The paragraphs, each with a line break after it, that stop on a Han character or a
    comma and hold a stop or a comma, with their text.

    A cheap superset of the open prose (``blocks.is_open_prose``) that broken- and truncated-
    paragraph look for, found from the line ends without splitting the document (a shared
    view: most documents have none, and then these rules need nothing else).
    """
    text = doc.text
    found = []
    for match in LINE_END_AFTER_OPEN.finditer(text):
        end = match.start()
        start = text.rfind("\n", 0, end) + 1
        if not PROSE_MARK.search(text, start, end):
            continue  # a heading, a name, a title: not prose
        span = line_paragraph(text, start, end)
        if span and (text[span.end - 1] in OPEN_MARKS or HAN_CHAR.match(text[span.end - 1])):
            found.append((span, text[span.start : span.end]))
    return found


def continued(text: str, span: Span) -> bool:
    """Whether ``blocks.continuation_index`` finds a continuation for the paragraph ``span``,
    asked from the lines after it, without splitting the document into paragraphs."""
    for following in paragraphs_below(text, span.end):
        paragraph = text[following.start : following.end]
        if not is_caption(paragraph):
            return starts_as_continuation(paragraph) and is_prose(paragraph)
    return False


def paragraphs_below(text: str, offset: int) -> Iterator[Span]:
    """``doc.paragraphs`` on the lines below the one that holds ``offset``."""
    newline = text.find("\n", offset)
    while newline != -1:
        start = newline + 1
        newline = text.find("\n", start)
        span = line_paragraph(text, start, len(text) if newline == -1 else newline)
        if span:
            yield span


def paragraph_indexes(spans: list[Span], wanted: list[Span]) -> Iterator[int]:
    """The index in ``spans`` (``doc.paragraphs``) of each wanted paragraph, in order."""
    for span in wanted:
        yield bisect_left(spans, span.start, key=start_of)


def start_of(span: Span) -> int:
    return span.start


def by_paragraph(text: str, offsets: list[int]) -> dict[Span, list[int]]:
    """Ascending offsets grouped by the paragraph that holds them (each found once)."""
    grouped: dict[Span, list[int]] = {}
    span = Span(0, 0)
    for offset in offsets:
        if offset >= span.end:
            span = paragraph_around(text, offset)
            grouped[span] = []
        grouped[span].append(offset)
    return grouped


def in_brackets(position: int, bracketed: list[tuple[int, int]]) -> bool:
    """Whether ``position`` lies strictly inside one of the (ordered, disjoint) spans.

    Only the last span that starts before the position can hold it: a bisection, not a
    scan of every bracket pair for every space of a spaced-out document.
    """
    index = bisect_left(bracketed, (position,)) - 1
    return index >= 0 and position < bracketed[index][1]


class CjkSpace(Rule):
    code = "T105"
    name = "cjk-space"
    summary = "A space splitting Chinese words: 青年 志愿者 (not headline clause spaces)"
    why = (
        "Chinese does not separate words with spaces; a space between two Han characters in a "
        "sentence is a line-wrap or markup leftover that splits a word (青年 志愿者) and "
        "breaks tokenizers and n-gram statistics. Headlines separate clauses with a space "
        "(民生事项放心上 暖心服务到身边), and bylines, datelines (本报讯 …) and name lists "
        "use spaces as separators: those are fine. So a space is flagged only inside a "
        "sentence-bearing line (past its dateline, outside brackets), or where the same "
        "document writes the joined words without the space."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Deletes the space. Unsafe: a rare legitimate separator (a name list inside a "
        "sentence, a table flattened into one line) would be glued together."
    )
    triggers = (" ", "\u3000", "\u00a0")
    # Every finding is a space between two Han characters (most spaces sit beside ASCII).
    prefilter = f"[{HAN}][ \u3000\u00a0][{HAN}]"
    examples = Examples(
        clean=[
            "民生事项放心上 暖心服务到身边\n",
            "本报讯 阳光明媚,鸟语花香。\n",
            "(本报记者 刘斐 通讯员 靳俊利)文峰区环卫中心开展活动。\n",
            "袁兆辉 王少科 苏晓晨 郑璐 罗丽\n",
        ],
        bad=[
            Bad(
                # seed 001 lines 69-71
                "高家沟社区与区团委青年 志愿者共同开展志愿活动\n\n"
                "志愿者与区团委青年志愿者在城南工业主题公园共同开展志愿活动。\n",
                fixed="高家沟社区与区团委青年志愿者共同开展志愿活动\n\n"
                "志愿者与区团委青年志愿者在城南工业主题公园共同开展志愿活动。\n",
                flagged=[" "],
            ),
            Bad(
                "离石区在创建文明城市过程 中,结合市委领导进社区活动。\n",
                fixed="离石区在创建文明城市过程中,结合市委领导进社区活动。\n",
                flagged=[" "],
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        spaces = [match.start() for match in SPACE_BETWEEN_HAN.finditer(text)]
        # A document that puts spaces between clauses throughout (chat, forum posts) writes
        # that way on purpose; only a space the document itself contradicts is reported.
        spaced_style = len(spaces) > MAX_DOCUMENT_SPACES
        for span, offsets in by_paragraph(text, spaces).items():
            paragraph = doc.slice(span)
            # Many spaces in one paragraph are its separators (a flattened table, a list of
            # names, clause spaces in chat): a style, not a split word.
            separators = spaced_style or len(offsets) > MAX_SPACES
            in_sentences = not separators and is_prose(paragraph)
            # The exemptions are asked only for a space that would be reported: most are not.
            bracketed = None
            for offset in offsets:
                position = offset - span.start
                if in_sentences and self._splits_clause(paragraph, position):
                    reason = "inside a clause"
                elif self._joined_elsewhere(text, paragraph, position, offset):
                    reason = "the document writes these words without it elsewhere"
                else:
                    continue
                if bracketed is None:
                    if is_furniture(paragraph):
                        break  # a caption or a byline: spaces separate its names
                    bracketed = [m.span() for m in BRACKETED.finditer(paragraph)]
                if in_brackets(position, bracketed):
                    continue  # 《关于营造更好发展环境 支持民营文艺表演团体…》: a title's clauses
                yield self.finding(
                    offset,
                    offset + 1,
                    f"Space between Han characters ({reason})",
                    replacement="",
                    title="Delete the space",
                )

    @staticmethod
    def _splits_clause(paragraph: str, position: int) -> bool:
        """The only space of a clause, not after a lead label, a dateline or inside brackets."""
        # The clause around the space: the run of clause characters before it (matched on the
        # text before it, reversed) and after it.
        left = position - CLAUSE_RUN.match(paragraph[position - 1 :: -1] if position else "").end()
        right = CLAUSE_RUN.match(paragraph, position + 1).end()
        if len(SPACE_BETWEEN_HAN.findall(paragraph[left:right])) != 1:
            return False
        if FIELD_BEFORE.search(paragraph, 0, left) and FIELD_END.match(paragraph, right):
            return False  # 主题：众志成城 护佑健康: a headline as a field's value
        head = paragraph[left:position].strip()
        if ARTICLE_LABEL.fullmatch(head) or DATE_HEAD.search(head):
            return False  # 第三十五条　政府及其有关部门…, 2002年10月9日 杨恭如…
        if head.endswith(LABEL_ENDS):
            return False  # a dateline or credit: 新华社北京9月1日电 据…, 记者　申鹏
        return not (left == 0 and len(head) <= LABEL)  # a lead label: 本报讯 阳光明媚

    @staticmethod
    def _joined_elsewhere(text: str, paragraph: str, position: int, offset: int) -> bool:
        left = paragraph[max(0, position - ECHO) : position]
        right = paragraph[position + 1 : position + 1 + ECHO]
        if len(left) < ECHO or len(right) < ECHO:
            return False
        low, high = max(0, offset - ECHO_WINDOW), offset + ECHO_WINDOW
        return text.find(left + right, low, high) != -1
