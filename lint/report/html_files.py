"""The HTML report's table of files and of their source folders, in ``--statistics`` order.

On a corpus of thousands of files the question after "how bad is it" is "where": which
folder (one scraped site, one crawl) and which files. Both tables rank like the top-files
table of ``--statistics`` (most findings first, then the denser, then by name); the page's
script sorts them by any column, searches file names and narrows the files to a folder.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from html import escape

from .stats import PER_CHARS, CorpusStats, FileStats, per_10k

ROWS_SHOWN = 50  # rows drawn before "show all" (the rest are in the page, hidden)


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


def _numbers(documents: int, characters: int, findings: int, density: float) -> str:
    return (
        f'<td class="num">{documents:,}</td><td class="num">{characters:,}</td>'
        f'<td class="num">{findings:,}</td><td class="num">{density:,.1f}</td>'
    )


def _data(documents: int, characters: int, findings: int, density: float) -> str:
    return (
        f' data-documents="{documents}" data-characters="{characters}"'
        f' data-findings="{findings}" data-density="{density:.3f}"'
    )


NUMBERS = [
    ("documents", "documents", "number"),
    ("characters", "characters", "number"),
    ("findings", "findings", "number"),
    ("density", f"per {PER_CHARS:,} chars", "number"),
]


def files_section(stats: CorpusStats) -> str:
    files = ranked_files(stats)
    if not files:
        return ""
    by_folder = folders(stats)
    folder_rows = "".join(
        f'<tr data-folder="{escape(f.folder)}" data-files="{f.files}"'
        f"{_data(f.documents, f.characters, f.findings, f.density)}>"
        f'<td><button type="button" class="folder" title="Show this folder\'s files">'
        f'{escape(f.folder)}</button></td><td class="num">{f.files:,}</td>'
        f"{_numbers(f.documents, f.characters, f.findings, f.density)}</tr>"
        for f in by_folder
    )
    file_rows = "".join(
        f'<tr data-rank="{rank}" data-path="{escape(f.path)}"'
        f' data-folder="{escape(folder_of(f.path))}"'
        f"{_data(f.documents, f.characters, f.findings, f.density)}>"
        f'<td class="num">{rank:,}</td><td class="path">{escape(f.path)}</td>'
        f"{_numbers(f.documents, f.characters, f.findings, f.density)}</tr>"
        for rank, f in enumerate(files, 1)
    )
    clean = len(stats.files) - len(files)
    clean_note = f" {clean:,} files without findings are not listed." if clean else ""
    folder_head = _head([("folder", "folder", "text"), ("files", "files", "number"), *NUMBERS])
    file_head = _head([("rank", "#", "number"), ("path", "file", "text"), *NUMBERS])
    return (
        f'<section id="files" data-rows-shown="{ROWS_SHOWN}">'
        "<h2>Files, most findings first <small>(the order of <code>--statistics</code>; "
        f'click a column to sort)</small></h2><p class="sub">{len(files):,} files with '
        f"findings in {len(by_folder):,} folders.{clean_note}</p>"
        '<details class="folders"><summary>By source folder</summary>'
        f'<table class="sortable folders">{folder_head}<tbody>{folder_rows}</tbody></table>'
        "</details>"
        '<div class="file-tools"><input type="search" id="file-search" '
        'placeholder="Search file names" aria-label="Search file names">'
        '<span id="file-count" aria-live="polite"></span></div>'
        f'<table class="sortable files">{file_head}<tbody>{file_rows}</tbody></table>'
        '<button type="button" id="file-more" hidden>Show all</button></section>'
    )
