"""The corpus pass: findings that need every document at once.

Two passes over the same documents in the same order:

1. :meth:`CorpusIndex.add` fingerprints each document (a hash of its paragraphs, a MinHash
   signature of its character n-grams, a hash per paragraph) and forgets the text.
2. :meth:`CorpusIndex.findings` is called again for each document, in the same order, and
   returns its corpus findings:

- D201 duplicate-document: the same paragraphs as an earlier document (whitespace aside).
- D202 near-duplicate-document: MinHash/LSH Jaccard similarity of character n-grams at or
  above a threshold with an earlier document (a copy with a few edits).
- D203 boilerplate-paragraph: a paragraph found in at least ``boilerplate_min_docs``
  distinct documents (CCNet-style paragraph hashing: footers, disclaimers, share bars).

Memory holds fingerprints only: per document one 64-bit hash, a ``num_perm`` × 4-byte
signature and a label; per distinct paragraph 16 bytes (see :class:`HashCounter`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .document import Document
from .finding import Finding, Severity
from .fingerprint import HashCounter, minhash, stable_hash
from .linter import Linter
from .run import DocumentResult, FileResult, process_file
from .sources import SourceError, SourceOptions, read_source


@dataclass(frozen=True)
class CorpusCheck:
    """What a corpus finding means (shown by ``cnlint corpus --help`` and the README)."""

    code: str
    name: str
    summary: str


DUPLICATE = CorpusCheck(
    "D201", "duplicate-document", "The same text as an earlier document (whitespace aside)."
)
NEAR_DUPLICATE = CorpusCheck(
    "D202",
    "near-duplicate-document",
    "A near copy of an earlier document (MinHash Jaccard of character n-grams ≥ threshold).",
)
BOILERPLATE = CorpusCheck(
    "D203",
    "boilerplate-paragraph",
    "A paragraph repeated in many distinct documents (footer, disclaimer, share bar).",
)
CORPUS_CHECKS = (DUPLICATE, NEAR_DUPLICATE, BOILERPLATE)


@dataclass(frozen=True)
class CorpusOptions:
    ngram: int = 5
    num_perm: int = 128
    near_threshold: float = 0.8
    # Shorter documents are left out of near-duplicate detection: a few shared n-grams
    # make two short reviews look alike.
    near_min_chars: int = 100
    boilerplate_min_docs: int = 5
    boilerplate_min_chars: int = 5


def label(doc: Document) -> str:
    """How a finding names another document: its path, and its record line in a JSONL file."""
    return f"{doc.path}:{doc.record.line}" if doc.record is not None else doc.path


class CorpusIndex:
    """Fingerprints of a corpus, filled by :meth:`add`, then queried by :meth:`findings`."""

    def __init__(self, options: CorpusOptions | None = None) -> None:
        from datasketch import MinHashLSH  # imports scipy (~1 s): only when the pass runs

        self.options = options or CorpusOptions()
        self._labels: list[str] = []
        self._first_by_hash: dict[int, int] = {}
        # Per document index: ("D201" | "D202", index of the earlier document, similarity).
        self._matches: dict[int, tuple[CorpusCheck, int, float]] = {}
        self._lsh = MinHashLSH(
            threshold=self.options.near_threshold, num_perm=self.options.num_perm
        )
        self._signatures: dict[int, np.ndarray] = {}
        self._paragraphs = HashCounter()
        self._boilerplate: dict[int, int] | None = None
        self._cursor = 0

    def add(self, doc: Document) -> None:
        """Pass 1: fingerprint one document."""
        index = len(self._labels)
        self._labels.append(label(doc))
        paragraphs = doc.paragraph_texts
        if not paragraphs:
            return
        doc_hash = stable_hash("\n".join(paragraphs))
        earlier = self._first_by_hash.setdefault(doc_hash, index)
        if earlier != index:
            self._matches[index] = (DUPLICATE, earlier, 1.0)
            return
        if self._near_duplicate(index, doc.text):
            return
        # Copies and near copies do not count towards boilerplate: five copies of one page
        # would otherwise make all its paragraphs "boilerplate".
        long_enough = {p for p in paragraphs if len(p) >= self.options.boilerplate_min_chars}
        self._paragraphs.add([stable_hash(p) for p in long_enough])

    def _near_duplicate(self, index: int, text: str) -> bool:
        options = self.options
        if len(text) < options.near_min_chars:
            return False
        signature = minhash(text, options.ngram, options.num_perm)
        best, similarity = None, 0.0
        for candidate in self._lsh.query(signature):
            score = float(np.mean(self._signatures[candidate] == signature.hashvalues))
            if score >= options.near_threshold and score > similarity:
                best, similarity = candidate, score
        if best is not None:
            self._matches[index] = (NEAR_DUPLICATE, best, similarity)
            return True
        self._lsh.insert(index, signature)
        self._signatures[index] = signature.hashvalues
        return False

    def findings(self, doc: Document) -> list[Finding]:
        """Pass 2: the corpus findings of the next document (same order as :meth:`add`)."""
        if self._boilerplate is None:
            self._boilerplate = self._paragraphs.at_least(self.options.boilerplate_min_docs)
        index = self._cursor
        self._cursor += 1
        found: list[Finding] = []
        match = self._matches.get(index)
        if match is not None and doc.paragraphs:
            check, earlier, similarity = match
            first = doc.paragraphs[0]
            what = "Duplicate" if check is DUPLICATE else f"Near duplicate ({similarity:.0%})"
            message = f"{what} of {self._labels[earlier]}"
            found.append(_finding(check, first.start, first.end, message))
        for span in doc.paragraphs:
            text = doc.text[span.start : span.end]
            if len(text) < self.options.boilerplate_min_chars:
                continue
            count = self._boilerplate.get(stable_hash(text))
            if count is not None:
                message = f"Boilerplate paragraph found in {count} documents"
                found.append(_finding(BOILERPLATE, span.start, span.end, message))
        return found


def _finding(check: CorpusCheck, start: int, end: int, message: str) -> Finding:
    return Finding(check.code, check.name, Severity.WARNING, start, end, message)


def run_corpus(
    files: list[Path],
    options: CorpusOptions | None = None,
    linter: Linter | None = None,
    sources: SourceOptions | None = None,
) -> list[FileResult]:
    """Both passes over ``files``; with a ``linter`` each document's rule findings come too.

    Without a linter, documents without corpus findings are not kept in the results, so
    the report's memory follows the number of findings. JSONL records are documents.
    """
    if sources is None:
        sources = SourceOptions.from_config(linter.config) if linter else SourceOptions()
    index = CorpusIndex(options)
    for path in files:
        try:
            source = read_source(path, sources)
        except SourceError:
            continue  # reported by the second pass
        for doc in source.documents:
            index.add(doc)
    results = []
    for path in files:
        result = process_file(path, linter) if linter is not None else _unlinted(path, sources)
        for doc_result in result.documents:
            doc_result.findings.extend(index.findings(doc_result.doc))
            doc_result.findings.sort(key=lambda f: (f.start, f.end, f.code))
        if linter is None:
            result.documents = [d for d in result.documents if d.findings]
        results.append(result)
    return results


def _unlinted(path: Path, sources: SourceOptions) -> FileResult:
    try:
        source = read_source(path, sources)
    except SourceError as exc:
        return FileResult(str(path), error=str(exc))
    return FileResult(source.display, [DocumentResult(doc, []) for doc in source.documents])
