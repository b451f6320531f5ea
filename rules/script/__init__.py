"""Script rules (S): which Chinese script a text is written in, and what leaked into it."""

from .s101_traditional_in_simplified import TraditionalInSimplified
from .s102_simplified_in_traditional import SimplifiedInTraditional
from .s103_mixed_script import MixedScript
from .s104_foreign_script import ForeignScript
from .s105_pinyin_annotation import PinyinAnnotation

__all__ = [
    "ForeignScript",
    "MixedScript",
    "PinyinAnnotation",
    "SimplifiedInTraditional",
    "TraditionalInSimplified",
]
