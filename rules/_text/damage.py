"""Text that encoding damage owns: mojibake (E105), misaligned-GBK debris (E108), and
paragraphs of UTF-16 read with its bytes swapped.

Damaged text is made of valid characters, some of them traditional-only or simplified-only
(UTF-8 read as GBK gives 鍚 簡 鏈). A script conversion inside it would change the bytes the
encoding rules need to recover the original text, so the script rules leave it alone.
"""

from __future__ import annotations

from cnlint import Document, Edit
from cnlint.patterns import regex
from cnlint.rules._text.mojibake import (
    GBK_SIGNATURE_CHARACTER,
    debris_of,
    gbk_mojibake_spans,
    in_debris,
)

# UTF-16 read with its bytes swapped turns ASCII into U+XX00: '2' (0x32) becomes ㈀ (U+3200),
# '-' becomes ⴀ, a space becomes U+2000. The class holds the ones for space to 'M' that are
# not Han characters of everyday text (U+3000, the ideographic space, is left out; the rest
# are general punctuation, symbols, unassigned bopomofo or rare CJK extension A).
SWAPPED_ASCII = regex(
    "[" + "".join(chr(high << 8) for high in range(0x20, 0x4E) if high != 0x30) + "]"
)
# A paragraph with this many of them, making up this share of it, is UTF-16 debris throughout
# (dirty/tieba_iphone_001.txt: 12 to 755 in each of its debris paragraphs; none elsewhere).
SWAPPED_MIN, SWAPPED_SHARE = 4, 0.02


def utf16_debris_of(doc: Document) -> list[tuple[int, int]]:
    """The paragraphs that are UTF-16 with swapped bytes, read as text."""
    text = doc.text
    if not SWAPPED_ASCII.search(text):
        return []
    spans = []
    for span in doc.paragraphs:
        count = len(SWAPPED_ASCII.findall(text, span.start, span.end))
        if count >= SWAPPED_MIN and count >= SWAPPED_SHARE * (span.end - span.start):
            spans.append((span.start, span.end))
    return spans


def damage_of(doc: Document) -> list[tuple[int, int]]:
    """Sorted, disjoint spans of mojibake and debris (``doc.view``: computed once)."""
    text = doc.text
    spans = list(doc.view(debris_of)) + doc.view(utf16_debris_of)
    if GBK_SIGNATURE_CHARACTER.search(text):
        spans += [(start, end) for start, end, _ in gbk_mojibake_spans(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def undamaged(damage: list[tuple[int, int]], positions: list[int]) -> list[int]:
    """The positions outside every damage span."""
    return [p for p in positions if not in_debris(damage, p, p + 1)]


def edits_outside(damage: list[tuple[int, int]], edits: list[Edit]) -> list[Edit]:
    """The edits cut to the characters outside every damage span.

    A same-length edit (one character for one) is split character by character and the
    pieces outside the damage are joined again; an edit that changes the length cannot be
    cut and is dropped when it touches the damage.
    """
    if not damage:
        return edits
    kept: list[Edit] = []
    for edit in edits:
        if not in_debris(damage, edit.start, edit.end):
            kept.append(edit)
            continue
        if len(edit.content) != edit.end - edit.start:
            continue
        for offset, char in enumerate(edit.content):
            at = edit.start + offset
            if in_debris(damage, at, at + 1):
                continue
            if kept and kept[-1].end == at and kept[-1].start >= edit.start:
                kept[-1] = Edit(kept[-1].start, at + 1, kept[-1].content + char)
            else:
                kept.append(Edit(at, at + 1, char))
    return kept
