"""Duplication rules: paragraphs and sentences repeated inside one document (D1xx), and
documents and paragraphs repeated across the corpus (D2xx, corpus rules: they run in the
corpus pass, ``cnlint check --corpus`` or ``cnlint corpus``).
"""

from .d101_duplicate_paragraph import DuplicateParagraph
from .d102_near_duplicate_paragraph import NearDuplicateParagraph
from .d103_repeated_sentence import RepeatedSentence
from .d201_duplicate_document import DuplicateDocument
from .d202_near_duplicate_document import NearDuplicateDocument
from .d203_boilerplate_paragraph import BoilerplateParagraph

__all__ = [
    "BoilerplateParagraph",
    "DuplicateDocument",
    "DuplicateParagraph",
    "NearDuplicateDocument",
    "NearDuplicateParagraph",
    "RepeatedSentence",
]
