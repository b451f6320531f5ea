"""S101 traditional-in-simplified."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity, Span
from cnlint.rules._text.conversion import (
    TO_SIMPLIFIED,
    check_opencc_config,
    conversion_edits,
    covering,
    listing,
)
from cnlint.rules._text.damage import damage_of, edits_outside, undamaged
from cnlint.rules._text.foreign import other_language
from cnlint.rules._text.script_tables import (
    NO_COMMON_COUNTERPART,
    TRADITIONAL_ONLY,
    simplified_positions_in,
    traditional_positions,
)


class TraditionalInSimplified(Rule):
    code = "S101"
    name = "traditional-in-simplified"
    summary = "Traditional characters (黨, 實, 會) in a corpus whose target script is simplified"
    why = (
        "A simplified-Chinese corpus that carries traditional documents or characters splits "
        "every word into two spellings: 实事 and 實事 are different tokens to a tokenizer, a "
        "deduplicator and a model. Only characters that exist in traditional Chinese alone "
        "count (a table built from OpenCC's dictionaries), so shared characters never trigger "
        "it. A traditional character whose simplified form is not an everyday character "
        "(鮆 → 𫚖, in CJK extension A or beyond the BMP, outside GBK and most fonts) does not "
        "count either: simplified editions keep it, and the fix keeps it too. "
        "One finding a paragraph; a document written wholly in traditional script (no "
        "paragraph in simplified) is one defect and gets one finding, whose fix converts it "
        "all (山海經 gave 43 findings, one a paragraph). "
        'Active when the global setting target-script is "simplified" (the default).'
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Converts the paragraph with OpenCC (t2s by default, which keeps mainland standard "
        "forms), replacing only the characters the conversion changes. OpenCC keeps 著; the "
        "fix writes the particle as 着 (懷著 → 怀着) and keeps 著 in 著名, 显著, 名著."
        " Characters inside mojibake, misaligned-GBK debris (mojibake, misaligned-gbk) or UTF-16 "
        "read with swapped bytes are "
        "neither reported nor converted: converting them would make the damage unrecoverable."
    )
    triggers = "".join(sorted(TRADITIONAL_ONLY - NO_COMMON_COUNTERPART))
    options: ClassVar[dict[str, Any]] = {"opencc-config": "t2s"}
    option_docs: ClassVar[dict[str, str]] = {
        "opencc-config": "OpenCC configuration of the fix: t2s, tw2s, hk2s or tw2sp "
        "(tw2sp also converts Taiwan vocabulary, 軟體 → 软件)."
    }
    examples = Examples(
        clean=[
            "为群众办实事",
            "我为群众办实事，新征程上再出发。",
            "他姓於，不姓于。",
            # 山海经 in simplified script (the quality benchmark's 南山經, converted): 鮆 has
            # no everyday simplified form
            "苕水出于其阴，北流注于具区。其中多鮆鱼。",
        ],
        bad=[
            Bad("為群眾辦實事", fixed="为群众办实事", flagged=["為群眾辦實"]),
            Bad(
                "黨員干部走進幫扶家庭。\n村里的路修好了。",
                fixed="党员干部走进帮扶家庭。\n村里的路修好了。",
                flagged=["黨員干部走進幫"],
                note="seed 003: only the traditional paragraph is flagged",
            ),
            Bad(
                "全市黨員幹部懷著感情、帶著責任，成效顯著",
                fixed="全市党员干部怀着感情、带着责任，成效显著",
                flagged=["黨員幹部懷著感情、帶著責任，成效顯"],
                note="seed 003, line 3: t2s keeps 著; the particle becomes 着, 显著 stays",
            ),
            Bad(
                "軟體下載",
                fixed="软件下载",
                flagged=["軟體下載"],
                options={"opencc-config": "tw2sp"},
                note="tw2sp also converts Taiwan vocabulary",
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opencc_config = check_opencc_config(self, TO_SIMPLIFIED)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.settings.target_script != "simplified":
            return
        text = doc.text
        # Mojibake and debris are the encoding rules' to report and recover: converting
        # characters inside them would make the original bytes unrecoverable.
        damage = doc.view(damage_of)
        odd = [
            p
            for p in undamaged(damage, traditional_positions(text))
            if text[p] not in NO_COMMON_COUNTERPART
        ]
        paragraphs = {
            span: positions
            for span, positions in doc.group_by_paragraph(odd).items()
            if not other_language(text, span)
        }
        converted = {
            span: edits_outside(
                damage, conversion_edits(text, span, self.opencc_config, NO_COMMON_COUNTERPART)
            )
            for span in paragraphs
        }
        if len(paragraphs) > 1 and self._wholly_traditional(doc, paragraphs):
            # One defect: the document is in the other script. One finding converts it all
            # (a classical text gave one finding per paragraph, 43 for 南山經).
            positions = [p for found in paragraphs.values() for p in found]
            edits = [edit for found in converted.values() for edit in found]
            start, end = covering(positions[0], positions[-1] + 1, edits)
            yield self.finding(
                start,
                end,
                f"Written in traditional script: {counted(len(positions), 'traditional character')}"
                f" in {counted(len(paragraphs), 'paragraph')}: {listing(text, positions)}",
                edits=edits or None,
                title=f"Convert the document to simplified (OpenCC {self.opencc_config})",
            )
            return
        for span, positions in paragraphs.items():
            edits = converted[span]
            start, end = covering(positions[0], positions[-1] + 1, edits)
            yield self.finding(
                start,
                end,
                f"{counted(len(positions), 'traditional character')} in simplified text: "
                f"{listing(text, positions)}",
                edits=edits or None,
                title=f"Convert to simplified (OpenCC {self.opencc_config})",
            )

    @staticmethod
    def _wholly_traditional(doc: Document, paragraphs: dict[Span, list[int]]) -> bool:
        """No paragraph of the document is written in simplified script (more simplified-only
        than traditional-only characters)."""
        text = doc.text
        return all(
            len(simplified_positions_in(text, span.start, span.end))
            <= len(paragraphs.get(span, ()))
            for span in doc.paragraphs
        )


def counted(count: int, noun: str) -> str:
    """``1 paragraph``, ``3 paragraphs``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
