"""Text that encoding damage owns: mojibake (E105) and misaligned-GBK debris (E108).

Damaged text is made of valid characters, some of them traditional-only or simplified-only
(UTF-8 read as GBK gives 鍚 簡 鏈). A script conversion inside it would change the bytes the
encoding rules need to recover the original text, so the script rules leave it alone.
"""

from __future__ import annotations

from cnlint import Document, Edit
from cnlint.rules._text.mojibake import GBK_SIGNATURE, debris_of, gbk_mojibake_spans, in_debris


def damage_of(doc: Document) -> list[tuple[int, int]]:
    """Sorted, disjoint spans of mojibake and debris (``doc.view``: computed once)."""
    text = doc.text
    spans = list(doc.view(debris_of))
    if not GBK_SIGNATURE.isdisjoint(text):
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
