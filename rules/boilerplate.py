"""Boilerplate rules (B): page chrome, metadata, credits and captions scraped with the article.

Every rule here judges a whole line: short, without sentence marks, and made (almost) only of
the junk it looks for. Phrase lists are data files in ``rules/data/`` (see ``phrases.py``);
each list becomes one compiled matcher that runs only on lines short enough to be junk.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules.chars import HAN
from cnlint.rules.lines import (
    DECORATION,
    GAP,
    INLINE_SPACE,
    URL,
    URL_PREFILTER,
    core_start,
    drop_line,
    each_before,
    han_count,
    is_prose,
    is_url_only,
    last_line_index,
    line_cores,
    literal,
    literal_led,
    short_lines,
    union,
)
from cnlint.rules.phrases import (
    PHRASE_OPTION_DOCS,
    PHRASE_OPTIONS,
    builtin_phrases,
    case_variants,
    compile_phrases,
    configured_phrases,
    trie_pattern,
)


class LineRule(Rule):
    """A rule that flags whole lines and whose fix drops them."""

    def drop(self, doc: Document, index: int, message: str) -> Finding:
        # The finding spans exactly what the fix removes: the line with its newline.
        edit = drop_line(doc, index)
        return self.finding(edit.start, edit.end, message, edits=[edit], title="Drop the line")


class PhraseLineRule(LineRule):
    """A line rule driven by a phrase list that users extend or replace from config."""

    phrase_list: ClassVar[str]
    options: ClassVar[dict] = {"max-chars": 40, **PHRASE_OPTIONS}
    option_docs: ClassVar[dict] = {
        "max-chars": "Longer lines are never junk of this kind (they are prose).",
        **PHRASE_OPTION_DOCS,
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.phrases = configured_phrases(self.phrase_list, self.config)
        self.matcher = compile_phrases(self.phrases)

    def short_lines(self, doc: Document) -> Iterator[tuple[int, str]]:
        return short_lines(doc, self.config["max-chars"])

    def phrase_prefilter(self) -> str:
        """Any configured phrase, in the cases the matcher reads (empty when there are none)."""
        return literal_led(v for p in self.phrases for v in case_variants(p))


# --- B101 navigation-junk --------------------------------------------------------------------

# A site's name stamped right after a sentence's stop at the end of a line (…没有了。白马书院);
# separators inside it (白马_书院) defeat exact matching, so they are ignored when comparing.
WATERMARK_TAIL = re.compile(r"[。！？!?]([A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff_·\- ]{1,11})$")
WATERMARK_SEPARATORS = re.compile(r"[_·\- ]")
# It names a site: forum posts also end lines with the same words (…升级时需要密码吗？谢谢).
SITE_NAME = re.compile(
    r"(?:书院|书屋|书城|书库|书网|书斋|书苑|书坊|书盟|书阁|小说|文学|中文|电子书|网|阁|论坛)$"
    r"|(?:txt|com|net|org|cn)$",
    re.IGNORECASE,
)
MIN_WATERMARK_REPEATS = 2
# The characters SITE_NAME's names end with (in any case): the last one of a watermark's name,
# which only separators may follow.
SITE_NAME_LAST = "院屋城库网斋苑坊盟阁说学文书坛tTmMgGnN"
WATERMARK_LAST = frozenset(SITE_NAME_LAST + "_·-")
# After a watermark's name come only separators, whitespace and tags up to a newline (the same
# name ends two lines, and only one can be the text's last): so the name's last character or
# whitespace stands right before a newline, a CR, a separator or a tag.
WATERMARK_PREFILTER = each_before(SITE_NAME_LAST + INLINE_SPACE, r"[\n\r_·\-<]")


class NavigationJunk(PhraseLineRule):
    code = "B101"
    name = "navigation-junk"
    summary = (
        "Page chrome copied with the article: 手机下载, 微信关注, 上一篇, 返回顶部, site promos"
    )
    why = (
        "Share buttons, app prompts, pagers and download-site promotions are the same few "
        "strings on every page of a site. In a corpus they are thousands of identical lines "
        "that teach a model to end articles with 返回顶部. A line is flagged only when it is "
        "short, has no sentence mark and holds nothing but listed phrases, URLs and separators, "
        "so 他用手机下载了文件。 stays prose. A line that is only a URL or domain (a site "
        "watermark such as -- www.5183.com --) is flagged too, and so is a short tag stamped after "
        "the final stop of two or more lines that names a site (…没有了。白马书院 … "
        "出水面。白马_书院: a name ending in 书院, 小说, 文学, 网, com …); a forum's repeated "
        "谢谢 after a question is the poster's."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Drops the whole line with its newline."
    phrase_list = "navigation"
    examples = Examples(
        clean=[
            "他用手机下载了文件。\n",
            "收藏家王先生捐出了藏品\n",
            "第一章 叶离\n",
        ],
        bad=[
            Bad(
                "• 手机下载\n\n  • 微信关注\n\n正文。\n",
                fixed="\n\n正文。\n",
                flagged=["• 手机下载\n", "  • 微信关注\n"],
                note="seed 002, lines 1 and 3",
            ),
            Bad("上一页 目录 下一页\n正文。\n", fixed="正文。\n", flagged=["上一页 目录 下一页\n"]),
            Bad(
                "正文。\n更多免费txt电子书，欢迎您到www.txtsk.com下载\n",
                fixed="正文。\n",
                flagged=["更多免费txt电子书，欢迎您到www.txtsk.com下载\n"],
            ),
            Bad("正文。\n-- www.5183.com --\n", fixed="正文。\n", flagged=["-- www.5183.com --\n"]),
            Bad(
                "连这种叫唤声也没有了。白马书院\n我正这么呆坐在地上。\n只见比先前更高出水面。白马_书院\n",
                fixed="连这种叫唤声也没有了。\n我正这么呆坐在地上。\n只见比先前更高出水面。\n",
                flagged=["白马书院", "白马_书院"],
                note="dirty corpus ebook_junk_010.txt, lines 8 and 22",
            ),
            Bad(
                "正文。\n投稿入口\n",
                fixed="正文。\n",
                flagged=["投稿入口\n"],
                options={"extra-phrases": ["投稿入口"]},
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every finding is a line that holds a listed phrase (chrome), a URL (a watermark line)
        # or a site's name after a stop (a watermark tail).
        self.prefilter = union(self.phrase_prefilter(), URL_PREFILTER, WATERMARK_PREFILTER)

    def check(self, doc: Document) -> Iterator[Finding]:
        limit = self.config["max-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if not core or len(core) > limit or is_prose(core):
                continue
            if is_url_only(core):
                yield self.drop(doc, index, f"Site watermark {core!r}")
            elif self.matcher is not None and self._is_chrome(core):
                yield self.drop(doc, index, f"Navigation or share chrome {core!r}")
        yield from self._watermark_tails(doc)

    def _watermark_tails(self, doc: Document) -> Iterator[Finding]:
        tails = []
        for index, core in enumerate(doc.view(line_cores)):
            if not core or core[-1] not in WATERMARK_LAST:  # most lines end with a stop
                continue
            match = WATERMARK_TAIL.search(core, max(0, len(core) - 14))
            if match:
                tails.append((index, match, WATERMARK_SEPARATORS.sub("", match[1])))
        counts = Counter(key for _, _, key in tails)
        for index, match, key in tails:
            if counts[key] >= MIN_WATERMARK_REPEATS and SITE_NAME.search(key):
                start = core_start(doc, index) + match.start(1)
                end = start + len(match[1])
                yield self.finding(
                    start,
                    end,
                    f"Site watermark {match[1]!r} stamped after a sentence",
                    edits=[Edit(start, end, "")],
                    title="Delete the watermark",
                )

    def _is_chrome(self, core: str) -> bool:
        hits = self.matcher.findall(core)
        if not hits:
            return False
        without_urls = URL.sub("", core)
        rest = han_count(self.matcher.sub("", without_urls))
        # One phrase must be the whole line ("收藏家" is a word); two or more may leave a
        # little ("更多精彩 …"), and so may a phrase beside a URL, which names the site
        # (【文学视界(http://www.white-collar.net)编辑整理】).
        has_url = len(without_urls) < len(core)
        return rest == 0 or ((len(hits) >= 2 or has_url) and rest <= 4)


# --- B102 breadcrumb -------------------------------------------------------------------------

BREADCRUMB_LABEL = re.compile(
    r"(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|现在位置|所在位置|"
    r"当前页面)\s*[:：]"
)
CRUMB_SEPARATOR = re.compile(r"\s*(?:>>|>|»|›|＞|→|〉)\s*")
HOME = re.compile(r"(?:首页|主页|网站首页|Home)\s*(?:>>|>|»|›|＞|→|〉)", re.IGNORECASE)
# A breadcrumb opens with a position label and its colon, or with the home page and a separator.
BREADCRUMB_PREFILTER = union(
    each_before(("位置", "当前页面"), f"{GAP}*[:：]"),
    each_before(("首页", "主页"), f"{GAP}*[>»›＞→〉]"),
    each_before("Hh", f"[Oo][Mm][Ee]{GAP}*[>»›＞→〉]"),
)


class Breadcrumb(LineRule):
    code = "B102"
    name = "breadcrumb"
    summary = "A breadcrumb trail: 当前位置: 首页 > 新闻 > 正文"
    why = (
        "The site's navigation path is not part of the article. It repeats on every page of a "
        "section, and its column names (奋斗百年路 …>先进典型) read like a headline to a model. "
        "A line is a breadcrumb when it opens with a position label (当前位置:, 您的位置:) or "
        "starts at the home page and has at least two separators (首页 > 新闻 > 正文)."
    )
    fix_safety = FixSafety.SAFE
    fix_note = "Drops the whole line with its newline."
    options: ClassVar[dict] = {"max-chars": 120}
    option_docs: ClassVar[dict] = {"max-chars": "Longer lines are never breadcrumbs."}
    # Single characters, checked for all rules in one table lookup before any regex: a label
    # holds 位 (…位置) or 面 (当前页面), a trail from the home page a separator.
    triggers = "位面>»›＞→〉"
    prefilter = BREADCRUMB_PREFILTER
    examples = Examples(
        clean=["孩子们排好队 > 依次进入教室。\n", "他的位置在第三排。\n"],
        bad=[
            Bad(
                "当前位置: 奋斗百年路 启航新征程>学党史 悟思想 办实事 开新局>先进典型\n\n标题\n",
                fixed="\n标题\n",
                flagged=["当前位置: 奋斗百年路 启航新征程>学党史 悟思想 办实事 开新局>先进典型\n"],
                note="seed 002, line 5",
            ),
            Bad(
                "首页 > 新闻中心 > 正文\n正文。\n",
                fixed="正文。\n",
                flagged=["首页 > 新闻中心 > 正文\n"],
            ),
            Bad(
                "当前页面：新闻中心\n正文。\n",
                fixed="正文。\n",
                flagged=["当前页面：新闻中心\n"],
                note="a label without 位置 or a separator",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for index, core in short_lines(doc, self.config["max-chars"]):
            labelled = BREADCRUMB_LABEL.match(core) is not None
            rooted = HOME.match(core) is not None and len(CRUMB_SEPARATOR.findall(core)) >= 2
            if labelled or rooted:
                yield self.drop(doc, index, f"Breadcrumb {core!r}")


# --- B103 metadata-line ----------------------------------------------------------------------

SPACES = re.compile(r"[ \t\u3000\u00a0]+")
DATE = r"\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
TIMESTAMP_LINE = re.compile(
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:\s*{TIME})?|{DATE}\s*{TIME})", re.ASCII
)
# 《光明日报》（ 2022年02月13日 02版）: the print source of a reprinted article.
PRINT_SOURCE_LINE = re.compile(
    rf"《[^《》]{{1,15}}》\s*[（(]\s*{DATE}\s*(?:第?\s*\d{{1,3}}\s*版)?\s*[)）]"
)


# Spaces the comparison ignores, and the ASCII whitespace \s still allows between date and time.
LOOSE_SPACE = r"[ \t\u3000\u00a0\r\x0b\x0c]*"
# A print source: 《…》 then its bracket. A timestamp: a date's month between two separators
# (-02-, /9/), or its 日 before the time's colon (spaces may stand between: they are ignored).
METADATA_FORMS_PREFILTER = union(
    f"》{GAP}*[（(]",
    each_before("-/.", f"{LOOSE_SPACE}[0-9]{LOOSE_SPACE}(?:[0-9]{LOOSE_SPACE})?[-/.]"),
    f"日{LOOSE_SPACE}[0-9]{LOOSE_SPACE}(?:[0-9]{LOOSE_SPACE})?:",
)


def metadata_key_prefilter(strong: tuple[str, ...]) -> str:
    """A strong key's last character right before its colon, or (the comparison ignores
    spaces) a space before a colon; any colon if there is no strong key."""
    if not strong:
        return ":|："
    return each_before([key[-1] for key in strong] + [" ", "\t", "\u3000", "\u00a0"], "[:：]")


@lru_cache(maxsize=8)
def _metadata_patterns(strong: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    weak = builtin_phrases("metadata-weak")
    keys = trie_pattern(tuple(k.replace(" ", "") for k in (*strong, *weak)))
    opening = re.compile(rf"(?:{DATE})?(?:{TIME})?[【\[（(]?(?:{keys})[:：]")
    strong_key = re.compile(rf"(?:{trie_pattern(strong)})[:：]")
    return opening, strong_key


class MetadataLine(LineRule):
    code = "B103"
    name = "metadata-line"
    summary = "A line of page metadata: 来源:山西日报时间:2021-09-17 08:31:26, 责任编辑, 浏览次数"
    why = (
        "Source, publication time, editor and view counters describe the page, not its "
        "content; they belong in a record's fields. Left in the text they are near-identical "
        "lines across a whole site. A line is metadata when it opens with a field key and a "
        "colon and holds at least one strong key (来源, 作者, 责任编辑, 浏览次数 …; the list is "
        "data/metadata.txt); 时间 and 日期 alone head real content in agendas and notices. A "
        "line that is only a timestamp (2022-02-13 20:04:17) or a print source "
        "(《光明日报》（2022年02月13日 02版）) is metadata too."
    )
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the whole line with its newline. Unsafe: the source or date may be worth "
        "keeping in a record field before it goes."
    )
    phrase_list = "metadata"
    options: ClassVar[dict] = {"max-chars": 80, **PHRASE_OPTIONS}
    option_docs: ClassVar[dict] = {
        "max-chars": "Longer lines are never metadata lines.",
        **PHRASE_OPTION_DOCS,
    }
    examples = Examples(
        clean=[
            "时  间：7:00－9:30\n地  点：南开大学办公楼一楼会议室\n",
            "资料来源：他说，这个问题来源于生活。\n",
            "二〇二一年九月十七日\n",
            "出处：清·李宝嘉《官场现形记》第一回\n",
        ],
        bad=[
            Bad(
                "标题\n\n来源:山西日报时间:2021-09-17 08:31:26\n\n正文。\n",
                fixed="标题\n\n\n正文。\n",
                flagged=["来源:山西日报时间:2021-09-17 08:31:26\n"],
                note="seed 002, line 11",
            ),
            Bad(
                "正文。\n责任编辑：陈一豪 唐浚中 全丽 熊冬梅\n",
                fixed="正文。\n",
                flagged=["责任编辑：陈一豪 唐浚中 全丽 熊冬梅\n"],
            ),
            Bad("标题\n2022-02-13 20:04:17\n正文。\n", fixed="标题\n正文。\n"),
            Bad("正文。\n《光明日报》（ 2022年02月13日 02版）\n", fixed="正文。\n"),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        strong = configured_phrases(self.phrase_list, self.config)
        self.opening, self.strong_key = _metadata_patterns(strong)
        # Every finding is a print source, a timestamp, or a line holding a strong key.
        self.prefilter = union(METADATA_FORMS_PREFILTER, metadata_key_prefilter(strong))

    def check(self, doc: Document) -> Iterator[Finding]:
        limit = self.config["max-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if core and len(core) <= limit and self._is_metadata(core):
                yield self.drop(doc, index, f"Page metadata {core!r}")

    def _is_metadata(self, core: str) -> bool:
        # Every form opens with a digit or 《, or holds a colon: a cheap test before the regexes.
        if not (":" in core or "：" in core or core[0].isdigit() or core[0] == "《"):
            return False
        compact = SPACES.sub("", core)
        if TIMESTAMP_LINE.fullmatch(compact) or PRINT_SOURCE_LINE.fullmatch(core):
            return True
        return (
            self.opening.match(compact) is not None and self.strong_key.search(compact) is not None
        )


# --- names and credits (B104, B105) ----------------------------------------------------------


@lru_cache(maxsize=1)
def _surnames() -> str:
    return "".join(dict.fromkeys("".join(builtin_phrases("surnames"))))


SEP = r"[ \t\u3000、，,]+"
SURNAME = f"[{_surnames()}]"
# A personal name: a common surname and one to three more characters (2-4 in all).
NAME = f"{SURNAME}[{HAN}]{{1,3}}"
NAMES = f"{NAME}(?:{SEP}{NAME})*"
# A name list keeps each name short (2-3 characters) so that 4-character words do not pass.
LIST_NAME = f"{SURNAME}[{HAN}]{{1,2}}"
# A role, with the outlet before it: 本报记者, 松花江网编辑, 顶端新闻·河南商报记者.
ROLE_WORD = "(?:记者|記者|通讯员|通訊員|编辑|編輯|撰稿|撰文|整理|摄影|攝影|校对|审核|供稿)"
ROLE = rf"(?:[\u4e00-\u9fff·]{{0,12}}?(?:特约|实习|首席|摄影)?{ROLE_WORD})"
BOX = "[□■◎●▲◇◆☆]"
# 本报记者 刘斐 通讯员 靳俊利 (role, names; repeated). A bare line with a colon after the role
# (责任编辑：王明) is a metadata field and left to metadata-line; in brackets it is a credit.
ROLE_NAMES = rf"{ROLE}\s*{NAMES}(?:\s+{ROLE}\s*{NAMES})*"
FIELD_NAMES = rf"{ROLE}[\s:：]*{NAMES}(?:\s+{ROLE}[\s:：]*{NAMES})*"
BYLINE = re.compile(
    rf"{BOX}?\s*{ROLE_NAMES}"  # □本报记者 周俊英, 本報記者楊亞湖
    rf"|{BOX}\s*{NAMES}"  # □ 王晶晶
    rf"|[(（]\s*(?:{FIELD_NAMES}|{NAMES})\s*[)）]"  # (高淑芳 高虹), (视频编辑：张贝龙)
)
NAME_LIST = re.compile(rf"{LIST_NAME}(?:[ \t\u3000]+{LIST_NAME})+")
BYLINE_OPENERS = frozenset("□■◎●▲◇◆☆(（")
ROLE_WORD_RE = re.compile(ROLE_WORD)
SURNAME_CHARS = frozenset(_surnames())
LIST_SPACE = re.compile("[ \t\u3000]")
# 本报讯(记者 周俊英) or 新华社北京3月5日电（记者 张三）at the start of a paragraph.
DATELINE_CREDIT = re.compile(
    r"(?:本报讯|本報訊|[^\s，。,：:“”\"]{2,24}?(?:电|電|讯|訊|消息))\s*"
    r"[(（][^()（）]{0,8}?(?:记者|記者|通讯员|通訊員)[^()（）]{1,40}[)）]\s*"
)
PHOTO_CREDIT = rf"(?:{ROLE}\s*)?{NAMES}\s*(?:摄影|摄|攝|供图)"
# 记者马俊峰/文 受访者供图: the writer's credit, then where the photo came from.
WRITER = rf"{ROLE}\s*{NAMES}\s*[/／]\s*文"
PHOTO_SOURCE = r"(?:受访者|网络|资料|[\u4e00-\u9fff]{2,8})?供图"
CREDIT_LINE = re.compile(
    rf"[(（]?\s*(?:{PHOTO_CREDIT}|{WRITER}\s*(?:{PHOTO_CREDIT}|{PHOTO_SOURCE})?)\s*[)）]?"
)
CREDIT_MARK = re.compile("[摄攝/／]|供图")  # every CREDIT_LINE holds one


def is_credit_line(core: str) -> bool:
    return CREDIT_MARK.search(core) is not None and CREDIT_LINE.fullmatch(core) is not None


# The agency that distributed the photo goes with the credit: 新华社发（张春雷 摄）.
AGENCY = "(?:新华社|中新社|中新网|新华网|人民网|央视网|本报)发"
CAPTION_TAIL = re.compile(
    rf"(?:[ \t\u3000]*(?:{AGENCY})?[(（]\s*{PHOTO_CREDIT}\s*[)）]|[ \t\u3000]+{PHOTO_CREDIT})$"
)
# 资料图：… labels a stock photo; without the colon 资料图 is a word in a sentence.
CAPTION_HEAD = re.compile(r"(?:图为|上图|下图|左图|右图|图注|题图)[：:为]?|资料(?:图片?|照片)[：:]")
CREDIT_REACH = 80  # a credit at the end of a line is never longer than this
CAPTION_HEAD_REACH = 300  # longest line opening with 图为 that is taken for a caption


def caption_tail(core: str) -> tuple[int, int] | None:
    """Where a photo credit ends the line (…打扫卫生(王建党 摄)), as offsets into ``core``."""
    start = max(0, len(core) - CREDIT_REACH)
    if "摄" not in core[start:] and "攝" not in core[start:] and "供图" not in core[start:]:
        return None
    match = CAPTION_TAIL.search(core, start)
    return (match.start(), match.end()) if match else None


# Names next to a credit word: 高淑芳 摄 (before 摄), 记者 周俊英 (after 记者).
NAME_BEFORE_CREDIT = re.compile(f"({NAME})\\s*$")
NAME_AFTER_CREDIT = re.compile(f"\\s*({NAME})(?![{HAN}])")
# Two or more names in brackets: (高淑芳 高虹).
CREDIT_GROUP = re.compile(rf"[(（]\s*({NAME}(?:{SEP}{NAME})+)\s*[)）]")


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
        "Bylines and credit lists are names without a sentence: they teach a model to emit "
        "reporters' names and break paragraph statistics. Flagged: a line that is a role and "
        "names (□本报记者 周俊英, 本報記者楊亞湖), a boxed name (□ 王晶晶), names in brackets "
        "((高淑芳 高虹)), a list of three or more names, or of two on the document's last line "
        "(袁兆辉 武丽伟), a lone name that the document credits elsewhere (高淑芳 after 高淑芳 "
        "摄), and inside a paragraph the dateline credit 本报讯(记者 周俊英) or "
        "新华社北京3月5日电（记者 张三）. A bare 本报讯 with no name is a dateline, not a "
        "credit, and is left alone."
    )
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the credit line with its newline; inside a paragraph, deletes only the dateline "
        "credit. Unsafe: a short line of names can be content (a list of award winners)."
    )
    # No prefilter: every necessary condition found (a surname after a role word, box, bracket
    # or space …) cost Hyperscan more than the check saves on the documents it rules out.
    triggers = ("记者", "記者", "通讯员", "通訊員", "编辑", "編輯", "□", "■", "◎", " ", "\u3000")
    examples = Examples(
        clean=[
            "民生事项放心上 暖心服务到身边\n",
            "启航新征程 学党史 悟思想 办实事 开新局\n",
            "记者从市委获悉，王明等人参加了会议。\n",
            "本报讯 阳光明媚，鸟语花香。\n",
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
            if len(core) <= 4 and not is_prose(core):
                if credited is None:
                    credited = credited_names(doc.text)
                if core in credited:
                    yield self.drop(doc, index, f"Stray credited name {core!r}")
                    continue
            # A dateline credit is in brackets: most lines have none and skip the regex.
            dateline = ("(" in core or "（" in core) and DATELINE_CREDIT.match(core)
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


# --- B105 photo-caption ----------------------------------------------------------------------


# dirty corpus cngov_lz_001.txt, line 7: the article's last paragraph, then the photo credit.
ATTENDEES = (
    "浙江省委副书记郑栅洁，省委常委、秘书长陈金彪，副省长彭佳学，农业农村"
    "部党组副书记、副部长余欣荣，农业农村部副部长于康震，中国农业科学院党"
    "组书记张合成，农业农村部总农艺师马爱国等出席座谈会。"
)


class PhotoCaption(LineRule):
    code = "B105"
    name = "photo-caption"
    summary = "Photo captions and credits: 讲座现场 / 高淑芳 摄; …打扫卫生(王建党 摄)"
    why = (
        "A caption describes a picture the corpus does not have; scraped into the text it "
        "interrupts the article, often in the middle of a sentence (seed 004: 彰德 ⏎ caption ⏎ "
        "路64号院). Flagged: a photo credit alone (高淑芳 摄), a short line that ends with one "
        "(…接受军事训练。 高淑芳 摄), a paragraph that ends with one and says 图为 (seed 004:109), "
        "a line opening with 图为/上图 or with a stock-photo label (资料图：…), and a short "
        "unpunctuated line right above a credit line (讲座现场). A long paragraph that merely "
        "ends with a credit (…等出席座谈会。（韦科 摄）) is article text: only its credit is "
        "flagged."
    )
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the caption line with its newline, or deletes only the credit at the end of an "
        "article paragraph. Unsafe: some captions carry facts the article does not repeat."
    )
    options: ClassVar[dict] = {"max-title-chars": 20, "max-caption-chars": 80}
    option_docs: ClassVar[dict] = {
        "max-title-chars": "Longest unpunctuated line above a credit that counts as its caption.",
        "max-caption-chars": (
            "Longest line ending in a credit that is dropped whole as a caption (unless it says "
            "图为); on a longer one only the credit is flagged and deleted."
        ),
    }
    triggers = (
        *("摄", "攝", "供图", "图为", "上图", "下图", "左图", "右图", "图注", "题图"),
        *("资料图", "资料照片"),
    )
    examples = Examples(
        clean=[
            "他拿起相机拍摄了一张照片。\n",
            "摄影爱好者王明说，这里的风景很美。\n",
        ],
        bad=[
            Bad(
                "正文。\n\n讲座现场\n\n高淑芳 摄\n\n正文。\n",
                fixed="正文。\n\n\n\n正文。\n",
                flagged=["讲座现场\n", "高淑芳 摄\n"],
                note="seed 001, lines 129 and 131",
            ),
            Bad(
                "彰德\n救援人员帮助打扫卫生(王建党 摄)\n路64号院的居民高兴地欢呼。\n",
                fixed="彰德\n路64号院的居民高兴地欢呼。\n",
                flagged=["救援人员帮助打扫卫生(王建党 摄)\n"],
                note="seed 004, line 129",
            ),
            Bad(
                "现场体验实弹射击,接受军事训练。 高淑芳 摄\n正文。\n",
                fixed="正文。\n",
                flagged=["现场体验实弹射击,接受军事训练。 高淑芳 摄\n"],
            ),
            Bad("图为7月27日，青年志愿者帮助打扫卫生。\n正文。\n", fixed="正文。\n"),
            Bad(
                "资料图：无性婚姻能走多远？\n正文。\n",
                fixed="正文。\n",
                flagged=["资料图：无性婚姻能走多远？\n"],
                note="dirty corpus webextract_009.txt, line 1",
            ),
            Bad(
                ATTENDEES + "（韦科 摄）\n",
                fixed=ATTENDEES + "\n",
                flagged=["（韦科 摄）"],
                note="dirty corpus cngov_lz_001.txt, line 7: article text, only the credit goes",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        cores = doc.view(line_cores)
        lines = [index for index, core in enumerate(cores) if core]
        limit = self.config["max-title-chars"]
        longest = self.config["max-caption-chars"]
        for position, index in enumerate(lines):
            core = cores[index]
            tail = caption_tail(core)
            if tail and len(core) > longest and "图为" not in core:
                yield self._credit_only(doc, index, tail)
            elif tail or is_credit_line(core):
                yield self.drop(doc, index, f"Photo caption or credit {core!r}")
            elif CAPTION_HEAD.match(core) and len(core) <= CAPTION_HEAD_REACH:
                yield self.drop(doc, index, f"Photo caption {core!r}")
            elif (
                len(core) <= limit
                and not is_prose(core)
                and position + 1 < len(lines)
                and is_credit_line(cores[lines[position + 1]])
            ):
                yield self.drop(doc, index, f"Caption above a photo credit {core!r}")

    def _credit_only(self, doc: Document, index: int, tail: tuple[int, int]) -> Finding:
        offset = core_start(doc, index)
        start, end = offset + tail[0], offset + tail[1]
        credit = doc.text[start:end].strip()
        return self.finding(
            end - len(credit),
            end,
            f"Photo credit {credit!r} at the end of a paragraph",
            edits=[Edit(start, end, "")],
            title="Delete the credit",
        )


# --- B106 copyright-footer -------------------------------------------------------------------

YEARS = re.compile(r"[©®]|\(c\)|\d{4}(?:\s*[-–—]\s*\d{4})?", re.IGNORECASE)


class CopyrightFooter(PhraseLineRule):
    code = "B106"
    name = "copyright-footer"
    summary = "Copyright and reprint notices: 版权所有, 未经授权不得转载, ICP备, Copyright ©"
    why = (
        "Footer notices are the same on every page of a site and say nothing about the "
        "article; a model trained on them learns to append 版权所有. A line is flagged when it "
        "holds a listed notice phrase (data/copyright.txt) and little else: at most "
        "`max-other-chars` Chinese characters outside the phrases, URLs and years."
    )
    fix_safety = FixSafety.SAFE
    fix_note = "Drops the whole line with its newline."
    phrase_list = "copyright"
    options: ClassVar[dict] = {"max-chars": 120, "max-other-chars": 16, **PHRASE_OPTIONS}
    option_docs: ClassVar[dict] = {
        "max-chars": "Longer lines are never footers.",
        "max-other-chars": "Chinese characters a footer may hold besides the notice phrases.",
        **PHRASE_OPTION_DOCS,
    }
    examples = Examples(
        clean=[
            "出版社未经许可印刷了他的小说，法院判决其赔偿损失并公开道歉。\n",
            "他说：“这幅画的版权归我。”\n",
        ],
        bad=[
            Bad(
                "正文。\n版权所有：中华人民共和国中央人民政府 京ICP备05070218号\n",
                fixed="正文。\n",
            ),
            Bad("正文。\nCopyright © 2012 Sohu.com Inc. All Rights Reserved.\n", fixed="正文。\n"),
            Bad("正文。\n未经授权，不得转载。\n", fixed="正文。\n"),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Every footer holds a notice phrase.
        self.prefilter = self.phrase_prefilter()

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.matcher is None:
            return
        limit, other = self.config["max-chars"], self.config["max-other-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if not core or len(core) > limit or not self.matcher.search(core):
                continue
            rest = YEARS.sub("", URL.sub("", self.matcher.sub("", core)))
            if han_count(rest) <= other and "“" not in core:
                yield self.drop(doc, index, f"Copyright notice {core!r}")


# --- B107 section-header ---------------------------------------------------------------------

COLUMN_TAG = re.compile(r"【([^【】\s]{2,8})】\s*")
# Bracketed field labels of papers, dictionaries and exercises head their own content.
FIELD_LABELS = frozenset(
    [
        "摘要",
        "关键词",
        "关键字",
        "作者",
        "注释",
        "释义",
        "例句",
        "出处",
        "题目",
        "原文",
        "译文",
        "注音",
        "解析",
        "答案",
        "提示",
        "按语",
    ]
)


@lru_cache(maxsize=1)
def _post_tag() -> re.Pattern[str]:
    return re.compile(f"(?:{trie_pattern(builtin_phrases('post-tags'))})[帖贴]?")


class SectionHeader(PhraseLineRule):
    code = "B107"
    name = "section-header"
    summary = "Column and channel labels: 图说新闻, 部门动态, 【先进典型】, campaign slogans"
    why = (
        "Newspaper pages and portals print the column name or the campaign slogan above each "
        "story (奋斗百年路 / 学党史 悟思想 办实事 开新局 / 图说新闻). Scraped, the label sits "
        "in the text as if it were the article's heading and repeats across every story of "
        "the column. A line is flagged only when it is made of listed labels (data/"
        "section-headers.txt) and separators; the article's own headings are never in the "
        "list. A 【tag】 opening a short headline (【先进典型】列清单建台账) is flagged as a tag, "
        "unless it is a forum post type (【求助】, 【原创】, 【分享】; data/post-tags.txt) that "
        "the post's author wrote into the title."
    )
    fix_safety = FixSafety.UNSAFE
    fix_note = (
        "Drops the label line with its newline, or deletes the 【tag】 from the headline. "
        "Unsafe: a label can double as a real heading."
    )
    phrase_list = "section-headers"
    examples = Examples(
        clean=[
            "为群众办实事\n",
            "奋斗百年路上，我们不忘初心。\n",
            "【注意】本条例自公布之日起施行，由省政府负责解释。\n",
            "【关键词】乡村振兴 人居环境\n",
            # dirty corpus tieba_linux_004.txt, line 46: a forum post title
            "Linux 下使用mount命令挂载CDROM失败怎么办？\n【求助】DEEPIN软件安装问题\n",
        ],
        bad=[
            Bad("奋斗百年路\n\n标题\n", fixed="\n标题\n", flagged=["奋斗百年路\n"]),
            Bad(
                "启航新征程 学党史 悟思想 办实事 开新局\n标题\n",
                fixed="标题\n",
                note="seed 004, line 7",
            ),
            Bad("正文。\n图说新闻\n正文。\n", fixed="正文。\n正文。\n"),
            Bad(
                "【先进典型】列清单建台账 利长远惠民生\n",
                fixed="列清单建台账 利长远惠民生\n",
                flagged=["【先进典型】"],
                note="seed 002, line 7",
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        phrases = configured_phrases(self.phrase_list, self.config)
        compact = tuple(p.replace(" ", "") for p in phrases)
        self.label_line = re.compile(f"(?:{trie_pattern(compact)})+") if compact else None
        # Every finding is a line of labels, compared without decoration (which may stand
        # between a label's characters), or a 【tag】.
        labels = "|".join(f"{GAP}*".join(literal(c) for c in label) for label in compact)
        self.prefilter = union(labels, "【")

    def check(self, doc: Document) -> Iterator[Finding]:
        for index, core in self.short_lines(doc):
            compact = DECORATION.sub("", core)
            if self.label_line is not None and self.label_line.fullmatch(compact):
                yield self.drop(doc, index, f"Column or section label {core!r}")
                continue
            tag = COLUMN_TAG.match(core)
            if tag and tag.end() < len(core) and not self._is_content_tag(tag[1]):
                start = core_start(doc, index)
                yield self.finding(
                    start,
                    start + len(tag[0].rstrip()),
                    f"Column tag {tag[0].strip()!r} on a headline",
                    edits=[Edit(start, start + tag.end(), "")],
                    title="Delete the tag",
                )

    @staticmethod
    def _is_content_tag(tag: str) -> bool:
        return tag in FIELD_LABELS or _post_tag().fullmatch(tag) is not None
