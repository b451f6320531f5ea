"""Gates: which rules can fire in a document, from one scan of its characters.

Each rule that declares ``triggers`` gets a bit; a lookup table maps every UTF-16 code unit
to the bits of the rules it can trigger (a trigger character, or the first character of a
trigger substring). One numpy pass per document (encode, look up, OR-reduce) then tells
every rule at once whether it can fire, instead of one substring search per trigger per rule
(a search for an absent CJK character costs about as much as reading the whole text).

A set bit is necessary, not sufficient, when a rule has substring triggers or shares its bit
with another rule (more than 64 gated rules): the rule's own ``applies_to`` then decides.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .rule import Rule

BITS = 64


def _code_units(char: str) -> list[int]:
    """The UTF-16 code units of a character: one, or two (a surrogate pair) beyond the BMP."""
    encoded = char.encode("utf-16-le", "surrogatepass")
    return [int.from_bytes(encoded[i : i + 2], "little") for i in range(0, len(encoded), 2)]


def _triggers(rule: Rule) -> tuple[str, ...]:
    return tuple(type(rule).triggers)  # a string of characters or a tuple of substrings


class TriggerGate:
    """Decides, per document, which of a linter's rules need to run."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.table = np.zeros(0x10000, dtype=np.uint64)
        self._gated: dict[int, tuple[int, bool]] = {}  # id(rule) -> (mask, exact)
        gated = [rule for rule in rules if _triggers(rule) and _uses_default_gate(rule)]
        for index, rule in enumerate(gated):
            mask = 1 << (index % BITS)
            triggers = _triggers(rule)
            for trigger in triggers:
                for unit in _code_units(trigger[0]):
                    self.table[unit] |= np.uint64(mask)
            exact = len(gated) <= BITS and all(len(t) == 1 for t in triggers)
            self._gated[id(rule)] = (mask, exact)

    def present(self, text: str) -> int:
        """The bits of every rule whose trigger characters occur in ``text``."""
        if not self._gated or not text:
            return 0
        units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        return int(np.bitwise_or.reduce(self.table[units]))

    def runs(self, rule: Rule, text: str, present: int) -> bool:
        gate = self._gated.get(id(rule))
        if gate is None:
            return rule.applies_to(text)
        mask, exact = gate
        if not present & mask:
            return False
        return exact or rule.applies_to(text)


def _uses_default_gate(rule: Rule) -> bool:
    """Rules that override ``applies_to`` keep their own gate."""
    return type(rule).applies_to is Rule.applies_to
