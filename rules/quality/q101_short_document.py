"""Q101 short-document."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rule import Metric
from cnlint.rules._text.census import census, content_of
from cnlint.rules._text.examples import CLEAN_NEWS


class ShortDocument(Rule):
    code = "Q101"
    name = "short-document"
    summary = "A document with too little text to be worth training on"
    why = (
        "Very short documents are mostly page fragments, titles, error pages and comments "
        "without context. Gopher drops documents under 50 words, but counts words between "
        "spaces, so a Chinese page of any length is one or two 'words'. This rule counts "
        "characters instead (whitespace excluded): Chinese averages about 1.5 characters a "
        "word (jieba on the seeds: 1.4-1.8), so the default of 100 characters is close to "
        "Gopher's 50 words."
    )
    severity = Severity.INFO
    # A corpus filter, not a defect of a text: linting a snippet or a test string should not
    # report that it is short. Select it (--select Q101) when judging a corpus.
    default_enabled = False
    options = {"min-chars": 100}
    option_docs = {"min-chars": "Fewer characters than this (whitespace excluded) is short."}
    examples = Examples(
        clean=[CLEAN_NEWS],
        bad=[
            # dirty/weibo_hot_*-like: a headline alone (seed 004 lines 99-101, cut)
            Bad("帮助解决生活难题 群众送锦旗表谢意\n", flagged=[""]),
            Bad(CLEAN_NEWS, flagged=[""], options={"min-chars": 1000}),
        ],
    )

    metric = Metric("length", "min-chars", flags_above=False, share=False)

    def check(self, doc: Document) -> Iterator[Finding]:
        size = self.measure(doc)
        minimum = self.option_values["min-chars"]
        if size < minimum:
            yield self.finding(0, 0, f"Short document: {size} characters (minimum {minimum})")

    def measure(self, doc: Document) -> int:
        counted = census(doc)
        return counted[0] if counted else len(content_of(doc))
