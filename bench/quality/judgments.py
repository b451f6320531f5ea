"""Hand judgments of findings, stored one TSV file per rule in ``judgments/<CODE>.tsv``.

Columns: ``path record line column text verdict reason``. ``path`` is relative to the corpus
folder, ``record`` is the JSONL record id or ``-``; ``path`` to ``text`` is the finding's key.
In ``text`` and ``reason`` a backslash is written ``\\\\``, a tab ``\\t``, a newline ``\\n`` and a
carriage return ``\\r``, so every judgment is one line. Verdicts:

- ``true``: a real defect of the kind the rule names;
- ``false``: not a defect, or not this rule's defect;
- ``harmful-fix``: a real finding whose safe fix makes the text worse (counts against precision).

``open/<CODE>.tsv`` lists, by the same five key columns, the findings judged false that cnlint
still reports: the false positives not fixed yet. The judgment tests hold the ratchet: a finding
judged false and reported must be listed there, and a listed one must still be reported, so a
fixed false positive leaves the list and cannot come back unnoticed (``findings.py CODE
--update-open`` rewrites the list from the current findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "judgments"
OPEN = FOLDER / "open"
COLUMNS = ["path", "record", "line", "column", "text", "verdict", "reason"]
VERDICTS = {"true", "false", "harmful-fix"}
ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
UNESCAPES = {value[1]: key for key, value in ESCAPES.items()}


def escape(text: str) -> str:
    return "".join(ESCAPES.get(char, char) for char in text)


def unescape(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append(UNESCAPES.get(following, "\\" + following))
        else:
            out.append(char)
    return "".join(out)


@dataclass(frozen=True)
class Judgment:
    code: str
    path: str
    record: str
    line: int
    column: int
    text: str
    verdict: str
    reason: str

    @property
    def key(self) -> tuple[str, str, int, int, str]:
        return (self.path, self.record, self.line, self.column, self.text)


def key_prefix(path: str, record: str, line: int, column: int, text: str) -> str:
    """The first five columns of a judgment line, ready for the verdict and reason."""
    return "\t".join([path, record, str(line), str(column), escape(text)]) + "\t"


def load(code: str, folder: Path = FOLDER) -> list[Judgment]:
    file = folder / f"{code}.tsv"
    if not file.exists():
        return []
    judgments = []
    lines = file.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].split("\t") != COLUMNS:
        raise ValueError(f"{file}: the header must be {' '.join(COLUMNS)}")
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS) or cells[5] not in VERDICTS:
            raise ValueError(f"{file}:{number}: 7 tab-separated columns, verdict in {VERDICTS}")
        path, record, row, column, text, verdict, reason = cells
        judgments.append(
            Judgment(
                code, path, record, int(row), int(column), unescape(text), verdict, unescape(reason)
            )
        )
    return judgments


def load_all(folder: Path = FOLDER) -> dict[str, list[Judgment]]:
    return {file.stem: load(file.stem, folder) for file in sorted(folder.glob("*.tsv"))}


Key = tuple[str, str, int, int, str]


def parse_key(line: str) -> Key:
    path, record, row, column, text = line.split("\t")
    return (path, record, int(row), int(column), unescape(text))


def load_open(code: str, folder: Path = OPEN) -> set[Key]:
    """The keys of the false positives of one rule that are known to be still reported."""
    file = folder / f"{code}.tsv"
    if not file.exists():
        return set()
    return {parse_key(line) for line in file.read_text(encoding="utf-8").splitlines() if line}


def write_open(code: str, keys: set[Key], folder: Path = OPEN) -> None:
    file = folder / f"{code}.tsv"
    if not keys:
        file.unlink(missing_ok=True)
        return
    folder.mkdir(exist_ok=True)
    lines = sorted(key_prefix(*key).rstrip("\t") for key in keys)
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
