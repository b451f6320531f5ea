"""The HTML report's table of files and of their source folders, in ``--statistics`` order.

On a corpus of thousands of files the question after "how bad is it" is "where": which
folder (one scraped site, one crawl) and which files. Both tables rank like the top-files
table of ``--statistics`` (most findings first, then the denser, then by name).

The rows travel as compact JSON in a ``<script type="application/json" id="files-data">``
block (see :func:`table_data`), not as table markup: the 6,500 files of the 48 MB bench corpus
came to 1.9 MB of rows, as JSON they are 0.3 MB. The page's script draws the rows that
are asked for (the first ``ROWS_SHOWN`` of the files that match, ``ROWS_MORE`` more a click),
sorts by any column, searches file names and narrows the files to a folder.
"""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from dataclasses import dataclass

from cnlint.report.stats import PER_CHARS, CorpusStats, FileStats, per_10k

ROWS_SHOWN = 50  # rows drawn at first
ROWS_MORE = 500  # rows added by each "Show more" (thousands at once take seconds of layout)


@dataclass(frozen=True)
class FolderStats:
    folder: str
    files: int
    documents: int
    characters: int
    findings: int

    @property
    def density(self) -> float:
        return per_10k(self.findings, self.characters)


def folder_of(path: str) -> str:
    return posixpath.dirname(path.replace("\\", "/")) or "."


def ranked_files(stats: CorpusStats) -> list[FileStats]:
    """Every file with findings, ranked as ``--statistics`` ranks its top files."""
    return stats.top_files(len(stats.files))


def folders(stats: CorpusStats) -> list[FolderStats]:
    """Every folder holding a checked file, with its files' totals, ranked like the files."""
    totals: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for file in stats.files:
        row = totals[folder_of(file.path)]
        row[0] += 1
        row[1] += file.documents
        row[2] += file.characters
        row[3] += file.findings
    rows = [FolderStats(folder, *counts) for folder, counts in totals.items()]
    return sorted(rows, key=lambda f: (-f.findings, -f.density, f.folder))


def _head(columns: list[tuple[str, str, str]]) -> str:
    cells = "".join(
        f'<th data-sort="{key}" data-type="{kind}" aria-sort="none">'
        f'<button type="button">{label}</button></th>'
        for key, label, kind in columns
    )
    return f"<thead><tr>{cells}</tr></thead>"


NUMBERS = [
    ("documents", "documents", "number"),
    ("characters", "characters", "number"),
    ("findings", "findings", "number"),
    ("density", f"per {PER_CHARS:,} chars", "number"),
]


def table_data(files: list[FileStats], by_folder: list[FolderStats]) -> dict[str, object]:
    """The tables' rows for the page's script, as ranked: ``folders`` as ``[folder, files,
    documents, characters, findings]``, ``files`` as ``[path, index of its folder, documents,
    characters, findings]`` (the script adds the rank and the density)."""
    index = {f.folder: n for n, f in enumerate(by_folder)}
    return {
        "per": PER_CHARS,
        "folders": [[f.folder, f.files, f.documents, f.characters, f.findings] for f in by_folder],
        "files": [
            [f.path, index[folder_of(f.path)], f.documents, f.characters, f.findings] for f in files
        ],
    }


def script_json(data: object) -> str:
    """JSON to embed in a ``<script>`` data block: no ``<`` can end the block early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")


def files_section(stats: CorpusStats) -> str:
    files = ranked_files(stats)
    if not files:
        return ""
    by_folder = folders(stats)
    clean = len(stats.files) - len(files)
    clean_note = f" {clean:,} files without findings are not listed." if clean else ""
    folder_head = _head([("folder", "folder", "text"), ("files", "files", "number"), *NUMBERS])
    file_head = _head([("rank", "#", "number"), ("path", "file", "text"), *NUMBERS])
    return (
        f'<section id="files" data-rows-shown="{ROWS_SHOWN}" data-rows-more="{ROWS_MORE}">'
        "<h2>Files, most findings first <small>(the order of <code>--statistics</code>; "
        f'click a column to sort)</small></h2><p class="sub">{len(files):,} files with '
        f"findings in {len(by_folder):,} folders.{clean_note}</p>"
        '<details class="folders"><summary>By source folder</summary>'
        f'<table class="sortable folders">{folder_head}<tbody></tbody></table>'
        "</details>"
        '<div class="file-tools"><input type="search" id="file-search" '
        'placeholder="Search file names" aria-label="Search file names">'
        '<span id="file-folder" hidden>in <b></b> <button type="button" '
        'aria-label="All folders">×</button></span>'
        '<span id="file-count" aria-live="polite"></span></div>'
        f'<table class="sortable files">{file_head}<tbody></tbody></table>'
        '<button type="button" id="file-more" hidden>Show more</button>'
        f'<script type="application/json" id="files-data">'
        f"{script_json(table_data(files, by_folder))}</script></section>"
    )
