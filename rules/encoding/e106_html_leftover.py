"""E106 html-leftover."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.patterns import regex

TAG_NAMES = (
    "p|br|div|span|a|img|b|i|u|em|strong|font|table|tr|td|th|li|ul|ol|h[1-6]|center|section|"
    "article|script|style|iframe|html|body|head|meta|link|sup|sub|hr"
)
ATTRIBUTE = r"""\s+[a-zA-Z_:][-\w:.]*(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'<>]+))?"""
HTML_LEFTOVER = regex(
    r"&(?:#[0-9]{2,7};?|#[xX][0-9a-fA-F]{2,6};?|[a-zA-Z][a-zA-Z0-9]{1,30};|(?:nbsp|amp|lt|gt|quot)\b)"
    f"|<(?:/?(?:{TAG_NAMES})(?:{ATTRIBUTE})*\\s*/?|!--[^\n]{{0,300}}?--)>",
    re.IGNORECASE,
)


class HtmlLeftover(Rule):
    code = "E106"
    name = "html-leftover"
    summary = "HTML entities and tags left in text: &nbsp; &amp; &#x4e00; <br> <p>"
    why = (
        "Entities and tags are markup, not text. They are left when a page is scraped without "
        "an HTML parser or unescaped once too few. A model learns to write &nbsp; and <br> "
        "inside Chinese sentences, and character statistics count markup as content."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Unescapes entities (&nbsp; becomes a plain space) and deletes tags."
    triggers = ("&", "<")
    examples = Examples(
        clean=["A&B公司与C&D公司合作。", "如果 a<b 且 b>c，那么……", "《红楼梦》<第一回>"],
        bad=[
            Bad("中国&nbsp;人民", fixed="中国 人民", flagged=["&nbsp;"]),
            Bad("&#20013;&#x6587;网站", fixed="中文网站", flagged=["&#20013;", "&#x6587;"]),
            Bad("第一段<br/>第二段", fixed="第一段第二段", flagged=["<br/>"]),
            Bad("<p>为群众办实事</p>", fixed="为群众办实事", flagged=["<p>", "</p>"]),
            Bad("他说&ldquo;好&rdquo;", fixed="他说“好”", flagged=["&ldquo;", "&rdquo;"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in HTML_LEFTOVER.finditer(doc.text):
            fix = html_fix(match[0])
            if fix is not None:
                message, replacement, title = fix
                yield self.finding(
                    match.start(), match.end(), message, replacement=replacement, title=title
                )


@lru_cache(maxsize=4096)
def html_fix(leftover: str) -> tuple[str, str, str] | None:
    """Message, replacement and fix title for an entity or tag; None for an entity html
    does not know (A&B;). Cached: pages repeat the same few (&nbsp; <br>)."""
    if leftover.startswith("&"):
        replacement = html.unescape(leftover).replace("\xa0", " ")
        if replacement == leftover:
            return None
        return f"HTML leftover {leftover!r}", replacement, "Unescape"
    return f"HTML leftover {leftover!r}", "", "Remove the tag"
