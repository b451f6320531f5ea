"""Boilerplate rules (B): page chrome, metadata, credits and captions scraped with the article.

Every rule here judges a whole line: short, without sentence marks, and made (almost) only of
the junk it looks for. Phrase lists are data files in ``rules/data/`` (see ``phrases.py``);
each list becomes one compiled matcher that runs only on lines short enough to be junk.
"""

from .b101_navigation_junk import NavigationJunk
from .b102_breadcrumb import Breadcrumb
from .b103_metadata_line import MetadataLine
from .b104_byline_credit import BylineCredit
from .b105_photo_caption import PhotoCaption
from .b106_copyright_footer import CopyrightFooter
from .b107_section_header import SectionHeader

__all__ = [
    "Breadcrumb",
    "BylineCredit",
    "CopyrightFooter",
    "MetadataLine",
    "NavigationJunk",
    "PhotoCaption",
    "SectionHeader",
]
