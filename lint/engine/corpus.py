"""The corpus pass: the findings of corpus rules, which need every document at once.

Two passes over the same documents in the same order:

1. each selected :class:`~cnlint.rule.CorpusRule` gets ``add(doc, copy)`` for every document
   (the rules keep fingerprints, never texts, so memory follows the number of documents and
   distinct paragraphs, not their size);
2. each gets ``findings(doc)`` for every document again, in the same order; with a linter,
   the document's rule findings come too.
"""

from __future__ import annotations

from pathlib import Path

from cnlint.config import Config
from cnlint.engine.defects import uncovered
from cnlint.engine.linter import Linter
from cnlint.engine.registry import Registry, load_registry
from cnlint.engine.run import DocumentResult, FileResult, process_file
from cnlint.finding import Finding
from cnlint.inputs.sources import SourceError, SourceOptions, read_source
from cnlint.rule import CopyRule, CorpusRule


def corpus_rules(linter: Linter) -> list[CorpusRule]:
    """The linter's corpus rules, each ready for a new pass."""
    rules = [rule for rule in linter.rules if isinstance(rule, CorpusRule)]
    for rule in rules:
        rule.begin()
    return rules


def corpus_linter(
    config: Config | None = None,
    registry: Registry | None = None,
    options: dict[str, object] | None = None,
) -> Linter:
    """A linter that runs every corpus rule the config does not ignore, and no other rule.

    ``options`` sets options by name on every corpus rule that declares them (the
    ``cnlint corpus`` flags).
    """
    config = config or Config()
    registry = registry if registry is not None else load_registry()
    chosen = [rule for rule in registry if issubclass(rule, CorpusRule)]
    rule_options = {key: dict(value) for key, value in config.rule_options.items()}
    for rule in chosen:
        given = {name: value for name, value in (options or {}).items() if name in rule.options}
        if given:
            rule_options[rule.code] = {**rule_options.get(rule.code, {}), **given}
    select = tuple(rule.code for rule in chosen)
    return Linter(config.with_overrides(select=select, rule_options=rule_options), registry)


def run_corpus(
    files: list[Path],
    linter: Linter,
    sources: SourceOptions | None = None,
    lint_documents: bool = True,
) -> list[FileResult]:
    """Both passes over ``files``; with ``lint_documents`` each document's rule findings
    come too.

    Without them, documents without corpus findings are not kept in the results, so the
    report's memory follows the number of findings. JSONL records are documents.
    """
    if sources is None:
        sources = SourceOptions.from_config(linter.config)
    rules = corpus_rules(linter)
    for path in files if rules else ():
        try:
            source = read_source(path, sources)
        except SourceError:
            continue  # reported by the second pass
        for doc in source.documents:
            copy = False
            for rule in rules:
                copy = rule.add(doc, copy) or copy
    results = []
    for path in files:
        result = process_file(path, linter) if lint_documents else _unlinted(path, sources)
        for doc_result in result.documents:
            # Every rule sees every document (its cursor advances).
            found = [finding for rule in rules for finding in rule.findings(doc_result.doc)]
            add_corpus_findings(doc_result, found, linter, rules)
        if not lint_documents:
            result.documents = [d for d in result.documents if d.findings]
        results.append(result)
    return results


def add_corpus_findings(
    result: DocumentResult, found: list[Finding], linter: Linter, rules: list[CorpusRule]
) -> None:
    """Add the corpus ``rules``' ``found`` findings of a document to its result: those of
    rules that apply to its path (per-file ignores) and, for paragraphs (D203), those no fix of
    its findings covers (:func:`~cnlint.engine.defects.uncovered`); in span order."""
    applying = {rule.code for rule in linter.rules_for(result.doc.path)}
    # A copy rule's finding (D201, D202) judges the whole document and only sits on its first
    # paragraph: a fix of that paragraph leaves the document a copy all the same.
    whole = {rule.code for rule in rules if isinstance(rule, CopyRule)}
    found = [finding for finding in found if finding.code in applying]
    paragraphs = [finding for finding in found if finding.code not in whole]
    documents = [finding for finding in found if finding.code in whole]
    result.findings.extend([*documents, *uncovered(paragraphs, result.findings)])
    result.findings.sort(key=lambda f: (f.start, f.end, f.code))


def _unlinted(path: Path, sources: SourceOptions) -> FileResult:
    try:
        source = read_source(path, sources)
    except SourceError as exc:
        return FileResult(str(path), error=str(exc))
    return FileResult(source.display, [DocumentResult(doc, []) for doc in source.documents])
