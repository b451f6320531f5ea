"""The engine: run the selected rules over a document, and fix it until it is stable."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.defects import reported
from cnlint.engine.fixer import Written, apply_edits, choose_fixes
from cnlint.engine.gate import Gate
from cnlint.engine.regex_cache import compile_all
from cnlint.engine.registry import Registry, load_registry
from cnlint.finding import Applicability, Finding
from cnlint.patterns import pending
from cnlint.rule import Rule

# Fix passes every document may take; a document gets one more per paragraph, since a rule
# may fix one of a run of repeats per pass (duplicate-paragraph drops one copy at a time).
MAX_FIX_PASSES = 10


class RuleError(Exception):
    """A rule raised on a document: the document is reported as an error, the run goes on."""

    def __init__(self, code: str, cause: Exception) -> None:
        super().__init__(f"internal error in {code}: {type(cause).__name__}: {cause}")
        self.code = code


class FixNotConverging(Exception):
    """Fix passes kept changing the text: the document is left as it was and reported."""


@dataclass
class FixResult:
    """The outcome of fixing one document."""

    text: str
    encoding: str
    fixed: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


class Linter:
    """Rules compiled once, reused for every document."""

    def __init__(self, config: Config | None = None, registry: Registry | None = None) -> None:
        self.config = config or Config()
        self.registry = registry if registry is not None else load_registry()
        self.rules: list[Rule] = self.config.instantiate(self.registry)
        self._gate: Gate | None = None
        self._rules_by_path: dict[str | None, list[Rule]] = {}

    def __getstate__(self) -> dict:
        # Workers build their own gate: a compiled Hyperscan database does not pickle.
        return {**self.__dict__, "_gate": None}

    def prepare(self) -> None:
        """Compile the gate and the rules' patterns now: worker processes forked afterwards
        inherit them, instead of each compiling its own at the start of its work."""
        self.gate  # noqa: B018 (the property compiles it)
        compile_all(pending())

    @property
    def gate(self) -> Gate:
        if self._gate is None:
            self._gate = Gate(self.rules)
        return self._gate

    def rules_for(self, path: str | None) -> list[Rule]:
        """The rules that apply to a file (per-file ignores resolved once per path)."""
        if not self.config.per_file_ignores:
            return self.rules  # resolving a path against the root costs more than linting
        rules = self._rules_by_path.get(path)
        if rules is None:
            ignored = self.config.ignored_for(path, self.registry) if path else set()
            rules = [rule for rule in self.rules if rule.code not in ignored]
            self._rules_by_path[path] = rules
        return rules

    def lint(self, doc: Document, rules: Iterable[Rule] | None = None) -> list[Finding]:
        """The findings to report on ``doc``: one per defect (see :mod:`cnlint.engine.defects`)."""
        findings: list[Finding] = []
        verdicts: set[str] = set()
        candidates = self.rules_for(doc.path) if rules is None else rules
        if doc.record is not None and doc.record.ignore:
            candidates = self._without(candidates, doc.record.ignore)
        for rule in self.gate.select(candidates, doc.text):
            try:
                findings.extend(rule.check(doc))
            except Exception as exc:  # a bug in one rule must not stop the run
                raise RuleError(rule.code, exc) from exc
            if rule.document_verdict:
                verdicts.add(rule.code)
        findings.sort(key=lambda f: (f.start, f.end, f.code))
        return reported(findings, verdicts)

    def _without(self, rules: Iterable[Rule], selectors: tuple[str, ...]) -> list[Rule]:
        """``rules`` less those a JSONL record suppresses (selectors no rule matches: none)."""
        dropped = {rule.code for selector in selectors for rule in self.registry.matching(selector)}
        return [rule for rule in rules if rule.code not in dropped]

    def fix(self, doc: Document, unsafe: bool = False) -> FixResult:
        """Apply fixes pass after pass until nothing changes, then lint the result.

        Each pass fixes reported findings only (one per defect), so ``--fix`` fixes what the
        report lists; ``fixed`` leaves out a later pass's finding that is the rest of an earlier
        fix (``,,`` made ``,``, then ``，``; see :class:`~cnlint.engine.fixer.Written`).

        Raises :class:`FixNotConverging` when the text comes back to an earlier state or the
        passes run out (one per paragraph, plus ``MAX_FIX_PASSES``): stopping silently would
        hand back a text that the next ``--fix`` changes again.
        """
        rules = self.rules_for(doc.path)
        allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
        current = doc
        encoding = doc.encoding
        fixed: list[Finding] = []
        written = Written()
        seen = {hash((doc.text, encoding))}  # hashes: a long document's passes stay small
        for _ in range(MAX_FIX_PASSES + len(doc.paragraphs)):
            findings = self.lint(current, rules)
            fixable = [f for f in findings if f.fix and f.fix.applicability in allowed]
            chosen = choose_fixes(fixable)
            if not chosen:
                return FixResult(current.text, encoding, fixed, findings)
            for finding in chosen:
                encoding = finding.fix.encoding or encoding
            edits = [e for f in chosen for e in f.fix.edits]
            new_text = apply_edits(current.text, edits)
            if hash((new_text, encoding)) in seen:
                codes = ", ".join(sorted({f.code for f in chosen}))
                raise FixNotConverging(f"fixes of {codes} undo each other; not fixed")
            seen.add(hash((new_text, encoding)))
            fixed.extend(f for f in chosen if not written.holds(f, current.text))
            written.after(edits)
            current = derive(current, new_text, encoding)
        codes = ", ".join(sorted({f.code for f in chosen}))
        raise FixNotConverging(f"fixes of {codes} did not converge; not fixed")


def derive(doc: Document, text: str, encoding: str) -> Document:
    """The same document with new text, as the next fix pass sees it."""
    return Document(
        text,
        path=doc.path,
        record=doc.record,
        encoding=encoding,
        encoding_confidence=doc.encoding_confidence if encoding == doc.encoding else 1.0,
    )
