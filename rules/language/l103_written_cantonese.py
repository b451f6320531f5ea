"""L103 written-cantonese: a paragraph written in Cantonese inside a Mandarin corpus."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.rules._text.varieties import CANTONESE_MARKERS, cantonese_counts


class WrittenCantonese(Rule):
    code = "L103"
    name = "written-cantonese"
    summary = "A paragraph written in Cantonese (嘅 咗 冇 喺 佢哋 唔係) in a Mandarin corpus"
    why = (
        "Hong Kong forums, news comments and blogs write Cantonese with its own characters "
        "(嘅 for 的, 咗 for 了, 喺 for 在, 佢哋 for 他们, 唔 for 不). A Mandarin model trained on "
        "it mixes the two grammars; FineWeb-2 separates them only per document with a "
        "language-ID model, so a Cantonese paragraph inside a Mandarin page stays. A paragraph "
        "is reported, with its share, when at least `min-markers` Cantonese-only characters "
        "make up `min-share` (3%) or more of its Han characters, counting only text outside "
        "quotes and brackets: a Mandarin paragraph that quotes Cantonese words (「喺」的意思是"
        "「在」) or a character's speech is Mandarin. Measured on real text, Cantonese "
        "paragraphs hold 4.7-12.8%, Mandarin ones at most 0.8%. A Cantonese corpus sets "
        '`target-variety = "cantonese"` (or "any") and the rule is silent.'
    )
    severity = Severity.WARNING
    options = {"min-share": 0.03, "min-markers": 3}
    option_docs = {
        "min-share": "Share of Cantonese-only characters among the Han characters (0-1).",
        "min-markers": "Fewer Cantonese-only characters than this never make a paragraph.",
    }
    triggers = CANTONESE_MARKERS
    examples = Examples(
        clean=[
            # voltra.academy, a Mandarin article about Cantonese spelling: the words are quoted.
            "小編曾看見不少人,包括KOLs都會用「係」代替「喺」,或許他們誤會了加了口字部就是"
            "粵文正字,會顯得更加「pro」,但其實這是「矯枉過正」、「做多咗」的。\n",
            "他唔了一声，没有再说话。\n",
            # Seed 004, a Mandarin news paragraph.
            "帮助解决生活难题 群众送锦旗表谢意\n",
        ],
        bad=[
            Bad(
                "作為一個香港人,當然係講廣東話啦。而廣東話係我哋香港嘅文化,就算係廣東省,"
                "佢哋講嘅廣東話同香港都有啲出入。\n",
                flagged=[
                    "作為一個香港人,當然係講廣東話啦。而廣東話係我哋香港嘅文化,就算係廣東省,"
                    "佢哋講嘅廣東話同香港都有啲出入。"
                ],
                note="kennethkwok.me, a Hong Kong blog",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.settings.target_variety != "mandarin":
            return
        min_share = self.option_values["min-share"]
        min_markers = self.option_values["min-markers"]
        for span in doc.paragraphs:
            markers, han = cantonese_counts(doc.slice(span))
            if markers >= min_markers and markers >= min_share * han:
                yield self.finding(
                    span.start,
                    span.end,
                    f"Written Cantonese: {markers} of {han} Han characters "
                    f"({markers / han:.0%}) are Cantonese-only",
                )
