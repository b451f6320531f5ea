"""A101 contact-solicitation: a line that hands out a WeChat, QQ or group ID (加V：abc123)."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Severity
from cnlint.prefilter import literal_led
from cnlint.rules._text.contacts import channel_pattern
from cnlint.rules._text.line_rule import LineRule
from cnlint.rules._text.lines import line_cores
from cnlint.rules._text.phrases import (
    PHRASE_OPTION_DOCS,
    PHRASE_OPTIONS,
    case_variants,
    configured_phrases,
)


class ContactSolicitation(LineRule):
    code = "A101"
    name = "contact-solicitation"
    summary = "A line handing out a contact: 加V：abc123, 薇信 1 3 8…, QQ群：123456789"
    why = (
        "Ads, SEO pages and spam comments end with a way to reach the seller: a WeChat or QQ "
        "ID, a QQ group, often disguised (薇信, V信, 加V, ＶＸ, 扣扣) and with the digits split "
        "by spaces or symbols so that filters miss them. Thousands of such lines teach a model "
        "to write ads. A line is flagged when a channel (from `rules/data/spam-channels.txt`) "
        "is followed by an ID: five or more digits, split or not, or a handle with a digit in "
        "it. A channel named without an ID (关注官方微信公众号, 微信（WeChat）是…) is not a "
        "solicitation, nor is a line longer than `max-chars` (prose that mentions one)."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fix_note = "Drops the whole line with its newline (unsafe: a forum post may be the poster's)."
    options = {"max-chars": 200, **PHRASE_OPTIONS}
    option_docs = {
        "max-chars": "Longer lines are prose that mentions a contact, not a solicitation.",
        **PHRASE_OPTION_DOCS,
    }
    examples = Examples(
        clean=[
            "请广大考生密切留意考试院微信公众号和门户网站。\n",
            "基本需要，上网浏览网页，QQ 微信，不知道能不能实现\n",
            "QQ Linux 版来啦\n",
        ],
        bad=[
            Bad(
                "下一篇文章将介绍 fastify 中如何实现的高性能 JSON 序列化。\n------\n"
                "欢迎加微信 abc0314 聊一聊技术、人生，本人微信公众号：小熊写字的地方\n",
                fixed="下一篇文章将介绍 fastify 中如何实现的高性能 JSON 序列化。\n------\n",
                flagged=["欢迎加微信 abc0314 聊一聊技术、人生，本人微信公众号：小熊写字的地方\n"],
                note="a blog post's footer (its author's ID replaced)",
            ),
            Bad(
                "正文。\n加V：abc8866 了解详情\n",
                fixed="正文。\n",
                flagged=["加V：abc8866 了解详情\n"],
            ),
            Bad(
                "欢迎加入本站QQ群：123456789\n正文。\n",
                fixed="正文。\n",
                flagged=["欢迎加入本站QQ群：123456789\n"],
            ),
            Bad(
                "正文。\n薇信 1 3 8 1 2 3 4 5 6 7 8\n",
                fixed="正文。\n",
                flagged=["薇信 1 3 8 1 2 3 4 5 6 7 8\n"],
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        channels = configured_phrases("spam-channels", self.option_values)
        self.pattern = channel_pattern(channels)
        self.prefilter = literal_led(v for c in channels for v in case_variants(c))

    def check(self, doc: Document) -> Iterator[Finding]:
        # One scan of the whole text first: a line's core is a piece of it, so a text without a
        # match anywhere has no solicitation line (most texts), and no line is split for it.
        if self.pattern.search(doc.text) is None:
            return
        limit = self.option_values["max-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if not core or len(core) > limit:
                continue
            match = self.pattern.search(core)
            if match:
                yield self.drop(doc, index, f"Contact solicitation {match[0]!r}")
