"""Punctuation rules (P): doubled, conflicting and half-width marks in Chinese text."""

from .p101_repeated_punctuation import RepeatedPunctuation
from .p102_conflicting_punctuation import ConflictingPunctuation
from .p103_halfwidth_punctuation import HalfwidthPunctuation
from .p104_unbalanced_pair import UnbalancedPair
from .p105_ellipsis_style import EllipsisStyle
from .p106_halfwidth_full_stop import HalfwidthFullStop

__all__ = [
    "ConflictingPunctuation",
    "EllipsisStyle",
    "HalfwidthFullStop",
    "HalfwidthPunctuation",
    "RepeatedPunctuation",
    "UnbalancedPair",
]
