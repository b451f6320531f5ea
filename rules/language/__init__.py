"""Language rules (L): English leaking into Chinese sentences, documents that are not Chinese."""

from .l101_english_leak import EnglishLeak
from .l102_non_chinese_document import NonChineseDocument

__all__ = ["EnglishLeak", "NonChineseDocument"]
