"""B104 byline-credit."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety
from cnlint.chars import HAN
from cnlint.patterns import regex
from cnlint.rules._text.credits import (
    DATED_DATELINE,
    NAME,
    NAMES,
    ROLE,
    ROLE_WORD,
    SEP,
    SURNAME,
    _surnames,
)
from cnlint.rules._text.line_rule import LineRule
from cnlint.rules._text.lines import core_start, has_sentence_mark, last_line_index, line_cores

# A name list keeps each name short (2-3 characters) so that 4-character words do not pass.
LIST_NAME = f"{SURNAME}[{HAN}]{{1,2}}"
BOX = "[□■◎●▲◇◆☆]"
# 本报记者 刘斐 通讯员 靳俊利 (role, names; repeated). A bare line with a colon after the role
# (责任编辑：王明) is a metadata field and left to metadata-line; in brackets it is a credit.
ROLE_NAMES = rf"{ROLE}\s*{NAMES}(?:\s+{ROLE}\s*{NAMES})*"
FIELD_NAMES = rf"{ROLE}[\s:：]*{NAMES}(?:\s+{ROLE}[\s:：]*{NAMES})*"
# 文／林涛　图／吴雪梅: who wrote, who took the pictures, before a slash.
WORK_NAMES = rf"(?:文|图|圖|文图|图文|摄影|攝影|视频|視頻)\s*[/／]\s*{NAMES}"
REPORTED = r"(?:\s*(?:报道|報道|报导|報導))?"  # 记者 郑伟 报道
BYLINE = regex(
    rf"{BOX}?\s*{ROLE_NAMES}{REPORTED}"  # □本报记者 周俊英, 本報記者楊亞湖
    rf"|{BOX}\s*{NAMES}"  # □ 王晶晶
    rf"|[(（]\s*(?:{FIELD_NAMES}|{NAMES})\s*[)）]"  # (高淑芳 高虹), (视频编辑：张贝龙)
    rf"|{WORK_NAMES}(?:\s+{WORK_NAMES})*"
)
NAME_LIST = regex(rf"{LIST_NAME}(?:[ \t\u3000]+{LIST_NAME})+")
BYLINE_OPENERS = frozenset("□■◎●▲◇◆☆(（文图圖摄攝视視")
ROLE_WORD_RE = regex(ROLE_WORD)
SURNAME_CHARS = frozenset(_surnames())
LIST_SPACE = regex("[ \t\u3000]")
# 本报讯(记者 周俊英) or 新华社北京3月5日电（记者 张三）at the start of a paragraph.
DATELINE_CREDIT = regex(
    r"(?:本报讯|本報訊|[^\s，。,：:“”\"]{2,24}?(?:电|電|讯|訊|消息))\s*"
    r"[(（][^()（）]{0,8}?(?:记者|記者|通讯员|通訊員)[^()（）]{1,40}[)）]\s*"
)


# A dated dateline, with the reporters in brackets after it when there are any: alone on a
# line (（本报墨西哥城6月4日电）) or opening a paragraph (新华社上海６月４日电国务院副总理…).
CREDIT_BRACKET = rf"[(（]\s*(?:{FIELD_NAMES}|{NAMES})\s*[)）]"
DATELINE_LINE = regex(rf"[(（]?\s*{DATED_DATELINE}\s*(?:{CREDIT_BRACKET})?\s*[)）]?")
DATELINE_OPENING = regex(rf"{DATED_DATELINE}\s*(?:{CREDIT_BRACKET})?[ \t\u3000]*")
# 西宁日报记者　吴雪梅　<the first paragraph>: a byline run into the text it heads; the names
# end at a space, which prose written by the reporter does not put there.
BYLINE_OPENING = regex(
    rf"(?:{ROLE_NAMES}{REPORTED}[ \t\u3000]+|[(（]\s*{FIELD_NAMES}\s*[)）][ \t\u3000]*)(?=\S)"
)

# Names next to a credit word: 高淑芳 摄 (before 摄), 记者 周俊英 (after 记者).
NAME_BEFORE_CREDIT = regex(f"({NAME})\\s*$")
NAME_AFTER_CREDIT = regex(f"\\s*({NAME})(?![{HAN}])")
# Two or more names in brackets: (高淑芳 高虹).
CREDIT_GROUP = regex(rf"[(（]\s*({NAME}(?:{SEP}{NAME})+)\s*[)）]")


def credited_names(text: str) -> set[str]:
    """Names that appear in a credit of this text (X 摄, 记者 X, (X Y)).

    The scan starts from the credit words (str.find), not from every surname in the text.
    """
    names = set()
    for word, before in (("摄", True), ("攝", True), ("记者", False), ("記者", False)):
        position = text.find(word)
        while position != -1:
            if before:
                match = NAME_BEFORE_CREDIT.search(text, max(0, position - 8), position)
            else:
                match = NAME_AFTER_CREDIT.match(text, position + len(word))
            if match:
                names.add(match[1])
            position = text.find(word, position + 1)
    if "(" in text or "（" in text:
        for match in CREDIT_GROUP.finditer(text):
            names.update(re.split(SEP, match[1]))
    return names


class BylineCredit(LineRule):
    code = "B104"
    name = "byline-credit"
    summary = (
        "Reporter bylines and editor credits: □本报记者 周俊英, 本报讯(记者 周俊英), 袁兆辉 王少科"
    )
    why = (
        "Bylines, datelines and credit lists are names and dates without a sentence: they "
        "teach a model to emit reporters' names and agency stamps and break paragraph "
        "statistics; the agency, place and date belong in a record's fields. Flagged: a line "
        "that is a role and names (□本报记者 周俊英, 本報記者楊亞湖, （特约撰稿人　何佳）, "
        "记者 郑伟 报道), who wrote and who took the pictures (文／林涛　图／吴雪梅), a boxed name "
        "(□ 王晶晶), names in brackets ((高淑芳 高虹)), a list of three or more names, or of two "
        "on the document's last line (袁兆辉 武丽伟), a lone name that the document credits "
        "elsewhere (高淑芳 after 高淑芳 摄); a dated dateline (the paper or an agency, a place, "
        "a date, 电: 本报上海6月4日电, 新华社上海６月４日电, 据新华社长春６月４日电) alone on a "
        "line or in brackets closing an article ((本报华盛顿6月4日电)); and opening a paragraph, "
        "only the dateline and its credit are flagged: 本报讯(记者 周俊英), "
        "新华社北京3月5日电（记者 张三）, 新华社上海６月４日电, or a byline run into the text "
        "and ended by a space (西宁日报记者　吴雪梅　…). A bare 本报讯 with no name, place or "
        "date is left alone."
    )
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the credit line with its newline; inside a paragraph, deletes only the dateline "
        "credit. Unsafe: a short line of names can be content (a list of award winners)."
    )
    # No prefilter: every necessary condition found (a surname after a role word, box, bracket
    # or space …) cost Hyperscan more than the check saves on the documents it rules out.
    triggers = (
        *("记者", "記者", "通讯员", "通訊員", "编辑", "編輯", "□", "■", "◎", " ", "\u3000"),
        *("日电", "日電", "日讯", "日訊", "/", "／"),
    )
    examples = Examples(
        clean=[
            "民生事项放心上 暖心服务到身边\n",
            "启航新征程 学党史 悟思想 办实事 开新局\n",
            "记者从市委获悉，王明等人参加了会议。\n",
            "本报讯 阳光明媚，鸟语花香。\n",
            "记者王明昨天在会上说，今年的工作重点是乡村振兴。\n",
        ],
        bad=[
            Bad("标题\n\n□ 王晶晶\n\n正文。\n", fixed="标题\n\n\n正文。\n", flagged=["□ 王晶晶\n"]),
            Bad("标题\n□本报记者 周俊英\n正文。\n", fixed="标题\n正文。\n"),
            Bad("正文。\n本報記者楊亞湖", fixed="正文。\n", flagged=["本報記者楊亞湖"]),
            Bad("正文。\n(高淑芳 高虹)\n", fixed="正文。\n"),
            Bad(
                "正文。\n袁兆辉 王少科 苏晓晨 郑璐 罗丽",
                fixed="正文。\n",
                flagged=["袁兆辉 王少科 苏晓晨 郑璐 罗丽"],
                note="seed 000, line 25",
            ),
            Bad(
                "本报讯(记者 周俊英)“为应对台风‘烟花’带来的持续降水。”\n",
                fixed="“为应对台风‘烟花’带来的持续降水。”\n",
                flagged=["本报讯(记者 周俊英)"],
                note="seed 004, line 55",
            ),
            Bad(
                "　　新华社上海６月４日电国务院副总理马凯１日至４日在湖北省和上海市就金融服务"
                "实体经济进行调研。\n",
                fixed="　　国务院副总理马凯１日至４日在湖北省和上海市就金融服务"
                "实体经济进行调研。\n",
                flagged=["新华社上海６月４日电"],
                note="benchmark corpus, People's Daily 2013 00000018, line 2",
            ),
            Bad(
                "　　当这些发生时，美国经济才会迎来全速的复苏和新的繁荣。\n"
                "　　（本报华盛顿6月4日电）\n",
                fixed="　　当这些发生时，美国经济才会迎来全速的复苏和新的繁荣。\n",
                flagged=["　　（本报华盛顿6月4日电）\n"],
                note="benchmark corpus, People's Daily 2013 00000109, line 17",
            ),
            Bad(
                "现场 高淑芳 摄\n\n高淑芳\n\n正文。\n",
                fixed="现场 高淑芳 摄\n\n\n正文。\n",
                flagged=["高淑芳\n"],
                note="seed 001, line 145",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        cores = doc.view(line_cores)
        last = last_line_index(cores)
        credited: set[str] | None = None
        for index, core in enumerate(cores):
            if not core:
                continue
            if len(core) <= 40 and self._is_credit_line(core, last=index == last):
                yield self.drop(doc, index, f"Byline or credit {core!r}")
                continue
            if len(core) <= 4 and not has_sentence_mark(core):
                if credited is None:
                    credited = credited_names(doc.text)
                if core in credited:
                    yield self.drop(doc, index, f"Stray credited name {core!r}")
                    continue
            if "日" in core and DATELINE_LINE.fullmatch(core):
                yield self.drop(doc, index, f"Dateline {core!r}")
                continue
            # A dateline credit is in brackets: most lines have none and skip the regex.
            dateline = ("(" in core or "（" in core) and DATELINE_CREDIT.match(core)
            dateline = dateline or ("日" in core and DATELINE_OPENING.match(core))
            dateline = dateline or (ROLE_WORD_RE.search(core, 0, 20) and BYLINE_OPENING.match(core))
            if dateline:
                start = core_start(doc, index)
                end = start + len(dateline[0])
                yield self.finding(
                    start,
                    start + len(dateline[0].rstrip()),
                    f"Dateline credit {dateline[0].strip()!r}",
                    edits=[Edit(start, end, "")],
                    title="Delete the credit",
                )

    @staticmethod
    def _is_credit_line(core: str, last: bool) -> bool:
        # Cheap tests first: a byline opens with a box or a bracket or holds a role word, and
        # a list of names opens with a surname and holds a space.
        first = core[0]
        if (first in BYLINE_OPENERS or ROLE_WORD_RE.search(core)) and BYLINE.fullmatch(core):
            return True
        if first not in SURNAME_CHARS or not LIST_SPACE.search(core):
            return False
        names = NAME_LIST.fullmatch(core)
        return names is not None and (last or len(core.split()) >= 3)
