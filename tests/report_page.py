"""Reading the HTML health report back, for tests: what a reader sees, where, and the counts.

The expectations always come from ``--format json`` (never hard-coded), so these checks
keep holding while rule families are added.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser

from cnlint.config import Config
from cnlint.document import Document
from cnlint.engine.linter import Linter
from cnlint.engine.run import DocumentResult, FileResult, Report

from conftest import SEEDS, run_cli

Place = tuple[str, int, int, int, int]  # code, line, column, end_line, end_column


def json_findings(*args: str) -> list[dict]:
    result = run_cli("check", "--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def json_places(
    records: list[dict], per_rule: int | None = None
) -> dict[tuple[str, int | None], list[Place]]:
    """Per document (path, JSONL record line): every finding's code and range, sorted; with
    ``per_rule``, only the first that many of each rule in the text (what the page lists)."""
    places: dict[tuple[str, int | None], list[Place]] = defaultdict(list)
    for r in records:
        key = (r["path"], r["record"]["line"] if r["record"] else None)
        places[key].append((r["code"], r["line"], r["column"], r["end_line"], r["end_column"]))
    if per_rule is not None:
        for key, found in places.items():
            seen: Counter[str] = Counter()
            kept = []
            for place in sorted(found, key=lambda place: (place[1:], place[0])):
                seen[place[0]] += 1
                if seen[place[0]] <= per_rule:
                    kept.append(place)
            places[key] = kept
    return {key: sorted(value) for key, value in places.items()}


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, as the engine counts them (lines end at LF)."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def places_from_segments(
    segments: list[tuple[str, str]], rules: dict[str, str]
) -> tuple[str, list[Place]]:
    """The document text and each marked finding's place, from (mark ids, text) pieces."""
    text = ""
    spans: dict[str, list[int]] = {}
    for ids, piece in segments:
        for note_id in ids.split():
            span = spans.setdefault(note_id, [len(text), len(text)])
            span[1] = len(text) + len(piece)
        text += piece
    found = [
        (rules[note_id], *position(text, start), *position(text, end))
        for note_id, (start, end) in spans.items()
    ]
    return text, sorted(found)


BODY = re.compile(r'<script type="application/x-cnlint-doc">([^<]*)</script>')


def decoded_bodies(page: str) -> str:
    """The page with each document's body in place, as the page's script puts it
    (the inert block holds the markup gzip-compressed and base64-encoded)."""
    return BODY.sub(lambda m: gzip.decompress(base64.b64decode(m[1])).decode("utf-8"), page)


def page_data(page: str, block_id: str) -> dict:
    """The JSON of a ``<script type="application/json" id=...>`` block of the page."""
    found = re.search(rf'<script type="application/json" id="{block_id}">([^<]*)</script>', page)
    assert found, block_id
    return json.loads(found[1])


class ReportPage(HTMLParser):
    """The parts of the page the tests check, parsed with the standard library, with
    every document's body decoded in place."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts = 0  # scripts the browser runs (not data blocks)
        self.tags: Counter[str] = Counter()
        self.links: list[str] = []  # every href and src
        self.stats: dict[str, float] = {}
        self.rule_rows: dict[str, dict[str, int]] = {}
        self.documents: list[dict] = []  # path, record, segments, rules (note id -> code)
        self.notices: list[str] = []
        self._stack: list[str] = []
        self._mark: str | None = None
        self._in_text = False
        self._in_notice = False
        self.feed(decoded_bodies(page))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        a = {k: v or "" for k, v in attrs}
        if tag == "script" and a.get("type", "text/javascript") == "text/javascript":
            self.scripts += 1
        self.links += [a[k] for k in ("href", "src") if k in a]
        classes = a.get("class", "").split()
        if tag == "div" and "card" in classes:
            self.stats[a["data-stat"]] = float(a["data-value"])
        elif tag == "tr" and "data-rule" in a:
            self.rule_rows[a["data-rule"]] = {
                k: int(a[f"data-{k}"]) for k in ("findings", "documents", "fixable")
            }
        elif tag == "article":
            record = int(a["data-record"]) if a["data-record"] else None
            self.documents.append(
                {
                    "path": a["data-path"],
                    "record": record,
                    "findings": int(a.get("data-findings") or 0),
                    "counts": {  # data-rules: CODE:severity:count
                        tuple(item.split(":")[:2]): int(item.split(":")[2])
                        for item in a.get("data-rules", "").split()
                    },
                    "segments": [],
                    "rules": {},
                }
            )
        elif tag == "pre" and "text" in classes:
            self._in_text = True
        elif tag == "mark" and self._in_text:
            self._mark = a["data-f"]
            self.documents[-1]["segments"].append((self._mark, ""))  # zero-width marks too
        elif tag == "li" and "note" in classes:
            self.documents[-1]["rules"][a["id"]] = a["data-rule"]
        elif tag == "p" and "notice" in classes:
            self._in_notice = True
            self.notices.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._in_text = False
        elif tag == "mark":
            self._mark = None
        elif tag == "p":
            self._in_notice = False

    def handle_data(self, data: str) -> None:
        if self._in_text:
            self.documents[-1]["segments"].append((self._mark or "", data))
        if self._in_notice:
            self.notices[-1] += data


def corpus_of(count: int, folders: int = 1) -> Report:
    """``count`` one-paragraph documents cut from the seeds' lines, linted for real, one per
    file, the files spread over ``folders`` source folders."""
    lines = [
        line
        for seed in sorted(SEEDS.glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 10
    ]
    linter = Linter(Config(select=("ALL",)))
    results = []
    for n in range(count):
        folder = "corpus" if folders == 1 else f"corpus/site-{n % folders}"
        doc = Document(lines[n % len(lines)] + "\n", path=f"{folder}/{n:05d}.txt")
        results.append(FileResult(doc.path, [DocumentResult(doc, linter.lint(doc))]))
    return Report(results)
