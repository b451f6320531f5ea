"""Building a rule's ``prefilter``: the regular expression the engine's gate runs once per
document, for all rules at once, to skip the rules that cannot fire (see ``Rule.prefilter``).

A prefilter must be a necessary condition read alike by Hyperscan and Python's ``re``:
literals, character classes, alternation and repetition only. Each alternative should open
with a literal character (``each_before``, ``literal_led``): where Hyperscan is missing the
gate runs the prefilter with ``re``, which then looks only at those characters; a leading
class or group makes it try the pattern at every position (B101's prefilter took 114 ms
instead of 21 on the 3 MB bench sample)::

    from cnlint.prefilter import each_before, literal_led, union

    prefilter = union(literal_led(["版权所有", "未经授权"]), each_before("©®", "[ 0-9]"))
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def literal(text: str) -> str:
    """``text`` as a prefilter literal: ASCII punctuation as ``\\xHH`` (read alike by ``re`` and
    Hyperscan), everything else as itself."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x80 and not c.isalnum() else c for c in text)


def each_before(heads: Iterable[str], rest: str) -> str:
    """``(?:heads)rest`` as one literal-led alternative per head (characters or words)."""
    return "|".join(literal(head) + rest for head in dict.fromkeys(heads))


def literal_led(phrases: Iterable[str]) -> str:
    """An alternation of the phrases with one literal-led alternative per first character
    (the rest of each shaped as a trie, longest match first)."""
    rests: dict[str, list[str]] = {}
    for phrase in phrases:
        rests.setdefault(phrase[0], []).append(phrase[1:])
    alternatives = []
    for first, tails in rests.items():
        trie = trie_pattern(tail for tail in tails if tail)
        optional = "?" if "" in tails else ""
        alternatives.append(literal(first) + (f"(?:{trie}){optional}" if trie else ""))
    return "|".join(alternatives)


def union(*patterns: str) -> str:
    """Prefilter alternatives as one pattern; empty ones are left out (they match anywhere)."""
    return "|".join(p for p in patterns if p)


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex alternation of the phrases, factored by common prefixes (longest match first)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if len(branches) == 1 and len(branches[0]) == 1:
        body = branches[0]
    else:
        body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body
