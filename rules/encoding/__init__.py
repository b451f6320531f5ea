"""Encoding rules (E): the file's encoding, and characters that are debris of encodings."""

from .e101_non_utf8_source import NonUtf8Source
from .e102_bom import ByteOrderMark
from .e103_invisible_char import InvisibleChar
from .e104_replacement_char import ReplacementChar
from .e105_mojibake import Mojibake
from .e106_html_leftover import HtmlLeftover
from .e107_fullwidth_alnum import FullwidthAlnum
from .e108_misaligned_gbk import MisalignedGbk

__all__ = [
    "ByteOrderMark",
    "FullwidthAlnum",
    "HtmlLeftover",
    "InvisibleChar",
    "MisalignedGbk",
    "Mojibake",
    "NonUtf8Source",
    "ReplacementChar",
]
