"""S101 traditional-in-simplified."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules._text.conversion import (
    TO_SIMPLIFIED,
    check_opencc_config,
    conversion_edits,
    covering,
    in_paragraphs,
    listing,
)
from cnlint.rules._text.foreign import other_language
from cnlint.rules._text.script_tables import TRADITIONAL_ONLY, traditional_positions


class TraditionalInSimplified(Rule):
    code = "S101"
    name = "traditional-in-simplified"
    summary = "Traditional characters (黨, 實, 會) in a corpus whose target script is simplified"
    why = (
        "A simplified-Chinese corpus that carries traditional documents or characters splits "
        "every word into two spellings: 实事 and 實事 are different tokens to a tokenizer, a "
        "deduplicator and a model. Only characters that exist in traditional Chinese alone "
        "count (a table built from OpenCC's dictionaries), so shared characters never trigger "
        'it. Active when the global setting target-script is "simplified" (the default).'
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Converts the paragraph with OpenCC (t2s by default, which keeps mainland standard "
        "forms), replacing only the characters the conversion changes. OpenCC keeps 著; the "
        "fix writes the particle as 着 (懷著 → 怀着) and keeps 著 in 著名, 显著, 名著."
    )
    triggers = "".join(sorted(TRADITIONAL_ONLY))
    options: ClassVar[dict[str, Any]] = {"opencc-config": "t2s"}
    option_docs: ClassVar[dict[str, str]] = {
        "opencc-config": "OpenCC configuration of the fix: t2s, tw2s, hk2s or tw2sp "
        "(tw2sp also converts Taiwan vocabulary, 軟體 → 软件)."
    }
    examples = Examples(
        clean=["为群众办实事", "我为群众办实事，新征程上再出发。", "他姓於，不姓于。"],
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
        for span, positions in in_paragraphs(doc, traditional_positions(text)).items():
            if other_language(text, span):
                continue
            edits = conversion_edits(text, span, self.opencc_config, frozenset())
            start, end = covering(positions[0], positions[-1] + 1, edits)
            yield self.finding(
                start,
                end,
                f"{len(positions)} traditional characters in simplified text: "
                f"{listing(text, positions)}",
                edits=edits or None,
                title=f"Convert to simplified (OpenCC {self.opencc_config})",
            )
