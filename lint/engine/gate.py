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
NOTHING: frozenset[int] = frozenset()
ALL = None  # ``matched(text, ALL)``: every pattern, not only the ones a caller wants


class Gate:
    """Decides, per document, which of a linter's rules need to run."""

    def __init__(self, rules: Sequence[Rule], engine: str = "auto") -> None:
        self.table = np.zeros(0x10000, dtype=np.uint64)
        # id(rule) -> (its trigger-character bit or 0, the patterns that must all match)
        self._needs: dict[int, tuple[int, frozenset[int]]] = {}
        self._plans: dict[int, tuple[list[Rule], list[tuple[Rule, int, frozenset[int]]]]] = {}
        patterns: list[str] = []
        bits = 0
        for rule in rules:
            mask, ids = 0, []
            characters = _trigger_characters(rule)
            if characters and bits < BITS:
                mask = 1 << bits
                bits += 1
                self.table[_code_units(characters)] |= np.uint64(mask)
            elif triggers := _triggers(rule):
                ids.append(len(patterns))
                patterns.append(_alternation(triggers))
            if prefilter := _prefilter(rule):
                ids.append(len(patterns))
                patterns.append(prefilter)
            self._needs[id(rule)] = (mask, frozenset(ids))
        self.matcher = _matcher(patterns, engine)

    def select(self, rules: Sequence[Rule], text: str) -> list[Rule]:
        """The rules, in order, whose triggers and prefilter both say they can fire."""
        plan = self._plan(rules)
        present = self._present(text)
        if self.matcher.scans_all:  # one scan answers every pattern: no need to narrow first
            matched = self.matcher.matched(text, ALL)
            return [r for r, mask, ids in plan if (not mask or present & mask) and ids <= matched]
        candidates = [(rule, ids) for rule, mask, ids in plan if not mask or present & mask]
        wanted = set().union(*(ids for _, ids in candidates))
        matched = self.matcher.matched(text, wanted) if wanted else wanted
        return [rule for rule, ids in candidates if ids <= matched]

    def _plan(self, rules: Sequence[Rule]) -> list[tuple[Rule, int, frozenset[int]]]:
        """Each rule with what it needs, looked up once per list of rules, not per document."""
        cached = self._plans.get(id(rules))
        if cached is not None and cached[0] == rules:
            return cached[1]
        if len(self._plans) >= MAX_PLANS:  # callers passing a new list per document
            self._plans.clear()
        plan = [(rule, *self._needs.get(id(rule), (0, NOTHING))) for rule in rules]
        self._plans[id(rules)] = (list(rules), plan)
        return plan

    def _present(self, text: str) -> int:
        """The bits of every rule whose trigger characters occur in ``text``."""
        if not text:
            return 0
        units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        return int(np.bitwise_or.reduce(self.table[units]))


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
