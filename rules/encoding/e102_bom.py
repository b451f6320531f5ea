"""E102 bom."""

from __future__ import annotations

from collections.abc import Iterator

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity


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
