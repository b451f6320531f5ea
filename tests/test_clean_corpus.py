"""Precision: edited Chinese prose (../shared/corpus/external/clean/) stays (almost) silent."""

from collections import Counter

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file

from conftest import CLEAN_CORPUS, need

# Findings per 10,000 characters that the clean corpus may produce, all rules together.
# Raise it only with a note saying which findings are genuinely right.
MAX_PER_10K_CHARS = 0.5


def test_clean_corpus_is_silent():
    files = sorted(need(CLEAN_CORPUS).glob("*.txt"))
    assert len(files) > 50
    linter = Linter(Config(select=("ALL",)))
    chars = 0
    found: Counter[str] = Counter()
    examples = []
    for path in files:
        for doc in read_text_file(path).documents:
            chars += len(doc.text)
            for finding in linter.lint(doc):
                found[finding.code] += 1
                line, _ = doc.position(finding.start)
                examples.append(f"{path.name}:{line} {finding.code} {finding.message}")
    density = sum(found.values()) / chars * 10_000
    assert density <= MAX_PER_10K_CHARS, f"{density:.2f}/10k chars: {dict(found)}\n" + "\n".join(
        examples[:40]
    )
