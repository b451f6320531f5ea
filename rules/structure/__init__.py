"""Structure rules (T): paragraphs cut by page layout, fragments, truncation, stray spaces
(T1xx); whitespace hygiene, that is blank-line runs, trailing spaces and the final newline
(T2xx).
"""

from .t101_broken_paragraph import BrokenParagraph
from .t102_truncated_paragraph import TruncatedParagraph
from .t103_fragment_start import FragmentStart
from .t104_truncated_document import TruncatedDocument
from .t105_cjk_space import CjkSpace
from .t201_blank_lines import BlankLines
from .t202_trailing_whitespace import TrailingWhitespace
from .t203_missing_final_newline import MissingFinalNewline

__all__ = [
    "BlankLines",
    "BrokenParagraph",
    "CjkSpace",
    "FragmentStart",
    "MissingFinalNewline",
    "TrailingWhitespace",
    "TruncatedDocument",
    "TruncatedParagraph",
]
