"""The figures of README.md and docs/usage.md, taken from real output: run it after a change
that moves them.

    .venv/bin/python tools/readme_figures.py           # rewrite the figures
    .venv/bin/python tools/readme_figures.py --check   # exit 1 when one is out of date

Each figure is a sentence of a page matched by a pattern, and the value cnlint prints today:
the seeds' summary line and finding count (README.md), what ``--diff`` and ``--fix`` say
about the seeds (docs/usage.md). Nothing is typed by hand.
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
USAGE = ROOT / "docs" / "usage.md"


def cnlint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "cnlint", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def last_line(text: str) -> str:
    return text.strip().splitlines()[-1]


def figures() -> dict[Path, list[tuple[str, str]]]:
    """Per page, (pattern, replacement) pairs; each pattern's group 1 is the figure it replaces."""
    summary = last_line(cnlint("check", "seeds/", "--no-cache").stdout)
    findings = re.match(r"Found (\d+) findings", summary)[1]
    fixable = re.search(r"(\d+) fixable with --fix", summary)[1]
    would = last_line(cnlint("check", "seeds/", "--diff", "--no-cache").stderr)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "seeds"
        shutil.copytree(ROOT / "seeds", copy)
        fixed = cnlint("check", "seeds/", "--fix", "--no-cache", cwd=Path(scratch)).stdout
    fixed_sentence = re.match(r"Fixed .*?\)\.", last_line(fixed))[0]
    return {
        README: [
            (r"\(a few of the ([\d,]+) findings;", f"{int(findings):,}"),
            (r"^\.\.\.\n(Found .*)\n```", summary),
        ],
        USAGE: [
            (r"on the seeds: `(Would fix [^`]*)`", would),
            (r"after\n`(\d+) fixable with --fix \[\*\]`", fixable),
            (r"fixable with --fix \[\*\]`:\n`(Fixed [^`]*)`", fixed_sentence),
        ],
    }


def updated(text: str, replacements: list[tuple[str, str]], page: Path) -> str:
    for pattern, value in replacements:
        match = re.search(pattern, text, re.M)
        if match is None:
            raise SystemExit(f"{page.relative_to(ROOT)}: no sentence matches {pattern!r}")
        text = text[: match.start(1)] + value + text[match.end(1) :]
    return text


def outdated() -> dict[Path, str]:
    """The pages whose figures differ from cnlint's output, each with its updated text."""
    pages = {}
    for page, replacements in figures().items():
        text = page.read_text(encoding="utf-8")
        new = updated(text, replacements, page)
        if new != text:
            pages[page] = new
    return pages


def main() -> None:
    pages = outdated()
    if "--check" in sys.argv[1:]:
        if pages:
            names = ", ".join(str(page.relative_to(ROOT)) for page in pages)
            sys.exit(f"figures out of date in {names}: run tools/readme_figures.py")
        return
    for page, text in pages.items():
        page.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
