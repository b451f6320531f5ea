"""B106 copyright-footer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety
from cnlint.chars import han_count
from cnlint.rules._text.line_rule import PhraseLineRule
from cnlint.rules._text.lines import URL, line_cores
from cnlint.rules._text.phrases import PHRASE_OPTION_DOCS, PHRASE_OPTIONS

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
        limit, other = self.option_values["max-chars"], self.option_values["max-other-chars"]
        for index, core in enumerate(doc.view(line_cores)):
            if not core or len(core) > limit or not self.matcher.search(core):
                continue
            rest = YEARS.sub("", URL.sub("", self.matcher.sub("", core)))
            if han_count(rest) <= other and "“" not in core:
                yield self.drop(doc, index, f"Copyright notice {core!r}")
