"""Applying edits: non-overlapping, all edits of a fix or none."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from cnlint.finding import Edit, Finding


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


class Written:
    """Where the fixes of a run wrote or deleted text, kept in step as passes change it.

    A finding of a later pass inside text a fix wrote, or of blank space only around a place
    where a fix deleted text, is the rest of that fix's defect, not another one: ``,,``
    becomes ``,`` (repeated punctuation), then ``，`` (the half-width mark left); a dropped
    line leaves the blank lines around it, which blank-lines then removes. One defect, one
    fix counted.
    """

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []  # written text, merged, in order
        self.points: list[int] = []  # where text was deleted, in order

    def holds(self, finding: Finding, text: str) -> bool:
        """Is ``finding`` (of ``text``, the text now) the rest of an earlier fix?"""
        start, end = finding.start, finding.end
        index = bisect_right(self.ranges, (start, end)) - 1
        if any(s <= start and end <= e for s, e in self.ranges[max(index, 0) : index + 2]):
            return True
        near = bisect_left(self.points, start)
        return near < len(self.points) and self.points[near] <= end and text[start:end].isspace()

    def after(self, edits: Iterable[Edit]) -> None:
        """Move the places through ``edits`` (applied together) and add the edits' own."""
        edits = sorted(edits, key=lambda e: (e.start, e.end))
        starts = [edit.start for edit in edits]
        shifts = list(accumulate((len(e.content) - (e.end - e.start) for e in edits), initial=0))

        def moved(position: int) -> int:
            before = bisect_right(starts, position) - 1  # the last edit starting at or before
            if before >= 0 and position < edits[before].end:
                position = edits[before].start  # inside a replaced range: its start
            return position + shifts[bisect_left(starts, position)]

        ranges = [(moved(start), moved(end)) for start, end in self.ranges]
        points = [moved(point) for point in self.points]
        for edit, shift in zip(edits, shifts, strict=False):
            start = edit.start + shift
            if edit.content:
                ranges.append((start, start + len(edit.content)))
            else:
                points.append(start)
        self.ranges = _merged(ranges)
        self.points = sorted(set(points))


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
