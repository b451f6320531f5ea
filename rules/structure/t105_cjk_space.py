"""T105 cjk-space."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import HAN
from cnlint.rules._text.blocks import ECHO_WINDOW, is_furniture, is_prose

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
        for span, offsets in doc.group_by_paragraph(spaces).items():
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
