"""E101 non-utf8-source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from cnlint import Bad, Document, Examples, Finding, FixSafety, Rule, Severity
from cnlint.rules._text.applicability import unsafe

UTF8_NAMES = {"utf-8", "utf_8", "utf8", "ascii"}


class NonUtf8Source(Rule):
    code = "E101"
    name = "non-utf8-source"
    summary = "A file that is not UTF-8 (GB18030, GBK, Big5, UTF-16…), detected and linted decoded"
    why = (
        "Corpora are read as UTF-8. A GBK or Big5 file in a UTF-8 pipeline is either dropped or "
        "turned into mojibake (涓枃, ������) by the first tool that assumes UTF-8. cnlint "
        "decodes strict UTF-8 first, then UTF-16, files that mix UTF-8 lines into a legacy "
        "encoding, charset-normalizer, and the Chinese legacy encodings; the finding names the "
        "encoding and how sure the detection is, and the rest of the file is linted as text."
    )
    severity = Severity.ERROR
    fix_safety = FixSafety.SAFE
    fix_note = (
        "Rewrites the file as UTF-8 (no BOM). Safe when the detection confidence reaches "
        "min-confidence; below it, or for a file that mixes encodings, the fix is unsafe."
    )
    options: ClassVar[dict[str, Any]] = {"min-confidence": 0.9}
    option_docs: ClassVar[dict[str, str]] = {
        "min-confidence": "Detection confidence (0-1) from which transcoding counts as safe."
    }
    examples = Examples(
        clean=["为群众办实事"],
        bad=[
            Bad(
                "为群众办实事",
                fixed="为群众办实事",
                flagged=[""],
                encoding="gb18030",
                note="read from GB18030 bytes; the fix writes the same text as UTF-8",
            ),
            Bad("為群眾辦實事", fixed="為群眾辦實事", flagged=[""], encoding="big5"),
        ],
    )

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.encoding.lower() in UTF8_NAMES:
            return
        confidence = doc.encoding_confidence
        sure = confidence >= self.option_values["min-confidence"]
        doubt = "" if sure else ": ambiguous, or lines in different encodings; check the text"
        finding = self.finding(
            0,
            0,
            f"File is {doc.encoding}, not UTF-8 (detection confidence {confidence:.0%}{doubt})",
            encoding="utf-8",
            title="Transcode to UTF-8",
        )
        yield finding if sure else unsafe(finding)
