"""Contact details as spam writes them: a channel (微信, 加V, QQ群 …) and an ID, or a number.

Spam disguises both halves to get past filters: the channel as a homophone or a letter (薇信,
V信, 加V, 扣扣) and the digits split by spaces or symbols (1 3 8-1234-5678). Shared by the
spam rules, which judge whole lines.
"""

from __future__ import annotations

from collections.abc import Iterable

from cnlint.patterns import LazyPattern, regex
from cnlint.prefilter import trie_pattern
from cnlint.rules._text.phrases import case_variants

# Five or more digits (ASCII or full-width), each next one after at most one separator that is
# neither a letter, a digit nor a Han character (138 1234 5678, 2-8-6-7-5-4).
SPLIT_DIGITS = r"[0-9０-９](?:[^\w\u4e00-\u9fff\n]?[0-9０-９]){4,}"
# A handle: a letter, then 5-19 letters, digits, - or _ (WeChat's rule), with a digit, - or _
# in it: a plain word after 微信 is a name (微信（WeChat）是腾讯…), not an ID.
HANDLE = r"[A-Za-z](?=[A-Za-z]*[-_0-9])[-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])"
# Between a channel and its ID: spaces, a colon, 号/号码/是/同号, brackets, an HTML tag left by
# the scraper (QQ群：<strong>1107151131</strong>), a circled number (QQ群：①133713780).
GLUE = (
    r"[\s:：]*(?:号码|号|是|同号|ID|id)?[\s:：()（）【】\[\]]*"
    r"(?:<[^<>\n]{1,20}>)?[①-⑩]?"
)
# A phone number on its own: seven digits or more in a row, or a mobile number's 11 digits split
# by anything but letters (1 3 8-1234-5678); not an amount (30000000元) nor a date
# (2021-09-17, which never has 11 digits from 1[3-9]).
SEPARATOR = r"[^\w\u4e00-\u9fff\n]?"
PHONE_LIKE = regex(
    rf"(?<![0-9０-９.])(?:[0-9０-９]{{7,}}|1{SEPARATOR}[3-9](?:{SEPARATOR}[0-9０-９]){{9}})"
    r"(?![0-9０-９]|\s?[元万亿千百人次个件吨股])"
)
URL_LIKE = regex(r"(?:https?://|www\.)[!-~]+|[A-Za-z0-9-]+\.(?:com|cn|net|cc|vip|top|xyz)\b")


def channel_pattern(channels: Iterable[str]) -> LazyPattern:
    """A channel (in its usual Latin cases), not inside a Latin word, and the ID after it."""
    trie = trie_pattern([v for c in channels for v in case_variants(c)])
    return regex(rf"(?<![A-Za-z])(?:{trie})(?![a-z])" + GLUE + f"({SPLIT_DIGITS}|{HANDLE})")


def has_contact(line: str, channels: LazyPattern) -> bool:
    """A line that gives a way to reach someone: a channel and an ID, a phone-like number or a
    URL."""
    return bool(channels.search(line) or PHONE_LIKE.search(line) or URL_LIKE.search(line))
