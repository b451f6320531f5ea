"""Defect categories shared by missed.tsv, the injection generator and the report.

A defect of a category counts as found when a finding of one of the category's rules covers
it. The categories follow what a reader of scraped Chinese text meets, not cnlint's rule list,
so a category can span rule families (a dateline is boilerplate whichever rule names it).
"""

from __future__ import annotations

CATEGORIES: dict[str, frozenset[str]] = {
    "navigation": frozenset({"B101", "B102", "B107"}),  # UI chrome, breadcrumbs, prev/next
    "caption": frozenset({"B105"}),  # photo captions, credits, image placeholders
    "byline": frozenset({"B104", "B103"}),  # bylines, datelines, reporter credits
    "metadata": frozenset({"B103"}),  # source / time / views / editor lines
    "copyright": frozenset({"B106"}),
    "punctuation": frozenset({"P101", "P102", "P103", "P105", "P106"}),  # half-width, doubled, '.'
    "script": frozenset({"S101", "S103"}),  # traditional characters in simplified text
    "pinyin": frozenset({"S105"}),
    "duplicate": frozenset({"D101", "D102", "D103"}),
    "broken": frozenset({"T101", "T102", "T103"}),  # a sentence cut by a line break
    "wrap-space": frozenset({"T105"}),  # a space inside a word from line wrapping
    "english": frozenset({"L101"}),
    "mojibake": frozenset({"E104", "E105", "E108"}),  # wrong decoding, lost characters
    "html": frozenset({"E106"}),
}
