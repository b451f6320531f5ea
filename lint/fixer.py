"""Applying edits: non-overlapping, all edits of a fix or none."""

from __future__ import annotations

from collections.abc import Iterable

from .finding import Edit, Finding


def overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: their order would be arbitrary
    return a.start < b.end and b.start < a.end


def choose_fixes(findings: Iterable[Finding]) -> list[Finding]:
    """Pick fixable findings whose edits overlap no edit picked before them (in text order)."""
    chosen: list[Finding] = []
    taken: list[Edit] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        fix = finding.fix
        if fix is None:
            continue
        if any(overlaps(edit, other) for edit in fix.edits for other in taken):
            continue
        chosen.append(finding)
        taken.extend(fix.edits)
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
