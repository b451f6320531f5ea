"""The README's figures, taken from real output: run it after a change that moves them.

    .venv/bin/python tools/readme_figures.py           # rewrite README.md's figures
    .venv/bin/python tools/readme_figures.py --check   # exit 1 when one is out of date

Each figure is a sentence of the README matched by a pattern, and the value cnlint prints
today: the seeds' summary line and finding count, what ``--diff`` and
``--fix`` say about the seeds. Nothing is typed by hand.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def cnlint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cnlint", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


def figures() -> list[tuple[str, str]]:
    """(pattern, replacement) pairs; each pattern's group 1 is the figure it replaces."""
    summary = last_line(cnlint("check", "seeds/", "--no-cache").stdout)
    findings = re.match(r"Found (\d+) findings", summary)[1]
    fixable = re.search(r"(\d+) fixable with --fix", summary)[1]
    would = last_line(cnlint("check", "seeds/", "--diff", "--no-cache").stderr)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "seeds"
        shutil.copytree(ROOT / "seeds", copy)
        fixed = cnlint("check", "seeds/", "--fix", "--no-cache", cwd=Path(scratch)).stdout
    fixed_sentence = re.match(r"Fixed .*?\)\.", last_line(fixed))[0]
    return [
        (r"\(a few of the ([\d,]+) findings;", f"{int(findings):,}"),
        (r"^\.\.\.\n(Found .*)\n```", summary),
        (r"on the seeds: `(Would fix [^`]*)`", would),
        (r"after\n`(\d+) fixable with --fix \[\*\]`", fixable),
        (r"fixable with --fix \[\*\]`:\n`(Fixed [^`]*)`", fixed_sentence),
    ]


def updated(text: str) -> str:
    for pattern, value in figures():
        match = re.search(pattern, text, re.M)
        if match is None:
            raise SystemExit(f"README.md: no sentence matches {pattern!r}")
        text = text[: match.start(1)] + value + text[match.end(1) :]
    return text


def main() -> None:
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in sys.argv[1:]:
        if new != text:
            sys.exit("README.md figures are out of date: run tools/readme_figures.py")
        return
    README.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
