"""B101 navigation-junk."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Severity
from cnlint.chars import han_count
from cnlint.patterns import regex
from cnlint.prefilter import each_before, literal_led, union
from cnlint.rules._text.line_rule import PhraseLineRule
from cnlint.rules._text.lines import (
    INLINE_SPACE,
    URL,
    URL_PREFILTER,
    core_start,
    has_sentence_mark,
    is_url_only,
    line_cores,
)
from cnlint.rules._text.phrases import builtin_phrases, compile_phrases

# A site's name stamped right after a sentence's stop at the end of a line (…没有了。白马书院),
# of 2 to WATERMARK_MAX_CHARS characters; separators inside it (白马_书院) defeat exact matching,
# so they are ignored when comparing.
WATERMARK_MAX_CHARS = 12
WATERMARK_TAIL = regex(
    rf"[。！？!?]([A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff_·\- ]{{1,{WATERMARK_MAX_CHARS - 1}}})$"
)
WATERMARK_SEPARATORS = regex(r"[_·\- ]")
# It names a site: forum posts also end lines with the same words (…升级时需要密码吗？谢谢).
SITE_NAME = regex(
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

# A URL alone on a line is the value of the line above when that line names it: a short
# unpunctuated name or title, with or without a colon (a man page's colophon lists its
# translation project's address so), and that is a reference, not a watermark. Watermarks
# follow prose (even a sentence ending in a colon before speech) or rules of dashes.
# A person's name (2-3 characters) above a URL is a blog's profile link in a sidebar: chrome.
MAX_LINK_NAME = 30
MIN_LINK_NAME_HAN = 4
TRAILING_COLON = regex(r"[:：]\s*$")


# A prev/next link: 上一篇：…, 下一条：…, 前一则：…; the counter is a measure word of texts and
# pages (not 步, so 下一步： in a manual's steps stays).
PREV_NEXT = regex(
    r"(?:^|[\s|｜【\[<《«‹◀◁←▲△])[上下前后]一(?:篇|页|章|条|则|节|帖|首|回|集|期|张|组)"
    r"(?:文章|新闻|信息|主题)?\s*[:：]"
)
# A print edition's cross-reference to another page (（相关报道见第十三版）, （下转第四版）,
# （上接第一版）): it points at a page the corpus does not have.
PAGE_NUMBER = "[一二三四五六七八九十百零〇0-9０-９]{1,4}"
CROSS_REFERENCE = regex(
    rf"[（(][^（）()]{{0,10}}?(?:见|转|接|转至|详见|参见)(?:本报)?(?:今日|本期)?"
    rf"(?:第{PAGE_NUMBER}|{PAGE_NUMBER})\s*版[^（）()]{{0,4}}[)）]$"
)
# What a row of controls holds besides words: separators, arrows and triangles, buttons in
# brackets, a counter in brackets (（已有12条）, (35)).
CONTROL_MARK = regex(
    r"[|｜▲▼△▽◀▶◁▷►◄↑↓«»›‹]|【[^【】]{1,10}】|\[[^\[\]]{1,10}\]"
    r"|[（(]\s*(?:已有|共|有)?\s*\d+\s*[\u4e00-\u9fff]{0,3}\s*[)）]"
)
BUTTON_LABEL = regex(r"【[^【】]{1,10}】|\[[^\[\]]{1,10}\]")
BUTTON_ROW = regex(r"(?:(?:【[^【】]{1,10}】|\[[^\[\]]{1,10}\])\s*){3,}")
# A menu: three or more short items between separators, a label before a colon allowed
# (分享到：微博 | 微信 | QQ空间).
MENU_SEPARATOR = regex(r"\s*[|｜»›]\s*")
MENU_LABEL = regex(r"^[^|｜»›:：]{1,12}[:：]\s*")
MENU_ITEM = regex(r"[^\s，,、。“”\"]{0,3}[\u4e00-\u9fff][^，,、。“”\"]{0,9}")
# Words of the phrase list that also name a program's functions: alone, or joined into one
# phrase (默认设置, 打印和打印预览, 修改打印机设置), they are a manual's heading or a table's
# cell; a row of controls separates them (登录 | 注册) or holds a control's own phrase
# (打印本页, 返回顶部).
FUNCTION_WORDS = frozenset(
    {"设置", "默认", "打印", "搜索", "下载", "放大", "缩小", "关闭", "书签", "登录", "注册", "退出"}
)
WORD_GAP = regex(r"[\s|｜/\\、,，·•»›]")
SECTION_NUMBER = regex(r"^\d+(?:\.\d+)*\.?\s+")
# A scraped page shows its chrome more than once (目录, 详情, 换源, 主页 of a novel reader);
# a manual's page has at most its contents heading.
MIN_PAGE_CHROME = 2
EDGE_DECORATION = " \t\u3000-–—=*~•·|｜【】[]()（）<>《》»«›‹:："
# A step of a procedure: a click or a choice down a menu path (点击 文件 – 打开).
MENU_STEP = regex(r"^(?:点击|单击|双击|选择|选取)\s*[^\s–—>→]+\s*[–—>→]\s*\S")
# A URL before a full stop, comma or semicolon ends a line of an English sentence
# (… release appeared on linuxfr.org.), not a watermark.
SENTENCE_TAIL = regex(r"[.,;]$")
# Clause punctuation and quotes: a line holding them is written, not a row of controls.
CLAUSE_MARK = regex(r"[，,、“”\"「」]")
# A line of controls holds few words besides the controls' own.
MAX_OTHER_HAN = 4
MAX_OTHER_HAN_BESIDE_MARKS = 8
MIN_MENU_ITEMS = 3


def names_link(above: str) -> bool:
    """The line above a URL names it: a short name or title, with or without a colon."""
    above = TRAILING_COLON.sub("", above)
    return (
        len(above) <= MAX_LINK_NAME
        and han_count(above) >= MIN_LINK_NAME_HAN
        and not has_sentence_mark(above)
        and not CLAUSE_MARK.search(above)
    )


def is_function_heading(core: str, hits: list[str]) -> bool:
    """One phrase made of words that name a program's functions (打印, 默认设置, 4. 打印)."""
    phrase = SECTION_NUMBER.sub("", core.strip(EDGE_DECORATION))
    return all(hit in FUNCTION_WORDS for hit in hits) and not WORD_GAP.search(phrase)


def neighbours(cores: list[str], index: int) -> list[str]:
    """The nearest non-blank line above and below line ``index``."""
    above = next((cores[i] for i in range(index - 1, -1, -1) if cores[i]), "")
    below = next((cores[i] for i in range(index + 1, len(cores)) if cores[i]), "")
    return [above, below]


def ui_matcher():
    """The controls' vocabulary (data/navigation-ui.txt) as one matcher."""
    return compile_phrases(builtin_phrases("navigation-ui"))


class NavigationJunk(PhraseLineRule):
    code = "B101"
    name = "navigation-junk"
    summary = (
        "Page chrome copied with the article: 手机下载, 微信关注, 上一篇, 返回顶部, site promos"
    )
    why = (
        "Share buttons, app prompts, pagers and download-site promotions are the same few "
        "strings on every page of a site. In a corpus they are thousands of identical lines "
        "that teach a model to end articles with 返回顶部. What makes a line chrome is its "
        "shape, as jusText judges a block by its length and its share of function words: it "
        "is short, ends no sentence and holds no clause punctuation, and it is made of "
        "controls. Flagged: a line of listed phrases, URLs and separators "
        "(data/navigation.txt); a prev/next link (上一篇：…, 下一条：…, any counter of texts "
        "and pages, not 下一步); a menu of three or more short items between | ｜ » ›; a row "
        "of three or more bracketed buttons with a control word; two words of the controls' "
        "vocabulary (data/navigation-ui.txt: 登录, 分享, 打印, 字体 …) with at most four "
        "other characters, or one beside a control's marks (▲, a bracketed button, a count "
        "such as （已有12条）). So 他用手机下载了文件。 and a man page's -v 打印版本号 stay "
        "prose, and so does a step down a menu (点击 文件 – 打开). Words that also name a "
        "program's functions (打印, 设置, 默认, 搜索, 下载, 放大, 缩小 …), alone or joined into "
        "one phrase (默认设置, 打印和打印预览), are a manual's heading or a table's cell: they "
        "are chrome only beside another line of chrome (a reader's 换源 / 设置 / 主页) or on "
        "a page with two or more others (a manual's page has at most its 目录). A "
        "line that is only a URL or domain (a site watermark such as -- www.5183.com --) is "
        "flagged too, unless the line above names it (a label with a colon, a title, a short "
        "name: a colophon's project address) or a full stop or comma after it ends a line "
        "of an English sentence (… release appeared on linuxfr.org.); and so is a short tag "
        "stamped after the final stop of two or more lines that names a site (…没有了。白马书院 "
        "… 出水面。白马_书院: a name ending in 书院, 小说, 文学, 网, com …); a forum's "
        "repeated 谢谢 after a question is the poster's. A print edition's cross-reference "
        "to another page ((相关报道见第十三版), (下转第四版)) is flagged alone on a line or "
        "ending one; only the bracket goes."
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
            # benchmark corpus, manpages-zh MainFrame.3tk, lines 107-108: a colophon's link
            "《中国 Linux 论坛 man 手册页翻译计划》:\nhttp://cmpp.linuxforum.net\n",
            # benchmark corpus, manpages-zh troff.1: one control word in an option's help
            "-v 打印版本号\n",
            # benchmark corpus, People's Daily 2013 00000088: a subhead
            "与更多人分享就业机会\n",
            # Debian libreoffice-help-zh-cn, writer borders: a heading of two function words
            "默认设置\n\n点击任一「默认」图标，以设置或重置多个边框。\n",
            # Debian libreoffice-help-zh-cn, shared doc_open: the steps of a procedure
            "执行以下操作之一:\n\n点击 文件 – 打开\n\n点击 文件 – 打开远程\n",
            # Debian lilypond-doc-html-zh, attic: an English sentence that ends with a domain
            "A French article on the new LilyPond\nrelease appeared on linuxfr.org.\n",
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
                "正文。\n上一篇：列清单建台账 利长远惠民生\n",
                fixed="正文。\n",
                flagged=["上一篇：列清单建台账 利长远惠民生\n"],
                note="a prev/next link to seed 002's headline",
            ),
            Bad(
                "正文。\n新闻中心 | 政务公开 | 办事服务 | 互动交流\n",
                fixed="正文。\n",
                note="a menu of a government portal",
            ),
            Bad("正文。\n【打印本页】【关闭窗口】【返回顶部】\n", fixed="正文。\n"),
            Bad(
                "当时他并未在意。\n设置\n花开两岸，彼此遥见。\n详情\n大漠孤烟直，长河落日圆。\n换源\n",
                fixed="当时他并未在意。\n花开两岸，彼此遥见。\n大漠孤烟直，长河落日圆。\n",
                flagged=["设置\n", "详情\n", "换源\n"],
                note="dirty corpus novel_ws_001.txt: a reader's buttons among its lines, apart",
            ),
            Bad("正文。\n登录 | 注册\n", fixed="正文。\n"),
            Bad(
                "　　（相关报道见第十三版）\n",
                fixed="",
                note="benchmark corpus, People's Daily 2013 00000006, line 4",
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
        # Every finding is a line that holds a listed phrase (chrome), a URL (a watermark line),
        # a site's name after a stop (a watermark tail), a control word, a menu separator or a
        # prev/next link.
        self.prefilter = union(
            self.phrase_prefilter(),
            URL_PREFILTER,
            WATERMARK_PREFILTER,
            literal_led(builtin_phrases("navigation-ui")),
            each_before("|｜»›", ""),
            each_before("上下前后", "一"),
            each_before(("版）", "版)"), ""),
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        limit = self.option_values["max-chars"]
        previous = ""
        cores = doc.view(line_cores)
        page_chrome: bool | None = None  # counted once, for the first function word alone

        def page_of_chrome() -> bool:
            nonlocal page_chrome
            if page_chrome is None:
                lines = sum(1 for core in cores if self._is_listed_chrome(core, limit))
                page_chrome = lines >= MIN_PAGE_CHROME
            return page_chrome

        for index, core in enumerate(cores):
            if not core:
                continue
            above, previous = previous, core
            if core[-1] in ")）" and "版" in core:
                reference = CROSS_REFERENCE.search(core)
                if reference:
                    yield self._cross_reference(doc, index, core, reference)
                    continue
            # Two linked titles (上一篇：… 下一篇：…) may be twice a control row's length and
            # end with the titles' own marks. PREV_NEXT opens with a line start or a class, so
            # `re` tries it at every position: the 一 every link holds is asked for first.
            if (
                len(core) <= 2 * limit
                and "一" in core
                and PREV_NEXT.search(core)
                and not CLAUSE_MARK.search(core)
            ):
                yield self.drop(doc, index, f"Previous/next link {core!r}")
                continue
            if len(core) > limit or has_sentence_mark(core):
                continue
            if is_url_only(core):
                if not names_link(above) and not SENTENCE_TAIL.search(core):
                    yield self.drop(doc, index, f"Site watermark {core!r}")
            elif self.matcher is not None and self._is_chrome(core, cores, index, page_of_chrome):
                yield self.drop(doc, index, f"Navigation or share chrome {core!r}")
            elif self._is_control_row(core):
                yield self.drop(doc, index, f"Row of page controls {core!r}")
        yield from self._watermark_tails(doc)

    def _cross_reference(
        self, doc: Document, index: int, core: str, reference: re.Match[str]
    ) -> Finding:
        if reference.start() == 0:
            return self.drop(doc, index, f"Cross-reference to a print page {core!r}")
        # The spaces before the bracket go with it: the line must not end in whitespace.
        before = core[: reference.start()]
        start = core_start(doc, index) + len(before.rstrip())
        end = core_start(doc, index) + reference.end()
        return self.finding(
            start,
            end,
            f"Cross-reference to a print page {reference[0]!r}",
            edits=[Edit(start, end, "")],
            title="Delete the cross-reference",
        )

    def _is_control_row(self, core: str) -> bool:
        """Page controls in words the phrase list does not hold: a menu of short items
        between separators, or the controls' vocabulary (登录, 分享, 打印 …) twice, or once
        beside a control's marks, with few other words."""
        if CLAUSE_MARK.search(core) or MENU_STEP.match(core):
            return False
        if self._is_menu(core):
            return True
        ui = ui_matcher()
        hits = ui.findall(core)
        if not hits or is_function_heading(core, hits):
            return False
        marks = CONTROL_MARK.search(core) is not None
        if BUTTON_ROW.fullmatch(core):
            return True
        other = han_count(ui.sub("", BUTTON_LABEL.sub("", URL.sub("", core))))
        if len(set(hits)) >= 2 and other <= MAX_OTHER_HAN:
            return True
        return marks and other <= MAX_OTHER_HAN_BESIDE_MARKS

    @staticmethod
    def _is_menu(core: str) -> bool:
        label = MENU_LABEL.match(core)
        items = MENU_SEPARATOR.split(core[label.end() :] if label else core)
        items = [item for item in items if item]
        return len(items) >= MIN_MENU_ITEMS and all(MENU_ITEM.fullmatch(i) for i in items)

    def _watermark_tails(self, doc: Document) -> Iterator[Finding]:
        tails = []
        for index, core in enumerate(doc.view(line_cores)):
            if not core or core[-1] not in WATERMARK_LAST:  # most lines end with a stop
                continue
            # The stop and the name end the line: no match starts earlier than this.
            match = WATERMARK_TAIL.search(core, max(0, len(core) - 1 - WATERMARK_MAX_CHARS))
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

    def _is_chrome(
        self, core: str, cores: list[str], index: int, on_page_of_chrome: Callable[[], bool]
    ) -> bool:
        hits = self.matcher.findall(core)
        if not hits:
            return False
        if is_function_heading(core, hits):
            # A reader's buttons one to a line (换源 / 设置 / 主页) come with more chrome; a
            # manual's heading stands among written lines.
            limit = self.option_values["max-chars"]
            return on_page_of_chrome() or any(
                self._is_listed_chrome(line, limit) for line in neighbours(cores, index)
            )
        return self._phrases_fill(core, hits)

    def _is_listed_chrome(self, core: str, limit: int) -> bool:
        """A short line of listed phrases with little else, function words alone not counted."""
        if not core or len(core) > limit or has_sentence_mark(core):
            return False
        hits = self.matcher.findall(core)
        return bool(hits) and not is_function_heading(core, hits) and self._phrases_fill(core, hits)

    def _phrases_fill(self, core: str, hits: list[str]) -> bool:
        """The phrases are the line, but for a URL or a few characters."""
        without_urls = URL.sub("", core)
        rest = han_count(self.matcher.sub("", without_urls))
        # One phrase must be the whole line ("收藏家" is a word); two or more may leave a
        # little ("更多精彩 …"), and so may a phrase beside a URL, which names the site
        # (【文学视界(http://www.white-collar.net)编辑整理】).
        has_url = len(without_urls) < len(core)
        return rest == 0 or ((len(hits) >= 2 or has_url) and rest <= 4)
