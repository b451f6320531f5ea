"""B107 section-header."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from cnlint import Bad, Document, Edit, Examples, Finding, FixSafety
from cnlint.patterns import LazyPattern, regex
from cnlint.prefilter import literal, trie_pattern, union
from cnlint.rules._text.line_rule import PhraseLineRule
from cnlint.rules._text.lines import DECORATION, GAP, core_start
from cnlint.rules._text.phrases import builtin_phrases, configured_phrases

COLUMN_TAG = regex(r"【([^【】\s]{2,8})】\s*")
# A listed column label in brackets ending a headline: 军警狙击手世界杯（图片新闻）.
TRAILING_TAG = regex(r"\s*[（(【]([^（）()【】\s]{2,8})[）)】]$")
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
def _post_tag() -> LazyPattern:
    return regex(f"(?:{trie_pattern(builtin_phrases('post-tags'))})[帖贴]?")


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
        "the post's author wrote into the title. A listed label in brackets ending a headline "
        "(军警狙击手世界杯（图片新闻）) is flagged as a tag too."
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
            Bad(
                "军警狙击手世界杯（图片新闻）\n",
                fixed="军警狙击手世界杯\n",
                flagged=["（图片新闻）"],
                note="benchmark corpus, People's Daily 2013 00000112, line 1",
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        phrases = configured_phrases(self.phrase_list, self.option_values)
        compact = tuple(p.replace(" ", "") for p in phrases)
        self.label_line = regex(f"(?:{trie_pattern(compact)})+") if compact else None
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
            trailing = TRAILING_TAG.search(core)
            if (
                trailing
                and trailing.start() > 0
                and self.label_line is not None
                and self.label_line.fullmatch(trailing[1])
            ):
                end = core_start(doc, index) + len(core)
                start = end - len(trailing[0])
                yield self.finding(
                    start,
                    end,
                    f"Column label {trailing[0].strip()!r} on a headline",
                    edits=[Edit(start, end, "")],
                    title="Delete the label",
                )
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
