"""The gate: which rules can fire in a document, decided before any rule runs.

A rule declares two cheap, necessary conditions for reporting anything:

- ``triggers``: characters or substrings of which at least one must occur;
- ``prefilter``: a regular expression that must match somewhere in the text.

Most documents give most rules nothing to report, and a rule's own check (a regex pass, a
split into lines, Python per line) costs far more than asking these questions. The gate
answers them for all rules at once:

- trigger *characters*: a lookup table from each UTF-16 code unit to the bits of the rules
  it can trigger, one numpy pass per document (about 1 GB/s, whatever the number of rules);
- substring triggers and prefilters: one Hyperscan scan of the document's UTF-8 bytes for
  all of them (single-match mode: a pattern stops at its first match) when the optional
  ``hyperscan`` package is installed, else one ``re`` search per pattern, only for the rules
  the characters let through.

Both engines give the same answer; tests/test_gate.py checks that, and that no rule ever
reports on a document its gate skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from cnlint.prefilter import literal
from cnlint.rule import Rule

BITS = 64
PATTERN_CHARS = 2000  # per Hyperscan expression, well under its length limit
MAX_PLANS = 16
# Selections remembered per plan, keyed by what the gate found in a document: documents of
# one corpus fall into a few hundred such answers.
MAX_ANSWERS = 4096
NOTHING: frozenset[int] = frozenset()
ALL = None  # ``matched(text, ALL)``: every pattern, not only the ones a caller wants


class Gate:
    """Decides, per document, which of a linter's rules need to run."""

    def __init__(self, rules: Sequence[Rule], engine: str = "auto") -> None:
        # id(rule) -> (its trigger-character bit or 0, the patterns that must all match)
        self._needs: dict[int, tuple[int, frozenset[int]]] = {}
        self._plans: dict[int, tuple[list[Rule], Plan]] = {}
        patterns: list[str] = []
        characters_of: list[str] = []
        for rule in rules:
            mask, ids = 0, []
            characters = _trigger_characters(rule)
            if characters and len(characters_of) < BITS:
                mask = 1 << len(characters_of)
                characters_of.append(characters)
            elif triggers := _triggers(rule):
                ids.append(len(patterns))
                patterns.append(_alternation(triggers))
            if prefilter := _prefilter(rule):
                ids.append(len(patterns))
                patterns.append(prefilter)
            self._needs[id(rule)] = (mask, frozenset(ids))
        self.table = _character_table(characters_of)
        self.matcher = _matcher(patterns, engine)

    def select(self, rules: Sequence[Rule], text: str) -> list[Rule]:
        """The rules, in order, whose triggers and prefilter both say they can fire."""
        plan = self._plan(rules)
        present = self._present(text)
        if self.matcher.scans_all:  # one scan answers every pattern: no need to narrow first
            matched = self.matcher.matched(text, ALL)
        else:
            wanted = plan.wanted(present)
            matched = self.matcher.matched(text, wanted) if wanted else set()
        return plan.select(present, matched)

    def _plan(self, rules: Sequence[Rule]) -> Plan:
        """Each rule with what it needs, looked up once per list of rules, not per document."""
        cached = self._plans.get(id(rules))
        if cached is not None and cached[0] == rules:
            return cached[1]
        if len(self._plans) >= MAX_PLANS:  # callers passing a new list per document
            self._plans.clear()
        plan = Plan([(rule, *self._needs.get(id(rule), (0, NOTHING))) for rule in rules])
        self._plans[id(rules)] = (list(rules), plan)
        return plan

    def _present(self, text: str) -> int:
        """The bits of every rule whose trigger characters occur in ``text``."""
        if not text:
            return 0
        units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        return int(np.bitwise_or.reduce(self.table.take(units)))  # take: faster than [units]


class Plan:
    """One list of rules, each with its trigger bit and the patterns it needs, and the
    selections already made from it.

    A selection depends only on which trigger bits and which patterns a document showed, so
    it is remembered under those: walking some 60 rules in Python for every document cost
    more than finding its characters.
    """

    def __init__(self, needs: list[tuple[Rule, int, frozenset[int]]]) -> None:
        self.needs = needs
        self._selected: dict[tuple[int, frozenset[int]], list[Rule]] = {}
        self._wanted: dict[int, set[int]] = {}

    def wanted(self, present: int) -> set[int]:
        """The patterns worth asking about: those of the rules the trigger bits let through."""
        wanted = self._wanted.get(present)
        if wanted is None:
            wanted = set().union(
                *(ids for _, mask, ids in self.needs if not mask or present & mask)
            )
            self._wanted[self._room(self._wanted, present)] = wanted
        return wanted

    def select(self, present: int, matched: set[int]) -> list[Rule]:
        """The rules, in order, whose trigger bit is present and whose patterns all matched."""
        key = (present, frozenset(matched))
        selected = self._selected.get(key)
        if selected is None:
            selected = [
                rule
                for rule, mask, ids in self.needs
                if (not mask or present & mask) and ids <= matched
            ]
            self._selected[self._room(self._selected, key)] = selected
        return list(selected)  # the caller's own list: the remembered one stays as it is

    @staticmethod
    def _room(answers: dict, key):
        """``key``, after forgetting every answer if there are too many to keep."""
        if len(answers) >= MAX_ANSWERS:
            answers.clear()
        return key


class ReMatcher:
    """Which patterns match, one ``re`` search each (only the patterns asked about)."""

    name = "re"
    scans_all = False

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = [re.compile(pattern) for pattern in patterns]

    def matched(self, text: str, wanted: set[int] | None) -> set[int]:
        indexes = range(len(self.patterns)) if wanted is ALL else wanted
        return {index for index in indexes if self.patterns[index].search(text)}


class HyperscanMatcher:
    """Which patterns match, from one Hyperscan scan for all of them."""

    name = "hyperscan"
    scans_all = True

    def __init__(self, patterns: list[str]) -> None:
        import hyperscan

        from cnlint.engine.hyperscan_cache import compiled

        self._patterns = patterns
        self._re: ReMatcher | None = None
        expressions = [hyperscan_syntax(pattern).encode() for pattern in patterns]
        self._database = compiled(
            expressions, hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH
        )

    def matched(self, text: str, wanted: set[int] | None) -> set[int]:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: not UTF-8, so ``re`` answers
            return self._fallback().matched(text, wanted)
        found: set[int] = set()
        self._database.scan(data, match_event_handler=_collect, context=found)
        return found

    def _fallback(self) -> ReMatcher:
        if self._re is None:
            self._re = ReMatcher(self._patterns)  # compiled only if such text comes
        return self._re


def _collect(pattern: int, start: int, end: int, flags: int, found: set[int]) -> None:
    found.add(pattern)


def _matcher(patterns: list[str], engine: str) -> ReMatcher | HyperscanMatcher:
    """Hyperscan when asked for or, with ``auto``, when installed and there is work for it."""
    if engine == "re" or not patterns:
        return ReMatcher(patterns)
    try:
        return HyperscanMatcher(patterns)
    except ImportError:
        if engine == "hyperscan":
            raise
    except Exception:  # a plugin's pattern Hyperscan cannot compile: ``re`` answers the same
        if engine == "hyperscan":
            raise
    return ReMatcher(patterns)


def hyperscan_syntax(pattern: str) -> str:
    """A pattern written for ``re`` in Hyperscan's (PCRE) spelling: ``\\uXXXX`` escapes
    become ``\\x{XXXX}``; literal characters stay as they are (UTF-8 mode reads them)."""
    return re.sub(
        r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))",
        lambda m: "\\x{%s}" % (m[1] or m[2]),
        pattern,
    )


def _alternation(triggers: tuple[str, ...]) -> str:
    """Substring triggers as one pattern of literals (see ``prefilter.literal``)."""
    return "|".join(literal(t) for t in triggers)


def _character_table(characters_of: list[str]) -> np.ndarray:
    """From each UTF-16 code unit to the bits of the rules whose trigger characters hold it
    (bit i for ``characters_of[i]``), in the narrowest integer that holds every bit: the
    table is read at random for every character, and half the bytes stay in cache better."""
    dtype = next(
        t
        for t in (np.uint8, np.uint16, np.uint32, np.uint64)
        if len(characters_of) <= np.iinfo(t).bits
    )
    table = np.zeros(0x10000, dtype=dtype)
    for bit, characters in enumerate(characters_of):
        table[_code_units(characters)] |= dtype(1 << bit)
    return table


def _code_units(chars: str) -> np.ndarray:
    """The UTF-16 code units of the characters: one each, or two (a surrogate pair) beyond the
    BMP. One array for all of them: a rule may name thousands (S101's traditional characters),
    and a Python loop per character cost 60 ms of every start. Repeated units are harmless to
    the table's ``|=`` (each write ORs the same bit into the same old value)."""
    return np.frombuffer(chars.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


def _triggers(rule: Rule) -> tuple[str, ...]:
    return tuple(rule.triggers)  # a string of characters or a tuple of substrings


def _trigger_characters(rule: Rule) -> str | None:
    """The rule's triggers as one string when each is one character, else None. A string of
    triggers is taken as it is: S101's 3,000 characters made a tuple of one-character strings
    on every start."""
    triggers = rule.triggers
    if isinstance(triggers, str):
        return triggers
    return "".join(triggers) if all(len(t) == 1 for t in triggers) else None


def _prefilter(rule: Rule) -> str:
    return rule.prefilter  # a rule whose condition depends on its options sets its own
