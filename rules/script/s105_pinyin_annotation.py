"""S105 pinyin-annotation."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import HAN, PINYIN_LETTERS, TONED_VOWELS
from cnlint.patterns import regex
from cnlint.prefilter import each_before, union

# A Han character, then a parenthesised syllable with at least one tone mark: 發(fā), 實（shí）.
PINYIN_ANNOTATION = regex(
    f"[(（](?<=[{HAN}][(（])[{PINYIN_LETTERS}]{{0,5}}[{TONED_VOWELS}][{PINYIN_LETTERS}]{{0,5}}[)）]"
)


# Neutral-tone (轻声) syllables carry no tone mark, and Mandarin reads only particles and
# suffixes that way: 的(de), 了(le), 们(men). A toneless syllable counts only when it is the
# neutral reading of the character it follows, so (de) after 法 or (le) after any other
# character (Latin, French, an abbreviation) is left alone.
NEUTRAL_READINGS = {
    "的": "de", "地": "de", "得": "de", "了": "le", "着": "zhe", "著": "zhe",
    "过": "guo", "過": "guo", "么": "me", "麼": "me", "吗": "ma", "嗎": "ma", "呢": "ne",
    "吧": "ba", "啊": "a", "们": "men", "們": "men", "子": "zi", "头": "tou", "頭": "tou",
}  # fmt: skip
NEUTRAL_ANNOTATION = regex("[(（](?<=[" + "".join(NEUTRAL_READINGS) + "][(（])([a-z]{1,3})[)）]")


class PinyinAnnotation(Rule):
    code = "S105"
    name = "pinyin-annotation"
    summary = "Pinyin reading aids flattened into the text: 發(fā), 實(shí)"
    why = (
        "Pages that show pinyin above characters (ruby text) lose the layout when scraped and "
        "the readings land in the sentence, one per character. The text becomes unreadable and "
        "every n-gram statistic and tokenizer is polluted. Only a parenthesised syllable with a "
        "tone mark right after a Han character is flagged, or a toneless syllable that is the "
        "neutral-tone reading of the particle before it (的(de), 了(le), 们(men)), so English "
        "in parentheses and genuine asides such as 街(社区) are left alone."
    )
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the parenthesised syllable; the character before it stays."
    triggers = ("(", "（")
    # Every finding holds a tone mark or is a bracketed syllable of 1-3 letters. Asking for
    # the tone mark inside the brackets skipped S105 on 1.7 % of the dense bench documents
    # instead of 5.4 %, but its bounded repeats of multi-byte classes made the gate's whole
    # Hyperscan database 1.6x larger and its scan 7 us a dense document dearer, far more
    # than S105 costs on the extra documents (0.5 us a document on average).
    prefilter = union(f"[{TONED_VOWELS}]", each_before("(（", "[a-z]{1,3}[)）]"))
    examples = Examples(
        clean=[
            "街(社区)党组织书记",
            "苹果公司(Apple)发布新品",
            "请参考附件(an appendix)。",
            "按照该法(de)款的规定",  # (de) is not the reading of 法
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
            Bad(
                "我们的(de)工作",
                fixed="我们的工作",
                flagged=["(de)"],
                note="a neutral-tone syllable has no tone mark: the reading of 的 decides",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        matches = list(PINYIN_ANNOTATION.finditer(text))
        matches += [
            m
            for m in NEUTRAL_ANNOTATION.finditer(text)
            if NEUTRAL_READINGS[text[m.start() - 1]] == m[1]
        ]
        for match in sorted(matches, key=lambda m: m.start()):
            yield self.finding(
                match.start(),
                match.end(),
                f"Pinyin annotation {match[0]!r} leaked into the text",
                replacement="",
                title="Delete the annotation",
            )
