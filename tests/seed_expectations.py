"""The seeds' expected findings: ``seeds/<name>.expected`` holds ``<line> <code> <count>`` rows.

Regenerate after adding a rule, then review the diff line by line against
``../shared/research/seeds-hands-on.md`` (the ground truth, defects D1-D19):

    python tests/seed_expectations.py --write
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.inputs.sources import read_text_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HEADER = "# line code count: cnlint's findings on this seed, reviewed against the ground truth\n"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def expected_path(seed: Path) -> Path:
    return seed.with_suffix(".expected")


def actual_rows(seed: Path, linter: Linter) -> list[str]:
    (doc,) = read_text_file(seed).documents
    counts = Counter((doc.position(f.start)[0], f.code) for f in linter.lint(doc))
    return [f"{line} {code} {n}" for (line, code), n in sorted(counts.items())]


def expected_rows(seed: Path) -> list[str]:
    lines = expected_path(seed).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def seed_linter() -> Linter:
    return Linter(Config(select=("ALL",)))


if __name__ == "__main__":
    if "--write" not in sys.argv:
        sys.exit(__doc__)
    linter = seed_linter()
    for seed in seed_files():
        rows = actual_rows(seed, linter)
        expected_path(seed).write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"{seed.name}: {len(rows)} rows")
