"""S102 simplified-in-traditional."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules._text.conversion import (
    TO_TRADITIONAL,
    check_opencc_config,
    conversion_edits,
    covering,
    listing,
)
from cnlint.rules._text.damage import damage_of, edits_outside, undamaged
from cnlint.rules._text.foreign import other_language
from cnlint.rules._text.script_tables import SIMPLIFIED_ONLY, TRADITIONAL_ONLY, simplified_positions


class SimplifiedInTraditional(Rule):
    code = "S102"
    name = "simplified-in-traditional"
    summary = "Simplified characters (们, 实, 会) in a corpus whose target script is traditional"
    why = (
        "The mirror of traditional-in-simplified, for traditional corpora: simplified "
        "characters split every word into two spellings. Only characters that exist in "
        "simplified Chinese alone count; OpenCC's preferred variants (羣 for 群) are not "
        "mistaken for simplified-only characters, because the Taiwan and Hong Kong standard "
        'forms count as traditional. Active when target-script is "traditional".'
    )
    severity = Severity.WARNING
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Converts the paragraph with OpenCC (s2tw by default: Taiwan standard forms such as "
        "群 and 裡, without vocabulary changes), replacing only characters that are not "
        "already traditional."
        " Characters inside mojibake, misaligned-GBK debris (mojibake, misaligned-gbk) or UTF-16 "
        "read with swapped bytes are "
        "neither reported nor converted: converting them would make the damage unrecoverable."
    )
    triggers = "".join(sorted(SIMPLIFIED_ONLY))
    options: ClassVar[dict[str, Any]] = {"opencc-config": "s2tw"}
    option_docs: ClassVar[dict[str, str]] = {
        "opencc-config": "OpenCC configuration of the fix: s2tw, s2t, s2hk or s2twp."
    }
    examples = Examples(
        clean=[
            "為群眾辦實事",
            "新征程上，群眾的心裡。",
        ],
        bad=[
            Bad(
                "为群众办实事",
                fixed="為群眾辦實事",
                flagged=["为群众办实"],
                settings={"target_script": "traditional"},
            ),
            Bad(
                "我们的黨員幹部",
                fixed="我們的黨員幹部",
                flagged=["们"],
                settings={"target_script": "traditional"},
            ),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opencc_config = check_opencc_config(self, TO_TRADITIONAL)

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.settings.target_script != "traditional":
            return
        text = doc.text
        # Mojibake and debris are the encoding rules' to report and recover: converting
        # characters inside them would make the original bytes unrecoverable.
        damage = doc.view(damage_of)
        odd = undamaged(damage, simplified_positions(text))
        for span, positions in doc.group_by_paragraph(odd).items():
            if other_language(text, span):
                continue
            edits = edits_outside(
                damage, conversion_edits(text, span, self.opencc_config, TRADITIONAL_ONLY)
            )
            start, end = covering(positions[0], positions[-1] + 1, edits)
            yield self.finding(
                start,
                end,
                f"{len(positions)} simplified characters in traditional text: "
                f"{listing(text, positions)}",
                edits=edits or None,
                title=f"Convert to traditional (OpenCC {self.opencc_config})",
            )
