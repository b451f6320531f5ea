"""E103 invisible-char."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.chars import INVISIBLE, characters
from cnlint.patterns import regex
from cnlint.rules._text.applicability import unsafe
from cnlint.rules._text.mojibake import in_debris
from cnlint.rules._text.utf16_debris import utf16_debris

PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U0010fffd"
# A run of invisible characters, or one of private-use characters. One class comes first so
# that ``re`` skips ahead to the next such character (574 MB/s on the bench corpus); written as
# two classes joined by ``|`` it tried the pattern at every position (110 MB/s). The rest
# continues the run in the kind of its first character.
INVISIBLE_RUN = regex(
    f"[{INVISIBLE}{PRIVATE_USE}](?:(?<=[{INVISIBLE}])[{INVISIBLE}]*|[{PRIVATE_USE}]*)"
)


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
    summary = "Zero-width, bidi-control, control and private-use characters; lone surrogates"
    why = (
        "Invisible characters make equal strings differ (deduplication misses them), split "
        "words for tokenizers, and control characters break downstream tools. They come from "
        "copy-paste, rich-text editors and broken converters, never from the writer. Tab, "
        "newline, U+3000 indentation and the joiner inside emoji sequences are not flagged. "
        "Private-use characters may stand for a rare character in a vendor font, so their "
        "fix is unsafe. A lone surrogate (U+D800-U+DFFF, from a JSON escape such as \\ud800 "
        "whose other half was cut off) is half of a lost character that no UTF-8 file can "
        "hold: it is reported with no fix, since deleting it would hide where the text is "
        "damaged. So are characters inside UTF-16 debris (UTF-16 text read one byte a "
        "character, i\\x00P\\x00…): deleting them would make the text undecodable."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = "Deletes the characters (unsafe for private-use characters)."
    # Planes 15 and 16 (supplementary private use) are gated by their high surrogates; the
    # gate reads UTF-16 code units, so a lone surrogate opens it too.
    triggers = characters(INVISIBLE + "\ue000-\uf8ff\ud800-\udfff")
    examples = Examples(
        clean=["　　段首缩进是全角空格。\t制表符也可以。", "全家出动👨\u200d👩\u200d👧"],
        bad=[
            Bad("为群众\u200b办实事", fixed="为群众办实事", flagged=["\u200b"]),
            Bad("党史\u202e学习", fixed="党史学习", flagged=["\u202e"]),
            Bad("共\x00产\x07党", fixed="共产党", flagged=["\x00", "\x07"]),
            Bad("生僻字\ue816在这里", fixed="生僻字在这里", flagged=["\ue816"]),
            Bad(
                "絲\ud800綢之路，全長七千公里。",
                fixed="絲\ud800綢之路，全長七千公里。",
                flagged=["\ud800"],
                note="a JSON record's \\ud800 without its other half (issue 14): no fix",
            ),
            Bad(
                "帖子正文。\ni\x00P\x00h\x00o\x00n\x00e\x00 \x005\x00s\x00",
                fixed="帖子正文。\ni\x00P\x00h\x00o\x00n\x00e\x00 \x005\x00s\x00",
                flagged=["\x00"] * 9,
                note="UTF-16 text read one byte a character (issue 14): reported, no fix",
            ),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        debris = doc.view(utf16_debris)
        for match in INVISIBLE_RUN.finditer(text):
            start, end = match.span()
            if start == 0 and text[0] == "\ufeff":
                start += 1  # a BOM: the bom rule's finding
                if start == end:
                    continue
            if emoji_joiner(text, start, end):
                continue
            run = text[start:end]
            if debris and in_debris(debris, start, end):
                # Deleting it would make the debris undecodable: the source needs decoding.
                yield self.finding(
                    start, end, f"Invisible character {describe(run)} in UTF-16 debris"
                )
                continue
            finding = self.finding(
                start, end, f"Invisible character {describe(run)}", replacement="", title="Remove"
            )
            yield (
                unsafe(finding) if "\ue000" <= run[0] <= "\uf8ff" or run[0] > "\uffff" else finding
            )
        for span in doc.lone_surrogates:
            code_point = ord(text[span.start])
            yield self.finding(
                span.start,
                span.end,
                f"Lone surrogate U+{code_point:04X}: half of a lost character (a cut JSON "
                "escape?); UTF-8 cannot hold it",
            )
