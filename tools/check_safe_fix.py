"""Check that a rule's safe fix creates no finding of any rule on real text.

    .venv/bin/python tools/check_safe_fix.py CODE [PATH ...]

For every document under the paths (default: the seeds and ../shared/corpus/external), apply
the rule's safe fixes alone, then lint the fixed text with every rule and compare the count of
findings per code with the count before the fix. A rule's safe fix may only remove findings:
every code whose count grows in some document is reported with the document. Growth that is
itself safely fixed (blank lines left where a line was dropped: T201, which the same
``cnlint fix`` run tidies) is listed as such; any other growth fails (exit status 1). A fix
that merely moves text counts as neutral: compare the texts yourself when counts stay.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.finding import Applicability
from cnlint.inputs.discovery import iter_files
from cnlint.inputs.sources import SourceError, SourceOptions, read_source

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "external"]


def new_findings(code: str, paths: list[Path]) -> tuple[int, int, list[str], list[str]]:
    """(documents read, documents the rule's safe fix changed, one line per grown count that
    a safe fix removes again, one line per other grown count)."""
    config = Config(respect_gitignore=False)
    fixer = Linter(replace(config, select=(code,)))
    every_rule = Linter(replace(config, select=("ALL",)))
    documents = changed = 0
    tidied, problems = [], []
    for path in iter_files(paths, config):
        try:
            source = read_source(path, SourceOptions())
        except SourceError:
            continue  # undecodable input is the encoding tests' business
        for doc in source.documents:
            documents += 1
            fixed = fixer.fix(doc).text
            if fixed == doc.text:
                continue
            changed += 1
            before = Counter(f.code for f in every_rule.lint(doc))
            found = every_rule.lint(Document(fixed, path=doc.path))
            after = Counter(f.code for f in found)
            for other, count in sorted((after - before).items()):
                where = f"{doc.path}:{doc.record.line}" if doc.record else doc.path
                line = f"{where}: {other} +{count} after the {code} fix"
                safe = all(
                    f.fix is not None and f.fix.applicability is Applicability.SAFE
                    for f in found
                    if f.code == other
                )
                (tidied if safe else problems).append(line)
    return documents, changed, tidied, problems


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    code = sys.argv[1].upper()
    paths = [Path(p) for p in sys.argv[2:]] or [p for p in DEFAULT_PATHS if p.exists()]
    documents, changed, tidied, problems = new_findings(code, paths)
    for line in tidied:
        print(f"{line} (safe-fixable: the same `cnlint fix` run removes it)")
    for line in problems:
        print(line)
    print(
        f"{code}: {documents} documents, {changed} changed by its safe fix; counts grown: "
        f"{len(tidied)} safe-fixable, {len(problems)} not"
    )
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
