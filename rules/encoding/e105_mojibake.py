"""E105 mojibake."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import HAN, PINYIN_LETTERS, characters
from cnlint.patterns import regex
from cnlint.rules._text.mojibake import (
    CP1252_HIGH,
    GBK_SIGNATURE,
    GBK_SIGNATURE_CHARACTER,
    LATIN_MOJIBAKE,
    gbk_mojibake_spans,
    latin_round_trip,
)

# A character lost to '?' whose GBK trail byte survived as ASCII (seed 003: 小了?,F(xiàn)在, where
# 。現 became ?,F), optionally followed by the pinyin annotation of the lost character.
LOST_CHARACTER = regex(
    f"[?？](?<=[{HAN}][?？])[,，][\\x40-\\x7e](?:[(（][{PINYIN_LETTERS}]{{1,7}}[)）])?(?=[{HAN}])"
)

# Gate prefilter: what every finding of Mojibake needs, one alternative per kind. Latin-1
# mojibake: two Latin-1 letters in one run of Latin-1/cp1252 characters (latin_round_trip
# asks for two; curly quotes and … alone are cp1252 too). GBK mojibake: a signature character
# (a piece holds one), written as a group of literals: Hyperscan finds literals faster than a
# class of three-byte characters, and `re` turns the group into a class. A lost character:
# '?', a comma and an ASCII byte (Han before it and after it left out: a branch that starts
# with a literal is cheaper in `re`).
LATIN_RUN = f"[\u00a1-\u00ff][\u00a0-\u00ff{CP1252_HIGH}]*[\u00a1-\u00ff]"
SIGNATURE = "".join(sorted(GBK_SIGNATURE))
SIGNATURE_CHARACTER = "(?:" + "|".join(SIGNATURE) + ")"
LOST_CHARACTER_PREFILTER = "\\?[,，][\\x40-\\x7e]|？[,，][\\x40-\\x7e]"


class Mojibake(Rule):
    code = "E105"
    name = "mojibake"
    summary = "Text decoded in the wrong encoding: ä¸­æ–‡ (UTF-8 as Latin-1), 鍙戝竷 (UTF-8 as GBK)"
    why = (
        "Mojibake is text read with the wrong encoding. It is not Chinese, yet it is made of "
        "valid characters, so length and script filters keep it. UTF-8 read as Latin-1 or "
        "cp1252 (ä¸­æ–‡) and UTF-8 read as GBK (鍙戝竷, 涓枃) are recognised by turning the "
        "characters back into bytes: if those bytes are UTF-8 for everyday Chinese, the run "
        "was mojibake. A '?' plus an ASCII letter between Chinese characters (小了?,F现在) is "
        "a lost character whose second GBK byte survived."
    )
    severity = Severity.ERROR
    fix_safety = FixSafety.UNSAFE
    # Latin-1 high characters, the GBK signature characters, and the '?' of a lost character.
    triggers = characters("\u00a1-\u00ff") + SIGNATURE + "?？"
    prefilter = f"{LATIN_RUN}|{SIGNATURE_CHARACTER}|{LOST_CHARACTER_PREFILTER}"
    fix_note = (
        "Unsafe: replaces the run with the text its bytes stand for, when no byte was lost. "
        "A lost character (?,F) is replaced by U+FFFD, which keeps the loss visible; it is "
        "unsafe too, because replacement-char then reports the U+FFFD (a safe fix must leave "
        "no finding behind)."
    )
    examples = Examples(
        clean=["ä is a German letter.", "涓涓细流汇成江海。", "他问：“是吗？”A股收盘。"],
        bad=[
            Bad("标题：ä¸­æ–‡网站", fixed="标题：中文网站", flagged=["ä¸­æ–‡"]),
            Bad("新闻鍙戝竷会", fixed="新闻发布会", flagged=["鍙戝竷"]),
            Bad("关于涓�鏂�的说明", flagged=["涓�鏂�"], fixed="关于涓�鏂�的说明"),
            Bad(
                "广场就显得小了?,F(xiàn)在新建了广场",
                fixed="广场就显得小了\ufffd在新建了广场",
                flagged=["?,F(xiàn)"],
                note="seed 003, line 37",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if LATIN_MOJIBAKE.search(text):
            yield from self._latin(text)
        if GBK_SIGNATURE_CHARACTER.search(text):
            yield from self._gbk(text)
        if "?" in text or "？" in text:
            for match in LOST_CHARACTER.finditer(text):
                yield self.finding(
                    match.start(),
                    match.end(),
                    f"Lost character {match[0]!r}: an encoding error ate it",
                    replacement="\ufffd",
                    title="Replace the debris with U+FFFD",
                )

    def _latin(self, text: str) -> Iterator[Finding]:
        for match in LATIN_MOJIBAKE.finditer(text):
            found = latin_round_trip(match[0])
            if found is not None:
                recovered, encoding = found
                yield self.finding(
                    match.start(),
                    match.end(),
                    f"Mojibake {match[0]!r} is {encoding.upper()} read as Latin-1: {recovered!r}",
                    replacement=recovered,
                    title=f"Decode as UTF-8: {recovered!r}",
                )

    def _gbk(self, text: str) -> Iterator[Finding]:
        for start, end, recovered in gbk_mojibake_spans(text):
            message = f"Mojibake {text[start:end]!r} is UTF-8 read as GBK"
            if recovered is None:
                yield self.finding(start, end, message + " (bytes lost: no fix)")
            else:
                yield self.finding(
                    start,
                    end,
                    f"{message}: {recovered!r}",
                    replacement=recovered,
                    title=f"Decode as UTF-8: {recovered!r}",
                )
