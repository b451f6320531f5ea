"""B102 breadcrumb."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety
from cnlint.patterns import regex
from cnlint.prefilter import each_before, union
from cnlint.rules._text.line_rule import LineRule
from cnlint.rules._text.lines import GAP, short_lines

BREADCRUMB_LABEL = regex(
    r"(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|现在位置|所在位置|"
    r"当前页面)\s*[:：]"
)
CRUMB_SEPARATOR = regex(r"\s*(?:>>|>|»|›|＞|→|〉)\s*")
HOME = regex(r"(?:首页|主页|网站首页|Home)\s*(?:>>|>|»|›|＞|→|〉)", re.IGNORECASE)
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
        for index, core in short_lines(doc, self.option_values["max-chars"]):
            labelled = BREADCRUMB_LABEL.match(core) is not None
            rooted = HOME.match(core) is not None and len(CRUMB_SEPARATOR.findall(core)) >= 2
            if labelled or rooted:
                yield self.drop(doc, index, f"Breadcrumb {core!r}")
