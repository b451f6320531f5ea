"""A snapshot of everything cnlint says about the project's corpora, to prove a change
behaviour-preserving: run it before and after, then compare the two files with ``cmp``.

    .venv/bin/python tools/snapshot.py /tmp/before.txt
    ... change the code ...
    .venv/bin/python tools/snapshot.py /tmp/after.txt && cmp /tmp/before.txt /tmp/after.txt

It records, for the seeds, ../shared/corpus/external and the 10 MB bench corpus
(bench/run.py builds it into bench/out/ on first use):

- every finding as JSONL (path, record, position, code, message, fix), with the default rules
  and with every rule, and the corpus pass (``--corpus``);
- a SHA-256 of each file that ``cnlint fix --out`` writes, with safe fixes and with unsafe ones.

The paths are written relative to the project so that two checkouts give the same snapshot.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from run import build  # noqa: E402  (bench/run.py builds the bench corpus)

SHARED = ROOT.parent / "shared" / "corpus" / "external"


def cnlint(*args: str) -> str:
    command = [sys.executable, "-m", "cnlint", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1, 2) or "Traceback" in done.stderr:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    # Exit 2 is expected: ../shared/corpus/external/dirty-encoding has undecodable files.
    return f"{done.stdout}-- exit {done.returncode}\n{done.stderr}"


def digests(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder)} {hashlib.sha256(path.read_bytes()).hexdigest()}"
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    bench = build(10)
    inputs = ["seeds", os.path.relpath(SHARED, ROOT)]
    inputs += [str(bench.relative_to(ROOT))]
    common = ["--format", "jsonl", "--no-cache", "-j", "2", "--no-respect-gitignore"]
    sections: list[str] = []
    for name, selection in (("default", []), ("all", ["--select", "ALL"])):
        for corpus in ([], ["--corpus"]):
            label = f"== findings {name}{' --corpus' if corpus else ''}"
            sections += [label, cnlint("check", *inputs, *common, *selection, *corpus)]
    for name, flags in (("safe", []), ("unsafe", ["--unsafe-fixes"])):
        for source in inputs[:2]:
            with tempfile.TemporaryDirectory() as out:
                cnlint("fix", source, "--out", out, "--no-respect-gitignore", *flags)
                sections += [f"== fixed {name} {source}", "\n".join(digests(Path(out)))]
    Path(sys.argv[1]).write_text("\n".join(sections) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
