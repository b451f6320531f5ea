"""The HTML report's files and folders tables: every file with findings, ranked as
`--statistics` ranks its top files, with folder totals that add up to the JSON's."""

import json
import shutil
from collections import defaultdict

import pytest
from report_page import page_data

from conftest import SEEDS, run_cli


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds split over two source folders, as two scraped sites would be."""
    root = tmp_path_factory.mktemp("corpus")
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        site = root / ("site-a" if index < 3 else "site-b")
        site.mkdir(exist_ok=True)
        shutil.copy(seed, site / seed.name)
    return root


@pytest.fixture(scope="module")
def page(corpus):
    result = run_cli("check", "--no-cache", "--format", "html", ".", cwd=corpus)
    assert result.returncode == 1, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def files_json(corpus):
    result = run_cli("check", "--no-cache", "--statistics", "--format", "json", ".", cwd=corpus)
    return json.loads(result.stdout)["files"]


def rows(page: str, table: str) -> list[dict]:
    """The rows of a table as the page's script draws them from the page's JSON."""
    data = page_data(page, "files-data")
    folders = [dict(zip(FOLDER_FIELDS, row, strict=True)) for row in data["folders"]]
    if table == "folders":
        return folders
    return [
        {**dict(zip(FILE_FIELDS, row, strict=True)), "rank": rank, "folder": folders[row[1]]}
        for rank, row in enumerate(data["files"], 1)
    ]


FOLDER_FIELDS = ("folder", "files", "documents", "characters", "findings")
FILE_FIELDS = ("path", "folder", "documents", "characters", "findings")


def test_files_are_ranked_as_statistics_ranks_them(page, files_json):
    def density(f):
        return f["findings"] / f["characters"]

    ranked = sorted(
        (f for f in files_json if f["findings"]),
        key=lambda f: (-f["findings"], -density(f), f["path"]),
    )
    table = rows(page, "files")
    assert [r["path"] for r in table] == [f["path"] for f in ranked]
    assert [int(r["findings"]) for r in table] == [f["findings"] for f in ranked]
    assert [int(r["rank"]) for r in table] == list(range(1, len(ranked) + 1))


def test_folder_totals_add_up(page, files_json):
    expected = defaultdict(lambda: [0, 0])
    for f in files_json:
        folder = f["path"].rsplit("/", 1)[0]
        expected[folder][0] += 1
        expected[folder][1] += f["findings"]
    table = rows(page, "folders")
    assert {r["folder"]: [int(r["files"]), int(r["findings"])] for r in table} == expected
    assert len(table) == 2
    assert [int(r["findings"]) for r in table] == sorted(
        (int(r["findings"]) for r in table), reverse=True
    )


def test_worst_documents_come_before_the_breakdowns(page):
    order = [page.index(f'<section id="{name}"') for name in ("summary", "documents", "files")]
    assert order == sorted(order)
    assert page.index('<section id="files"') < page.index('<section id="charts"')
