"""T202 trailing-whitespace."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import PADDING
from cnlint.patterns import regex

# Whitespace that ends a line; U+3000 is trailing too, though it is fine as indentation.
TRAILING = regex("[ \t\u3000\u00a0]+(?=\r?\n|$)")
# A line end right after whitespace. Found newline-first, like BLANK_RUN, and looked behind
# from there: 6x faster than trying TRAILING at every space of a text that has many.
SPACE_BEFORE_NEWLINE = regex("\n(?<=[ \t\u3000\u00a0]\n)|\n(?<=[ \t\u3000\u00a0]\r\n)")


class TrailingWhitespace(Rule):
    code = "T202"
    name = "trailing-whitespace"
    summary = "Spaces, tabs or U+3000 at the end of a line"
    why = (
        "Invisible trailing space makes identical paragraphs differ byte for byte, which "
        "defeats exact deduplication, and it is never content."
    )
    severity = Severity.INFO
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the trailing whitespace."
    triggers = (" ", "\t", "\u3000", "\u00a0")
    examples = Examples(
        clean=["　　段首的全角空格是缩进。\n", "没有多余空格。"],
        bad=[
            Bad("现场体验实弹射击。  \n下一段", fixed="现场体验实弹射击。\n下一段", flagged=["  "]),
            Bad("标题\u3000\n", fixed="标题\n", flagged=["\u3000"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        # No prefilter: trailing space at the very end of the text needs an anchor, which the
        # gate's patterns may not use. Asking the two places where it can be is as cheap.
        text = doc.text
        if text[-1:] not in PADDING and not SPACE_BEFORE_NEWLINE.search(text):
            return
        for match in TRAILING.finditer(text):
            yield self.finding(
                match.start(),
                match.end(),
                "Trailing whitespace",
                replacement="",
                title="Remove trailing whitespace",
            )
