"""Applying edits: non-overlapping, all edits of a fix or none."""

from __future__ import annotations

from collections.abc import Iterable

from .finding import Edit, Finding


class TakenEdits:
    """The edits taken so far, as marks per text position, so a new edit is checked against
    all of them in time proportional to its own length (not to how many were taken).

    Two edits overlap when they share a character, when an insertion falls strictly inside a
    replaced range, or when two insertions sit at one point (their order would be arbitrary).
    The marks answer that for every taken edit at once: ``covered[i]`` (character ``i`` lies
    in a replaced range), ``inside[p]`` (point ``p`` lies strictly inside one) and
    ``inserted[p]`` (an insertion sits at ``p``).
    """

    def __init__(self, size: int) -> None:
        self.covered = bytearray(size)
        self.inside = bytearray(size)
        self.inserted = bytearray(size)

    def clashes(self, edit: Edit) -> bool:
        start, end = edit.start, edit.end
        if start == end:
            return bool(self.inside[start] or self.inserted[start])
        return self.covered.find(1, start, end) >= 0 or self.inserted.find(1, start + 1, end) >= 0

    def take(self, edit: Edit) -> None:
        start, end = edit.start, edit.end
        if start == end:
            self.inserted[start] = 1
            return
        self.covered[start:end] = b"\x01" * (end - start)
        self.inside[start + 1 : end] = b"\x01" * (end - start - 1)


def choose_fixes(findings: Iterable[Finding]) -> list[Finding]:
    """Pick fixable findings whose edits overlap no edit picked before them (in text order).

    O(f log f) for the sort of f findings, plus the length of their edits: a document with
    hundreds of thousands of fixes is fixed in one pass without comparing edit pairs.
    """
    fixable = sorted((f for f in findings if f.fix is not None), key=lambda f: (f.start, f.end))
    size = 1 + max((edit.end for f in fixable for edit in f.fix.edits), default=0)
    taken = TakenEdits(size)
    chosen: list[Finding] = []
    for finding in fixable:
        edits = finding.fix.edits
        if any(taken.clashes(edit) for edit in edits):
            continue
        chosen.append(finding)
        for edit in edits:
            taken.take(edit)
    return chosen


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    parts = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[position : edit.start])
        parts.append(edit.content)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)
