"""Regenerate the screenshots of docs/report.md: the health report and ``--statistics``.

    python docs/screenshots.py      # needs the test extra (playwright) and Debian's chromium

Writes docs/report.png (summary and charts), docs/report-document.png (a seed with its
findings marked and one finding's note open), docs/report-metrics.png (the histograms of the
document metrics) and docs/statistics.png (the terminal table, drawn by rich's SVG export).
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from rich.console import Console
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

from cnlint.config import Config
from cnlint.engine.linter import Linter
from cnlint.engine.registry import load_registry
from cnlint.engine.run import Report, process_file
from cnlint.report.html import build_page
from cnlint.report.statistics import statistics_view
from cnlint.report.stats import CorpusStats

DOCS = Path(__file__).resolve().parent
SEEDS = DOCS.parent / "seeds"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def seeds_report() -> Report:
    linter = Linter(Config())
    paths = sorted(SEEDS.glob("*.txt"))
    return Report([process_file(p, linter, display=f"seeds/{p.name}") for p in paths])


def statistics_svg(report: Report) -> str:
    console = Console(record=True, width=100, force_terminal=True, file=io.StringIO())
    console.print(statistics_view(CorpusStats(report), console))
    return console.export_svg(
        title="cnlint check seeds/ --statistics", theme=DEFAULT_TERMINAL_THEME
    )


def main() -> None:
    report = seeds_report()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(build_page(report, load_registry()), encoding="utf-8")
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(page_file.as_uri())
        # The documents' bodies are decoded after load: wait until they are in place.
        page.wait_for_selector("#documents:not([aria-busy])", state="attached")
        page.screenshot(
            path=DOCS / "report.png", clip={"x": 0, "y": 0, "width": 1200, "height": 700}
        )
        doc = page.locator("article.doc").last
        page.evaluate("(y) => window.scrollTo(0, y)", doc.evaluate("(d) => d.offsetTop - 60"))
        doc.locator("pre.text mark").nth(3).hover()
        top = doc.evaluate("(d) => d.getBoundingClientRect().top")
        page.screenshot(
            path=DOCS / "report-document.png",
            clip={"x": 0, "y": top - 50, "width": 1200, "height": 420},
        )
        page.locator("#metrics").screenshot(path=DOCS / "report-metrics.png")
        page.set_viewport_size({"width": 1000, "height": 1200})  # the SVG fills the width
        page.set_content(f"<body style='margin:0'>{statistics_svg(report)}</body>")
        box = page.locator("svg").bounding_box()
        page.screenshot(path=DOCS / "statistics.png", clip={"x": 0, "y": 0, **_size(box)})
        browser.close()
    for name in ("report.png", "report-document.png", "report-metrics.png", "statistics.png"):
        print(f"{name}: {(DOCS / name).stat().st_size:,} bytes", file=sys.stderr)


def _size(box: dict) -> dict:
    return {"width": box["width"], "height": box["height"]}


if __name__ == "__main__":
    main()
