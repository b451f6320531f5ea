"""Duplication rules (D1xx): paragraphs and sentences repeated inside one document.

Corpus-wide duplicates (the same paragraph across many files) are the corpus pass's job.
"""

from .d101_duplicate_paragraph import DuplicateParagraph
from .d102_near_duplicate_paragraph import NearDuplicateParagraph
from .d103_repeated_sentence import RepeatedSentence

__all__ = ["DuplicateParagraph", "NearDuplicateParagraph", "RepeatedSentence"]
