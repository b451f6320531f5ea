"""Spam and ads rules (A): contact solicitations, promotional lines, keyword stuffing.

One rule a module; each judges whole lines and drops them with an unsafe fix. The phrase lists
are data files in ``rules/data/`` (``spam-*.txt``), extended or replaced from config like the
boilerplate lists. ``contacts.py`` holds what the rules share.
"""

from cnlint.rules.spam.a101_contact_solicitation import ContactSolicitation
from cnlint.rules.spam.a102_promotional_line import PromotionalLine
from cnlint.rules.spam.a103_keyword_stuffing import KeywordStuffing

__all__ = ["ContactSolicitation", "KeywordStuffing", "PromotionalLine"]
