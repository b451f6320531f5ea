"""The rule contract: what every rule, built-in or plugin, declares and does.

A rule is a subclass of :class:`Rule` with class attributes that describe it and
a ``check`` method that yields findings for one document::

    class RepeatedPunctuation(Rule):
        code = "P101"
        name = "repeated-punctuation"
        summary = "Doubled punctuation such as ",," or "。。""
        why = "..."
        fix_safety = FixSafety.SAFE
        triggers = ",，。"
        examples = Examples(clean=[...], bad=[Bad("…,,…", fixed="…,…", flagged=[",,"])])

        def check(self, doc):
            for match in PATTERN.finditer(doc.text):
                yield self.finding(match.start(), match.end(), "…", replacement=match[0][0])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from cnlint.document import Document
from cnlint.finding import Applicability, Edit, Finding, Fix, FixSafety, PendingFix, Severity

# Built-in rules live in cnlint.rules.<family>.<code>_<name>: the package names the family.
BUILT_IN_RULES = "cnlint.rules."


@dataclass(frozen=True)
class Bad:
    """A defective text, what fixing it must give, and the snippets that must be flagged.

    ``fixed`` is the text after applying this rule's fixes (safe and unsafe); leave
    it ``None`` for rules that only report. ``flagged`` lists the exact text of each
    finding's span, in order. ``settings`` overrides global settings for this example
    (``{"target_script": "traditional"}``); ``encoding`` is the encoding the text is
    taken to have been read from (for encoding rules).
    """

    text: str
    fixed: str | None = None
    flagged: tuple[str, ...] | list[str] | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Examples:
    """A rule's test table (like ESLint's RuleTester): clean texts and bad ones."""

    clean: list[str] = field(default_factory=list)
    bad: list[Bad] = field(default_factory=list)


@dataclass(frozen=True)
class Metric:
    """The document-level number a rule compares with one of its options.

    ``--statistics --group-by`` and the HTML report show its distribution, so a curator can
    read a threshold off the data: the value comes from the rule's own ``measure``, the same
    computation ``check`` compares, so a number in the table means what the option means.
    """

    label: str  # "symbol ratio"
    threshold: str  # the option the value is compared with ("max-ratio")
    flags_above: bool = True  # flagged above the threshold; False: below it
    share: bool = True  # a share between 0 and 1; False: a count (characters)


@dataclass(frozen=True)
class Settings:
    """Settings shared by all rules (from the top level of the config)."""

    target_script: str = "simplified"
    # The variety of Chinese the corpus is written in: L103 reports written Cantonese only in
    # a Mandarin corpus.
    target_variety: str = "mandarin"


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    why: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    fix_safety: ClassVar[FixSafety] = FixSafety.NONE
    fix_note: ClassVar[str] = ""
    options: ClassVar[dict[str, Any]] = {}
    option_docs: ClassVar[dict[str, str]] = {}
    # The rule runs only on documents that contain at least one of these strings
    # (characters or substrings); empty means "always run". A cheap gate that keeps
    # rules that cannot fire off the hot path. Like ``prefilter``, read from the instance:
    # a rule whose triggers depend on its options sets ``self.triggers`` in ``__init__``.
    triggers: str | tuple[str, ...] = ""
    # A regular expression that matches somewhere in every document the rule can report
    # on; the rule is skipped where it does not (and where no trigger occurs). It is a
    # necessary condition, not the rule: literals, character classes, alternation and
    # repetition only (no lookaround, anchors, backreferences or \s \w \d, which the
    # multi-pattern engine reads differently), so that Hyperscan and ``re`` agree on it.
    # A rule whose condition depends on its options (a configured phrase list) sets
    # ``self.prefilter`` in ``__init__``.
    prefilter: str = ""
    examples: ClassVar[Examples] = Examples()
    default_enabled: ClassVar[bool] = True
    # A rule that judges a whole document on one number declares it here and returns it from
    # ``measure`` (see :class:`Metric`).
    metric: ClassVar[Metric | None] = None
    # The rule judges the whole document (too many symbols, not Chinese): a finding of it says
    # the document is garbage to drop or re-extract. The engine then lists only a few of the
    # document's findings that no fix touches, with a count of the rest (cnlint.engine.defects).
    document_verdict: ClassVar[bool] = False

    def __init__(
        self,
        options: Mapping[str, Any] | None = None,
        settings: Settings | None = None,
        severity: Severity | None = None,
    ) -> None:
        # The options in effect: the class's defaults updated with the configured ones.
        self.option_values = {**type(self).options, **(options or {})}
        self.settings = settings or Settings()
        self.level = severity or type(self).severity

    @classmethod
    def family(cls) -> str:
        """The family package of a built-in rule; "plugin" for every other rule."""
        if cls.__module__.startswith(BUILT_IN_RULES):
            return cls.__module__[len(BUILT_IN_RULES) :].split(".")[0]
        return "plugin"

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def measure(self, doc: Document) -> float | None:
        """The document's value of ``metric``, as ``check`` computes it with the options in
        effect; None for a document the rule does not judge (too few lines, no text)."""
        return None

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        replacement: str | None = None,
        edits: Iterable[Edit] | None = None,
        title: str = "",
        encoding: str | None = None,
    ) -> Finding:
        """Build a finding of this rule; ``replacement`` or ``edits`` attach a fix.

        ``replacement`` replaces exactly the finding's span; its Fix is built only when the
        finding's ``fix`` is read. The fix's applicability follows the rule's ``fix_safety``.
        """
        fix: Fix | PendingFix | None = None
        if replacement is not None:
            if edits is None and encoding is None:
                fix = (self._applicability(), replacement, title)
                return Finding(self.code, self.name, self.level, start, end, message, fix)
            edits = [Edit(start, end, replacement)]
        if edits is not None or encoding is not None:
            fix = Fix(self._applicability(), tuple(edits or ()), title, encoding)
        return Finding(self.code, self.name, self.level, start, end, message, fix)

    def _applicability(self) -> Applicability:
        if self.fix_safety is FixSafety.NONE:
            raise ValueError(f"{self.code} attaches a fix but declares fix_safety NONE")
        return Applicability.SAFE if self.fix_safety is FixSafety.SAFE else Applicability.UNSAFE


# How a corpus rule's example texts separate the documents of the corpus: a line of ---.
DOCUMENT_BREAK = "\n---\n"


class CorpusRule(Rule):
    """A rule that judges a document against the whole corpus (copies across documents).

    It runs only in the corpus pass (``cnlint check --corpus``, ``cnlint corpus``), which
    calls ``begin`` once, then ``add`` for every document of the corpus in order, then
    ``findings`` for every document again, in the same order. ``check`` finds nothing: a
    corpus rule has nothing to say about one document alone. The corpus rules see each
    document in code order; ``copy`` tells a rule whether one before it found the document
    to be a copy of an earlier one (and so best left out of what documents share).

    A rule is built from map and reduce pieces, so that the pass on one machine (``add``
    and ``findings``, written once in :class:`CopyRule` and :class:`CountRule`) and the
    pass on a Ray cluster (:mod:`cnlint.integrations.raycorpus`) run the same code:
    ``sketch`` maps one document to what the rule keeps of it, ``keys`` names the groups a
    sketch joins, and the subclass says how a group is reduced.

    Its examples are corpora: each text holds the documents, separated by ``DOCUMENT_BREAK``
    (a line of ``---``), and ``flagged`` lists what its findings cover, in order.
    """

    def begin(self) -> None:
        """Forget any earlier corpus: a pass starts."""
        raise NotImplementedError

    def add(self, doc: Document, copy: bool) -> bool:
        """Pass 1: remember what this rule needs of ``doc``; whether it is a copy of an
        earlier document."""
        raise NotImplementedError

    def findings(self, doc: Document) -> Iterable[Finding]:
        """Pass 2: the findings of the next document (the same order as ``add``)."""
        raise NotImplementedError

    def sketch(self, doc: Document) -> Any:
        """Map: what the rule keeps of ``doc`` (fingerprints, never the text; it must
        pickle), or ``None`` when the document takes no part."""
        raise NotImplementedError

    def keys(self, sketch: Any) -> Iterable[int]:
        """The 64-bit keys of the groups a sketch joins: documents meet only in a group."""
        raise NotImplementedError

    def check(self, doc: Document) -> Iterable[Finding]:
        return ()


def document_label(doc: Document) -> str:
    """How a corpus finding names a document: its path, and its record line in JSONL."""
    return f"{doc.path}:{doc.record.line}" if doc.record is not None else doc.path


class CopyRule(CorpusRule):
    """A corpus rule that finds copies: a document is a copy of the best earlier original it
    meets (sharing a key) with a ``score``; the highest score wins, then the earliest.

    An original is a document that takes part (a sketch, and no rule before this one found
    it a copy) and is not itself a copy. The reduce: the documents of a group, in corpus
    order, give candidate pairs (``score`` is not ``None``); the pairs of each later
    document, taken in corpus order, say whether it is a copy. With ``transitive`` every two
    documents sharing a key are copies of each other (the key is the whole fingerprint, one
    per document), so the first document of a group is the original of the others.
    """

    transitive: ClassVar[bool] = False

    def score(self, earlier: Any, later: Any) -> float | None:
        """How alike two sketches are, or ``None`` when the later is no copy of the earlier."""
        raise NotImplementedError

    def copy_finding(self, doc: Document, original: str, score: float) -> Finding | None:
        """The finding on a copy of the document labelled ``original``."""
        raise NotImplementedError

    def begin(self) -> None:
        self._labels: list[str] = []
        self._originals: dict[int, list[int]] = {}  # key -> originals that have it
        self._sketches: dict[int, Any] = {}  # original -> its sketch
        self._copy_of: dict[int, tuple[int, float]] = {}
        self._cursor = 0

    def add(self, doc: Document, copy: bool) -> bool:
        index = len(self._labels)
        self._labels.append(document_label(doc))
        sketch = None if copy else self.sketch(doc)
        if sketch is None:
            return False
        keys = list(self.keys(sketch))
        met = {earlier for key in keys for earlier in self._originals.get(key, ())}
        scored = ((earlier, self.score(self._sketches[earlier], sketch)) for earlier in met)
        best = best_original(scored)
        if best is not None:
            self._copy_of[index] = best
            return True
        for key in keys:
            self._originals.setdefault(key, []).append(index)
        self._sketches[index] = sketch
        return False

    def findings(self, doc: Document) -> Iterable[Finding]:
        index = self._cursor
        self._cursor += 1
        copy = self._copy_of.get(index)
        if copy is None:
            return ()
        earlier, score = copy
        finding = self.copy_finding(doc, self._labels[earlier], score)
        return () if finding is None else (finding,)


def best_original(scored: Iterable[tuple[Any, float | None]]) -> tuple[Any, float] | None:
    """The (original, score) of the highest score, the earliest original among equals;
    ``None`` when no score is given. Originals compare in corpus order."""
    best = None
    for earlier, score in scored:
        if score is not None and (best is None or (-score, earlier) < (-best[1], best[0])):
            best = (earlier, score)
    return best


class CountRule(CorpusRule):
    """A corpus rule that counts: a key found in at least ``minimum()`` documents (each
    counted once, copies not counted) is frequent, and ``count_findings`` flags it in every
    document. The sketch is the document's set of keys; the reduce counts each key."""

    def minimum(self) -> int:
        """In how many documents a key must be to be frequent."""
        raise NotImplementedError

    def count_findings(self, doc: Document, frequent: Mapping[int, int]) -> Iterable[Finding]:
        """The findings of ``doc``, given (at least) the frequent keys of its sketch and
        their counts."""
        raise NotImplementedError

    def keys(self, sketch: Any) -> Iterable[int]:
        return sketch

    def begin(self) -> None:
        from cnlint.fingerprint import HashCounter  # numpy: only when the pass runs

        self._counter = HashCounter()
        self._frequent: dict[int, int] | None = None

    def add(self, doc: Document, copy: bool) -> bool:
        sketch = None if copy else self.sketch(doc)
        if sketch:
            self._counter.add(list(sketch))
        return False

    def findings(self, doc: Document) -> Iterable[Finding]:
        if self._frequent is None:
            self._frequent = self._counter.at_least(self.minimum())
        return self.count_findings(doc, self._frequent)
