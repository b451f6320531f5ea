"""What the report layer costs on a large corpus: rendering time of each human format, and the
size and load time of the HTML report, apart from the lint itself.

    .venv/bin/python bench/report_cost.py            # the 10 MB bench corpus
    .venv/bin/python bench/report_cost.py --size 50  # builds bench/out/corpus-50mb first

The corpus is linted once (two workers), then each reporter renders the same report into
/dev/null as the CLI prints it, least of ``--repeat`` interleaved rounds (CPU time of this
process: on a shared machine the wall time mostly measures the other sessions). The target for
``full``, capped as it is by default, is at most 1.5× ``concise``; ``full --show-all`` is shown
for comparison (``--html-only`` skips these). The HTML page goes to
bench/out/report-<size>mb.html; when Playwright and the system ``chromium`` are installed it is
opened in headless Chromium and timed: the load event, the first documents decoded and in
place, then what a reader does (the next page of documents, a filter by the commonest and by
the rarest rule, a file name search, a sort of the files by name), each until the page has
drawn the frame after it. Target: ≤ 5 MB and ≤ 1.5 s to load for a 48 MB corpus, a filter
click well under a second.
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

from cnlint.engine.linter import Linter
from cnlint.engine.parallel import FileJob, Mode, run_files
from cnlint.engine.run import Report
from cnlint.report import concise, full, html
from cnlint.report.summary import summary_line


def cpu_times(renders: dict[str, Callable[[], None]], repeat: int) -> dict[str, float]:
    """Least CPU time of each render over ``repeat`` rounds, the renders interleaved in every
    round: the other sessions of a shared machine then slow each of them alike."""
    best = dict.fromkeys(renders, float("inf"))
    for _ in range(repeat):
        for name, render in renders.items():
            started = time.process_time()
            render()
            best[name] = min(best[name], time.process_time() - started)
    return best


def concise_output(report: Report, stream: TextIO) -> None:
    """What ``--format concise`` prints: a line per finding, then the summary line."""
    concise.render(report, stream)
    print(summary_line(report), file=stream)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10, help="corpus size in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--html-only", action="store_true", help="time only the HTML report")
    args = parser.parse_args()
    folder = build(args.size)
    files = corpus_files(folder)
    report = Report(list(run_files(files, FileJob(Linter(), Mode()), 2)))
    print(f"{folder.name}: {len(files):,} files, {len(report.findings):,} findings")
    if not args.html_only:
        text_formats(report, args.repeat)
    html_cost(report, args.size)


def text_formats(report: Report, repeat: int) -> None:
    with open(os.devnull, "w", encoding="utf-8") as null:
        renders = {
            "concise": lambda: concise_output(report, null),
            "full": lambda: full.render(report, null),
            "full --show-all": lambda: full.render(report, null, show_all=True),
        }
        timings = cpu_times(renders, repeat)
    for name, seconds in timings.items():
        ratio = seconds / timings["concise"]
        print(f"{name:>16}: {seconds:6.2f} s CPU  ({ratio:.2f}× concise)")


def html_cost(report: Report, size: int) -> None:
    page = io.StringIO()
    started = time.process_time()
    html.render(report, page)
    built = time.process_time() - started
    target = OUT / f"report-{size}mb.html"
    target.write_text(page.getvalue(), encoding="utf-8")
    size_mb = target.stat().st_size / 1e6
    print(f"{'html':>16}: {built:6.2f} s CPU to build, {size_mb:.2f} MB ({target})")
    timings = browser_timings(target)
    if timings is None:
        print(f"{'html':>16}: not opened (needs Playwright and the system chromium)")
    for step, seconds in (timings or {}).items():
        print(f"{step:>16}: {seconds:6.2f} s in headless Chromium")


# Resolves with performance.now() once the documents on screen are decoded and in place
# (#documents loses aria-busy) and the page has drawn the frame after it.
SETTLED = """
() => new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
  const section = document.getElementById("documents");
  if (!section || !section.hasAttribute("aria-busy")) return done();
  new MutationObserver((_, observer) => {
    if (section.hasAttribute("aria-busy")) return;
    observer.disconnect();
    done();
  }).observe(section, { attributes: true });
})
"""

LOAD_EVENT = """
() => { const t = performance.getEntriesByType("navigation")[0];
  return (t.loadEventEnd - t.startTime) / 1000; }
"""


def browser_timings(page: Path) -> dict[str, float] | None:
    """Seconds to the load event and to the first documents in place (from navigation), then
    for each reader's step until the page settled; None without Playwright or Chromium."""
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
        timings = {"load": tab.evaluate(LOAD_EVENT)}
        timings["first documents"] = tab.evaluate(SETTLED) / 1000

        def step(name: str, action: Callable[[], None]) -> None:
            started = tab.evaluate("() => performance.now()")
            action()
            timings[name] = (tab.evaluate(SETTLED) - started) / 1000

        chips = tab.locator("button.chip[data-filter-rule]")
        clear = tab.locator("button[data-filter-clear]")
        if tab.locator("nav.pager").first.get_by_text("next ›").is_enabled():
            step("next page", tab.locator("nav.pager").first.get_by_text("next ›").click)
        if chips.count():
            step("common rule", chips.first.click)
            step("clear filter", clear.click)
            step("rare rule", chips.last.click)
            clear.click()
        if tab.locator("#file-search").count():
            step("search files", lambda: tab.locator("#file-search").fill("00123"))
            step("sort files", tab.locator('table.files th[data-sort="path"] button').click)
        browser.close()
    return timings


if __name__ == "__main__":
    main()
