"""S103 mixed-script."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity, Span
from cnlint.rules._text.conversion import conversion_edits, covering, listing
from cnlint.rules._text.damage import damage_of, edits_outside, undamaged
from cnlint.rules._text.foreign import other_language
from cnlint.rules._text.script_tables import (
    SIMPLIFIED_ONLY,
    TRADITIONAL_ONLY,
    leftover_positions,
    simplified_exceeds,
    simplified_positions_in,
    traditional_positions,
)


class MixedScript(Rule):
    code = "S103"
    name = "mixed-script"
    summary = "A paragraph that mixes simplified and traditional characters: 黨員干部, 這么"
    why = (
        "Half-converted text (a traditional page with simplified leftovers, or the reverse) is "
        "wrong in either script and is the trace of a broken conversion step. Characters "
        "shared by both scripts never count. In a traditional paragraph, characters that are "
        "valid in both scripts but stand for another traditional character (干 for 幹, 后 for "
        "後, 里 for 裡, 于 for 於) count as simplified leftovers, except inside phrases where "
        "they are right in traditional text too (若干, 皇后, 公里, 征程), taken from OpenCC's "
        "phrase dictionary. A paragraph written mostly in the script the corpus does not target "
        "is traditional-in-simplified's (or its mirror's) one defect: that rule converts the "
        "whole paragraph, so mixed-script stays silent there. Classical texts write 于 (注于海) "
        "and 并 (并力) themselves; in such a paragraph those were the only 'leftovers' this rule "
        "found on the quality benchmark, and none was a defect."
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Replaces the odd characters by their conversion to the paragraph's majority script, "
        "which is the target script (or either script when target-script is any)."
    )
    triggers = "".join(sorted(TRADITIONAL_ONLY))  # no traditional character, no mixing
    options: ClassVar[dict[str, Any]] = {"simplified-config": "t2s", "traditional-config": "s2tw"}
    option_docs: ClassVar[dict[str, str]] = {
        "simplified-config": "OpenCC configuration used to convert to simplified.",
        "traditional-config": "OpenCC configuration used to convert to traditional.",
    }
    examples = Examples(
        clean=[
            "党员干部走进帮扶家庭。",
            "黨員幹部走進幫扶家庭。",
            "回望百年奮鬥征程，若干年後。",
            "皇后在宮裡住了十公里。",
            # 山海經 (quality benchmark, classical): a traditional paragraph in a simplified
            # corpus is traditional-in-simplified's finding alone; 于 is the source's own.
            "又東四百里，曰虖勺之山，其上多梓柟，其下多荊杞。滂水出焉，而東流注于海。",
        ],
        bad=[
            Bad(
                "黨員干部走進幫扶家庭，這么大的事",
                fixed="黨員幹部走進幫扶家庭，這麼大的事",
                flagged=["干部走進幫扶家庭，這么"],
                settings={"target_script": "traditional"},
                note="seed 003 in a traditional corpus; with a simplified target the "
                "paragraph is traditional-in-simplified's finding alone",
            ),
            Bad(
                "他們並沒有來，我们等了很久。",
                fixed="他們並沒有來，我們等了很久。",
                flagged=["们"],
                settings={"target_script": "any"},
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.to_simplified = self.option_values["simplified-config"]
        self.to_traditional = self.option_values["traditional-config"]

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        traditional = traditional_positions(text)
        if not traditional:
            return  # no traditional-only character: nothing can be mixed
        by_paragraph_t = doc.group_by_paragraph(traditional)
        document_traditional = len(traditional) >= 3 and not simplified_exceeds(
            text, len(traditional)
        )
        # In a simplified document only paragraphs holding traditional characters can mix.
        for span in doc.paragraphs if document_traditional else list(by_paragraph_t):
            t = by_paragraph_t.get(span, [])
            s = simplified_positions_in(text, span.start, span.end)
            if (len(t) > len(s) and (len(t) >= 2 or document_traditional)) or (
                not t and not s and document_traditional
            ):
                leftovers = [p for p, _ in leftover_positions(text, span.start, span.end)]
                minority, majority = sorted(s + leftovers), "traditional"
            elif s:
                minority, majority = t, "simplified"
            else:
                continue
            if self.settings.target_script not in ("any", majority):
                # A paragraph in the script the corpus does not target: traditional-in-
                # simplified (or its mirror) reports it and converts all of it. A second
                # finding inside the first would count one defect twice, and on classical text
                # the only "leftovers" were the source's own 于 and 并.
                continue
            # Mojibake and debris are the encoding rules' (their characters are not a script).
            minority = undamaged(doc.view(damage_of), minority)
            if (
                minority
                and not self._reported_elsewhere(text, minority, majority)
                and not other_language(text, span)
            ):
                yield self._finding(doc, span, minority, majority)

    def _reported_elsewhere(self, text: str, minority: list[int], majority: str) -> bool:
        """Odd characters that traditional-in-simplified or its mirror already reports."""
        if majority != self.settings.target_script:
            return False
        other_only = TRADITIONAL_ONLY if majority == "simplified" else SIMPLIFIED_ONLY
        return all(text[p] in other_only for p in minority)

    def _finding(self, doc: Document, span: Span, minority: list[int], majority: str) -> Finding:
        text = doc.text
        # The majority script is the target script (or either one when the target is any).
        if majority == "simplified":
            edits = conversion_edits(text, span, self.to_simplified, frozenset())
        else:
            edits = conversion_edits(text, span, self.to_traditional, TRADITIONAL_ONLY)
        odd = set(minority)
        edits = [e for e in edits if any(e.start <= p < e.end for p in odd)]
        edits = edits_outside(doc.view(damage_of), edits)
        start, end = covering(minority[0], minority[-1] + 1, edits)
        other = "simplified" if majority == "traditional" else "traditional"
        return self.finding(
            start,
            end,
            f"{other.capitalize()} {listing(text, minority)} in {majority} text",
            edits=edits or None,
            title=f"Convert to {majority}",
        )
