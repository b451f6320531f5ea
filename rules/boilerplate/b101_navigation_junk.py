"""B101 navigation-junk."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety, Severity
from cnlint.chars import han_count
from cnlint.prefilter import each_before, union
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

# A site's name stamped right after a sentence's stop at the end of a line (…没有了。白马书院),
# of 2 to WATERMARK_MAX_CHARS characters; separators inside it (白马_书院) defeat exact matching,
# so they are ignored when comparing.
WATERMARK_MAX_CHARS = 12
WATERMARK_TAIL = re.compile(
    rf"[。！？!?]([A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff_·\- ]{{1,{WATERMARK_MAX_CHARS - 1}}})$"
)
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
        limit = self.option_values["max-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if not core or len(core) > limit or has_sentence_mark(core):
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
