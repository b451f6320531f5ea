"""A102 promotional-line: invoice, gambling, adult and loan promotions with contact details."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Severity
from cnlint.prefilter import literal_led
from cnlint.rules._text.contacts import channel_pattern, has_contact
from cnlint.rules._text.line_rule import LineRule
from cnlint.rules._text.lines import line_cores
from cnlint.rules._text.phrases import (
    PHRASE_OPTION_DOCS,
    PHRASE_OPTIONS,
    builtin_phrases,
    case_variants,
    compile_phrases,
    configured_phrases,
)


class PromotionalLine(LineRule):
    code = "A102"
    name = "promotional-line"
    summary = "A spam promotion with contact details: 代开发票 + a phone, 百家乐 + a URL"
    why = (
        "Invoice sellers, online casinos, adult services and loan sharks flood forums, comment "
        "sections and hacked pages with one-line ads. ChineseWebText and Data-Juicer count "
        "such words per document; this rule points at the line. News reports name the same "
        "things (警方破获一起六合彩赌博案), so a phrase from `rules/data/spam-promotions.txt` "
        "counts only in a line that also gives a way to get it: a phone-like number (7 digits "
        "or more, split or not), a URL or domain, or a channel and an ID (微信：abc123), in a "
        "line of at most `max-chars` characters."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fix_note = "Drops the whole line with its newline."
    options = {"max-chars": 200, **PHRASE_OPTIONS}
    option_docs = {
        "max-chars": "Longer lines are prose (a report about such ads), not an ad.",
        **PHRASE_OPTION_DOCS,
    }
    examples = Examples(
        clean=[
            "警方破获一起特大网络六合彩赌博案，涉案金额达3000余万元。\n",
            "营业执照、发票等材料请于周五前提交。\n",
        ],
        bad=[
            Bad(
                "代开发票 13812345678 微信同号\n正文。\n",
                fixed="正文。\n",
                flagged=["代开发票 13812345678 微信同号\n"],
            ),
            Bad(
                "正文。\n真人视讯 百家乐 注册送彩金 www.abc123.com\n",
                fixed="正文。\n",
                flagged=["真人视讯 百家乐 注册送彩金 www.abc123.com\n"],
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        phrases = configured_phrases("spam-promotions", self.option_values)
        self.matcher = compile_phrases(phrases)
        self.channels = channel_pattern(builtin_phrases("spam-channels"))
        self.prefilter = literal_led(v for p in phrases for v in case_variants(p))

    def check(self, doc: Document) -> Iterator[Finding]:
        # A line's core is a piece of the text: no listed phrase in the text, no promotion line.
        if self.matcher is None or self.matcher.search(doc.text) is None:
            return
        limit = self.option_values["max-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if not core or len(core) > limit:
                continue
            match = self.matcher.search(core)
            if match and has_contact(core, self.channels):
                yield self.drop(doc, index, f"Promotion {match[0]!r} with contact details")
