"""Language rules (L): English leaking into Chinese sentences, documents that are not Chinese,
paragraphs in written Cantonese or Japanese."""

from .l101_english_leak import EnglishLeak
from .l102_non_chinese_document import NonChineseDocument
from .l103_written_cantonese import WrittenCantonese
from .l104_japanese_paragraph import JapaneseParagraph

__all__ = ["EnglishLeak", "JapaneseParagraph", "NonChineseDocument", "WrittenCantonese"]
