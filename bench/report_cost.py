"""What the report layer costs on a large corpus: rendering time of each human format, and the
size and load time of the HTML report, apart from the lint itself.

    .venv/bin/python bench/report_cost.py            # the 10 MB bench corpus
    .venv/bin/python bench/report_cost.py --size 50  # builds bench/out/corpus-50mb first

The corpus is linted once (two workers), then each reporter renders the same report into
/dev/null as the CLI prints it, best of ``--repeat`` runs (CPU time of this process: on a
shared machine the wall time mostly measures the other sessions). The target for ``full``,
capped as it is by default, is at most 1.5× ``concise``; ``full --show-all`` is shown for
comparison. The HTML page goes to bench/out/report-<size>mb.html; its load time is measured in
headless Chromium when Playwright and the system ``chromium`` are installed (target: ≤ 5 MB and
≤ 1.5 s for a 48 MB corpus).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import OUT, build, corpus_files

from cnlint.linter import Linter
from cnlint.parallel import FileJob, Mode, run_files
from cnlint.report import concise, full, html
from cnlint.report.summary import summary_line
from cnlint.run import Report


def cpu_time(render: Callable[[], None], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        render()
        best = min(best, time.process_time() - started)
    return best


def concise_output(report: Report, stream: TextIO) -> None:
    """What ``--format concise`` prints: a line per finding, then the summary line."""
    concise.render(report, stream)
    print(summary_line(report), file=stream)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10, help="corpus size in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    folder = build(args.size)
    files = corpus_files(folder)
    report = Report(list(run_files(files, FileJob(Linter(), Mode()), 2)))
    print(f"{folder.name}: {len(files):,} files, {len(report.findings):,} findings")
    with open(os.devnull, "w", encoding="utf-8") as null:
        timings = {
            "concise": cpu_time(lambda: concise_output(report, null), args.repeat),
            "full": cpu_time(lambda: full.render(report, null), args.repeat),
            "full --show-all": cpu_time(
                lambda: full.render(report, null, show_all=True), args.repeat
            ),
        }
    for name, seconds in timings.items():
        ratio = seconds / timings["concise"]
        print(f"{name:>16}: {seconds:6.2f} s CPU  ({ratio:.2f}× concise)")
    page = io.StringIO()
    started = time.process_time()
    html.render(report, page)
    built = time.process_time() - started
    target = OUT / f"report-{args.size}mb.html"
    target.write_text(page.getvalue(), encoding="utf-8")
    size = target.stat().st_size
    print(f"{'html':>16}: {built:6.2f} s CPU to build, {size / 1e6:.2f} MB ({target})")
    loaded = load_seconds(target)
    if loaded is not None:
        print(f"{'html load':>16}: {loaded:6.2f} s in headless Chromium (to the load event)")


def load_seconds(page: Path) -> float | None:
    """Time from navigation to the load event (parse, style, layout, the page's script), or
    None without Playwright or the system Chromium."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        tab.goto(page.as_uri())
        tab.wait_for_load_state("load")
        seconds = tab.evaluate(
            "() => { const t = performance.getEntriesByType('navigation')[0];"
            " return (t.loadEventEnd - t.startTime) / 1000; }"
        )
        browser.close()
    return seconds


if __name__ == "__main__":
    main()
