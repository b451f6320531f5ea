"""Base classes of the boilerplate rules that judge and drop whole lines, optionally driven by a
phrase list users extend from config.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from cnlint import Document, Finding, Rule
from cnlint.prefilter import literal_led
from cnlint.rules._text.lines import drop_line, short_lines
from cnlint.rules._text.phrases import (
    PHRASE_OPTION_DOCS,
    PHRASE_OPTIONS,
    case_variants,
    compile_phrases,
    configured_phrases,
)


class LineRule(Rule):
    """A rule that flags whole lines and whose fix drops them."""

    def drop(self, doc: Document, index: int, message: str) -> Finding:
        # The finding spans exactly what the fix removes: the line with its newline.
        edit = drop_line(doc, index)
        return self.finding(edit.start, edit.end, message, edits=[edit], title="Drop the line")


class PhraseLineRule(LineRule):
    """A line rule driven by a phrase list that users extend or replace from config."""

    phrase_list: ClassVar[str]
    options: ClassVar[dict] = {"max-chars": 40, **PHRASE_OPTIONS}
    option_docs: ClassVar[dict] = {
        "max-chars": "Longer lines are never junk of this kind (they are prose).",
        **PHRASE_OPTION_DOCS,
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.phrases = configured_phrases(self.phrase_list, self.option_values)
        self.matcher = compile_phrases(self.phrases)

    def short_lines(self, doc: Document) -> Iterator[tuple[int, str]]:
        return short_lines(doc, self.option_values["max-chars"])

    def phrase_prefilter(self) -> str:
        """Any configured phrase, in the cases the matcher reads (empty when there are none)."""
        return literal_led(v for p in self.phrases for v in case_variants(p))
