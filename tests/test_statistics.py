"""``--statistics``: the corpus summary, per-rule counts with bars and the top files, as a
plain table when the output is not a terminal. Expectations come from ``--format json``."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from report_page import json_findings

from cnlint.report.statistics import bar

from conftest import SEEDS, run_cli


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return json_findings(str(SEEDS))


def statistics(columns: int) -> str:
    # The seeds by a relative path: the file column then fits the width wherever the checkout
    # lives (a long absolute path folds onto a second line).
    result = run_cli(
        "check",
        "--statistics",
        SEEDS.name,
        cwd=SEEDS.parent,
        env={"NO_COLOR": "1", "COLUMNS": str(columns)},
    )
    assert result.returncode in (0, 1), result.stderr
    assert "\x1b[" not in result.stdout
    return result.stdout


RULE_ROW = re.compile(r"^ ([A-Z]\d{3}) ")


def rows_by_code(output: str) -> dict[str, list[str]]:
    """The rows of the per-rule table, split into cells, by rule code."""
    rows = (line.split() for line in output.splitlines() if RULE_ROW.match(line))
    return {cells[0]: cells for cells in rows}


@pytest.mark.parametrize("columns", [80, 120])
def test_per_rule_counts_equal_json(records, columns):
    output = statistics(columns)
    counts = Counter(r["code"] for r in records)
    rows = rows_by_code(output)
    assert set(rows) == set(counts)
    for code, count in counts.items():
        mine = [r for r in records if r["code"] == code]
        row = rows[code]
        # code, name, severity, findings, bar…, share, documents, fixable
        assert row[3] == f"{count:,}", row
        assert row[-2] == str(len({r["path"] for r in mine})), row
        fixable = sum(1 for r in mine if r["fix"])
        assert row[-1] == f"{fixable:,}", row
    biggest = counts.most_common(1)[0][0]
    assert "█" in " ".join(rows[biggest])


def test_summary_and_top_files(records):
    output = statistics(100)
    lines = output.splitlines()
    documents = len(list(SEEDS.glob("*.txt")))
    affected = len({r["path"] for r in records})
    fixable = sum(1 for r in records if r["fix"])

    def row(label: str) -> str:
        return next(line for line in lines if line.strip().startswith(label))

    assert row("findings").split()[-1] == f"{len(records):,}"
    assert row("documents").split()[-1] == str(documents)
    assert f"{affected} of {documents}" in row("documents affected")
    assert row("fixable findings").split()[2] == f"{fixable:,}"
    per_file = Counter(str(Path(r["path"]).relative_to(SEEDS.parent)) for r in records)
    top = [line.split()[0] for line in output.split("Top files")[1].splitlines() if "seeds" in line]
    assert top == [path for path, _ in sorted(per_file.items(), key=lambda kv: -kv[1])]


def test_bar_scales_and_never_hides_a_nonzero_count():
    assert bar(10, 10, 8) == "█" * 8
    assert bar(5, 10, 8) == "█" * 4
    assert bar(1, 1000, 8) == "▏"
    assert bar(0, 10, 8) == ""
    assert bar(5, 10, 8, unicode=False) == "####"


def test_statistics_as_json_equal_the_findings(records):
    result = run_cli("check", "--statistics", "--format", "json", str(SEEDS))
    assert result.returncode == 1, result.stderr
    numbers = json.loads(result.stdout)
    assert numbers["findings"] == len(records)
    assert numbers["documents"] == len(list(SEEDS.glob("*.txt")))
    counts = Counter(r["code"] for r in records)
    assert {rule["code"]: rule["findings"] for rule in numbers["rules"]} == dict(counts)
    fixable = Counter(r["code"] for r in records if r["fix"])
    assert {rule["code"]: rule["fixable"] for rule in numbers["rules"] if rule["fixable"]} == dict(
        fixable
    )
    assert sum(file["findings"] for file in numbers["files"]) == len(records)


def test_progress_counts_a_file_split_in_parts_once(monkeypatch):
    """--statistics gets a large JSONL file back in parts (1 MB ranges, one record each); the
    progress bar counts files, so it must not run past its total."""
    import io

    import rich.progress

    from cnlint.cli import check_output
    from cnlint.engine.run import FileResult

    advanced = []

    class Recording(rich.progress.Progress):
        def advance(self, task, advance=1):
            advanced.append(advance)
            super().advance(task, advance)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(rich.progress, "Progress", Recording)
    monkeypatch.setattr(check_output.sys, "stderr", Terminal())
    parts = ["crawl.jsonl"] * 3 + [f"page{n:02}.txt" for n in range(20)]
    results = check_output.collect(iter(FileResult(path) for path in parts), files=21)
    assert [result.path for result in results] == parts
    assert len(advanced) == 21
