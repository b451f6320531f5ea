"""E104 replacement-char."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from cnlint import Bad, Document, Examples, Finding, Rule, Severity
from cnlint.patterns import regex

# Every alternative opens with its literal character, so that re skips ahead to the next
# 锟/烫/屯/U+FFFD (about 500 MB/s); written as \ufffd+|(?:锟斤拷)+|烫{3,}|屯{3,} it tried
# the pattern at every position (about 45 MB/s).
REPLACEMENT = regex("\ufffd\ufffd*|锟斤拷(?:锟斤拷)*|烫烫烫+|屯屯屯+")


class ReplacementChar(Rule):
    code = "E104"
    name = "replacement-char"
    summary = "Lost characters: U+FFFD, 锟斤拷, 烫烫烫, 屯屯屯"
    why = (
        "U+FFFD marks bytes a decoder could not read: the original characters are gone. "
        "锟斤拷 is U+FFFD U+FFFD written as UTF-8 and read back as GBK; 烫烫烫 and 屯屯屯 are "
        "uninitialised memory (0xCC, 0xCD) printed as GBK. The text around them is damaged "
        "and no fix can bring it back; the document needs its source again or must go."
    )
    severity = Severity.ERROR
    triggers = ("\ufffd", "锟斤拷", "烫烫烫", "屯屯屯")
    examples = Examples(
        clean=["这碗汤很烫，烫得不能喝。", "屯田戍边"],
        bad=[
            Bad("民生无小事\ufffd\ufffd枝叶总关情", flagged=["\ufffd\ufffd"]),
            Bad("锟斤拷锟斤拷标题", flagged=["锟斤拷锟斤拷"]),
            Bad("内容烫烫烫烫烫烫", flagged=["烫烫烫烫烫烫"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in REPLACEMENT.finditer(doc.text):
            yield self.finding(match.start(), match.end(), lost_message(match[0]))


@lru_cache(maxsize=4096)
def lost_message(run: str) -> str:
    """Cached: a damaged document repeats the same few runs hundreds of times."""
    return f"Lost characters {run!r} (decoding debris)"
