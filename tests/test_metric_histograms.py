"""The HTML report's document-metric histograms: one per threshold rule, the configured
threshold drawn on a bin edge, flagged bars holding exactly the documents beyond it."""

import json
import re

import pytest

from cnlint.config import Config
from cnlint.engine.registry import load_registry
from cnlint.report.histograms import binned
from cnlint.report.metrics import document_metrics

from conftest import SEEDS, SHARED, need, run_cli

EXTERNAL = SHARED / "corpus" / "external"
BAR = re.compile(r"<title>[^<:]*: ([\d,]+) documents( \(flagged\))?</title>")
STRICTER = "rules.Q102.max-ratio = 0.02"


@pytest.fixture(scope="module")
def page() -> str:
    paths = [str(need(EXTERNAL)), str(SEEDS)]
    result = run_cli("check", "--no-cache", "--format", "html", "--config", STRICTER, *paths)
    assert result.returncode in (0, 1, 2), result.stderr
    return result.stdout


def figure(page: str, code: str) -> str:
    start = page.index(f'<figure class="metric" data-metric="{code}">')
    return page[start : page.index("</figure>", start)]


def test_each_threshold_rule_has_a_histogram_with_its_configured_threshold(page):
    codes = [rule.code for rule in load_registry() if rule.metric is not None]
    assert set(re.findall(r'<figure class="metric" data-metric="(\w+)">', page)) == set(codes)
    assert "max-ratio 0.02</text>" in figure(page, "Q102")  # the --config value, not 0.05
    assert "min-chinese-share 0.5</text>" in figure(page, "L102")


def test_flagged_bars_hold_the_documents_the_statistics_count_beyond(page):
    numbers = run_cli(
        "check",
        "--no-cache",
        "--statistics",
        "--format",
        "json",
        "--group-by",
        "folder",
        "--config",
        STRICTER,
        str(EXTERNAL),
        str(SEEDS),
    )
    metrics = json.loads(numbers.stdout)["group_by"]["all"]["metrics"]
    for code in ("Q102", "Q103", "L102"):
        bars = BAR.findall(figure(page, code))
        flagged = sum(int(n.replace(",", "")) for n, mark in bars if mark)
        assert sum(int(n.replace(",", "")) for n, _ in bars) == metrics[code]["measured"]
        assert flagged == metrics[code]["beyond_threshold"], code
        assert f"{flagged:,} beyond the threshold" in figure(page, code)
    assert metrics["Q102"]["beyond_threshold"] > 0


def test_histogram_bins_put_the_threshold_on_an_edge():
    """Every bar is all flagged or all kept: the documents in flagged bars are the ones the
    rule's comparison flags, a value equal to the threshold included."""
    metrics = {m.key: m for m in document_metrics(load_registry(), Config())}
    values = [0.0, 0.01, 0.05, 0.05, 0.0500001, 0.2, 0.9]  # 0.05 itself is kept
    histogram = binned(metrics["Q102"], values)
    assert sum(b.documents for b in histogram.bins) == len(values)
    assert sum(b.documents for b in histogram.bins if b.flagged) == 3
    assert histogram.bins[histogram.threshold_edge].low == pytest.approx(0.05)
    assert histogram.bins[-1].high is None  # 0.9 is past three times the threshold
    shares = [0.2, 0.49, 0.5, 1.0, 1.0]  # below 0.5 is flagged; 1.0 is in the last bar
    histogram = binned(metrics["L102"], shares)
    assert sum(b.documents for b in histogram.bins if b.flagged) == 2
    assert histogram.bins[-1].high == pytest.approx(1.0)
    assert histogram.bins[-1].documents == 2
