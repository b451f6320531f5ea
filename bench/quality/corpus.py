"""The benchmark corpus as the other quality tools see it: sources, documents and findings.

Paths in judgments and reports are relative to ``bench/quality/corpus/`` so they read as
``genre/source/file``; a JSONL record is named by its ``id``, a .txt document by ``-``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"
NO_RECORD = "-"


@dataclass(frozen=True)
class SourceInfo:
    id: str
    genre: str
    kind: str  # edited | raw
    licence: str


@cache
def sources() -> dict[str, SourceInfo]:
    lines = (HERE / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in lines if line.strip()]
    return {row[0]: SourceInfo(row[0], row[1], row[2], row[3]) for row in rows}


def source_of(path: str) -> SourceInfo:
    """The source a corpus-relative path belongs to (``genre/source/file``)."""
    return sources()[path.split("/")[1]]


@dataclass(frozen=True)
class Finding:
    code: str
    path: str  # relative to CORPUS
    record: str  # the JSONL record id, or NO_RECORD
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    message: str
    fix: str | None  # safe | unsafe | None

    @property
    def key(self) -> tuple[str, str, int, int, str]:
        return (self.path, self.record, self.line, self.column, self.text)


def run_cnlint(paths: list[Path], select: str = "ALL") -> list[dict]:
    """cnlint's JSON findings for some paths, every rule on unless told otherwise."""
    command = [sys.executable, "-m", "cnlint", "check", *map(str, paths), "--select", select]
    command += ["--format", "json", "--no-cache"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"cnlint failed ({result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def to_finding(raw: dict, base: Path) -> Finding:
    path = (ROOT / raw["path"]).resolve().relative_to(base).as_posix()
    record = raw["record"]["id"] if raw["record"] else NO_RECORD
    fix = raw["fix"]["applicability"] if raw["fix"] else None
    return Finding(
        raw["code"],
        path,
        str(record),
        raw["line"],
        raw["column"],
        raw["end_line"],
        raw["end_column"],
        raw["text"],
        raw["message"],
        fix,
    )


def lint_corpus(corpus: Path = CORPUS) -> list[Finding]:
    """Every finding of every rule (default-off ones included) on the benchmark corpus."""
    return [to_finding(raw, corpus) for raw in run_cnlint([corpus])]


def document_text(path: str, record: str, corpus: Path = CORPUS) -> str:
    """The text of one document: a .txt file, or the ``text`` of one JSONL record."""
    file = corpus / path
    if record == NO_RECORD:
        return file.read_text(encoding="utf-8")
    for line in file.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if str(data.get("id")) == record:
            return data["text"]
    raise KeyError(f"{path}: no record {record}")


def corpus_documents(corpus: Path = CORPUS) -> list[tuple[str, str, str]]:
    """(path, record, text) for every document of the corpus, in path order."""
    documents = []
    for file in sorted(corpus.rglob("*")):
        path = file.relative_to(corpus).as_posix()
        if file.suffix == ".txt":
            documents.append((path, NO_RECORD, file.read_text(encoding="utf-8")))
        elif file.suffix == ".jsonl":
            for line in file.read_text(encoding="utf-8").splitlines():
                data = json.loads(line)
                documents.append((path, str(data["id"]), data["text"]))
    return documents
