"""S105 pinyin-annotation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import HAN, PINYIN_LETTERS, TONED_VOWELS

# A Han character, then a parenthesised syllable with at least one tone mark: 發(fā), 實（shí）.
PINYIN_ANNOTATION = re.compile(
    f"[(（](?<=[{HAN}][(（])[{PINYIN_LETTERS}]{{0,5}}[{TONED_VOWELS}][{PINYIN_LETTERS}]{{0,5}}[)）]"
)


class PinyinAnnotation(Rule):
    code = "S105"
    name = "pinyin-annotation"
    summary = "Pinyin reading aids flattened into the text: 發(fā), 實(shí)"
    why = (
        "Pages that show pinyin above characters (ruby text) lose the layout when scraped and "
        "the readings land in the sentence, one per character. The text becomes unreadable and "
        "every n-gram statistic and tokenizer is polluted. Only a parenthesised syllable with a "
        "tone mark right after a Han character is flagged, so English in parentheses and "
        "genuine asides such as 街(社区) are left alone."
    )
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the parenthesised syllable; the character before it stays."
    triggers = ("(", "（")
    # Every finding is a bracketed syllable with a tone mark. (Asking for the Han character
    # before it too makes the gate's scan 2.5x dearer for this pattern and skips no more
    # documents of the benchmark corpus.)
    prefilter = f"[(（][{PINYIN_LETTERS}]{{0,5}}[{TONED_VOWELS}][{PINYIN_LETTERS}]{{0,5}}[)）]"
    examples = Examples(
        clean=[
            "街(社区)党组织书记",
            "苹果公司(Apple)发布新品",
            "请参考附件(an appendix)。",
        ],
        bad=[
            Bad("絲發(fā)必興", fixed="絲發必興", flagged=["(fā)"]),
            Bad(
                "為群眾辦實(shí)事",
                fixed="為群眾辦實事",
                flagged=["(shí)"],
            ),
            Bad("街(社區(qū))", fixed="街(社區)", flagged=["(qū)"]),
            Bad("学习（xué）", fixed="学习", flagged=["（xué）"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in PINYIN_ANNOTATION.finditer(doc.text):
            yield self.finding(
                match.start(),
                match.end(),
                f"Pinyin annotation {match[0]!r} leaked into the text",
                replacement="",
                title="Delete the annotation",
            )
