"""Encoding rules (E): the file's encoding, and characters that are debris of encodings."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any, ClassVar

from cnlint import Applicability, Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules.chars import HAN, INVISIBLE, PINYIN_LETTERS, characters
from cnlint.rules.mojibake import (
    CP1252_HIGH,
    GBK_SIGNATURE,
    LATIN_MOJIBAKE,
    debris_of,
    gbk_mojibake_spans,
    in_debris,
    latin_round_trip,
)

UTF8_NAMES = {"utf-8", "utf_8", "utf8", "ascii"}


def unsafe(finding: Finding) -> Finding:
    """The same finding with its fix downgraded to unsafe (a fix the rule is less sure of)."""
    assert finding.fix is not None
    return replace(finding, fix=replace(finding.fix, applicability=Applicability.UNSAFE))


def safe(finding: Finding) -> Finding:
    assert finding.fix is not None
    return replace(finding, fix=replace(finding.fix, applicability=Applicability.SAFE))


class NonUtf8Source(Rule):
    code = "E101"
    name = "non-utf8-source"
    summary = "A file that is not UTF-8 (GB18030, GBK, Big5, UTF-16…), detected and linted decoded"
    why = (
        "Corpora are read as UTF-8. A GBK or Big5 file in a UTF-8 pipeline is either dropped or "
        "turned into mojibake (涓枃, ������) by the first tool that assumes UTF-8. cnlint "
        "decodes strict UTF-8 first, then UTF-16, files that mix UTF-8 lines into a legacy "
        "encoding, charset-normalizer, and the Chinese legacy encodings; the finding names the "
        "encoding and how sure the detection is, and the rest of the file is linted as text."
    )
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Rewrites the file as UTF-8 (no BOM). Safe when the detection confidence reaches "
        "min-confidence; below it, or for a file that mixes encodings, the fix is unsafe."
    )
    options: ClassVar[dict[str, Any]] = {"min-confidence": 0.9}
    option_docs: ClassVar[dict[str, str]] = {
        "min-confidence": "Detection confidence (0-1) from which transcoding counts as safe."
    }
    examples = Examples(
        clean=["为群众办实事"],
        bad=[
            Bad(
                "为群众办实事",
                fixed="为群众办实事",
                flagged=[""],
                encoding="gb18030",
                note="read from GB18030 bytes; the fix writes the same text as UTF-8",
            ),
            Bad("為群眾辦實事", fixed="為群眾辦實事", flagged=[""], encoding="big5"),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.encoding.lower() in UTF8_NAMES:
            return
        confidence = doc.encoding_confidence
        sure = confidence >= self.config["min-confidence"]
        doubt = "" if sure else ": ambiguous, or lines in different encodings; check the text"
        finding = self.finding(
            0,
            0,
            f"File is {doc.encoding}, not UTF-8 (detection confidence {confidence:.0%}{doubt})",
            encoding="utf-8",
            title="Transcode to UTF-8",
        )
        yield finding if sure else unsafe(finding)


class ByteOrderMark(Rule):
    code = "E102"
    name = "bom"
    summary = "A byte-order mark (U+FEFF) at the start of a UTF-8 file"
    why = (
        "UTF-8 needs no byte-order mark. Tools that do not expect one keep it as an invisible "
        "first character, so the first line of the file no longer matches itself elsewhere "
        "(deduplication, headings, JSON keys)."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the mark."
    triggers = "\ufeff"
    examples = Examples(
        clean=["利民之事，丝发必兴。"],
        bad=[Bad("\ufeff利民之事，丝发必兴。", fixed="利民之事，丝发必兴。", flagged=["\ufeff"])],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.text.startswith("\ufeff"):
            yield self.finding(0, 1, "Byte-order mark at the start", replacement="", title="Remove")


PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U0010fffd"
INVISIBLE_RUN = re.compile(f"[{INVISIBLE}]+|[{PRIVATE_USE}]+")


@lru_cache(maxsize=4096)
def describe(chars: str) -> str:
    """``U+200B ZERO WIDTH SPACE, U+0007 control`` for the distinct characters of a run."""
    distinct = list(dict.fromkeys(chars))
    names = [f"U+{ord(c):04X} {unicodedata.name(c, _kind(c))}" for c in distinct[:4]]
    return ", ".join(names) + (f" and {len(distinct) - 4} more" if len(distinct) > 4 else "")


def _kind(char: str) -> str:
    return "private use" if unicodedata.category(char) == "Co" else "control"


def emoji_joiner(text: str, start: int, end: int) -> bool:
    """A zero-width joiner inside an emoji sequence (👨‍👩‍👧): part of the emoji, not debris."""
    if text[start:end] != "\u200d" or start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    return _emoji_part(before) and _emoji_part(after)


def _emoji_part(char: str) -> bool:
    return char == "\ufe0f" or ord(char) > 0xFFFF or unicodedata.category(char) == "So"


class InvisibleChar(Rule):
    code = "E103"
    name = "invisible-char"
    summary = "Zero-width, bidi-control, control and private-use characters"
    why = (
        "Invisible characters make equal strings differ (deduplication misses them), split "
        "words for tokenizers, and control characters break downstream tools. They come from "
        "copy-paste, rich-text editors and broken converters, never from the writer. Tab, "
        "newline, U+3000 indentation and the joiner inside emoji sequences are not flagged. "
        "Private-use characters may stand for a rare character in a vendor font, so their "
        "fix is unsafe."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the characters (unsafe for private-use characters)."
    # Planes 15 and 16 (supplementary private use) are gated by their high surrogates.
    triggers = characters(INVISIBLE + "\ue000-\uf8ff\udb80-\udbff")
    examples = Examples(
        clean=["　　段首缩进是全角空格。\t制表符也可以。", "全家出动👨\u200d👩\u200d👧"],
        bad=[
            Bad("为群众\u200b办实事", fixed="为群众办实事", flagged=["\u200b"]),
            Bad("党史\u202e学习", fixed="党史学习", flagged=["\u202e"]),
            Bad("共\x00产\x07党", fixed="共产党", flagged=["\x00", "\x07"]),
            Bad("生僻字\ue816在这里", fixed="生僻字在这里", flagged=["\ue816"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        for match in INVISIBLE_RUN.finditer(text):
            start, end = match.span()
            if start == 0 and text[0] == "\ufeff":
                start += 1  # a BOM: the bom rule's finding
                if start == end:
                    continue
            if emoji_joiner(text, start, end):
                continue
            run = text[start:end]
            finding = self.finding(
                start, end, f"Invisible character {describe(run)}", replacement="", title="Remove"
            )
            yield (
                unsafe(finding) if "\ue000" <= run[0] <= "\uf8ff" or run[0] > "\uffff" else finding
            )


REPLACEMENT = re.compile("\ufffd+|(?:锟斤拷)+|烫{3,}|屯{3,}")


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


# A character lost to '?' whose GBK trail byte survived as ASCII (seed 003: 小了?,F(xiàn)在, where
# 。現 became ?,F), optionally followed by the pinyin annotation of the lost character.
LOST_CHARACTER = re.compile(
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
        "A lost character (?,F) is replaced by U+FFFD, safely: the debris is not text, and "
        "U+FFFD keeps the loss visible (replacement-char reports it)."
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
        if not GBK_SIGNATURE.isdisjoint(text):
            yield from self._gbk(text)
        if "?" in text or "？" in text:
            for match in LOST_CHARACTER.finditer(text):
                yield safe(
                    self.finding(
                        match.start(),
                        match.end(),
                        f"Lost character {match[0]!r}: an encoding error ate it",
                        replacement="\ufffd",
                        title="Replace the debris with U+FFFD",
                    )
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


class MisalignedGbk(Rule):
    code = "E108"
    name = "misaligned-gbk"
    summary = "GBK decoded out of step: ?１颈ㄍㄑ对薄≌叛蕖∷ between Chinese characters"
    why = (
        "When a GBK byte is lost, every following pair is read one byte out of step: the "
        "Chinese turns into other Han characters mixed with GBK's symbol rows (full-width "
        "ASCII, ≌ ∷, kana, bopomofo, box drawing), and the lost byte shows as '?' or U+FFFD. "
        "Each piece is a valid character, so no decoder complains, and punctuation and "
        "full-width fixes would tidy the debris into plausible text. A run is reported when "
        "a lost byte sits within three characters of such a symbol; a question mark that "
        "ends a sentence, or full-width digits in a sentence, are not debris on their own."
    )
    severity = Severity.ERROR
    # No prefilter: one (a lost byte and a symbol within DEBRIS_GAP characters) would skip
    # few documents, whose debris check is cheap and mostly shared with P103 and E107, and
    # its character classes cost more in the gate's scan than that saves.
    triggers = ("?", "\ufffd")
    examples = Examples(
        clean=["你好吗?我很好。", "全国１５０个城市，增长1,000人。", "他问：“是吗?”Ａ股收盘。"],
        bad=[
            Bad(
                "胶南市委书记张德?１颈ㄍㄑ对薄≌叛蕖∷真糊３乔?“十分钟”",
                flagged=["?１颈ㄍㄑ对薄≌叛蕖∷真糊３乔?"],
                note="dirty/sogoucs_006.txt",
            ),
            Bad(
                "不曾被关注的风险黑洞由此浮现。?＞莶煌耆?统计",
                flagged=["?＞莶煌耆?"],
                note="dirty/sogoucs_024.txt",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for start, end in doc.view(debris_of):
            yield self.finding(
                start, end, f"Misaligned GBK debris {doc.text[start:end]!r}: bytes were lost"
            )


TAG_NAMES = (
    "p|br|div|span|a|img|b|i|u|em|strong|font|table|tr|td|th|li|ul|ol|h[1-6]|center|section|"
    "article|script|style|iframe|html|body|head|meta|link|sup|sub|hr"
)
ATTRIBUTE = r"""\s+[a-zA-Z_:][-\w:.]*(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'<>]+))?"""
HTML_LEFTOVER = re.compile(
    r"&(?:#[0-9]{2,7};?|#[xX][0-9a-fA-F]{2,6};?|[a-zA-Z][a-zA-Z0-9]{1,30};|(?:nbsp|amp|lt|gt|quot)\b)"
    f"|<(?:/?(?:{TAG_NAMES})(?:{ATTRIBUTE})*\\s*/?|!--[^\n]{{0,300}}?--)>",
    re.IGNORECASE,
)


class HtmlLeftover(Rule):
    code = "E106"
    name = "html-leftover"
    summary = "HTML entities and tags left in text: &nbsp; &amp; &#x4e00; <br> <p>"
    why = (
        "Entities and tags are markup, not text. They are left when a page is scraped without "
        "an HTML parser or unescaped once too few. A model learns to write &nbsp; and <br> "
        "inside Chinese sentences, and character statistics count markup as content."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Unescapes entities (&nbsp; becomes a plain space) and deletes tags."
    triggers = ("&", "<")
    examples = Examples(
        clean=["A&B公司与C&D公司合作。", "如果 a<b 且 b>c，那么……", "《红楼梦》<第一回>"],
        bad=[
            Bad("中国&nbsp;人民", fixed="中国 人民", flagged=["&nbsp;"]),
            Bad("&#20013;&#x6587;网站", fixed="中文网站", flagged=["&#20013;", "&#x6587;"]),
            Bad("第一段<br/>第二段", fixed="第一段第二段", flagged=["<br/>"]),
            Bad("<p>为群众办实事</p>", fixed="为群众办实事", flagged=["<p>", "</p>"]),
            Bad("他说&ldquo;好&rdquo;", fixed="他说“好”", flagged=["&ldquo;", "&rdquo;"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in HTML_LEFTOVER.finditer(doc.text):
            fix = html_fix(match[0])
            if fix is not None:
                message, replacement, title = fix
                yield self.finding(
                    match.start(), match.end(), message, replacement=replacement, title=title
                )


@lru_cache(maxsize=4096)
def html_fix(leftover: str) -> tuple[str, str, str] | None:
    """Message, replacement and fix title for an entity or tag; None for an entity html
    does not know (A&B;). Cached: pages repeat the same few (&nbsp; <br>)."""
    if leftover.startswith("&"):
        replacement = html.unescape(leftover).replace("\xa0", " ")
        if replacement == leftover:
            return None
        return f"HTML leftover {leftover!r}", replacement, "Unescape"
    return f"HTML leftover {leftover!r}", "", "Remove the tag"


FULLWIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]+")
TO_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B)}


class FullwidthAlnum(Rule):
    code = "E107"
    name = "fullwidth-alnum"
    summary = "Full-width letters and digits: ＡＢＣ１２３ instead of ABC123"
    why = (
        "Full-width Latin letters and digits are a legacy of GB2312 typesetting. The same "
        "number or name then exists in two spellings (２０１２年 and 2012年), which defeats "
        "search, deduplication and number normalisation. Only letters and digits are "
        "converted: full-width punctuation (，！？) is correct Chinese and is never touched, "
        "unlike NFKC."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Replaces each letter or digit with its ASCII form."
    triggers = characters("０-９Ａ-Ｚａ-ｚ")
    examples = Examples(
        # the last one is misaligned-GBK debris (dirty/sogoucs_006.txt): left for E108
        clean=["2012年6月12日，全国150个城市。", "你好，世界！", "张德?１颈ㄍㄑ对薄≌叛蕖∷"],
        bad=[
            Bad(
                "中广网唐山６月１２日消息",
                fixed="中广网唐山6月12日消息",
                flagged=["６", "１２"],
                note="sogoucs_gbk_001 (corpus/external/dirty-encoding)",
            ),
            Bad("ＡＢＣ公司", fixed="ABC公司", flagged=["ＡＢＣ"]),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        debris = doc.view(debris_of)
        for match in FULLWIDTH_ALNUM.finditer(doc.text):
            start, end = match.span()
            if debris and in_debris(debris, start, end):
                continue  # misaligned-gbk reports it; half-width digits would hide the damage
            message, ascii_form, title = ascii_fix(match[0])
            yield self.finding(start, end, message, replacement=ascii_form, title=title)


@lru_cache(maxsize=4096)
def ascii_fix(run: str) -> tuple[str, str, str]:
    """Message, ASCII replacement and fix title for a run of full-width letters and digits.

    Cached: the same runs (１, ２０, ＡＢＣ) come back in every document of a source.
    """
    ascii_form = run.translate(TO_HALFWIDTH)
    return f"Full-width {run!r}; write {ascii_form!r}", ascii_form, f"Replace with {ascii_form!r}"
