"""Safe fixes never make text worse, over every corpus the project has (issue 13, item 4).

The seeds, ../shared/corpus/external and the quality benchmark's corpus are linted with the
default rules, fixed with the safe fixes, and linted again:

- the sequence of Han characters changes only in documents where a fix whose documented
  purpose is to change it ran: script conversion (S101, S102), pinyin removal (S105),
  boilerplate (B) and duplicate (D) removal;
- no rule reports more findings in a document after the fixes than before (a count per rule
  and document: a fix that moves a finding elsewhere is not caught).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from cnlint.chars import HAN
from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.inputs.discovery import iter_files
from cnlint.inputs.sources import SourceError, SourceOptions, read_source

from conftest import ROOT, SEEDS, SHARED, need

HAN_CHAR = re.compile(f"[{HAN}]")
# Fixes whose documented purpose is to change which Han characters the text holds.
CHANGES_HAN = {"S101", "S102", "S105"}
CHANGES_HAN_FAMILIES = ("B", "D")


@dataclass(frozen=True)
class Fixed:
    where: str
    fixed_codes: frozenset[str]
    han_changed: bool
    grown: dict[str, int]


def where_of(doc: Document) -> str:
    return f"{doc.path}:{doc.record.line}" if doc.record else doc.path


@cache
def fixed_documents() -> tuple[Fixed, ...]:
    """Every document of the corpora that the safe fixes change, with what changed."""
    paths = [SEEDS, need(SHARED / "corpus" / "external"), ROOT / "bench" / "quality" / "corpus"]
    config = Config(respect_gitignore=False)
    linter = Linter(config)
    out = []
    for path in iter_files(paths, config):
        try:
            source = read_source(path, SourceOptions())
        except SourceError:
            continue  # undecodable files are the encoding tests' business
        for doc in source.documents:
            result = linter.fix(doc)
            if result.text == doc.text:
                continue
            again = Document(result.text, path=doc.path, record=doc.record, encoding=doc.encoding)
            before = Counter(f.code for f in linter.lint(doc))
            after = Counter(f.code for f in linter.lint(again))
            out.append(
                Fixed(
                    where_of(doc),
                    frozenset(f.code for f in result.fixed),
                    HAN_CHAR.findall(result.text) != HAN_CHAR.findall(doc.text),
                    dict(after - before),
                )
            )
    return tuple(out)


def test_safe_fixes_change_han_characters_only_where_a_rule_exists_to():
    fixed = fixed_documents()
    assert len(fixed) > 100  # the corpora are there and the fixes ran
    wrong = [
        f"{doc.where}: fixed by {sorted(doc.fixed_codes)}"
        for doc in fixed
        if doc.han_changed
        and not doc.fixed_codes & CHANGES_HAN
        and not any(code.startswith(CHANGES_HAN_FAMILIES) for code in doc.fixed_codes)
    ]
    assert not wrong, "Han characters changed by fixes not meant to change them:\n" + "\n".join(
        wrong
    )


def test_safe_fixes_make_no_rule_report_more():
    grown = [f"{doc.where}: {doc.grown}" for doc in fixed_documents() if doc.grown]
    assert not grown, "findings that appeared after the safe fixes:\n" + "\n".join(grown)
